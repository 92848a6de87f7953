// Lotsen store: the JSON form of registrations and case records that the event journal stores (before
// and after) and the API answers with, so that history and as-of views read like the live records.
// Included only by .cc files.
#pragma once

#include <boost/json.hpp>

#include "store/store.h"

namespace lotsen {

boost::json::object registrationJson(const Registration& registration);
// {"id", "kind", "registration_id", "version", "data": {...}}.
boost::json::object caseRecordJson(const CaseRecord& record);

}  // namespace lotsen
