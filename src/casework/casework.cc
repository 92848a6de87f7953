#include "casework/casework.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>

#include "domain/person.h"
#include "domain/target_group.h"
#include "store/case_records.h"

namespace lotsen {
namespace json = boost::json;
namespace {

// The end reason of a measure that ended because its registration did ("measure_end_reason" code).
constexpr std::string_view kMeasureEndedWithRegistration = "registration_ended";

template <class T>
std::expected<std::string, std::vector<Error>> finish(const T& value, std::vector<Error> errors) {
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return toJson(value);
}

std::expected<CodeList, std::vector<Error>> codes(Store& store, std::string_view name) {
  auto list = store.codeList(name);
  if (!list) return std::unexpected(std::vector<Error>{list.error()});
  return *list;
}

// The problems found reading a body, and then those its rules find in what could be read: every field at
// fault at once. A rule's problem with a field already at fault, or with a body that is no object, is left
// out (it would only repeat it).
std::vector<Error> alsoRules(std::vector<Error> read, std::vector<Error> rules) {
  if (std::ranges::any_of(read, [](const Error& e) { return e.field.empty(); })) return read;
  for (Error& e : rules)
    if (std::ranges::none_of(read, [&](const Error& r) { return r.field == e.field; })) read.push_back(std::move(e));
  return read;
}

// Reads the body, loads the two code lists its rules need, and validates.
template <class T, class Validate>
std::expected<std::string, std::vector<Error>> checkWithCodes(const json::value& body, Store& store,
                                                              const CaseContext& context,
                                                              Read<T> (*read)(const json::value&), Validate validate,
                                                              std::string_view firstList, std::string_view secondList) {
  Read<T> parsed = read(body);
  auto first = codes(store, firstList);
  if (!first) return std::unexpected(first.error());
  auto second = codes(store, secondList);
  if (!second) return std::unexpected(second.error());
  return finish(parsed.value, alsoRules(std::move(parsed.errors), validate(parsed.value, context, *first, *second)));
}

std::expected<std::string, std::vector<Error>> checkContact(const json::value& body, Store& store,
                                                            const RecordTarget& target) {
  return checkWithCodes(body, store, target.context, readContactAttempt, validateContactAttempt, "contact_channel",
                        "occupation");
}

std::expected<std::string, std::vector<Error>> checkOccupation(const json::value& body, Store& store,
                                                               const RecordTarget& target) {
  return checkWithCodes(body, store, target.context, readOccupation, validateOccupation, "occupation",
                        "occupation_source");
}

std::expected<std::string, std::vector<Error>> checkMeasure(const json::value& body, Store& store,
                                                            const RecordTarget& target) {
  return checkWithCodes(body, store, target.context, readMeasure, validateMeasure, "measure_type",
                        "measure_end_reason");
}

// The current plan of a registration, if it has one.
std::expected<std::optional<Plan>, std::vector<Error>> currentPlan(Store& store, std::int64_t personId,
                                                                   std::optional<std::int64_t> registrationId) {
  auto plans = store.caseRecordsOf(personId, kPlanKind);
  if (!plans) return std::unexpected(std::vector<Error>{plans.error()});
  for (const CaseRecord& r : *plans)
    if (r.registrationId == registrationId) {
      auto plan = parsePlan(r.data);
      if (!plan) return std::unexpected(plan.error());
      return *plan;
    }
  return std::optional<Plan>();
}

std::expected<std::string, std::vector<Error>> checkPlan(const json::value& body, Store& store,
                                                         const RecordTarget& target) {
  auto parsed = parsePlan(body);
  if (!parsed) return std::unexpected(parsed.error());
  auto measures = store.caseRecordsOf(target.personId, kMeasureKind);
  if (!measures) return std::unexpected(std::vector<Error>{measures.error()});
  // A plan serves its own registration: a measure of another (an earlier case, or the open one for an old
  // plan) is none of its goals' and none of its reviews', or a review in an old plan could take the open
  // case's follow-up off the worklist.
  std::vector<std::int64_t> measureIds;
  for (const CaseRecord& m : *measures)
    if (m.registrationId == target.registrationId) measureIds.push_back(m.id);
  return finish(*parsed, validatePlan(*parsed, target.context, measureIds));
}

std::expected<std::string, std::vector<Error>> checkAssessment(const json::value& body, Store& store,
                                                               const RecordTarget& target) {
  Read<GoalAssessment> parsed = readGoalAssessment(body);
  auto plan = currentPlan(store, target.personId, target.registrationId);
  if (!plan) return std::unexpected(plan.error());
  std::vector<std::string> goals = *plan ? goalIds(**plan) : std::vector<std::string>{};
  // A correction may keep the goal it assessed though the plan has dropped it since.
  if (target.corrected)
    if (auto before = parseGoalAssessment(target.corrected->data)) goals.push_back(before->goalId);
  return finish(parsed.value,
                alsoRules(std::move(parsed.errors), validateGoalAssessment(parsed.value, target.context, goals)));
}

const RecordKind kKinds[] = {
    {kContactAttemptKind, "contact-attempts", true, false, checkContact},
    {kOccupationKind, "occupations", false, false, checkOccupation},
    {kMeasureKind, "measures", true, false, checkMeasure},
    {kPlanKind, "plans", true, true, checkPlan},
    {kGoalAssessmentKind, "goal-assessments", true, false, checkAssessment},
};

// The measures of `registration` that `change` alters, written. Returns the ids changed.
std::expected<std::vector<std::int64_t>, Error> changeMeasures(Store& s, const Actor& actor,
                                                               const Registration& registration,
                                                               const std::function<bool(Measure&)>& change) {
  auto records = s.caseRecordsOf(registration.personId, kMeasureKind);
  if (!records) return std::unexpected(records.error());
  std::vector<std::int64_t> changed;
  for (const CaseRecord& r : *records) {
    auto measure = parseMeasure(r.data);
    if (r.registrationId != registration.id || !measure || !change(*measure)) continue;
    if (auto ok = s.updateCaseRecord(actor, r.id, r.version, toJson(*measure)); !ok) return std::unexpected(ok.error());
    changed.push_back(r.id);
  }
  return changed;
}

constexpr const char* kContactIdIsLotsens =
    "contact_id is set by Lotsen for an occupation learnt at a contact: correct the contact instead";

std::expected<void, Error> done(const std::expected<CaseRecord, Error>& written) {
  if (!written) return std::unexpected(written.error());
  return {};
}

// Makes the occupation learnt at `contact` agree with it: the one it names (none when the contact is
// voided or names none), dated on the contact and linked to it. `reason`: why a linked one is voided.
std::expected<void, Error> followContact(Store& s, const Actor& actor, const CaseRecord& contact,
                                         std::string_view reason) {
  auto parsed = parseContactAttempt(contact.data);
  if (!parsed) return std::unexpected(internalError("a stored contact attempt does not parse"));
  std::optional<OccupationEntry> wanted;
  if (!contact.voided && !parsed->occupation.empty())
    wanted = OccupationEntry{parsed->date, parsed->occupation, parsed->occupationDetail, "contact", false, contact.id};
  auto occupations = s.caseRecordsOf(contact.personId, kOccupationKind);
  if (!occupations) return std::unexpected(occupations.error());
  for (const CaseRecord& r : *occupations) {
    auto o = parseOccupation(r.data);
    if (!o || o->contactId != contact.id) continue;
    if (!wanted) return done(s.voidCaseRecord(actor, r.id, r.version, std::string(reason)));
    if (toJson(*wanted) == r.data) return {};
    return done(s.updateCaseRecord(actor, r.id, r.version, toJson(*wanted)));
  }
  if (!wanted) return {};
  return done(s.createCaseRecord(actor, kOccupationKind, contact.personId, contact.registrationId, toJson(*wanted)));
}

constexpr const char* kFollowsItsContact =
    "the occupation was learnt at a contact (contact_id) and follows it: correct or void the contact instead";

// True for an occupation learnt at a contact, which only its contact changes.
bool learntAtAContact(const CaseRecord& record) {
  if (record.kind != kOccupationKind) return false;
  auto o = parseOccupation(record.data);
  return o && o->contactId;
}

// Takes a voided measure out of its registration's plan (the goals that it served), so that the plan
// names only measures the case has and what GET answers, PUT still accepts.
std::expected<void, Error> dropFromPlan(Store& s, const Actor& actor, const CaseRecord& measure) {
  auto plans = s.caseRecordsOf(measure.personId, kPlanKind);
  if (!plans) return std::unexpected(plans.error());
  for (const CaseRecord& r : *plans) {
    if (r.registrationId != measure.registrationId) continue;
    auto plan = parsePlan(r.data);
    if (!plan) return std::unexpected(internalError("a stored plan does not parse"));
    bool named = false;
    auto drop = [&](PlanGoal& g) { named |= std::erase(g.measureIds, measure.id) > 0; };
    for (PlanGoal& g : plan->goals) {
      drop(g);
      for (PlanGoal& sub : g.subGoals) drop(sub);
    }
    for (PlanReview& review : plan->reviews)  // held still, though no longer of that measure
      if (review.measureId == measure.id) {
        review.measureId.reset();
        named = true;
      }
    if (named) return done(s.updateCaseRecord(actor, r.id, r.version, toJson(*plan)));
  }
  return {};
}

// A voided plan's goal assessments are voided with it, with its reason: a plan drawn up by mistake had no
// goals to assess, and a new plan must not take over assessments of goal ids it happens to reuse.
std::expected<void, Error> voidAssessmentsOf(Store& s, const Actor& actor, const CaseRecord& plan,
                                             const std::string& reason) {
  auto assessments = s.caseRecordsOf(plan.personId, kGoalAssessmentKind);
  if (!assessments) return std::unexpected(assessments.error());
  for (const CaseRecord& a : *assessments) {
    if (a.registrationId != plan.registrationId) continue;
    auto voided = s.voidCaseRecord(actor, a.id, a.version, fmt::format("Makulerad med planen: {}", reason));
    if (!voided) return std::unexpected(voided.error());
  }
  return {};
}

}  // namespace

std::span<const RecordKind> recordKinds() { return kKinds; }

const RecordKind* recordKind(std::string_view kind) {
  auto it = std::ranges::find(kKinds, kind, &RecordKind::kind);
  return it == std::end(kKinds) ? nullptr : &*it;
}

CaseContext caseContext(CivilDate today, std::string timeNow, const std::optional<Registration>& registration) {
  return CaseContext{today, registration ? registration->startDate : *CivilDate::fromParts(1900, 1, 1),
                     registration ? registration->endDate : std::nullopt, std::move(timeNow)};
}

std::expected<CaseRecord, Error> writeRecord(Store& s, const Actor& actor, const RecordKind& kind,
                                             const RecordTarget& target, const std::string& data) {
  if (kind.onePerRegistration) {
    auto existing = s.caseRecordsOf(target.personId, kind.kind);
    if (!existing) return std::unexpected(existing.error());
    for (const CaseRecord& r : *existing)
      if (r.registrationId == target.registrationId)
        return std::unexpected(
            conflict(fmt::format("the registration already has one (record {}): revise it with PUT", r.id)));
  }
  if (kind.kind == kOccupationKind)
    if (auto o = parseOccupation(data); o && o->contactId)
      return std::unexpected(invalidInput(kContactIdIsLotsens, "contact_id"));
  auto record = s.createCaseRecord(actor, kind.kind, target.personId, target.registrationId, data);
  if (!record || kind.kind != kContactAttemptKind) return record;
  if (auto ok = followContact(s, actor, *record, ""); !ok) return std::unexpected(ok.error());
  return record;
}

std::expected<std::vector<CaseRecord>, Error> recordLettersSent(Store& s, const Actor& actor,
                                                                std::span<const LetterPosted> sent, CivilDate today,
                                                                const std::string& note) {
  const RecordKind* kind = recordKind(kContactAttemptKind);
  std::vector<CaseRecord> written;
  for (const LetterPosted& letter : sent) {
    auto registration = s.registration(letter.registrationId);
    if (!registration) return std::unexpected(registration.error());
    RecordTarget target{caseContext(today, "23:59", *registration), letter.personId, letter.registrationId};
    json::object body{{"date", today.iso()}, {"channel", kLetterChannel}};
    if (!note.empty()) body["note"] = note;
    auto data = kind->check(body, s, target);
    if (!data)
      return std::unexpected(invalidInput(
          fmt::format("the letter to person {} cannot be recorded: {}", letter.personId, data.error().front().message),
          "person_ids"));
    auto record = writeRecord(s, actor, *kind, target, *data);
    if (!record) return std::unexpected(record.error());
    written.push_back(std::move(*record));
  }
  return written;
}

std::expected<CaseRecord, Error> reviseRecord(Store& s, const Actor& actor, const CaseRecord& current,
                                              std::int64_t expectedVersion, const std::string& data) {
  // The same data again is no change: no new version, nothing journalled.
  if (auto stored = s.caseRecord(current.id);
      stored && stored->version == expectedVersion && !stored->voided && stored->data == data)
    return *stored;
  if (learntAtAContact(current)) return std::unexpected(invalidInput(kFollowsItsContact, "contact_id"));
  if (current.kind == kOccupationKind)
    if (auto after = parseOccupation(data); after && after->contactId)
      return std::unexpected(invalidInput(kContactIdIsLotsens, "contact_id"));
  auto revised = s.updateCaseRecord(actor, current.id, expectedVersion, data);
  if (!revised || revised->kind != kContactAttemptKind) return revised;
  if (auto ok = followContact(s, actor, *revised, "Kontakten rättades; sysselsättningen följer den"); !ok)
    return std::unexpected(ok.error());
  return revised;
}

std::expected<CaseRecord, Error> voidRecord(Store& s, const Actor& actor, const CaseRecord& current,
                                            std::int64_t expectedVersion, const std::string& reason) {
  if (learntAtAContact(current)) return std::unexpected(invalidInput(kFollowsItsContact, "contact_id"));
  auto voided = s.voidCaseRecord(actor, current.id, expectedVersion, reason);
  if (!voided) return voided;
  if (voided->kind == kContactAttemptKind)
    if (auto ok = followContact(s, actor, *voided, reason); !ok) return std::unexpected(ok.error());
  if (voided->kind == kMeasureKind)
    if (auto ok = dropFromPlan(s, actor, *voided); !ok) return std::unexpected(ok.error());
  if (voided->kind == kPlanKind)
    if (auto ok = voidAssessmentsOf(s, actor, *voided, reason); !ok) return std::unexpected(ok.error());
  return voided;
}

std::expected<RegistrationChange, Error> closeRegistration(Store& s, const Actor& actor,
                                                           const Registration& registration, std::int64_t version,
                                                           CivilDate date, const std::string& reason) {
  auto closed = s.endRegistration(actor, registration.id, version, date, reason, EndedBy::hand);
  if (!closed) return std::unexpected(closed.error());
  auto measures = changeMeasures(s, actor, registration, [&](Measure& m) {
    if (!m.start || m.end) return false;
    m.end = std::max(*m.start, date);
    m.endReason = std::string(kMeasureEndedWithRegistration);
    return true;
  });
  if (!measures) return std::unexpected(measures.error());
  return RegistrationChange{*closed, std::move(*measures)};
}

std::expected<RegistrationChange, Error> reopenRegistration(Store& s, const Actor& actor,
                                                            const Registration& registration, std::int64_t version,
                                                            const std::string& reason) {
  auto reopened = s.reopenRegistration(actor, registration.id, version, reason);
  if (!reopened) return std::unexpected(reopened.error());
  auto measures = changeMeasures(s, actor, registration, [&](Measure& m) {
    if (m.endReason != kMeasureEndedWithRegistration || m.end != registration.endDate) return false;
    m.end.reset();
    m.endReason.clear();
    return true;
  });
  if (!measures) return std::unexpected(measures.error());
  return RegistrationChange{*reopened, std::move(*measures)};
}

std::expected<RegisteredPerson, Error> registerByHand(Store& s, const Actor& actor, const RegistrationByHand& r,
                                                      std::optional<std::int64_t> caseworker, const std::string& unit) {
  if (auto ok = checkRegistrationByHand(r.startDate, r.personalId.birthDate(), r.today); !ok)
    return std::unexpected(ok.error());
  auto known = s.personByPersonalId(r.personalId);
  if (!known) return std::unexpected(known.error());
  std::optional<Person> person = *known;
  if (person && r.details)
    return std::unexpected(invalidInput(
        "the person is in Lotsen already: their name and address come from the population register", "person"));
  if (!person && !r.details)
    return std::unexpected(
        invalidInput("the person is not in Lotsen: give their name, address and kommunkod (person)", "person"));
  if (person) {
    auto registrations = s.registrationsOf(person->id);
    if (!registrations) return std::unexpected(registrations.error());
    for (const Registration& open : *registrations)
      if (open.programme == kProgrammeKaa && !open.endDate)
        return std::unexpected(conflict(fmt::format("the person is registered already (registration {})", open.id)));
  } else {
    PersonDetails details = *r.details;
    if (auto errors = validateEnteredDetails(details); !errors.empty()) {
      errors.front().field = "person." + errors.front().field;
      return std::unexpected(errors.front());
    }
    // Only into a register Lotsen keeps: a kommunkod made up or mistyped would stand in it for good.
    auto kept = s.municipalities();
    if (!kept) return std::unexpected(kept.error());
    if (!kept->empty() && std::ranges::find(*kept, details.municipalityCode) == kept->end())
      return std::unexpected(invalidInput(fmt::format("Lotsen keeps the register of {}, not of kommun {}",
                                                      fmt::join(*kept, ", "), details.municipalityCode),
                                          "person.municipality_code"));
    auto created = s.createPerson(actor, details);
    if (!created) return std::unexpected(created.error());
    person = *created;
  }
  auto registration = s.createRegistration(
      actor, NewRegistration{person->id, std::string(kProgrammeKaa), r.startDate, r.reason, r.byHand});
  if (!registration) return std::unexpected(registration.error());
  if (!unit.empty()) {
    registration = s.assignRegistration(actor, registration->id, registration->version, caseworker, unit);
    if (!registration) return std::unexpected(registration.error());
  }
  return RegisteredPerson{*person, *registration};
}

}  // namespace lotsen
