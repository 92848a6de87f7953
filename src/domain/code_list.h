// Lotsen domain core: code lists whose codes are valid between dates (the law and SCB's codes change).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace lotsen {

struct Code {
  std::string code;
  std::string label;  // Swedish, shown to users
  CivilDate validFrom;
  std::optional<CivilDate> validTo;  // inclusive; none = still valid

  bool isValidOn(CivilDate date) const { return validFrom <= date && (!validTo || date <= *validTo); }
};

// A named list of codes, e.g. "registration_reason". Loaded from the store; immutable once built.
class CodeList {
 public:
  CodeList(std::string name, std::vector<Code> codes) : name_(std::move(name)), codes_(std::move(codes)) {}

  const std::string& name() const { return name_; }
  const std::vector<Code>& codes() const { return codes_; }
  // The entry for `code` valid on `date`, or nullptr when the code is unknown or not valid that day.
  const Code* find(std::string_view code, CivilDate date) const;
  bool isValid(std::string_view code, CivilDate date) const { return find(code, date) != nullptr; }
  // True when the list holds `code`, valid on some day.
  bool contains(std::string_view code) const;

 private:
  std::string name_;
  std::vector<Code> codes_;
};

// The Swedish labels of the codes answers carry, by list, whatever each code's validity: an answer
// names old codes too. Immutable once built; thread-safe to read.
class CodeLabels {
 public:
  void add(const CodeList& list);
  // The label of `code` in `list` (its latest period's), or empty when there is none.
  std::string_view label(std::string_view list, std::string_view code) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> labels_;
};

}  // namespace lotsen
