// The caseworker's routes: contact attempts, occupation, measures, responsibility, closing a
// registration by hand, a person's history and as-of view, and the worklists.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <map>

#include "casework/casework.h"
#include "clock/swedish_time.h"
#include "domain/target_group.h"
#include "http/api.h"
#include "http/json_mapping.h"
#include "store/case_records.h"
#include "store/journal.h"
#include "store/json_fields.h"

namespace lotsen {
namespace json = boost::json;
namespace {

constexpr std::array<std::string_view, 8> kWorklists{"first_contact",
                                                     "contact_retry",
                                                     "follow_up",
                                                     "occupation",
                                                     "measure_end_reason",
                                                     "plan_without_goals",
                                                     "registration_without_plan",
                                                     "turning_20"};

// Every record written with free text comes back with this reminder (Förordning 2006:39: data only for
// its purposes; sensitive data should not be documented).
json::object recordResponse(const CaseRecord& record, const CodeLabels* labels) {
  json::object o = caseRecordJson(record, labels);
  o["notice"] = "Fritext ska vara kort och får aldrig innehålla känsliga uppgifter, till exempel om hälsa.";
  return o;
}

Response withEtag(Response r, std::string_view resource, std::int64_t id, std::int64_t version) {
  r.headers.emplace_back("ETag", etagOf(resource, id, version));
  return r;
}

// A 409 for a stale write, with the record as it is now: a read of the person's data, logged as one.
Response staleProblem(Call& call, std::int64_t personId, const Error& error, json::value current) {
  if (!current.is_null()) call.accessedPersons({personId});
  return problemWithCurrent(error, std::move(current));
}

// The person's open KAA registration (the latest), if any.
std::expected<std::optional<Registration>, Error> openRegistration(Call& call, std::int64_t personId) {
  auto all = call.registrationsOf(personId);
  if (!all) return std::unexpected(all.error());
  std::optional<Registration> open;
  for (const Registration& r : *all)
    if (r.programme == kProgrammeKaa && !r.endDate) open = r;
  return open;
}

CaseContext contextFor(const Call& call, const std::optional<Registration>& registration) {
  auto local = swedishLocalTime(std::chrono::floor<std::chrono::seconds>(call.now));
  std::chrono::hh_mm_ss time(local - std::chrono::floor<std::chrono::days>(local));
  return caseContext(todayOf(call), fmt::format("{:02}:{:02}", time.hours().count(), time.minutes().count()),
                     registration);
}

Response listRecords(Call& call, const RecordKind& kind) {
  auto personId = pathId(call, 0);
  if (!personId) return problem(404, "Not Found", "no such person");
  if (auto person = call.store.person(*personId); !person) return problem(person.error());
  auto records = call.store.caseRecordsOf(*personId, kind.kind);
  if (!records) return problem(records.error());
  json::array items;
  for (const CaseRecord& r : *records) items.push_back(caseRecordJson(r, call.labels));
  call.accessedPersons({*personId});
  return jsonResponse(200, json::object{{"items", std::move(items)}});
}

// GET …/{records}/{record}: one record with its ETag, as the list shows it (a voided one too, marked).
Response getRecord(Call& call, const RecordKind& kind) {
  auto personId = pathId(call, 0);
  auto recordId = pathId(call, 1);
  if (!personId || !recordId) return problem(404, "Not Found", "no such record");
  auto record = call.store.caseRecord(*recordId);
  if (!record || record->personId != *personId || record->kind != kind.kind)
    return problem(404, "Not Found", "no such record");
  call.accessedPersons({*personId});
  return withEtag(jsonResponse(200, caseRecordJson(*record, call.labels)), kind.kind, record->id, record->version);
}

Response createRecord(Call& call, const RecordKind& kind) {
  auto personId = pathId(call, 0);
  if (!personId) return problem(404, "Not Found", "no such person");
  if (auto person = call.store.person(*personId); !person) return problem(person.error());
  auto registration = openRegistration(call, *personId);
  if (!registration) return problem(registration.error());
  if (kind.needsRegistration && !*registration)
    return problem(409, "Conflict", "the person has no open registration to document this in");
  std::optional<std::int64_t> registrationId;
  if (*registration) registrationId = (*registration)->id;
  RecordTarget target{contextFor(call, *registration), *personId, registrationId};
  auto data = kind.check(call.body, call.store, target);
  if (!data) return validationProblem(data.error());
  Actor actor{call.user->id, call.user->username};
  auto created = call.write<CaseRecord>([&](Store& s) { return writeRecord(s, actor, kind, target, *data); });
  if (!created)
    return created.error().kind == ErrorKind::invalid_input ? validationProblem({created.error()})
                                                            : problem(created.error());
  Response r =
      withEtag(jsonResponse(201, recordResponse(*created, call.labels)), kind.kind, created->id, created->version);
  r.headers.emplace_back("Location", fmt::format("/api/v1/persons/{}/{}/{}", *personId, kind.path, created->id));
  return r;
}

// The answer to a change of a record that failed: a 409 with the record as it is now for a stale version
// (read through the writer: this request's own snapshot may predate the winning write), else the error.
Response recordWriteProblem(Call& call, std::int64_t personId, std::int64_t recordId, const Error& error) {
  if (error.kind == ErrorKind::invalid_input) return validationProblem({error});  // a rule of the casework
  if (error.kind != ErrorKind::conflict) return problem(error);
  auto now = call.writer.run<CaseRecord>([&](Store& s) { return s.caseRecord(recordId); });
  return staleProblem(call, personId, error,
                      now ? json::value(caseRecordJson(*now, call.labels)) : json::value(nullptr));
}

Response updateRecord(Call& call, const RecordKind& kind) {
  auto personId = pathId(call, 0);
  auto recordId = pathId(call, 1);
  if (!personId || !recordId) return problem(404, "Not Found", "no such record");
  auto expected = ifMatchVersion(call, kind.kind, *recordId);
  if (!expected) return expected.error();
  auto current = call.store.caseRecord(*recordId);
  if (!current || current->personId != *personId || current->kind != kind.kind)
    return problem(404, "Not Found", "no such record");
  std::optional<Registration> registration;
  if (current->registrationId) {
    auto r = call.store.registration(*current->registrationId);
    if (!r) return problem(r.error());
    registration = *r;
  }
  auto data = kind.check(call.body, call.store,
                         RecordTarget{contextFor(call, registration), *personId, current->registrationId, &*current});
  if (!data) return validationProblem(data.error());
  Actor actor{call.user->id, call.user->username};
  auto updated = call.write<CaseRecord>([&](Store& s) { return reviseRecord(s, actor, *current, *expected, *data); });
  if (!updated) return recordWriteProblem(call, *personId, *recordId, updated.error());
  return withEtag(jsonResponse(200, recordResponse(*updated, call.labels)), kind.kind, updated->id, updated->version);
}

// POST …/{records}/{record}/void {"reason"} with the record's ETag: a record made by mistake leaves the
// current state, the worklists and the statistics, and stays in the history with the reason.
Response voidRecordRequest(Call& call, const RecordKind& kind) {
  auto personId = pathId(call, 0);
  auto recordId = pathId(call, 1);
  if (!personId || !recordId) return problem(404, "Not Found", "no such record");
  auto expected = ifMatchVersion(call, kind.kind, *recordId);
  if (!expected) return expected.error();
  JsonFields f(call.body, {"reason"});
  std::string reason = f.text("reason");
  for (Error& e : checkReason(reason)) f.fail(std::move(e));
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto current = call.store.caseRecord(*recordId);
  if (!current || current->personId != *personId || current->kind != kind.kind)
    return problem(404, "Not Found", "no such record");
  Actor actor{call.user->id, call.user->username};
  auto voided = call.write<CaseRecord>([&](Store& s) { return voidRecord(s, actor, *current, *expected, reason); });
  if (!voided) return recordWriteProblem(call, *personId, *recordId, voided.error());
  return withEtag(jsonResponse(200, caseRecordJson(*voided, call.labels)), kind.kind, voided->id, voided->version);
}

// The registration named in the path, checked to be the person's.
std::expected<Registration, Response> pathRegistration(Call& call) {
  auto personId = pathId(call, 0);
  auto registrationId = pathId(call, 1);
  if (!personId || !registrationId) return std::unexpected(problem(404, "Not Found", "no such registration"));
  auto registration = call.store.registration(*registrationId);
  if (!registration || registration->personId != *personId)
    return std::unexpected(problem(404, "Not Found", "no such registration"));
  return *registration;
}

// Writes a change of `registration` under If-Match; answers it with `extra` fields beside it (read after
// the write, so the write may fill them in).
Response registrationWrite(
    Call& call, const Registration& registration,
    const std::function<std::expected<Registration, Error>(Store&, const Registration&, std::int64_t)>& write,
    const json::object& extra = {}) {
  auto expected = ifMatchVersion(call, "registration", registration.id);
  if (!expected) return expected.error();
  auto written = call.write<Registration>([&](Store& s) { return write(s, registration, *expected); });
  if (!written) {
    // The store's rule violations (a reason code, the order of dates) name their field.
    if (written.error().kind == ErrorKind::invalid_input) return validationProblem({written.error()});
    if (written.error().kind != ErrorKind::conflict) return problem(written.error());
    auto now = call.writer.run<Registration>([&](Store& s) { return s.registration(registration.id); });
    return staleProblem(call, registration.personId, written.error(),
                        now ? json::value(registrationJson(*now, call.labels)) : json::value(nullptr));
  }
  json::object answer = registrationJson(*written, call.labels);
  for (const auto& [key, value] : extra) answer[key] = value;
  return withEtag(jsonResponse(200, answer), "registration", written->id, written->version);
}

// A 403 on a change of `registration` outside the caller's caseload (a grant lets them read and
// document, never close, reopen or assign): access-logged as a refusal, as every 403 on a case is.
Response refusedChange(Call& call, const Registration& registration, std::string_view detail) {
  call.refusedPerson = registration.personId;
  return problem(403, "Forbidden", detail);
}

// The registration named in the path, when the caller's caseload covers it; else 404, or a 403 saying
// `refusal` (refusedChange).
std::expected<Registration, Response> registrationToChange(Call& call, std::string_view refusal) {
  auto registration = pathRegistration(call);
  if (!registration) return registration;
  if (!covers(call.user->caseload, *registration)) return std::unexpected(refusedChange(call, *registration, refusal));
  return registration;
}

// PUT …/registrations/{registration}/assignment {"caseworker_id", "unit"}: who is responsible. Only by
// role, never under a break-the-glass grant: the registration in the manager's own caseload, the target
// unit (the given one, else the registration's) one of the manager's units, and the assignee an active
// caseworker or unit manager working in it.
Response assign(Call& call) {
  JsonFields f(call.body, {"caseworker_id", "unit"});
  std::optional<std::int64_t> caseworker = f.integer("caseworker_id");
  bool unitGiven = f.has("unit");
  std::string unit = f.text("unit");
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto registration = registrationToChange(call, "the registration is not in your units");
  if (!registration) return registration.error();
  std::string target = unitGiven ? unit : registration->unit;
  const auto& own = call.user->caseload.units;
  // Intake (no unit) is every manager's: a case goes there only if it is there already.
  bool ownTarget = target.empty() ? registration->unit.empty() : std::find(own.begin(), own.end(), target) != own.end();
  if (!ownTarget) return problem(403, "Forbidden", "you can assign cases only to your own units", "unit");
  Actor actor{call.user->id, call.user->username};
  return registrationWrite(
      call, *registration,
      [&](Store& s, const Registration& r, std::int64_t version) -> std::expected<Registration, Error> {
        std::optional<Assignee> assignee;
        if (caseworker) {
          auto user = s.userById(*caseworker);
          if (!user) return std::unexpected(user.error());
          if (*user)
            if (auto roles = parseRoles((*user)->role))
              assignee = Assignee{*roles, (*user)->active, (*user)->units, (*user)->username};
        }
        if (auto ok = checkAssignee(target, caseworker, assignee); !ok) return std::unexpected(ok.error());
        // The same assignment again is no change: no new version, nothing journalled.
        if (auto now = s.registration(r.id);
            now && now->version == version && now->caseworkerId == caseworker && now->unit == target)
          return *now;
        return s.assignRegistration(actor, r.id, version, caseworker, target);
      });
}

// POST …/registrations/{registration}/close {"end_date", "end_reason"}: ends the municipality's
// responsibility, so, like an assignment, only by role: never under a break-the-glass grant.
Response closeRoute(Call& call) {
  JsonFields f(call.body, {"end_date", "end_reason"});
  auto date = f.date("end_date", true);
  std::string reason = f.text("end_reason", true);
  if (date && *date > todayOf(call)) f.fail(invalidInput("end_date is in the future", "end_date"));
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto registration =
      registrationToChange(call, "the registration is outside your caseload: a grant lets you document, not close");
  if (!registration) return registration.error();
  auto person = call.store.person(registration->personId);
  if (!person) return problem(person.error());
  if (auto ok = checkHandClosure(reason, *date, person->details.personalId.birthDate()); !ok)
    return validationProblem({ok.error()});
  Actor actor{call.user->id, call.user->username};
  // Measures under way end with the registration, each with an end reason of its own.
  json::object extra;  // filled by the write, answered beside the registration
  return registrationWrite(
      call, *registration,
      [&](Store& s, const Registration& reg, std::int64_t version) -> std::expected<Registration, Error> {
        auto closed = closeRegistration(s, actor, reg, version, *date, reason);
        if (!closed) return std::unexpected(closed.error());
        extra["measures_ended"] = json::array(closed->measures.begin(), closed->measures.end());
        return closed->registration;
      },
      extra);
}

// POST …/registrations/{registration}/reopen {"reason"}: a closure made by mistake is undone, with the
// reason in the journal; the measures the closure ended go on. Like closing, only by role.
Response reopenRoute(Call& call) {
  JsonFields f(call.body, {"reason"});
  std::string reason = f.text("reason");
  for (Error& e : checkReason(reason)) f.fail(std::move(e));
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto registration = registrationToChange(call, "the registration is outside your caseload");
  if (!registration) return registration.error();
  Actor actor{call.user->id, call.user->username};
  json::object extra;  // filled by the write, answered beside the registration
  return registrationWrite(
      call, *registration,
      [&](Store& s, const Registration& reg, std::int64_t version) -> std::expected<Registration, Error> {
        auto reopened = reopenRegistration(s, actor, reg, version, reason);
        if (!reopened) return std::unexpected(reopened.error());
        extra["measures_resumed"] = json::array(reopened->measures.begin(), reopened->measures.end());
        return reopened->registration;
      },
      extra);
}

// POST …/registrations/{registration}/reason {"reason"}: corrects the registration reason (one the registers
// contradict, docs/reports.md), open or ended. Only by role, as closing; the same reason again is no change.
Response correctReasonRoute(Call& call) {
  JsonFields f(call.body, {"reason"});
  std::string reason = f.text("reason", true);
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto registration = registrationToChange(call, "the registration is outside your caseload");
  if (!registration) return registration.error();
  Actor actor{call.user->id, call.user->username};
  return registrationWrite(
      call, *registration,
      [&](Store& s, const Registration& reg, std::int64_t version) -> std::expected<Registration, Error> {
        if (auto now = s.registration(reg.id); now && now->version == version && now->reason == reason) return *now;
        return s.correctRegistrationReason(actor, reg.id, version, reason);
      });
}

enum class Reach { by_role, by_grant };

// How the caller may register the person with `pid` by hand: by role when Lotsen does not know them, knows no
// registration of theirs, or one lies in the caller's caseload; by a grant (break the glass) when their case lies
// outside it — the registration would make the caller responsible and so open the earlier case to them. A 403
// otherwise (access-logged as refused), or the store's error. The look-up is access-logged whatever the answer
// (naming the person found, or nobody): the answers tell a known personnummer from an unknown one, as a search does.
std::expected<Reach, Response> reachToRegister(Call& call, const PersonalId& pid) {
  auto known = call.store.personByPersonalId(pid);
  if (!known) return std::unexpected(problem(known.error()));
  call.accessedPersons(*known ? std::vector<std::int64_t>{(*known)->id} : std::vector<std::int64_t>{});
  if (!*known) return Reach::by_role;
  auto registrations = call.registrationsOf((*known)->id);
  if (!registrations) return std::unexpected(problem(registrations.error()));
  if (registrations->empty() || coversAny(call.user->caseload, *registrations)) return Reach::by_role;
  auto granted = call.holdsGrant((*known)->id);
  if (!granted) return std::unexpected(problem(granted.error()));
  if (!*granted) return std::unexpected(call.refuseOutsideCaseload((*known)->id));
  return Reach::by_grant;
}

// POST /api/v1/registrations {"personal_id", "start_date", "reason", "by_hand", "person"}: a young person
// who calls in, or whom a school reports, is registered by hand before the next register run; "person"
// ({"first_name", "last_name", "street_address", "postal_code", "city", "municipality_code"}) only when
// Lotsen does not know them. A user working in one unit becomes responsible; otherwise the case waits in
// the intake. A person whose case lies outside the caller's caseload is registered only under a grant, and
// then into the intake: who is responsible is decided by role, never under a grant (reachToRegister). The
// next identification run confirms or ends the registration and says which.
Response registerByHandRoute(Call& call) {
  JsonFields f(call.body, {"personal_id", "start_date", "reason", "by_hand", "person"});
  const CivilDate today = todayOf(call);
  std::string personalId = f.text("personal_id", true);
  auto start = f.date("start_date", true);
  std::string reason = f.text("reason", true);
  std::string how = f.text("by_hand", true);
  std::optional<PersonalId> pid;
  if (!personalId.empty()) {
    auto parsed = PersonalId::parse(personalId, today);
    if (parsed)
      pid = *parsed;
    else
      f.fail(invalidInput(parsed.error().message, "personal_id"));
  }
  if (pid && start)
    if (auto ok = checkRegistrationByHand(*start, pid->birthDate(), today); !ok) f.fail(ok.error());
  std::optional<PersonDetails> details;
  if (pid && f.has("person")) {
    JsonFields p(call.body.as_object().at("person"),
                 {"first_name", "last_name", "street_address", "postal_code", "city", "municipality_code"});
    details = PersonDetails{*pid,
                            p.text("first_name"),
                            p.text("last_name"),
                            p.text("street_address"),
                            p.text("postal_code"),
                            p.text("city"),
                            p.text("municipality_code"),
                            Protection::none};
    f.absorb(p.errors(), "person");
    if (call.body.as_object().at("person").is_object()) f.absorb(validateEnteredDetails(*details), "person");
  }
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto reach = reachToRegister(call, *pid);
  if (!reach) return reach.error();
  const auto& units = call.user->caseload.units;
  std::string unit = *reach == Reach::by_role && units.size() == 1 ? units.front() : std::string();
  std::optional<std::int64_t> caseworker;
  if (!unit.empty()) caseworker = call.user->id;
  Actor actor{call.user->id, call.user->username};
  RegistrationByHand r{*pid, std::move(details), *start, std::move(reason), std::move(how), today};
  auto registered =
      call.write<RegisteredPerson>([&](Store& s) { return registerByHand(s, actor, r, caseworker, unit); });
  if (!registered) {
    if (registered.error().kind == ErrorKind::invalid_input) return validationProblem({registered.error()});
    return problem(registered.error());
  }
  call.accessedPersons({registered->person.id});
  json::object answer = registrationJson(registered->registration, call.labels);
  answer["notice"] = unit.empty() ? "Inskriven för hand. Ärendet väntar i inkorgen på att en enhetschef fördelar det."
                                  : "Inskriven för hand. Du är ansvarig handläggare.";
  Response response = withEtag(jsonResponse(201, answer), "registration", registered->registration.id,
                               registered->registration.version);
  response.headers.emplace_back("Location", fmt::format("/api/v1/persons/{}", registered->person.id));
  return response;
}

// Whether `person`'s address and contact details are kept from the caller: protected, and the caller
// does not hold read_protected_address.
bool hiddenFromCaller(const Call& call, const Person& person) {
  return person.details.protection != Protection::none && !call.user->readsProtectedAddress;
}

// Contact details, as a protected person's are answered to those who may not see their address: not at all.
void hideContact(json::object& contact) {
  contact["phone"] = nullptr;
  contact["email"] = nullptr;
}

// PUT /api/v1/persons/{id}/contact-details {"phone", "email"} with the person's ETag: the young person's
// own phone number and e-mail address, both given (null removes one: a field left out is a mistake, not
// a removal). Answers the person as GET does. A protected person's details are changed only by a user who
// may read them (read_protected_address), as only they are shown them: a 403 (logged as refused) for
// anyone else, who could otherwise overwrite details unseen or test a guess against them.
Response updateContactDetails(Call& call) {
  auto personId = pathId(call, 0);
  if (!personId) return problem(404, "Not Found", "no such person");
  auto expected = ifMatchVersion(call, "person", *personId);
  if (!expected) return expected.error();
  auto person = call.store.person(*personId);
  if (!person) return problem(person.error());
  if (hiddenFromCaller(call, *person)) {
    call.refusedPerson = *personId;
    return problem(403, "Forbidden",
                   "a protected person's contact details are changed only by a user who may read them "
                   "(read_protected_address)");
  }
  JsonFields f(call.body, {"phone", "email"});
  for (std::string_view field : {"phone", "email"})
    if (!f.has(field)) f.fail(invalidInput(fmt::format("{} is required (null removes it)", field), std::string(field)));
  ContactDetails contact{f.text("phone"), f.text("email")};
  for (Error& e : validateContactDetails(contact)) f.fail(std::move(e));
  if (!f.errors().empty()) return validationProblem(f.errors());
  Actor actor{call.user->id, call.user->username};
  auto changed = call.write<Person>([&](Store& s) -> std::expected<Person, Error> {
    // The same details again are no change: no new version, nothing journalled.
    if (auto now = s.person(*personId); now && now->version == *expected && now->contact == contact) return *now;
    return s.setContactDetails(actor, *personId, *expected, contact);
  });
  if (!changed) {
    if (changed.error().kind != ErrorKind::conflict) return problem(changed.error());
    auto now = call.writer.run<Person>([&](Store& s) { return s.person(*personId); });
    json::value current = nullptr;
    if (now)
      if (auto answer = personAnswer(call, *now)) current = json::parse(*answer);
    return staleProblem(call, *personId, changed.error(), current);
  }
  call.accessedPersons({*personId});
  auto answer = personAnswer(call, *changed);
  if (!answer) return problem(answer.error());
  Response r = jsonTextResponse(200, *answer);
  r.headers.emplace_back("ETag", etagOf("person", changed->id, changed->version));
  return r;
}

// Replaces a journalled person's "protection" (its kind) by "protected": true or false, as every
// answer shows it; returns whether the person was protected.
bool markProtection(json::object& person) {
  const json::value* kind = person.if_contains("protection");
  bool isProtected = kind && kind->is_string() && !kind->as_string().empty();
  person.erase("protection");
  person["protected"] = isProtected;
  return isProtected;
}

Response history(Call& call) {
  auto personId = pathId(call, 0);
  if (!personId) return problem(404, "Not Found", "no such person");
  auto person = call.store.person(*personId);
  if (!person) return problem(person.error());
  auto events = call.store.eventsOf(*personId);
  if (!events) return problem(events.error());
  const bool hideAddress = hiddenFromCaller(call, *person);
  // A registration's responsible caseworker is named, not only numbered: "caseworker_username" beside
  // "caseworker_id" (empty when the user is gone).
  CaseworkerNames caseworkers(call);
  auto nameCaseworker = [&](json::object& o) {
    if (const json::value* id = o.if_contains("caseworker_id"); id && id->is_int64())
      o["caseworker_username"] = caseworkers.of(id->as_int64());
  };
  json::array items;
  for (const Event& e : *events) {
    json::object payload = payloadOf(e);
    if (e.type.starts_with("registration."))
      for (const char* side : {"before", "after"})
        if (json::object* o = payload[side].if_object()) nameCaseworker(*o);
    // A protected person's address is never sent, nor an address from a time the person was protected;
    // nor which kind of protection it is.
    // Contact details are hidden like the address.
    if (e.type == kContactChanged && hideAddress)
      for (const char* side : {"before", "after"})
        if (json::object* o = payload[side].if_object()) hideContact(*o);
    if (e.type.starts_with("person.") && e.type != kContactChanged)
      for (const char* side : {"before", "after"})
        if (json::object* o = payload[side].if_object()) {
          bool wasProtected = markProtection(*o);
          if (!call.user->readsProtectedAddress && (hideAddress || wasProtected))
            for (const char* field : {"street_address", "postal_code", "city"}) o->erase(field);
        }
    items.push_back(json::object{{"id", e.id},
                                 {"time", e.time},
                                 {"actor", e.actor},
                                 {"type", e.type},
                                 {"before", payload["before"]},
                                 {"after", payload["after"]}});
  }
  call.accessedPersons({*personId});
  return jsonResponse(200, json::object{{"items", std::move(items)}});
}

}  // namespace

// The case as it stood at the end of a Swedish day, rebuilt from the event journal.
Response caseAsOf(Call& call, std::int64_t personId) {
  auto asOf = CivilDate::parse(queryParameter(call.request.query, "as_of"));
  if (!asOf) return problem(400, "Bad Request", "as_of: " + asOf.error().message, "as_of");
  if (*asOf > todayOf(call))
    return problem(400, "Bad Request", "as_of is in the future: the case as it stands now is answered without as_of",
                   "as_of");
  auto events = call.store.eventsOf(personId);
  if (!events) return problem(events.error());
  auto cases = replayJournal(*events, swedishDayStartUtc(asOf->plusDays(1)));
  JournalCase& c = cases[personId];
  std::optional<json::object>& person = c.person;
  json::object& contact = c.contact;
  if (!person) return problem(404, "Not Found", fmt::format("the person was not in the register on {}", asOf->iso()));
  // Protected then or now: an address from before the protection must not be sent either.
  auto now = call.store.person(personId);
  if (!now) return problem(now.error());
  bool isProtected = markProtection(*person) || now->details.protection != Protection::none;
  if (isProtected && !call.user->readsProtectedAddress) hideContact(contact);
  (*person)["contact"] = std::move(contact);
  if (isProtected && !call.user->readsProtectedAddress)
    for (const char* field : {"street_address", "postal_code", "city"}) person->erase(field);
  json::object body{{"as_of", asOf->iso()}, {"id", personId}, {"person", *person}};
  call.accessedPersons({personId});
  json::array regs;
  for (auto& [id, r] : c.registrations) regs.push_back(r);
  body["registrations"] = std::move(regs);
  for (const RecordKind& kind : recordKinds()) {
    json::array items;
    for (auto& [id, r] : c.records[std::string(kind.kind)]) items.push_back(r);
    body[std::string(kind.kind) + "s"] = std::move(items);  // contact_attempts, occupations, measures, plans, …
  }
  return jsonResponse(200, body);
}

namespace {

std::expected<WorklistFilter, Response> worklistFilter(const Call& call) {
  // Always within the caseload; by default a caseworker's own cases, a unit manager's whole units.
  WorklistFilter filter{todayOf(call), call.user->id, queryParameter(call.request.query, "unit"), call.user->caseload};
  if (!filter.unit.empty()) {
    if (auto known = checkUnitParameter(call, filter.unit); !known) return std::unexpected(known.error());
  }
  std::string who = queryParameter(call.request.query, "caseworker");
  if (who == "all" || (who.empty() && (!filter.unit.empty() || !call.user->caseload.caseworkerId))) {
    filter.caseworkerId.reset();
  } else if (!who.empty() && who != "me") {
    auto id = positiveNumber(who);
    if (!id) return std::unexpected(problem(400, "Bad Request", "caseworker is me, all or a user id", "caseworker"));
    filter.caseworkerId = *id;
  }
  return filter;
}

// A worklist's page: at most this many items (?page=N; without it, all of them).
constexpr std::size_t kWorklistPageSize = 100;

Response worklist(Call& call) {
  auto filter = worklistFilter(call);
  if (!filter) return filter.error();
  std::optional<std::size_t> page;
  if (std::string p = queryParameter(call.request.query, "page"); !p.empty()) {
    auto number = positiveNumber(p);
    if (!number || *number > 100000)
      return problem(400, "Bad Request", "page must be a whole number from 1 to 100000", "page");
    page = static_cast<std::size_t>(*number);
  }
  auto entries = call.store.worklist(call.params[0], *filter);
  if (!entries)
    return entries.error().kind == ErrorKind::invalid_input ? problem(404, "Not Found", entries.error().message)
                                                            : problem(entries.error());
  std::size_t overdue = 0;
  for (const WorklistEntry& e : *entries) overdue += e.due < filter->today;
  // Only the page's items are written (and logged as read); count and overdue are the whole list's.
  std::size_t first = page ? std::min(entries->size(), (*page - 1) * kWorklistPageSize) : 0;
  std::size_t last = page ? std::min(entries->size(), first + kWorklistPageSize) : entries->size();
  json::array items;
  std::vector<std::int64_t> persons;
  for (std::size_t i = first; i < last; ++i) {
    const WorklistEntry& e = (*entries)[i];
    persons.push_back(e.personId);
    int late = static_cast<int>((filter->today.days() - e.due.days()).count());
    items.push_back(json::object{
        {"person_id", e.personId},
        {"registration_id", e.registrationId},
        {"first_name", e.firstName},
        {"last_name", e.lastName},
        {"protected", e.protectedIdentity},
        {"phone", e.protectedIdentity || e.phone.empty() ? json::value(nullptr) : json::value(e.phone)},
        {"caseworker_id", e.caseworkerId ? json::value(*e.caseworkerId) : json::value(nullptr)},
        {"unit", e.unit},
        {"due", e.due.iso()},
        {"days_overdue", std::max(0, late)},
        {"detail", e.detail},
        {"detail_label", call.params[0] == "occupation" ? json::value(call.labels->label("occupation", e.detail))
                                                        : json::value(nullptr)},
        {"record_id", e.recordId ? json::value(*e.recordId) : json::value(nullptr)},
        {"birth_date", e.birthDate.iso()},
        {"turns_20", ageScopeEnd(e.birthDate).iso()}});
  }
  call.accessedPersons(std::move(persons));
  json::object body{{"name", call.params[0]},
                    {"today", filter->today.iso()},
                    {"count", entries->size()},
                    {"overdue", overdue},
                    {"items", std::move(items)}};
  if (page) {
    body["page"] = *page;
    body["page_size"] = kWorklistPageSize;
  }
  return jsonResponse(200, body);
}

// The usernames of the users, by id (for lists that name who is responsible).
std::expected<std::map<std::int64_t, std::string>, Error> usernames(Store& store) {
  auto users = store.users();
  if (!users) return std::unexpected(users.error());
  std::map<std::int64_t, std::string> names;
  for (const User& u : *users) names[u.id] = u.username;
  return names;
}

// GET /api/v1/worklists: each list's count and overdue count, and per caseworker (by name, and the
// unassigned) for a unit manager to see who has what.
Response worklistSummary(Call& call) {
  auto filter = worklistFilter(call);
  if (!filter) return filter.error();
  auto names = usernames(call.store);
  if (!names) return problem(names.error());
  json::array lists;
  for (std::string_view name : kWorklists) {
    // Counted in the store by the list's own rule, without reading its lines.
    auto counts = call.store.worklistCounts(name, *filter);
    if (!counts) return problem(counts.error());
    std::size_t total = 0, overdue = 0;
    // Per caseworker; the cases nobody is responsible for per unit ("" the intake, not yet shared out).
    using Who = std::pair<std::optional<std::int64_t>, std::string>;
    std::map<Who, std::pair<std::size_t, std::size_t>> byCaseworker;  // count, overdue
    for (const WorklistCount& c : *counts) {
      total += static_cast<std::size_t>(c.count);
      overdue += static_cast<std::size_t>(c.overdue);
      byCaseworker[Who{c.caseworkerId, c.caseworkerId ? "" : c.unit}] = {static_cast<std::size_t>(c.count),
                                                                         static_cast<std::size_t>(c.overdue)};
    }
    json::array who;
    for (const auto& [key, counts] : byCaseworker) {
      const auto& [id, unit] = key;
      json::object row{{"caseworker_id", id ? json::value(*id) : json::value(nullptr)}, {"username", nullptr}};
      if (id) {
        if (auto it = names->find(*id); it != names->end()) row["username"] = it->second;
      } else {
        row["unit"] = unit;
        row["label"] =
            unit.empty() ? "Inkorgen (ingen enhet eller handläggare ännu)" : fmt::format("{}: ingen handläggare", unit);
      }
      row["count"] = counts.first;
      row["overdue"] = counts.second;
      who.push_back(std::move(row));
    }
    lists.push_back(
        json::object{{"name", name}, {"count", total}, {"overdue", overdue}, {"by_caseworker", std::move(who)}});
  }
  return jsonResponse(200, json::object{{"today", filter->today.iso()}, {"lists", std::move(lists)}});
}

// GET /api/v1/team: the active caseworkers and unit managers of the caller's units, whom the caller may
// assign cases to (permission assign_cases: unit managers).
Response team(Call& call) {
  auto users = call.store.users();
  if (!users) return problem(users.error());
  const auto& own = call.user->caseload.units;
  json::array members;
  for (const User& u : *users) {
    auto roles = parseRoles(u.role);
    if (!u.active || !roles || (!roles->has(Role::caseworker) && !roles->has(Role::unit_manager))) continue;
    json::array shared;
    for (const std::string& unit : u.units)
      if (std::find(own.begin(), own.end(), unit) != own.end()) shared.emplace_back(unit);
    if (shared.empty()) continue;
    json::array roleNames;
    for (std::string_view role : splitList(u.role, ',')) roleNames.emplace_back(role);
    members.push_back(json::object{
        {"id", u.id}, {"username", u.username}, {"roles", std::move(roleNames)}, {"units", std::move(shared)}});
  }
  return jsonResponse(200, json::object{{"items", std::move(members)}});
}

}  // namespace

std::vector<Route> caseworkRoutes() {
  using enum Permission;
  using enum Execution;
  std::vector<Route> routes;
  for (const RecordKind& kind : recordKinds()) {
    std::string base = fmt::format("/api/v1/persons/{{id}}/{}", kind.path);
    routes.push_back({"GET", base, read_cases, inline_read, [&kind](Call& c) { return listRecords(c, kind); }});
    routes.push_back(
        {"GET", base + "/{record}", read_cases, inline_read, [&kind](Call& c) { return getRecord(c, kind); }});
    routes.push_back({"POST", base, write_cases, worker, [&kind](Call& c) { return createRecord(c, kind); }});
    routes.push_back(
        {"PUT", base + "/{record}", write_cases, worker, [&kind](Call& c) { return updateRecord(c, kind); }});
    routes.push_back({"POST", base + "/{record}/void", write_cases, worker,
                      [&kind](Call& c) { return voidRecordRequest(c, kind); }});
  }
  routes.push_back(
      {"PUT", "/api/v1/persons/{id}/registrations/{registration}/assignment", assign_cases, worker, assign});
  routes.push_back(
      {"POST", "/api/v1/persons/{id}/registrations/{registration}/close", write_cases, worker, closeRoute});
  routes.push_back(
      {"POST", "/api/v1/persons/{id}/registrations/{registration}/reopen", write_cases, worker, reopenRoute});
  routes.push_back(
      {"POST", "/api/v1/persons/{id}/registrations/{registration}/reason", write_cases, worker, correctReasonRoute});
  routes.push_back({"POST", "/api/v1/registrations", write_cases, worker, registerByHandRoute});
  routes.push_back({"GET", "/api/v1/persons/{id}/history", read_cases, inline_read, history});
  routes.push_back({"PUT", "/api/v1/persons/{id}/contact-details", write_cases, worker, updateContactDetails});
  // Every list counted by its rule takes a while (tens of ms on a busy unit): on a worker, so that the
  // requests that share its network thread (the session check, the list's page) are not held behind it.
  routes.push_back({"GET", "/api/v1/worklists", read_cases, worker, worklistSummary});
  routes.push_back({"GET", "/api/v1/team", assign_cases, inline_read, team});
  routes.push_back({"GET", "/api/v1/worklists/{name}", read_cases, inline_read, worklist});
  return routes;
}

}  // namespace lotsen
