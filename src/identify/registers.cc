#include "identify/registers.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <iconv.h>
#include <sodium.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "domain/text.h"

namespace lotsen {
namespace {

namespace json = boost::json;

const std::vector<std::string_view> kPopulationColumns{"personnummer",     "fornamn",           "efternamn",
                                                       "utdelningsadress", "postnummer",        "postort",
                                                       "kommunkod",        "folkbokford_datum", "skyddsmarkering"};
enum PopulationColumn { kPid, kFirstName, kLastName, kStreet, kPostalCode, kCity, kMunicipality, kSince, kProtection };

const std::vector<std::string_view> kEnrolmentColumns{"personnummer", "skolform",   "programkod", "skolenhetskod",
                                                      "huvudman",     "startdatum", "slutdatum",  "avbrott"};
enum EnrolmentColumn { kEPid, kSchoolForm, kProgramme, kSchoolUnit, kOrganiser, kStart, kEnd, kCancelled };

const std::vector<std::string_view> kCompletionColumns{"personnummer", "bevis", "datum"};

struct EnrolmentRow {
  std::int64_t id;
  EnrolmentFact fact;
};

// Sorts `items` by key(item) (non-negative, below 2^48) with a stable LSD radix sort: millions of rows
// sort several times faster than with std::sort.
template <class T, class Key>
void radixSort(std::vector<T>& items, Key key) {
  if (items.size() < 2) return;
  std::uint64_t lowest = key(items[0]), highest = lowest;
  for (const T& item : items) {
    lowest = std::min<std::uint64_t>(lowest, key(item));
    highest = std::max<std::uint64_t>(highest, key(item));
  }
  std::vector<T> buffer(items.size(), items[0]);
  for (int shift = 0; shift < 64 && ((highest - lowest) >> shift) != 0; shift += 16) {
    std::vector<std::size_t> counts(65537, 0);
    for (const T& item : items) ++counts[((key(item) - lowest) >> shift & 0xFFFF) + 1];
    std::partial_sum(counts.begin(), counts.end(), counts.begin());
    for (const T& item : items) buffer[counts[(key(item) - lowest) >> shift & 0xFFFF]++] = item;
    items.swap(buffer);
  }
}

bool fourDigits(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `text` in Windows-1252 as UTF-8 (iconv), or the offset of a byte that Windows-1252 leaves undefined.
std::expected<std::string, std::size_t> windows1252ToUtf8(std::string_view text) {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot convert from Windows-1252");
  std::size_t high = static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  std::string out(text.size() + 2 * high, '\0');  // no Windows-1252 character takes more than 3 bytes in UTF-8
  char* in = const_cast<char*>(text.data());
  std::size_t inLeft = text.size(), outLeft = out.size();
  char* to = out.data();
  std::size_t done = iconv(cd, &in, &inLeft, &to, &outLeft);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1)) return std::unexpected(static_cast<std::size_t>(in - text.data()));
  out.resize(out.size() - outLeft);
  return out;
}

// A hint for a file that is not UTF-8: the encoding it most likely is in, and what to do.
std::string likelyEncoding(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return "the file looks like UTF-16: save it as UTF-8";
  return "the file looks like Windows-1252 (Latin-1), as Excel often saves CSV: give --encoding windows-1252 (in "
         "the API the field encoding), or save it as UTF-8";
}

// Splits [offset, end) of `text` into `parts` ranges at line starts, for parallel parsing. Only valid
// when no field is quoted (a quoted field may hold a line break).
std::vector<std::pair<std::size_t, std::size_t>> splitAtLines(std::string_view text, std::size_t offset, int parts) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::size_t start = offset;
  for (int i = 1; i < parts; ++i) {
    std::size_t guess = offset + (text.size() - offset) * static_cast<std::size_t>(i) / static_cast<std::size_t>(parts);
    std::size_t newline = text.find('\n', std::max(guess, start));
    if (newline == std::string_view::npos) break;
    ranges.emplace_back(start, newline + 1);
    start = newline + 1;
  }
  ranges.emplace_back(start, text.size());
  return ranges;
}

