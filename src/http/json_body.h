// Lotsen http: the one reader of JSON request bodies. Every route that takes a JSON body gets it through
// the request pipeline (Api), which reads it here, so that every route answers a bad body alike.
#pragma once

#include <boost/json/value.hpp>
#include <expected>
#include <string_view>

#include "http/message.h"

namespace lotsen {

// True for "application/json" (any case), with or without parameters, a charset only as UTF-8
// ("application/json; charset=utf-8"); false for "application/json; charset=latin1".
bool isJsonContentType(std::string_view contentType);

// Parses a JSON request body. The problem to answer otherwise: 400 when it is not UTF-8 or not JSON;
// 422 when an object holds the same key twice (which value was meant cannot be known), or when the
// body is not a JSON object. Nesting deeper than 32 levels is not JSON here. Thread-safe.
std::expected<boost::json::value, Response> parseJsonBody(std::string_view body);

}  // namespace lotsen
