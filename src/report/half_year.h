// Lotsen report: SCB's half-year file about every young person in the KAA register — its records in the
// imported layout (report/half_year_layout.h) and the checks SCB would otherwise fail the upload on, each
// problem naming the person to correct (docs/reports.md#the-half-year-file-for-scb). No I/O.
#pragma once

#include <cstdint>
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
  std::string personalId;  // canonical, 12 digits
  CivilDate birthDate;
  RegistrationFacts registration;
  CaseList<ContactFacts> contacts;        // this registration's live ones
  CaseList<OccupationFacts> occupations;  // the person's, in the order they were recorded
  CaseList<MeasureFacts> measures;        // this registration's live ones
};

// What separates a record's values in HalfYearRecord::joined. No value holds it: they are dates, numbers and the
// codes parseHalfYearLayout lets through (no control characters).
inline constexpr char kHalfYearValueSeparator = '\x1f';

struct HalfYearRecord {
  HalfYearBlock block = HalfYearBlock::registration;
  std::int64_t personId = 0;
  // The values in the layout's field order, joined by kHalfYearValueSeparator: one string per record, not one per
  // value (a vector of strings for each of 180,000 records, allocated and freed, was a sixth of the reports' time:
  // bench/report.sh).
  std::string joined;

  // The values, in the layout's field order: views into `joined`.
  std::vector<std::string_view> values() const;

  friend bool operator==(const HalfYearRecord&, const HalfYearRecord&) = default;
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
  std::vector<HalfYearRecord> records;  // block by block, in the layout's order; within a block by person
  std::vector<HalfYearProblem> problems;
  bool hasErrors() const;
};

// The file for `period` in `layout` of `cases`, each part filed on a core of its own and the records then put in the
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
std::string halfYearText(const HalfYearFile& file, const HalfYearLayout& layout);

// The records in `a` that are not in `b`, and those in `b` not in `a` (a multiset difference).
std::pair<std::vector<HalfYearRecord>, std::vector<HalfYearRecord>> halfYearDifference(
    const std::vector<HalfYearRecord>& a, const std::vector<HalfYearRecord>& b);

}  // namespace lotsen
