// Lotsen store: JSON as Lotsen reads what it is given (request bodies, imported files): an object that holds the
// same key twice is refused, as which value was meant cannot be known (Boost.JSON would keep the last silently).
#pragma once

#include <boost/json/value.hpp>
#include <expected>
#include <string>
#include <string_view>

namespace lotsen {

struct StrictJsonError {
  std::string duplicateKey;  // the key an object holds twice; empty when the text is not JSON
};

// Parses `text` (UTF-8: the caller checks) as one JSON value with nothing after it. Nesting deeper than 32
// levels is not JSON here. Thread-safe.
std::expected<boost::json::value, StrictJsonError> parseStrictJson(std::string_view text);

}  // namespace lotsen