// One pass over a file's text, on every core and in cache-sized pieces that end at a line (so that no
// character is split): whether it is valid UTF-8, and whether it may hold a control character. The two
// checks share the pass: a national extract is 700 MB.
struct TextScreen {
  bool validUtf8 = true;
  bool mayHoldControls = false;
};
TextScreen screenText(std::string_view text) {
  constexpr std::size_t kPiece = 256 * 1024;
  const int threads =
      text.size() < (8u << 20) ? 1 : std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 8);
  auto ranges = splitAtLines(text, 0, threads);
  std::vector<TextScreen> found(ranges.size());
  auto work = [&](std::size_t part) {
    auto [begin, end] = ranges[part];
    for (std::size_t at = begin; at < end;) {
      std::size_t stop = std::min(end, at + kPiece);
      if (stop < end) stop = std::min(end, text.find('\n', stop) + 1);  // find gives npos + 1 = 0 at the end
      if (stop <= at) stop = end;
      std::string_view piece = text.substr(at, stop - at);
      found[part].validUtf8 = found[part].validUtf8 && isValidUtf8(piece);
      found[part].mayHoldControls = found[part].mayHoldControls || mayHoldControlCharacters(piece);
      at = stop;
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < ranges.size(); ++i) workers.emplace_back(work, i);
  work(0);
  for (auto& w : workers) w.join();
  TextScreen all;
  for (const TextScreen& t : found) {
    all.validUtf8 = all.validUtf8 && t.validUtf8;
    all.mayHoldControls = all.mayHoldControls || t.mayHoldControls;
  }
  return all;
}

std::size_t lineAt(std::string_view text, std::size_t offset) {
  return 1 +
         static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Reads every data row of a CSV register file, in parallel chunks when no field is quoted.
// `parseRow(fields, columns, line, offset, diagnostics)` returns the row, or nothing after adding a problem.
// Rows come back in file order.
template <class Row, class ParseRow>
std::vector<Row> readCsvRows(const RegisterFile& file, const std::vector<std::string_view>& columnNames,
                             CsvHeader& header, std::vector<std::size_t>& columns, Diagnostics& diagnostics,
                             const ProgressReport& report, std::string_view phase, ParseRow parseRow) {
  const std::string& name = file.name();
  std::string_view text = file.text();
  auto readHeader = readCsvHeader(text);
  if (!readHeader) {
    diagnostics.add(name, 1, readHeader.error());
    return {};
  }
  auto located = locateColumns(*readHeader, columnNames);
  if (!located) {
    diagnostics.add(name, 1, located.error());
    return {};
  }
  header = *readHeader;
  columns = *located;
  const std::size_t body = header.bodyOffset;
  if (text.find_first_not_of(" \t\r\n", body) == std::string_view::npos) {
    diagnostics.add(name, lineAt(text, body),
                    "the extract has a header but no rows: a truncated or empty file is not read");
    return {};
  }
  if (file.mayHoldControlCharacters()) {
    // Names and addresses are shown to people: a control character (a terminal escape, a NUL of UTF-16)
    // refuses the file. Only now, on the rare file that may hold one, is each line looked at.
    bool found = false;
    for (std::size_t start = 0, line = 1; start < text.size(); ++line) {
      std::size_t end = std::min(text.find('\n', start), text.size());
      std::string_view row = text.substr(start, end - start);
      if (row.ends_with('\r')) row.remove_suffix(1);
      if (std::size_t at = firstControlCharacter(row); at != std::string_view::npos) {
        found = true;
        diagnostics.add(
            name, line,
            fmt::format("a control character (byte 0x{:02X}) in the row{}", static_cast<unsigned char>(row[at]),
                        row[at] == '\0' ? ": the file looks like UTF-16; save it as UTF-8" : ""));
      }
      start = end + 1;
    }
    if (found) return {};
  }
  const int threads = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 8);
  bool anyQuote = std::memchr(text.data() + body, '"', text.size() - body) != nullptr;
  auto ranges = splitAtLines(text, body, anyQuote || text.size() - body < (1 << 20) ? 1 : threads);
  std::vector<std::size_t> firstLines{lineAt(text, body)};
  for (std::size_t i = 1; i < ranges.size(); ++i)
    firstLines.push_back(firstLines.back() +
                         lineAt(text.substr(ranges[i - 1].first, ranges[i - 1].second - ranges[i - 1].first),
                                ranges[i - 1].second - ranges[i - 1].first) -
                         1);
  std::vector<std::vector<Row>> parts(ranges.size());
  std::vector<Diagnostics> problems(ranges.size());
  // The first part reserves room for every row (untouched room costs no memory), so that the others
  // append without copying it.
  const std::size_t estimate = (text.size() - body) / 40 + 16;
  auto parse = [&](std::size_t part) {
    auto [begin, end] = ranges[part];
    CsvReader reader(text.substr(0, end), header.separator, begin, firstLines[part]);
    std::vector<std::string_view> fields;
    auto& rows = parts[part];
    rows.reserve(part == 0 ? estimate : (end - begin) / 40 + 16);
    for (std::size_t count = 0;; ++count) {
      auto more = reader.next(fields);
      if (!more) {
        problems[part].add(name, reader.line(), more.error());
        break;
      }
      if (!*more) break;
      if (part == 0 && report && count % 65536 == 0)
        report(phase, static_cast<double>(reader.position() - begin) / static_cast<double>(end - begin + 1));
      if (fields.size() != header.columns.size()) {
        problems[part].add(
            name, reader.line(),
            fmt::format("expected {} fields as in the header, found {}", header.columns.size(), fields.size()));
        continue;
      }
      if (auto row = parseRow(fields, columns, reader.line(), reader.offset(), problems[part])) rows.push_back(*row);
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < ranges.size(); ++i) workers.emplace_back(parse, i);
  parse(0);
  for (auto& w : workers) w.join();
  std::vector<Row> rows = std::move(parts[0]);
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    diagnostics.append(problems[i]);
    if (i > 0) rows.insert(rows.end(), parts[i].begin(), parts[i].end());
  }
  return rows;
}

