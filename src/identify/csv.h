// Lotsen identify: reading the registers' CSV files (RFC 4180; UTF-8 with or without BOM; ';' or ','
// detected from the header line; header names in any order, unknown columns ignored).
#pragma once

#include <cstddef>
#include <deque>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace lotsen {

struct CsvHeader {
  char separator = ';';
  std::vector<std::string> columns;  // trimmed, lower-case
  std::size_t bodyOffset = 0;        // where the first data row starts in the text
};

// Reads the header line of `text`. Errors (a message without file or line): empty file, unterminated
// quote in the header.
std::expected<CsvHeader, std::string> readCsvHeader(std::string_view text);

// The index of each of `names` in the header, or the error "missing column(s) a, b".
std::expected<std::vector<std::size_t>, std::string> locateColumns(const CsvHeader& header,
                                                                   const std::vector<std::string_view>& names);

// Reads data rows from `text` starting at `offset`, counting lines from `firstLine`.
class CsvReader {
 public:
  CsvReader(std::string_view text, char separator, std::size_t offset, std::size_t firstLine)
      : text_(text), separator_(separator), pos_(offset), nextLine_(firstLine) {}

  // Reads the next non-empty row into `fields` (views into the text, or into a buffer of this reader
  // valid until the next call for quoted fields). Returns false at the end of the text. Error: an
  // unterminated quote or text after a closing quote. line() is the row's first line either way.
  std::expected<bool, std::string> next(std::vector<std::string_view>& fields);
  std::size_t line() const { return line_; }
  std::size_t offset() const { return rowStart_; }  // where the row just read starts in the text
  std::size_t position() const { return pos_; }     // where the next row starts

 private:
  std::string_view text_;
  char separator_;
  std::size_t pos_;
  std::size_t nextLine_;
  std::size_t line_ = 0;
  std::size_t rowStart_ = 0;
  std::deque<std::string> unquoted_;  // a deque: growing it keeps the views into earlier fields valid
};

}  // namespace lotsen
