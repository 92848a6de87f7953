#include "http/multipart.h"

#include <fmt/format.h>

#include "domain/text.h"

namespace lotsen {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// The value of `key=value` or `key="value"` among `; `-separated parameters.
std::string parameter(std::string_view header, std::string_view key) {
  std::size_t at = 0;
  while ((at = header.find(';', at)) != std::string_view::npos) {
    std::string_view rest = trim(header.substr(at + 1));
    if (startsWithNoCase(rest, key) && rest.size() > key.size() && rest[key.size()] == '=') {
      rest.remove_prefix(key.size() + 1);
      if (!rest.empty() && rest.front() == '"') {
        std::size_t close = rest.find('"', 1);
        return std::string(rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
      }
      return std::string(trim(rest.substr(0, rest.find(';'))));
    }
    ++at;
  }
  return {};
}

}  // namespace

std::expected<std::vector<FormPart>, std::string> parseMultipart(std::string_view contentType, std::string_view body) {
  if (!startsWithNoCase(contentType, "multipart/form-data"))
    return std::unexpected("send the files as multipart/form-data");
  std::string boundary = parameter(contentType, "boundary");
  if (boundary.empty()) return std::unexpected("the multipart boundary is missing");
  const std::string delimiter = "--" + boundary;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return std::unexpected("the body has no multipart boundary");
  std::vector<FormPart> parts;
  for (;;) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;  // the closing boundary
    if (body.substr(at, 2) != "\r\n") return std::unexpected("a multipart boundary is not followed by a line break");
    at += 2;
    std::size_t headersEnd = body.find("\r\n\r\n", at);
    if (headersEnd == std::string_view::npos) return std::unexpected("a multipart part has no end of headers");
    FormPart part;
    std::string_view headers = body.substr(at, headersEnd - at);
    while (!headers.empty()) {
      std::size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      if (startsWithNoCase(line, "content-disposition:")) {
        part.name = parameter(line, "name");
        part.fileName = parameter(line, "filename");
      }
      headers.remove_prefix(eol == std::string_view::npos ? headers.size() : eol + 2);
    }
    if (part.name.empty()) return std::unexpected("a multipart part has no name");
    for (const std::string& text : {part.name, part.fileName})
      if (!isValidUtf8(text) || firstControlCharacter(text) != std::string_view::npos)
        return std::unexpected("a multipart part's name or file name is not UTF-8 text without control characters");
    if (parts.size() == kMaxFormParts) return std::unexpected(fmt::format("send at most {} parts", kMaxFormParts));
    std::size_t start = headersEnd + 4;
    std::size_t next = body.find("\r\n" + delimiter, start);
    if (next == std::string_view::npos) return std::unexpected("the multipart body is not closed");
    part.body = body.substr(start, next - start);
    parts.push_back(std::move(part));
    at = next + 2;
  }
}

}  // namespace lotsen
