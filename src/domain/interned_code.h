// Lotsen domain: a code (a value of a code list, such as "studies" or "completed") kept once for the whole
// process, so that the many records in memory that hold the same few codes hold 8 bytes each instead of a
// 32-byte string (the reports' history, store/case_history.h, walks millions of them: bench/report.sh).
#pragma once

#include <string>
#include <string_view>

namespace lotsen {

class InternedCode {
 public:
  InternedCode() = default;  // the empty code
  // The code `text`, stored the first time it is seen and never freed (codes come from code lists: a few hundred
  // at most). Thread-safe.
  explicit InternedCode(std::string_view text);

  std::string_view view() const { return text_ ? std::string_view(*text_) : std::string_view(); }
  operator std::string_view() const { return view(); }
  bool empty() const { return view().empty(); }

  friend bool operator==(InternedCode a, InternedCode b) { return a.view() == b.view(); }
  friend bool operator==(InternedCode a, std::string_view b) { return a.view() == b; }

 private:
  const std::string* text_ = nullptr;  // null: the empty code
};

}  // namespace lotsen
