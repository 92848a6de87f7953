// Lotsen report: SCB's half-year file about every young person in the KAA register — its records in the
// imported layout (report/half_year_layout.h) and the checks SCB would otherwise fail the upload on, each
// problem naming the person to correct (docs/reports.md#the-half-year-file-for-scb). No I/O.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/casework.h"
#include "domain/date.h"
#include "domain/person.h"
#include "report/case_list.h"
#include "report/case_parts.h"
#include "report/half_year_layout.h"

namespace lotsen {

// One KAA registration open at some time in the period, as the file reads it (its records referred to in the
// history, not copied: CaseList).
struct HalfYearCase {
  PersonalId personalId;
  CivilDate birthDate;
  RegistrationFacts registration;
  CaseList<ContactFacts> contacts;        // this registration's live ones
  CaseList<OccupationFacts> occupations;  // the person's, in the order they were recorded
  CaseList<MeasureFacts> measures;        // this registration's live ones
};

// One record of the file: whom it is about and its values as they are — dates, and SCB's codes by their place in
// HalfYearFile::codes — written as text only when the file is (HalfYearWriter). Holds only the values of the fields
// the layout gives its block (each of a block's own fields has a place of its own in `dates` or `codes`: half_year.cc);
// the others stay empty, so two records are equal when their texts are.
struct HalfYearRecord {
  HalfYearBlock block = HalfYearBlock::registration;
  std::int64_t personId = 0;
  std::int64_t personalNumber = 0;  // the personnummer's twelve digits as one number
  std::array<std::optional<CivilDate>, 2> dates;
  std::array<std::uint32_t, 2> codes{};  // 0 for none: an empty value

  friend bool operator==(const HalfYearRecord&, const HalfYearRecord&) = default;
  friend auto operator<=>(const HalfYearRecord&, const HalfYearRecord&) = default;
};

// What would fail SCB's checks (or report something untrue), and where to correct it.
struct HalfYearProblem {
  std::int64_t personId = 0;
  std::int64_t registrationId = 0;
  std::string check;     // a stable name: "measure_ends_before_start", "unmapped_code", …
  std::string message;   // English; the message catalog says it in Swedish
  bool blocking = true;  // an error (no file while one remains) or only a warning
};

struct HalfYearFile {
  HalfYear period = *HalfYear::parse("2026H1");
  HalfYearLayout layout;           // what the records are written in
  std::vector<std::string> codes;  // every SCB code of the layout once, "" first: the texts records' codes refer to
  std::vector<HalfYearRecord> records;  // block by block, in the layout's order; within a block by person
  std::vector<HalfYearProblem> problems;
  bool hasErrors() const;
};

// Writes the records of `file` (which must outlive it) as its layout says. Thread-safe to use at once.
class HalfYearWriter {
 public:
  explicit HalfYearWriter(const HalfYearFile& file);
  // The values of `record` — of the file, or of another in the same layout and period: their codes are the same —
  // in the layout's field order.
  std::vector<std::string> values(const HalfYearRecord& record) const;
  // Appends `record`'s values joined by the layout's separator (no line end) to `out`.
  void appendLine(const HalfYearRecord& record, std::string& out) const;

 private:
  void appendValue(const HalfYearRecord& record, HalfYearField field, std::string& out) const;

  const HalfYearFile& file_;
  std::string year_, half_;
  std::array<std::string, kHalfYearBlocks.size()> recordTypes_;
  std::array<std::vector<HalfYearField>, kHalfYearBlocks.size()> fields_;  // each block's, in the layout's order
};

// The file for `period` in `layout` of `cases`, the parts filed on every core and the records then put in the
// file's order (deterministic: the same whatever the parts). Contacts are the ones that reached the young person,
// dated in the period and within the registration (one after its end is left out with a warning); measures those
// started or ended in the period; a registration ended in the period gives its responsibility-ended record.
HalfYearFile computeHalfYearFile(const CaseParts<HalfYearCase>& cases, HalfYear period, const HalfYearLayout& layout);

// The same of `cases`: from `casesPerThread` cases on, a contiguous range of persons is filed on each core.
inline constexpr std::size_t kCasesPerThread = 10000;
HalfYearFile computeHalfYearFile(const std::vector<HalfYearCase>& cases, HalfYear period, const HalfYearLayout& layout,
                                 std::size_t casesPerThread = kCasesPerThread);

// The file's text: one line per record, the layout's separator, CRLF line ends (a header line per block
// when the layout asks for one). Values never hold the separator or a line break (they are codes, dates
// and numbers).
std::string halfYearText(const HalfYearFile& file);

// The records in `a` that are not in `b`, and those in `b` not in `a` (a multiset difference), of files in the same
// layout and period.
std::pair<std::vector<HalfYearRecord>, std::vector<HalfYearRecord>> halfYearDifference(
    const std::vector<HalfYearRecord>& a, const std::vector<HalfYearRecord>& b);

}  // namespace lotsen
