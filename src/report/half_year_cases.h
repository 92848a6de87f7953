// Lotsen report: SCB's half-year file as Lotsen makes it — the cases as the journal (store/case_history.h)
// says they stood at an instant, the imported layout, and the rule for which instant a period's file is computed as of.
#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "report/half_year.h"
#include "store/case_history.h"
#include "store/store.h"

namespace lotsen {

// The file for `period` in `layout` of the KAA registrations open on some day of `period` or ending in it, with
// their live records, as `history` says they stood before `instant` (storedInstant; kAfterEveryEvent for now); of
// `persons` (ids in ascending order) only when given. Persons whose identity retention has removed are not in it.
// Each person's cases are filed as the history is walked (computeHalfYearFile), a contiguous range of persons per part,
// the parts filed on every core.
HalfYearFile halfYearFile(const CaseHistory& history, HalfYear period, std::int64_t instant,
                          const HalfYearLayout& layout, const std::vector<std::int64_t>* persons = nullptr);

// The imported layout's text, exactly as it was imported (`lotsen codes show`). Errors: not_found, saying how
// to import one, before the first `lotsen codes import`; the store's.
std::expected<std::string, Error> importedHalfYearLayout(Store& store);

// The imported layout. Errors: importedHalfYearLayout's; internal when the stored text no longer parses.
std::expected<HalfYearLayout, Error> halfYearLayout(Store& store);

struct HalfYearReport {
  HalfYearFile file;             // with the imported layout it is written in
  bool periodEnded = false;      // the file is of a past period
  bool withCorrections = false;  // of a past period: as the cases stand now, not as at the period's end
  std::string asOf;              // the instant the cases are read as of (UTC), or "" for now
  // Of a past period: the records the corrections made since its end would remove and add.
  std::vector<HalfYearRecord> removedSinceEnd, addedSinceEnd;
};

// The file for `period` at `now`, from `history` (brought up to date by the caller) and the layout in `store`:
// of a period that has ended, as the journal stood at its end (midnight in Stockholm after its last day) so
// that the file sent can be made again — or, `withCorrections`, as the cases stand now — and in both cases the
// records later corrections change; of the running period, as the cases stand now. invalid_input (field
// "period") for a period not begun; halfYearLayout's errors.
std::expected<HalfYearReport, Error> halfYearReport(Store& store, const CaseHistory& history, HalfYear period,
                                                    std::chrono::system_clock::time_point now, bool withCorrections);

// The largest layout file `importHalfYearLayout` takes.
inline constexpr std::size_t kMaxLayoutBytes = 1 << 20;

// Reads a layout file (`lotsen codes import`), checks it — and its mapping against the store's code lists —
// and stores it in place of the one before, with an event by `actor`. Errors: invalid_input (the file
// larger than kMaxLayoutBytes, or each problem parseHalfYearLayout names), nothing stored; the store's.
std::expected<HalfYearLayout, std::vector<Error>> importHalfYearLayout(Store& store, const Actor& actor,
                                                                       std::string_view text);

}  // namespace lotsen
