#include "store/json_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "domain/text.h"

namespace lotsen {
namespace json = boost::json;

JsonFields::JsonFields(const json::value& value, std::initializer_list<std::string_view> allowed) : value_(value) {
  if (!value_.is_object()) {
    fail(invalidInput("the body must be a JSON object"));
    return;
  }
  for (const auto& [key, v] : value_.as_object())
    if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end()) {
      // The client's own key, shown safely: cut and with control characters escaped.
      std::string shown = echoed(key, 64);
      // The key first, quoted: a key named like a word of the message ("unknown") is never read as the field
      // the message starts with (absorb()).
      fail(invalidInput(fmt::format("'{}' is an unknown field: only the fields the statute allows are kept", shown), shown));
    }
}

const json::value* JsonFields::find(std::string_view name) const {
  return value_.is_object() ? value_.as_object().if_contains(name) : nullptr;
}

bool JsonFields::has(std::string_view name) const { return find(name) != nullptr; }

void JsonFields::fail(Error e) {
  if (errors_.size() < kMaxFieldErrors) errors_.push_back(std::move(e));
}

void JsonFields::absorb(const std::vector<Error>& errors, std::string_view prefix) {
  for (Error e : errors) {
    // A message that starts with its field's name ("target_date: no such date: …") names it by its whole path.
    if (!e.field.empty() && e.message.starts_with(e.field) && e.message.size() > e.field.size() &&
        (e.message[e.field.size()] == ' ' || e.message[e.field.size()] == ':'))
      e.message = std::string(prefix) + "." + e.message;
    e.field = e.field.empty() ? std::string(prefix) : std::string(prefix) + "." + e.field;
    fail(std::move(e));
  }
}

std::string JsonFields::text(std::string_view name, bool required) {
  const json::value* v = find(name);
  if (!v || v->is_null()) {
    if (required) fail(invalidInput(fmt::format("{} is required", name), std::string(name)));
    return {};
  }
  if (!v->is_string()) {
    fail(invalidInput(fmt::format("{} must be a string", name), std::string(name)));
    return {};
  }
  return std::string(v->as_string());
}

std::optional<CivilDate> JsonFields::date(std::string_view name, bool required) {
  std::string t = text(name, required);
  if (t.empty()) return std::nullopt;
  auto d = CivilDate::parse(t);
  if (!d) {
    fail(invalidInput(fmt::format("{}: {}", name, d.error().message), std::string(name)));
    return std::nullopt;
  }
  return *d;
}

bool JsonFields::boolean(std::string_view name) {
  auto value = optionalBoolean(name);
  if (!value && !has(name)) fail(invalidInput(fmt::format("{} must be true or false", name), std::string(name)));
  return value.value_or(false);
}

std::optional<bool> JsonFields::optionalBoolean(std::string_view name) {
  const json::value* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    fail(invalidInput(fmt::format("{} must be true or false", name), std::string(name)));
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::int64_t> JsonFields::integer(std::string_view name) {
  const json::value* v = find(name);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_int64()) {
    fail(invalidInput(fmt::format("{} must be a whole number", name), std::string(name)));
    return std::nullopt;
  }
  return v->as_int64();
}

const json::array* JsonFields::array(std::string_view name, std::size_t maxItems) {
  const json::value* v = find(name);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_array()) {
    fail(invalidInput(fmt::format("{} must be an array", name), std::string(name)));
    return nullptr;
  }
  if (v->as_array().size() > maxItems) {
    fail(invalidInput(fmt::format("{} holds at most {} items", name, maxItems), std::string(name)));
    return nullptr;
  }
  return &v->as_array();
}

std::optional<std::vector<std::string>> JsonFields::strings(std::string_view name, std::size_t maxItems) {
  const json::array* items = array(name, maxItems);
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  for (const json::value& item : *items) {
    if (!item.is_string()) {
      fail(invalidInput(fmt::format("{} is a list of strings", name), std::string(name)));
      return std::nullopt;
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

}  // namespace lotsen
