#include "store/strict_json.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>
#include <unordered_set>
#include <vector>

namespace lotsen {
namespace {

namespace json = boost::json;

// Builds the value as Boost.JSON's own parser does (through a value_stack), and stops at the first key
// that its object already holds: Boost.JSON would keep the last one silently.
struct RefusingDuplicateKeys {
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  json::value_stack st;
  std::vector<std::unordered_set<std::string>> keys;  // of each object being read, innermost last
  std::string partialKey;
  std::string duplicate;  // the key seen twice, once found

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    keys.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code&) {
    keys.pop_back();
    st.push_object(n);
    return true;
  }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t n, json::error_code&) {
    st.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    partialKey.append(s.data(), s.size());
    st.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    partialKey.append(s.data(), s.size());
    if (!keys.back().insert(partialKey).second) {
      duplicate = std::move(partialKey);
      ec = json::error::syntax;  // stops the parser; `duplicate` says why
      return false;
    }
    partialKey.clear();
    st.push_key(s);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    st.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    st.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    st.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view, json::error_code&) {
    st.push_double(d);
    return true;
  }
  bool on_bool(bool b, json::error_code&) {
    st.push_bool(b);
    return true;
  }
  bool on_null(json::error_code&) {
    st.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
};

}  // namespace

std::expected<json::value, StrictJsonError> parseStrictJson(std::string_view text) {
  json::basic_parser<RefusingDuplicateKeys> parser(json::parse_options{});
  parser.handler().st.reset();
  json::error_code ec;
  std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!parser.handler().duplicate.empty()) return std::unexpected(StrictJsonError{parser.handler().duplicate});
  if (ec || !parser.done() || used != text.size()) return std::unexpected(StrictJsonError{});
  return parser.handler().st.release();
}

}  // namespace lotsen
