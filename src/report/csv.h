// Lotsen report: CSV as Swedish Excel opens it — UTF-8 with a byte-order mark, semicolons between cells,
// CRLF between lines, decimal commas, ISO dates — with text cells made safe against formula injection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotsen {

// A text cell as written: quoted when it holds a semicolon, a quote or a line break; and, when it begins
// with =, +, -, @, a tab or a carriage return (which a spreadsheet would take for a formula), with an
// apostrophe put first so that it stays text.
std::string csvText(std::string_view text);

// A number with `decimals` decimals and a decimal comma ("12,5"); empty for none.
std::string csvNumber(std::optional<double> value, int decimals);
std::string csvNumber(std::optional<std::int64_t> value);

// Builds a file line by line. Not thread-safe.
class CsvFile {
 public:
  CsvFile();  // starts with the byte-order mark
  // Adds a line of cells already written by csvText / csvNumber.
  void line(const std::vector<std::string>& cells);
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace lotsen
