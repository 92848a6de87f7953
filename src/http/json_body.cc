#include "http/json_body.h"

#include <fmt/format.h>

#include <string>

#include "domain/text.h"
#include "store/strict_json.h"

namespace lotsen {

bool isJsonContentType(std::string_view contentType) {
  std::string_view type = contentType.substr(0, contentType.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (type.size() != 16) return false;
  for (std::size_t i = 0; i < type.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(type[i])) != "application/json"[i]) return false;
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
