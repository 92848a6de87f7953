// Lotsen domain core: the error value every layer passes back with std::expected.
#pragma once

#include <string>

namespace lotsen {

enum class ErrorKind {
  invalid_input,  // the caller gave something malformed or against a rule (HTTP 400/422, exit 2)
  not_found,      // the thing asked for does not exist (HTTP 404)
  conflict,       // a stale version or a duplicate (HTTP 409)
  internal,       // a fault on our side (HTTP 500, exit 1)
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;  // user-facing, never contains personal data
  std::string field;    // the input field at fault, when there is one
};

inline Error invalidInput(std::string message, std::string field = {}) {
  return {ErrorKind::invalid_input, std::move(message), std::move(field)};
}
inline Error notFound(std::string message) { return {ErrorKind::not_found, std::move(message), {}}; }
inline Error conflict(std::string message) { return {ErrorKind::conflict, std::move(message), {}}; }
inline Error internalError(std::string message) { return {ErrorKind::internal, std::move(message), {}}; }

}  // namespace lotsen
