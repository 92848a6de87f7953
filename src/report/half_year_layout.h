// Lotsen report: the layout and code mapping of SCB's half-year file ("Kommunernas aktivitetsansvar"),
// kept as data the municipality imports (`lotsen codes import FILE`, docs/formats.md): which record types
// the five blocks have, which fields each record holds in which order, and which SCB code each Lotsen code
// is reported as. Next half-year's changes are a file, not a release. No I/O.
#pragma once

#include <array>
#include <expected>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace lotsen {

// The file's five blocks, in the order SCB lists them.
enum class HalfYearBlock { registration, contact, measure_started, measure_ended, responsibility_ended };
inline constexpr std::array kHalfYearBlocks{HalfYearBlock::registration, HalfYearBlock::contact,
                                            HalfYearBlock::measure_started, HalfYearBlock::measure_ended,
                                            HalfYearBlock::responsibility_ended};
std::string_view toString(HalfYearBlock block);  // "registration", "contact", …

// The fields a record may hold (docs/formats.md).
enum class HalfYearField {
  record_type,
  municipality,
  year,
  half,
  personal_id,
  registration_date,
  registration_reason,
  registration_end,
  deregistration_reason,
  contact_date,
  in_measure,
  occupation,
  measure_type,
  measure_start,
  measure_end,
  measure_end_reason,
};
// The field a layout calls `name`; none for a name Lotsen does not know.
std::optional<HalfYearField> halfYearField(std::string_view name);

struct HalfYearBlockLayout {
  std::string recordType;           // what the field record_type holds in this block's records
  std::vector<std::string> fields;  // Lotsen's field names (docs/formats.md), in the file's order
};

struct HalfYearLayout {
  std::string collection;    // a name for people: "Kommunernas aktivitetsansvar 2026"
  std::string municipality;  // the reporting municipality's code (kommunkod), four digits
  char separator = ';';
  bool compactDates = true;  // 20260315 (true) or 2026-03-15
  bool header = false;       // a first line naming the fields of each block's records
  std::map<HalfYearBlock, HalfYearBlockLayout> blocks;
  // SCB's code of each Lotsen code, by list: registration_reason, deregistration_reason, occupation,
  // occupation_in_measure (optional: a contact's occupation while in a measure), measure_type,
  // measure_end_reason, in_measure ("yes"/"no"; only when a block reports the field).
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> codes;

  // SCB's code for `code` in `list`, or none when the mapping lacks it.
  std::optional<std::string_view> scbCode(std::string_view list, std::string_view code) const;
};

// The name the layout is stored under (Store::reportLayout).
inline constexpr std::string_view kHalfYearLayoutName = "scb_half_year";

// Lotsen's codes by code list (the store's registration_reason, deregistration_reason, occupation,
// measure_type, measure_end_reason), to check a layout's mapping against.
using LotsenCodes = std::map<std::string, std::set<std::string, std::less<>>, std::less<>>;

// Reads a layout file (JSON, docs/formats.md). With `known`, a mapping of a code that is not in its
// Lotsen list (a misspelt code would leave the right one unmapped) is refused too. Errors: invalid_input,
// each naming its place in the file ("blocks[1].fields[3]", "codes.occupation.arbete"); every problem at
// once, at most kMaxFieldErrors.
std::expected<HalfYearLayout, std::vector<Error>> parseHalfYearLayout(std::string_view text,
                                                                      const LotsenCodes* known = nullptr);

}  // namespace lotsen
