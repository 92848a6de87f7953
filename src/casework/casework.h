// Lotsen casework: what a caseworker writes into a case — contact attempts, occupation, measures, the
// individual plan, goal assessments, closing and reopening a registration — checked by the domain's rules
// and written to the store. The one path for the API and the demo; access control and HTTP stay in http.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/casework.h"
#include "store/store.h"

namespace lotsen {

// Where a record is being written: the rules' context and the person and registration it belongs to.
struct RecordTarget {
  CaseContext context;
  std::int64_t personId;
  std::optional<std::int64_t> registrationId;
  const CaseRecord* corrected = nullptr;  // the record a correction (PUT) replaces; none for a new one
};

// One kind of case record: its path in the API, whether it needs an open registration, and how a body is
// checked (the canonical JSON to store, or every rule it breaks, each naming its field).
struct RecordKind {
  std::string_view kind;
  std::string_view path;
  bool needsRegistration;
  bool onePerRegistration;  // revised with PUT, never a second one (the individual plan)
  std::expected<std::string, std::vector<Error>> (*check)(const boost::json::value& body, Store& store,
                                                          const RecordTarget& target);
};

// Every kind of case record, in the order the API lists them.
std::span<const RecordKind> recordKinds();
// The kind named `kind` ("contact_attempt", …); nullptr when there is none.
const RecordKind* recordKind(std::string_view kind);

// The rules' context for a registration (or for none: an occupation may be recorded without one).
CaseContext caseContext(CivilDate today, std::string timeNow, const std::optional<Registration>& registration);

// Writes a checked record (`data` from kind.check); call inside the store's write transaction so that
// the one-per-registration rule holds for requests at once (conflict when the registration has one). An
// occupation learnt at a contact goes into the occupation history too.
std::expected<CaseRecord, Error> writeRecord(Store& store, const Actor& actor, const RecordKind& kind,
                                             const RecordTarget& target, const std::string& data);

// One letter sent: the person and the registration its contact attempt goes into.
struct LetterPosted {
  std::int64_t personId = 0;
  std::int64_t registrationId = 0;
};

// Records each letter of `sent` as a contact attempt by letter on `today` (no time, nobody reached,
// `note`), through the same check as any contact attempt: one "contact_attempt.created" event each. Call
// inside the write transaction, so that all are recorded or none. Errors: invalid_input from the contact
// rule (naming the person in its message), the store's.
std::expected<std::vector<CaseRecord>, Error> recordLettersSent(Store& store, const Actor& actor,
                                                                std::span<const LetterPosted> sent, CivilDate today,
                                                                const std::string& note);

// Revises `current` to `data` (from its kind's check) when it still has `expectedVersion` (else conflict);
// the same data again changes nothing (the record as it is, no new version, no event).
// The occupation learnt at a contact follows the contact: changed with it, voided when the contact no
// longer names one, added when it comes to name one; it is not revised on its own (invalid_input).
// Call inside the store's write transaction.
std::expected<CaseRecord, Error> reviseRecord(Store& store, const Actor& actor, const CaseRecord& current,
                                              std::int64_t expectedVersion, const std::string& data);

// Voids `current` (made by mistake) with `reason`; the occupation learnt at a voided contact is voided
// with it (and is not voided on its own: invalid_input), a voided measure leaves the plan's goals, and a
// voided plan takes its goal assessments with it.
// Conflict for a stale version. Call inside the store's write transaction.
std::expected<CaseRecord, Error> voidRecord(Store& store, const Actor& actor, const CaseRecord& current,
                                            std::int64_t expectedVersion, const std::string& reason);

// A registration closed or reopened, and the measures that changed with it.
struct RegistrationChange {
  Registration registration;
  std::vector<std::int64_t> measures;
};

// Closes `registration` by hand on `date` with `reason` (checked against what Lotsen knows by the caller
// with checkHandClosure) at `version`; its measures under way end with it (end reason
// "registration_ended"). Call inside the write transaction. Errors: conflict (stale version), invalid_input.
std::expected<RegistrationChange, Error> closeRegistration(Store& store, const Actor& actor,
                                                           const Registration& registration, std::int64_t version,
                                                           CivilDate date, const std::string& reason);

// Undoes a closure made by mistake, with the reason in the journal; the measures the closure ended go on.
// Call inside the write transaction. Errors as closeRegistration.
std::expected<RegistrationChange, Error> reopenRegistration(Store& store, const Actor& actor,
                                                            const Registration& registration, std::int64_t version,
                                                            const std::string& reason);

// A registration by hand: a young person who calls in, or whom a school reports, before the registers
// show them. `details` (checked with validateEnteredDetails) when Lotsen does not know the person yet.
struct RegistrationByHand {
  PersonalId personalId;
  std::optional<PersonDetails> details;  // as entered: checked (and normalised) by registerByHand
  CivilDate startDate;
  std::string reason;  // "registration_reason" code
  std::string byHand;  // "registration_by_hand" code: how it came about
  CivilDate today;
};

// Registers by hand; call inside the write transaction. The person is found by personnummer, or created
// from the details; the registration awaits the registers (the next identification run confirms or
// ends it) and goes to `unit` with `caseworker` responsible when a unit is given, else to the intake.
// Errors: invalid_input on start_date (outside the age scope or ahead of today: checkRegistrationByHand),
// on "person" (details missing for an unknown person, or given for a known one — a known person's
// identity comes from the population register) or on the first of the details' fields that breaks
// validateEnteredDetails ("person.…"); conflict when the person has an open registration; the store's.
std::expected<RegisteredPerson, Error> registerByHand(Store& store, const Actor& actor, const RegistrationByHand& r,
                                                      std::optional<std::int64_t> caseworker, const std::string& unit);

}  // namespace lotsen
