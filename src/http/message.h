// Lotsen http: the request and response as handlers see them (no Beast types), and problem+json.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/error.h"
#include "store/json_writer.h"  // jsonQuoted
#include "store/store.h"

namespace lotsen {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // without the query string
  std::string query;   // after '?', undecoded
  std::string body;
  std::string contentType;
  std::string cookie;          // the Cookie header
  std::string csrfToken;       // the X-CSRF-Token header
  std::string ifMatch;         // the If-Match header
  std::string acceptLanguage;  // the Accept-Language header: Swedish unless it prefers English
  std::string remoteAddress;   // the client's IP address
};

struct Response {
  Response() = default;
  Response(int status, std::string contentType, std::string body,
           std::vector<std::pair<std::string, std::string>> headers = {})
      : status(status), contentType(std::move(contentType)), body(std::move(body)), headers(std::move(headers)) {}

  int status = 200;
  std::string contentType = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Nothing is kept by default (personal data); the UI's hashed assets may be kept for good.
  std::string_view cacheControl = "no-store";
  // Set when the body holds personal data: the server sends the body only after this entry is durably
  // in the access log, and answers 503 instead when it cannot be written.
  std::optional<AccessEntry> access;
};

// The problem type of a case outside the user's caseload that a break-the-glass grant would open.
inline constexpr std::string_view kOutsideCaseloadType = "urn:lotsen:problem:outside-caseload";
// The problem type of a change without the session's CSRF token (or with another session's).
inline constexpr std::string_view kCsrfType = "urn:lotsen:problem:csrf";

// An RFC 9457 problem+json response. `detail` is shown to users and must not hold personal data; `type`
// is about:blank unless a client must tell this problem from others of its status.
Response problem(int status, std::string_view title, std::string_view detail, std::string_view field = {},
                 std::string_view type = "about:blank");
// The problem for an Error value: invalid_input → 400, not_found → 404, conflict → 409, internal → 500.
Response problem(const Error& error);

// A 422 problem listing the violations as {"field", "detail"}: the first kMaxProblemErrors of them, and
// "error_count" for all.
inline constexpr std::size_t kMaxProblemErrors = 100;
Response validationProblem(const std::vector<Error>& errors);

// A problem+json response in the language the request asks for (domain/messages: Swedish unless
// Accept-Language prefers English): its title, detail and each error's detail, with Content-Language.
// Any other response, and a problem already localized (it has Content-Language), is left as it is.
void localizeProblem(Response& response, std::string_view acceptLanguage);

// Decodes one application/x-www-form-urlencoded query parameter; empty when absent.
std::string queryParameter(std::string_view query, std::string_view name);

// The name of the first query parameter whose name or value, decoded, is not valid UTF-8 or holds a
// control character; none when every one is text.
std::optional<std::string> invalidQueryParameter(std::string_view query);

// `text` as a positive whole number (digits only, at least 1), or nothing.
std::optional<std::int64_t> positiveNumber(std::string_view text);

}  // namespace lotsen
