// Lotsen report: the half-year file's report as JSON, for the API, the browser and `--format json`.
#pragma once

#include <boost/json/object.hpp>
#include <expected>
#include <string>

#include "domain/messages.h"
#include "report/half_year_cases.h"

namespace lotsen {

// {"period", "collection", "period_ended", "with_corrections", "as_of", "errors", "warnings",
//  "problems": [{"person_id", "registration_id", "check", "message" (in `language`), "blocking"}],
//  "blocks": [{"block", "record_type", "fields", "count", "records": [{"person_id", "values"}]}],
//  "changes_since_end": {"removed", "added"} (counts), and with `records` the records themselves in
//  "removed_since_end", "added_since_end": [{"block", "person_id", "values"}]}.
// Without `records`, each block holds only its count (the browser's overview names no personnummer).
boost::json::object halfYearJson(const HalfYearReport& report, Language language, bool records);

// The file as an XLSX workbook for reading and checking by people (SCB takes the text file): a sheet
// "Översikt" (collection, municipality, period, as of, records per block, errors and warnings), one sheet per
// block with the layout's field names as headings and each record's values as text (a personnummer or a
// code keeps its leading zeros), and a sheet "Kontroller" with every problem (message in `language`).
// Errors: internal when the workbook cannot be written.
std::expected<std::string, Error> halfYearXlsx(const HalfYearReport& report, Language language);

}  // namespace lotsen
