// Lotsen store: JSON written straight to text, for the answers on the hot path. Building a boost::json
// value and serialising it cost a fifth of a person read (callgrind, bench/person_read.sh), so those
// answers are written here instead. The text is byte for byte what boost::json::serialize gives for the
// same fields in the same order (tests/unit/json_writer_test.cc holds it to that).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lotsen {

// Appends JSON to a string. The caller keeps the structure valid: a key before each member's value, and
// every begin matched by its end. Nesting deeper than 16 is not supported. Not thread-safe.
class JsonWriter {
 public:
  JsonWriter& beginObject() { return open('{'); }
  JsonWriter& endObject() { return close('}'); }
  JsonWriter& beginArray() { return open('['); }
  JsonWriter& endArray() { return close(']'); }
  // The member name of the value that follows.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag) { return raw(flag ? "true" : "false"); }
  JsonWriter& null() { return raw("null"); }
  template <class T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  // A value that is already JSON text, such as a stored case record.
  JsonWriter& raw(std::string_view json);

  // key(name) then value(v).
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  // The text written so far; the writer is empty afterwards.
  std::string take() { return std::move(out_); }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void separate();  // a comma before every value of a container but its first, and none after a key

  std::string out_;
  std::uint32_t hasMembers_ = 0;  // bit d: the container at depth d has a member already
  int depth_ = 0;
  bool afterKey_ = false;
};

// `text` as a JSON string, quotes included.
std::string jsonQuoted(std::string_view text);

}  // namespace lotsen
