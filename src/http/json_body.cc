#include "http/json_body.h"

#include <fmt/format.h>

#include <boost/algorithm/string.hpp>
#include <span>
#include <string>
#include <vector>

#include "domain/text.h"
#include "store/strict_json.h"

namespace lotsen {

bool isJsonContentType(std::string_view contentType) {
  std::vector<std::string_view> parts;
  boost::algorithm::split(parts, contentType, boost::algorithm::is_any_of(";"));
  if (!boost::algorithm::iequals(boost::algorithm::trim_copy(parts.front()), "application/json")) return false;
  // The body is always read as UTF-8: a charset parameter that says otherwise is refused, not ignored.
  for (std::string_view parameter : std::span(parts).subspan(1)) {
    std::string_view name = parameter.substr(0, parameter.find('='));
    if (!boost::algorithm::iequals(boost::algorithm::trim_copy(name), "charset")) continue;
    if (name.size() == parameter.size()) return false;
    std::string value = boost::algorithm::trim_copy(std::string(parameter.substr(name.size() + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (!boost::algorithm::iequals(value, "utf-8")) return false;
  }
  return true;
}

std::expected<boost::json::value, Response> parseJsonBody(std::string_view body) {
  if (!isValidUtf8(body))
    return std::unexpected(problem(400, "Bad Request", "the body is not UTF-8: send JSON in UTF-8"));
  auto parsed = parseStrictJson(body);
  if (!parsed && !parsed.error().duplicateKey.empty())
    return std::unexpected(problem(422, "Unprocessable Content",
                                   fmt::format("the key '{}' appears twice in one object: send each field once",
                                               echoed(parsed.error().duplicateKey, 64))));
  if (!parsed) return std::unexpected(problem(400, "Bad Request", "the body is not valid JSON"));
  boost::json::value value = std::move(*parsed);
  if (!value.is_object())
    return std::unexpected(problem(422, "Unprocessable Content", "the body must be a JSON object"));
  return value;
}

}  // namespace lotsen
