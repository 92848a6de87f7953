#include "identify/csv.h"

#include <algorithm>
#include <cstring>

namespace lotsen {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::expected<CsvHeader, std::string> readCsvHeader(std::string_view text) {
  std::size_t start = 0;
  if (text.starts_with("\xEF\xBB\xBF")) start = 3;
  std::size_t end = text.find('\n', start);
  std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (trim(line).empty()) return std::unexpected("the file is empty or has no header line");
  // The separator is whichever of ';' and ',' the header uses (outside quotes), ';' when tied.
  std::size_t semicolons = 0, commas = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && c == ';')
      ++semicolons;
    else if (!quoted && c == ',')
      ++commas;
  }
  CsvHeader header;
  header.separator = commas > semicolons ? ',' : ';';
  CsvReader reader(text, header.separator, start, 1);
  std::vector<std::string_view> fields;
  auto row = reader.next(fields);
  if (!row) return std::unexpected(row.error());
  for (std::string_view f : fields) {
    std::string name(trim(f));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    header.columns.push_back(std::move(name));
  }
  header.bodyOffset = reader.position();
  return header;
}

std::expected<std::vector<std::size_t>, std::string> locateColumns(const CsvHeader& header,
                                                                   const std::vector<std::string_view>& names) {
  std::vector<std::size_t> indexes;
  std::string missing;
  for (std::string_view name : names) {
    auto it = std::find(header.columns.begin(), header.columns.end(), name);
    if (it == header.columns.end()) {
      missing += (missing.empty() ? "" : ", ") + std::string(name);
      continue;
    }
    indexes.push_back(static_cast<std::size_t>(it - header.columns.begin()));
  }
  if (!missing.empty()) return std::unexpected("missing column(s) in the header: " + missing);
  return indexes;
}

std::expected<bool, std::string> CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  unquoted_.clear();
  // Skip empty lines.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++nextLine_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  rowStart_ = pos_;
  line_ = nextLine_;
  for (;;) {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      // A quoted field: "" is a quote; it may span lines.
      std::string value;
      ++pos_;
      for (;;) {
        std::size_t quote = text_.find('"', pos_);
        if (quote == std::string_view::npos) return std::unexpected("a quoted field is not closed");
        std::string_view part = text_.substr(pos_, quote - pos_);
        nextLine_ += static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
        value.append(part);
        pos_ = quote + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') {
          value += '"';
          ++pos_;
          continue;
        }
        break;
      }
      unquoted_.push_back(std::move(value));
      fields.push_back(unquoted_.back());
      if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n')
        return std::unexpected("text after a closing quote");
    } else {
      const char* begin = text_.data() + pos_;
      const char* limit = text_.data() + text_.size();
      const char* p = begin;
      while (p < limit && *p != separator_ && *p != '\n') ++p;
      std::string_view value(begin, static_cast<std::size_t>(p - begin));
      if (!value.empty() && value.back() == '\r' && (p == limit || *p == '\n')) value.remove_suffix(1);
      fields.push_back(value);
      pos_ = static_cast<std::size_t>(p - text_.data());
    }
    if (pos_ >= text_.size()) break;
    if (text_[pos_] == '\n') {
      ++pos_;
      ++nextLine_;
      break;
    }
    ++pos_;  // the separator
  }
  return true;
}

}  // namespace lotsen
