#include "report/csv.h"

#include <fmt/format.h>

namespace lotsen {

std::string csvText(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) cell = "'";
  cell += text;
  if (cell.find_first_of(";\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csvNumber(std::optional<double> value, int decimals) {
  if (!value) return "";
  std::string text = fmt::format("{:.{}f}", *value, decimals);
  if (auto point = text.find('.'); point != std::string::npos) text[point] = ',';
  return text;
}

std::string csvNumber(std::optional<std::int64_t> value) { return value ? std::to_string(*value) : ""; }

CsvFile::CsvFile() : text_("\xEF\xBB\xBF") {}

void CsvFile::line(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) text_ += ';';
    text_ += cells[i];
  }
  text_ += "\r\n";
}

}  // namespace lotsen