std::optional<CivilDate> requireDate(std::string_view text, std::string_view column, std::string_view file,
                                     std::size_t line, Diagnostics& diagnostics) {
  auto date = CivilDate::parse(text);
  if (!date) {
    diagnostics.add(file, line, fmt::format("{}: {}", column, date.error().message));
    return std::nullopt;
  }
  return *date;
}

std::optional<PersonalId> requirePersonalId(std::string_view text, CivilDate reference, std::string_view file,
                                            std::size_t line, Diagnostics& diagnostics) {
  auto id = PersonalId::parse(text, reference);
  if (!id) {
    diagnostics.add(file, line, fmt::format("personnummer '{}': {}", echoed(text, 20), id.error().message));
    return std::nullopt;
  }
  return *id;
}

// One enrolment's values, from CSV or SS 12000 JSON; the error is the reason the row is refused.
std::expected<EnrolmentFact, std::string> enrolmentFact(std::string_view schoolForm, std::string_view programme,
                                                        std::string_view start, std::string_view end,
                                                        std::string_view cancelled) {
  auto type = schoolTypeFromCode(schoolForm);
  if (!type)
    return std::unexpected(
        fmt::format("unknown skolform '{}' (SS 12000 schoolType such as GY, GYS, VUX, FHS)", echoed(schoolForm, 20)));
  if (*type == SchoolType::GY && programme.empty()) return std::unexpected("programkod is required for skolform GY");
  auto startDate = CivilDate::parse(start);
  if (!startDate) return std::unexpected("startdatum: " + startDate.error().message);
  std::optional<CivilDate> endDate;
  if (!end.empty()) {
    auto parsed = CivilDate::parse(end);
    if (!parsed) return std::unexpected("slutdatum: " + parsed.error().message);
    if (*parsed < *startDate) return std::unexpected("slutdatum is before startdatum");
    endDate = *parsed;
  }
  std::string flag = lower(cancelled);
  if (flag != "" && flag != "ja" && flag != "nej" && flag != "true" && flag != "false")
    return std::unexpected(fmt::format("avbrott must be 'ja', 'nej' or empty, not '{}'", echoed(cancelled, 20)));
  return EnrolmentFact{*type, *type == SchoolType::GY && isIntroductionProgramme(programme), *startDate, endDate,
                       flag == "ja" || flag == "true"};
}

