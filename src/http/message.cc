#include "http/message.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "domain/messages.h"
#include "domain/text.h"

namespace lotsen {

Response problem(int status, std::string_view title, std::string_view detail, std::string_view field,
                 std::string_view type) {
  boost::json::object body{{"type", type}, {"title", title}, {"status", status}, {"detail", detail}};
  if (!field.empty()) body["field"] = field;
  return Response{status, "application/problem+json", boost::json::serialize(body), {}};
}

Response problem(const Error& error) {
  switch (error.kind) {
    case ErrorKind::invalid_input:
      return problem(400, "Bad Request", error.message, error.field);
    case ErrorKind::not_found:
      return problem(404, "Not Found", error.message);
    case ErrorKind::conflict:
      return problem(409, "Conflict", error.message);
    case ErrorKind::internal:
      break;
  }
  return problem(500, "Internal Server Error", "an internal error occurred; it has been logged");
}

Response validationProblem(const std::vector<Error>& errors) {
  boost::json::array list;
  for (std::size_t i = 0; i < errors.size() && i < kMaxProblemErrors; ++i)
    list.push_back(boost::json::object{{"field", errors[i].field}, {"detail", errors[i].message}});
  boost::json::object body{{"type", "about:blank"},
                           {"title", "Unprocessable Content"},
                           {"status", 422},
                           {"detail", errors.empty() ? std::string("invalid") : errors.front().message},
                           {"errors", std::move(list)},
                           {"error_count", errors.size()}};
  if (!errors.empty() && !errors.front().field.empty()) body["field"] = errors.front().field;
  return Response{422, "application/problem+json", boost::json::serialize(body), {}};
}

void localizeProblem(Response& response, std::string_view acceptLanguage) {
  if (response.contentType != "application/problem+json" ||
      std::ranges::any_of(response.headers, [](const auto& h) { return h.first == "Content-Language"; }))
    return;
  Language language = languageFrom(acceptLanguage);
  response.headers.emplace_back("Content-Language", language == Language::en ? "en" : "sv");
  response.headers.emplace_back("Vary", "Accept-Language");
  if (language == Language::en) return;
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(response.body, ec);
  if (ec || !parsed.is_object()) return;
  boost::json::object& body = parsed.as_object();
  auto translate = [](boost::json::object& o, std::string_view key) {
    if (auto* v = o.if_contains(key); v && v->is_string()) *v = localize(v->as_string(), Language::sv);
  };
  translate(body, "title");
  translate(body, "detail");
  if (auto* errors = body.if_contains("errors"); errors && errors->is_array())
    for (boost::json::value& e : errors->as_array()) {
      if (e.is_object()) translate(e.as_object(), "detail");
      if (e.is_string()) e = localize(e.as_string(), Language::sv);  // a file's "file:line: reason"
    }
  response.body = boost::json::serialize(body);
}

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::optional<std::int64_t> positiveNumber(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

std::optional<std::string> invalidQueryParameter(std::string_view query) {
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    std::size_t eq = pair.find('=');
    std::string name = decode(pair.substr(0, eq));
    for (const std::string& text : {name, decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1))})
      if (!isValidUtf8(text) || firstControlCharacter(text) != std::string_view::npos) return name.substr(0, 40);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

std::string queryParameter(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    std::size_t eq = pair.find('=');
    if (decode(pair.substr(0, eq)) == name)
      return eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

}  // namespace lotsen
