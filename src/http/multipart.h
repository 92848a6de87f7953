// Lotsen http: multipart/form-data bodies (RFC 7578), for file uploads.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace lotsen {

struct FormPart {
  std::string name;       // the form field
  std::string fileName;   // empty for a plain field
  std::string_view body;  // a view into the request body
};

inline constexpr std::size_t kMaxFormParts = 32;

// Splits `body` by the boundary named in `contentType`. Errors (a message for a 400): not multipart, no
// boundary, a part without a name, a name or file name that is not UTF-8 text, more than kMaxFormParts
// parts, no closing boundary.
std::expected<std::vector<FormPart>, std::string> parseMultipart(std::string_view contentType, std::string_view body);

}  // namespace lotsen
