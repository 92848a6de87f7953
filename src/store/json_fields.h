// Lotsen store: reading the fields of one JSON object (a request's body, a stored record) with every
// problem named by its field, so that a form can show them all at once.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <expected>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"

namespace lotsen {

// At most this many problems are collected (and answered): one per field is enough to correct a form.
inline constexpr std::size_t kMaxFieldErrors = 100;

// Reads the fields of one JSON object: each getter checks its field's type, and a field that is not
// allowed is refused (only the fields the statute allows are kept). The rules for the values themselves
// (free text, codes, dates in order) are the domain's. Not thread-safe; keeps `value` referenced.
class JsonFields {
 public:
  JsonFields(const boost::json::value& value, std::initializer_list<std::string_view> allowed);

  // A string field; empty when absent or null (a problem when `required`).
  std::string text(std::string_view name, bool required = false);
  // A date field (YYYY-MM-DD); none when absent or null (a problem when `required`).
  std::optional<CivilDate> date(std::string_view name, bool required = false);
  // A field that must be true or false.
  bool boolean(std::string_view name);
  // true, false, or none when absent.
  std::optional<bool> optionalBoolean(std::string_view name);
  // A whole number; none when absent or null.
  std::optional<std::int64_t> integer(std::string_view name);
  // An array field (nullptr when absent or null) of at most `maxItems` elements; longer ones are a
  // problem and read as nullptr, so that no check runs over an unbounded list.
  const boost::json::array* array(std::string_view name, std::size_t maxItems);
  // An array of strings (none when absent or null), at most `maxItems`.
  std::optional<std::vector<std::string>> strings(std::string_view name, std::size_t maxItems);
  bool has(std::string_view name) const;

  void fail(Error e);
  // Adds `errors`, each field prefixed with `prefix` and a dot, and so a message that starts with its field.
  void absorb(const std::vector<Error>& errors, std::string_view prefix);
  const std::vector<Error>& errors() const { return errors_; }
  template <class T>
  std::expected<T, std::vector<Error>> result(T value) {
    if (!errors_.empty()) return std::unexpected(errors_);
    return value;
  }

 private:
  const boost::json::value* find(std::string_view name) const;
  const boost::json::value& value_;
  std::vector<Error> errors_;
};

}  // namespace lotsen