void readEnrolmentsJson(const RegisterFile& file, CivilDate date, std::vector<EnrolmentRow>& rows,
                        Diagnostics& diagnostics) {
  const std::string& name = file.name();
  json::stream_parser parser;
  boost::system::error_code ec;
  std::size_t used = parser.write(file.text().data(), file.text().size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    std::string_view consumed = file.text().substr(0, used);
    diagnostics.add(name, static_cast<std::size_t>(std::count(consumed.begin(), consumed.end(), '\n')) + 1,
                    fmt::format("not valid JSON: {}", ec.message()));
    return;
  }
  json::value root = parser.release();
  const json::array* persons = root.if_array();
  std::string prefix;
  if (!persons && root.is_object() && root.as_object().contains("data")) {
    persons = root.as_object().at("data").if_array();
    prefix = "/data";
  }
  if (!persons) {
    diagnostics.add(name, "expected an array of SS 12000 Person objects, or {\"data\": [...]}");
    return;
  }
  if (persons->empty()) {
    diagnostics.add(name, "the extract holds no persons: a truncated or empty file is not read");
    return;
  }
  auto text = [](const json::value* v) -> std::string_view {
    if (v && v->is_string()) return v->as_string();
    return {};
  };
  for (std::size_t i = 0; i < persons->size(); ++i) {
    std::string where = fmt::format("{}/{}", prefix, i);
    const json::object* person = (*persons)[i].if_object();
    if (!person) {
      diagnostics.add(name, where + ": not an object");
      continue;
    }
    boost::system::error_code missing;
    const json::value* civicNo =
        person->contains("civicNo") ? person->at("civicNo").find_pointer("/value", missing) : nullptr;
    auto id = PersonalId::parse(text(civicNo), date);
    if (!id) {
      diagnostics.add(name, fmt::format("{}/civicNo/value: {}", where, id.error().message));
      continue;
    }
    const json::value* list = person->if_contains("enrolments");
    if (!list) continue;
    if (!list->is_array()) {
      diagnostics.add(name, where + "/enrolments: not an array");
      continue;
    }
    for (std::size_t j = 0; j < list->as_array().size(); ++j) {
      std::string at = fmt::format("{}/enrolments/{}", where, j);
      const json::object* e = list->as_array()[j].if_object();
      if (!e) {
        diagnostics.add(name, at + ": not an object");
        continue;
      }
      std::string_view programme = text(e->if_contains("educationCode"));
      if (programme.empty())
        if (const json::value* p = e->if_contains("programme"); p && p->is_object())
          programme = text(p->as_object().if_contains("code"));
      const json::value* cancelled = e->if_contains("cancelled");
      if (cancelled && !cancelled->is_bool() && !cancelled->is_null()) {
        diagnostics.add(name, at + "/cancelled: must be true or false");
        continue;
      }
      auto fact = enrolmentFact(text(e->if_contains("schoolType")), programme, text(e->if_contains("startDate")),
                                text(e->if_contains("endDate")),
                                cancelled && cancelled->is_bool() && cancelled->as_bool() ? "ja" : "");
      if (!fact)
        diagnostics.add(name, at + ": " + fact.error());
      else
        rows.push_back({id->number(), *fact});
    }
  }
}

}  // namespace

void Diagnostics::add(std::string_view file, std::size_t line, std::string_view reason) {
  ++total_;
  if (messages_.size() < kMaxMessages) messages_.push_back(fmt::format("{}:{}: {}", file, line, reason));
}

void Diagnostics::add(std::string_view file, std::string_view reason) {
  ++total_;
  if (messages_.size() < kMaxMessages) messages_.push_back(fmt::format("{}: {}", file, reason));
}

void Diagnostics::count() { ++total_; }

