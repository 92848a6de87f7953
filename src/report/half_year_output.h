// Lotsen report: the half-year file's report as JSON, for the API, the browser and `--format json`.
#pragma once

#include <boost/json/object.hpp>

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

}  // namespace lotsen
