// Lotsen store: the JSON form of registrations and case records that the event journal stores (before
// and after) and the API answers with, so that history and as-of views read like the live records.
// Included only by .cc files.
#pragma once

#include <boost/json.hpp>

#include "store/json_writer.h"
#include "store/store.h"

namespace lotsen {

// Writes a registration as one JSON object.
void writeRegistration(JsonWriter& out, const Registration& registration);
// The same object as a value, for the journal.
boost::json::object registrationJson(const Registration& registration);
// {"id", "kind", "registration_id", "version", "data": {...}}.
boost::json::object caseRecordJson(const CaseRecord& record);

}  // namespace lotsen
