// Lotsen http: how domain values look in the API's JSON. Included only by .cc files of src/http.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <vector>

#include "domain/person.h"
#include "http/message.h"
#include "store/json_form.h"  // registrations and case records: the journal's form
#include "store/store.h"

namespace lotsen {

// A JSON answer with `status`.
Response jsonResponse(int status, const boost::json::value& body);
// A JSON answer with `status` whose body is already JSON text.
Response jsonTextResponse(int status, std::string body);
// The problem for `error` (a 409 for a stale write) with the thing as it is now in `current`.
Response problemWithCurrent(const Error& error, boost::json::value current);

// Writes a person as lists show it, as one object. Marks protected identity so that every client can
// show it.
void writePersonSummary(JsonWriter& out, const Person& person);
// A person with registrations and occupation, as one object; `occupationJson` is the latest occupation's
// text, and without one the occupation is {"kind":"unknown"}; `plannedJson` the planned occupation's
// (planned_occupation, null without one). With `labels`, registrations carry their codes' labels and
// occupation_label the label of `occupationKind` (the kind in occupationJson), planned_occupation_label
// that of `plannedKind`. The address and the contact details of a
// protected person are sent only when `showProtectedAddress` (the reader holds read_protected_address);
// otherwise they are null.
std::string personJson(const Person& person, const std::vector<Registration>& registrations,
                       std::optional<std::string_view> occupationJson, bool showProtectedAddress,
                       std::optional<std::string_view> plannedJson = std::nullopt, const CodeLabels* labels = nullptr,
                       std::string_view occupationKind = "unknown", std::string_view plannedKind = "",
                       const std::map<std::int64_t, std::string>& caseworkerNames = {});

}  // namespace lotsen
