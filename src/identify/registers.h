// Lotsen identify: the three register extracts (population, enrolments, completions) read into compact
// arrays sorted by personal id, with every bad row reported as `file:line: reason`.
//
// src/identify owns reading the registers, the batch target-group matching and applying its result to
// the store. It depends on src/store and src/domain; the rules themselves live in domain/target_group.h.
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/person.h"
#include "domain/target_group.h"
#include "identify/csv.h"

namespace lotsen {

// Problems found in the input, each "file:line: reason"; the first kMaxMessages are kept.
class Diagnostics {
 public:
  static constexpr std::size_t kMaxMessages = 100;
  void add(std::string_view file, std::size_t line, std::string_view reason);
  void add(std::string_view file, std::string_view reason);  // about the whole file
  // Counts a problem whose message would not be kept anyway (see keepsMessages).
  void count();
  // False once kMaxMessages are kept: a problem then only needs counting, not its (costly) message.
  bool keepsMessages() const { return messages_.size() < kMaxMessages; }
  void append(const Diagnostics& other);
  bool empty() const { return total_ == 0; }
  std::size_t total() const { return total_; }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
  std::size_t total_ = 0;
};

// The text encodings a register file may come in. Municipal Excel exports are often Windows-1252.
enum class TextEncoding { utf8, windows1252 };
// "utf-8" (or "utf8"), "windows-1252" (or "cp1252"), in any case. invalid_input on "encoding" otherwise.
std::expected<TextEncoding, Error> textEncodingFromName(std::string_view name);

// The text of one input file: mapped read-only (or read, for pipes), converted to UTF-8 when it comes
// in Windows-1252, and always valid UTF-8 once made.
class RegisterFile {
 public:
  // Errors (invalid_input): the file cannot be opened or read; "file:line: not UTF-8 …" with a hint that
  // names the encoding the file seems to be in; "file:line: byte 0x81 is not a Windows-1252 character".
  static std::expected<std::shared_ptr<const RegisterFile>, Error> open(const std::string& path,
                                                                        TextEncoding encoding = TextEncoding::utf8);
  // A file whose bytes are given (tests); the same errors.
  static std::expected<std::shared_ptr<const RegisterFile>, Error> fromBytes(
      std::string name, std::string bytes, TextEncoding encoding = TextEncoding::utf8);
  // A file whose bytes are viewed, not copied (an upload in a request's body): `bytes` must outlive it.
  static std::expected<std::shared_ptr<const RegisterFile>, Error> view(std::string name, std::string_view bytes,
                                                                        TextEncoding encoding = TextEncoding::utf8);
  ~RegisterFile();

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }
  std::string sha256() const;  // hex, of the bytes as they came (before any conversion)
  // False when the text surely holds no control character but line breaks (found while it was checked).
  bool mayHoldControlCharacters() const { return mayHoldControls_; }

 private:
  RegisterFile() = default;
  static std::expected<std::shared_ptr<const RegisterFile>, Error> checked(std::shared_ptr<RegisterFile> file,
                                                                           TextEncoding encoding);
  std::string name_;
  std::string owned_;
  void* mapping_ = nullptr;
  std::size_t mappedSize_ = 0;
  std::string_view text_;
  std::string originalSha256_;  // set when the text was converted
  bool mayHoldControls_ = true;
};

// 24 bytes: the national population is 10 million rows.
struct PopulationRow {
  std::int64_t id;       // PersonalId::number()
  std::uint32_t offset;  // of the row in the file (under 4 GiB): names are read again only for those who need them
  CivilDate birthDate;
  CivilDate registeredSince;   // folkbokford_datum: since when the person is registered in `municipality`
  std::uint16_t municipality;  // kommunkod
  Protection protection;
};
static_assert(sizeof(PopulationRow) == 24);

struct Population {
  std::shared_ptr<const RegisterFile> file;
  CsvHeader header;
  std::vector<std::size_t> columns;  // index of each population column in the file
  std::vector<PopulationRow> rows;   // sorted by id, no duplicates

  // The row for `id`, or nullptr.
  const PopulationRow* find(std::int64_t id) const;
  // Identity and address of a row, read from the file.
  PersonDetails details(const PopulationRow& row) const;
};

struct Enrolments {
  std::vector<std::int64_t> ids;  // sorted; facts[i] belongs to ids[i]
  std::vector<EnrolmentFact> facts;
};

struct Completions {
  std::vector<std::int64_t> ids;  // sorted; facts[i] belongs to ids[i]
  std::vector<CompletionFact> facts;
};

struct Registers {
  Population population;
  Enrolments enrolments;
  Completions completions;
  std::vector<std::shared_ptr<const RegisterFile>> files;  // in the order given
};

// Progress of a long read: the phase (Swedish, for the user) and the share done, 0–1.
using ProgressReport = std::function<void(std::string_view phase, double done)>;

// Reads and validates the three extracts (completions optional: null). Personnummer in 10-digit form
// get their century from `date`. Every problem goes into `diagnostics`; the registers are usable only
// when it stays empty.
Registers readRegisters(std::shared_ptr<const RegisterFile> population, std::shared_ptr<const RegisterFile> enrolments,
                        std::shared_ptr<const RegisterFile> completions, CivilDate date, Diagnostics& diagnostics,
                        const ProgressReport& progress = {});

}  // namespace lotsen
