// Lotsen store: the JSON form of registrations and case records that the event journal stores (before
// and after) and the API answers with, so that history and as-of views read like the live records.
// Included only by .cc files.
#pragma once

#include <boost/json.hpp>

#include "store/json_writer.h"
#include "store/store.h"

namespace lotsen {

// Writes a registration as one JSON object; with `labels` (answers, never the journal) also each code's
// Swedish label: reason_label, end_reason_label, by_hand_label, and the responsible caseworker's
// `caseworkerUsername` as caseworker_username (when there is a caseworker).
void writeRegistration(JsonWriter& out, const Registration& registration, const CodeLabels* labels = nullptr,
                       std::string_view caseworkerUsername = {});
// The same object as a value, for the journal.
boost::json::object registrationJson(const Registration& registration, const CodeLabels* labels = nullptr);
// The registration registrationJson wrote (labels are ignored). Errors: internal naming the registration
// when a field is missing or of the wrong type: the journal holds what was written.
std::expected<Registration, Error> parseRegistration(const boost::json::object& json);
// {"id", "kind", "registration_id", "version", "data": {...}}; with `labels` also "labels": the Swedish
// label of each coded field of the data ({"channel": "Telefon", …}).
boost::json::object caseRecordJson(const CaseRecord& record, const CodeLabels* labels = nullptr);

}  // namespace lotsen