void Diagnostics::append(const Diagnostics& other) {
  for (const std::string& m : other.messages_)
    if (messages_.size() < kMaxMessages) messages_.push_back(m);
  total_ += other.total_;
}

std::expected<TextEncoding, Error> textEncodingFromName(std::string_view name) {
  std::string n = lower(name);
  if (n == "utf-8" || n == "utf8") return TextEncoding::utf8;
  if (n == "windows-1252" || n == "cp1252") return TextEncoding::windows1252;
  return std::unexpected(
      invalidInput(fmt::format("unknown encoding '{}': utf-8 or windows-1252", echoed(name, 20)), "encoding"));
}

std::expected<std::shared_ptr<const RegisterFile>, Error> RegisterFile::open(const std::string& path,
                                                                             TextEncoding encoding) {
  auto file = std::shared_ptr<RegisterFile>(new RegisterFile());
  file->name_ = path;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::unexpected(invalidInput(fmt::format("{}: cannot open: {}", path, std::strerror(errno))));
  struct stat info {};
  if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    void* p = mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      madvise(p, static_cast<std::size_t>(info.st_size), MADV_SEQUENTIAL);
      file->mapping_ = p;
      file->mappedSize_ = static_cast<std::size_t>(info.st_size);
      file->text_ = std::string_view(static_cast<const char*>(p), file->mappedSize_);
      ::close(fd);
      return checked(std::move(file), encoding);
    }
  }
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      ::close(fd);
      return std::unexpected(invalidInput(fmt::format("{}: cannot read: {}", path, std::strerror(errno))));
    }
    if (n == 0) break;
    file->owned_.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  file->text_ = file->owned_;
  return checked(std::move(file), encoding);
}

std::expected<std::shared_ptr<const RegisterFile>, Error> RegisterFile::fromBytes(std::string name, std::string bytes,
                                                                                  TextEncoding encoding) {
  auto file = std::shared_ptr<RegisterFile>(new RegisterFile());
  file->name_ = std::move(name);
  file->owned_ = std::move(bytes);
  file->text_ = file->owned_;
  return checked(std::move(file), encoding);
}

std::expected<std::shared_ptr<const RegisterFile>, Error> RegisterFile::view(std::string name, std::string_view bytes,
                                                                             TextEncoding encoding) {
  auto file = std::shared_ptr<RegisterFile>(new RegisterFile());
  file->name_ = std::move(name);
  file->text_ = bytes;
  return checked(std::move(file), encoding);
}

std::expected<std::shared_ptr<const RegisterFile>, Error> RegisterFile::checked(std::shared_ptr<RegisterFile> file,
                                                                                TextEncoding encoding) {
  std::string_view text = file->text_;
  if (encoding == TextEncoding::windows1252) {
    auto converted = windows1252ToUtf8(text);
    if (!converted)
      return std::unexpected(invalidInput(fmt::format("{}:{}: byte 0x{:02X} is not a Windows-1252 character",
                                                      file->name_, lineAt(text, converted.error()),
                                                      static_cast<unsigned char>(text[converted.error()]))));
    file->originalSha256_ = file->sha256();
    file->owned_ = std::move(*converted);
    if (file->mapping_) munmap(file->mapping_, file->mappedSize_);
    file->mapping_ = nullptr;
    file->text_ = file->owned_;
    text = file->text_;
  }
  TextScreen screen = screenText(text);
  if (!screen.validUtf8) {
    std::size_t bad = firstInvalidUtf8(text);
    return std::unexpected(
        invalidInput(fmt::format("{}:{}: not UTF-8 (byte 0x{:02X}); {}", file->name_, lineAt(text, bad),
                                 static_cast<unsigned char>(text[bad]), likelyEncoding(text))));
  }
  file->mayHoldControls_ = screen.mayHoldControls;
  return file;
}

RegisterFile::~RegisterFile() {
  if (mapping_) munmap(mapping_, mappedSize_);
}

