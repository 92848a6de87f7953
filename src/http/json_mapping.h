// Lotsen http: how domain values look in the API's JSON. Included only by .cc files of src/http.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "domain/person.h"
#include "http/message.h"
#include "store/json_form.h"  // registrations and case records: the journal's form
#include "store/store.h"

namespace lotsen {

// A JSON answer with `status`.
Response jsonResponse(int status, const boost::json::value& body);

// A person in lists. Marks protected identity so that every client can show it.
boost::json::object personSummaryJson(const Person& person);
// A person with registrations. The address of a protected person is sent only when `showProtectedAddress`
// (the reader holds read_protected_address); otherwise it is null.
boost::json::object personJson(const Person& person, const std::vector<Registration>& registrations,
                               bool showProtectedAddress);

}  // namespace lotsen