std::string RegisterFile::sha256() const {
  if (!originalSha256_.empty()) return originalSha256_;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

const PopulationRow* Population::find(std::int64_t id) const {
  auto it =
      std::lower_bound(rows.begin(), rows.end(), id, [](const PopulationRow& r, std::int64_t v) { return r.id < v; });
  return it != rows.end() && it->id == id ? &*it : nullptr;
}

PersonDetails Population::details(const PopulationRow& row) const {
  CsvReader reader(file->text(), header.separator, row.offset, 0);
  std::vector<std::string_view> fields;
  (void)reader.next(fields);  // the row was read once already: it parses
  auto field = [&](PopulationColumn c) { return std::string(fields[columns[c]]); };
  return PersonDetails{PersonalId::fromNumber(row.id),
                       field(kFirstName),
                       field(kLastName),
                       field(kStreet),
                       field(kPostalCode),
                       field(kCity),
                       fmt::format("{:04}", row.municipality),
                       row.protection};
}

Registers readRegisters(std::shared_ptr<const RegisterFile> populationFile,
                        std::shared_ptr<const RegisterFile> enrolmentFile,
                        std::shared_ptr<const RegisterFile> completionFile, CivilDate date, Diagnostics& diagnostics,
                        const ProgressReport& progress) {
  Registers registers;
  auto report = [&](std::string_view phase, double done) {
    if (progress) progress(phase, done);
  };

  // Population.
  registers.files.push_back(populationFile);
  if (populationFile->text().size() >= (std::uint64_t{1} << 32)) {
    diagnostics.add(populationFile->name(), "a population extract of 4 GiB or more is not read (a nation is 0.7 GB)");
    return registers;
  }
  Population& population = registers.population;
  population.file = populationFile;
  {
    const std::string& name = populationFile->name();
    population.rows = readCsvRows<PopulationRow>(
        *populationFile, kPopulationColumns, population.header, population.columns, diagnostics, report,
        "Läser folkbokföringen",
        [&](const std::vector<std::string_view>& fields, const std::vector<std::size_t>& columns, std::size_t line,
            std::size_t offset, Diagnostics& problems) -> std::optional<PopulationRow> {
          auto f = [&](PopulationColumn c) { return fields[columns[c]]; };
          auto id = requirePersonalId(f(kPid), date, name, line, problems);
          std::string_view municipality = f(kMunicipality);
          bool municipalityOk = fourDigits(municipality);
          if (!municipalityOk)
            problems.add(name, line, fmt::format("kommunkod must be four digits, not '{}'", echoed(municipality, 20)));
          // A name is one line that shows something: an empty, blank or invisible name, or one that a
          // quoted line break makes two, is a broken extract (an address may have two lines).
          bool named = true;
          for (auto [column, label] : {std::pair{kFirstName, "fornamn"}, std::pair{kLastName, "efternamn"}}) {
            std::string_view text = f(column);
            if (std::any_of(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; })) {
              problems.add(name, line, fmt::format("{} holds a line break", label));
              named = false;
            } else if (!showsSomething(text)) {
              problems.add(name, line, fmt::format("{} is empty or shows nothing", label));
              named = false;
            }
          }
          auto since = requireDate(f(kSince), "folkbokford_datum", name, line, problems);
          auto protection = protectionFromString(f(kProtection));
          if (!protection)
            problems.add(
                name, line,
                fmt::format("skyddsmarkering must be empty, 'sekretessmarkering' or 'skyddad_folkbokforing', not '{}'",
                            echoed(f(kProtection), 30)));
          if (!id || !municipalityOk || !since || !protection || !named) return std::nullopt;
          auto code = static_cast<std::uint16_t>((municipality[0] - '0') * 1000 + (municipality[1] - '0') * 100 +
                                                 (municipality[2] - '0') * 10 + (municipality[3] - '0'));
          return PopulationRow{id->number(), static_cast<std::uint32_t>(offset), id->birthDate(), *since, code,
                               *protection};
        });
    report("Sorterar folkbokföringen", 0.5);
    radixSort(population.rows, [](const PopulationRow& r) { return static_cast<std::uint64_t>(r.id); });
    std::string_view text = populationFile->text();
    for (std::size_t i = 1; i < population.rows.size(); ++i)
      if (population.rows[i].id == population.rows[i - 1].id) {
        // Finding a line number reads the file up to it: only for the messages kept, or a file of a
        // million repeated rows would take hours.
        if (!diagnostics.keepsMessages()) {
          diagnostics.count();
          continue;
        }
        auto [first, second] = std::minmax(population.rows[i - 1].offset, population.rows[i].offset);
        diagnostics.add(name, lineAt(text, second),
                        fmt::format("{} is in the extract twice (also on line {})",
                                    PersonalId::fromNumber(population.rows[i].id).canonical(), lineAt(text, first)));
      }
  }

  // Enrolments: CSV or SS 12000 JSON.
  {
    registers.files.push_back(enrolmentFile);
    const std::string& name = enrolmentFile->name();
    std::string_view text = enrolmentFile->text();
    std::size_t first = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    first = text.find_first_not_of(" \t\r\n", first);
    std::vector<EnrolmentRow> rows;
    if (first != std::string_view::npos && (text[first] == '[' || text[first] == '{')) {
      report("Läser inskrivningar", 0);
      readEnrolmentsJson(*enrolmentFile, date, rows, diagnostics);
    } else {
      CsvHeader header;
      std::vector<std::size_t> columns;
      rows = readCsvRows<EnrolmentRow>(
          *enrolmentFile, kEnrolmentColumns, header, columns, diagnostics, report, "Läser inskrivningar",
          [&](const std::vector<std::string_view>& fields, const std::vector<std::size_t>& columns, std::size_t line,
              std::size_t, Diagnostics& problems) -> std::optional<EnrolmentRow> {
            auto f = [&](EnrolmentColumn c) { return fields[columns[c]]; };
            auto id = requirePersonalId(f(kEPid), date, name, line, problems);
            auto fact = enrolmentFact(f(kSchoolForm), f(kProgramme), f(kStart), f(kEnd), f(kCancelled));
            if (!fact) problems.add(name, line, fact.error());
            if (!id || !fact) return std::nullopt;
            return EnrolmentRow{id->number(), *fact};
          });
    }
    radixSort(rows, [](const EnrolmentRow& r) { return static_cast<std::uint64_t>(r.id); });
    registers.enrolments.ids.reserve(rows.size());
    registers.enrolments.facts.reserve(rows.size());
    for (const EnrolmentRow& r : rows) {
      registers.enrolments.ids.push_back(r.id);
      registers.enrolments.facts.push_back(r.fact);
    }
  }

  // Completions (optional).
  if (completionFile) {
    registers.files.push_back(completionFile);
    const std::string& name = completionFile->name();
    struct CompletionRow {
      std::int64_t id;
      CompletionFact fact;
    };
    CsvHeader header;
    std::vector<std::size_t> columns;
    auto rows = readCsvRows<CompletionRow>(
        *completionFile, kCompletionColumns, header, columns, diagnostics, report, "Läser examina",
        [&](const std::vector<std::string_view>& fields, const std::vector<std::size_t>& columns, std::size_t line,
            std::size_t, Diagnostics& problems) -> std::optional<CompletionRow> {
          auto id = requirePersonalId(fields[columns[0]], date, name, line, problems);
          auto certificate = certificateFromCode(lower(fields[columns[1]]));
          if (!certificate)
            problems.add(
                name, line,
                fmt::format("bevis must be gymnasieexamen, gymnasiesarskolebevis, motsvarande or studiebevis, not '{}'",
                            echoed(fields[columns[1]], 30)));
          auto when = requireDate(fields[columns[2]], "datum", name, line, problems);
          if (!id || !certificate || !when) return std::nullopt;
          return CompletionRow{id->number(), {*certificate, *when}};
        });
    radixSort(rows, [](const CompletionRow& r) { return static_cast<std::uint64_t>(r.id); });
    for (const CompletionRow& r : rows) {
      registers.completions.ids.push_back(r.id);
      registers.completions.facts.push_back(r.fact);
    }
  }
  report("Klar", 1);
  return registers;
}

}  // namespace lotsen
