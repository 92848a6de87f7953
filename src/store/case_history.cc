#include "store/case_history.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>
#include <chrono>

#include "store/case_records.h"
#include "store/journal.h"
#include "store/json_form.h"

namespace lotsen {
namespace json = boost::json;

namespace {

// The reports read codes, dates and ids: the free text is not kept (retention removes the same fields). Contacts,
// occupations and measures are kept as their facts, which hold none.
void forgetFreeText(Plan& p) {
  for (PlanGoal& g : p.goals) {
    g.title.clear();
    for (PlanGoal& s : g.subGoals) s.title.clear();
  }
  for (PlanReview& r : p.reviews) r.conclusion.clear();
}
void forgetFreeText(GoalAssessment& a) { a.comment.clear(); }

// Folds a version of the record `id` into `table`: removed when `data` is null (voided), else its typed data
// without its free text (its facts, Kept, made from the record T). Errors: internal naming the record when its
// data does not parse (the journal holds what was written).
template <class Kept, class T>
std::expected<void, Error> foldRecord(VersionTable<HistoryRecord<Kept>>& table,
                                      std::expected<T, std::vector<Error>> (*parse)(const json::value&),
                                      std::int64_t id, std::int64_t recorded, const json::value* data,
                                      std::int64_t registrationId) {
  if (!data) {
    if (table.contains(id)) table.add(id, recorded, std::nullopt);
    return {};
  }
  auto parsed = parse(*data);
  if (!parsed) return std::unexpected(internalError(fmt::format("the journalled record {} does not parse", id)));
  if constexpr (std::is_same_v<Kept, T>) {
    forgetFreeText(*parsed);
    table.add(id, recorded, HistoryRecord<Kept>{registrationId, std::move(*parsed)});
  } else {
    table.add(id, recorded, HistoryRecord<Kept>{registrationId, Kept(*parsed)});
  }
  return {};
}

// The identity a "person.*" event's after holds; none without a personnummer. Errors: internal when it
// holds one that does not read.
std::expected<std::optional<PersonIdentity>, Error> identityOf(const json::object& after, std::int64_t personId) {
  const json::value* text = after.if_contains("personal_id");
  if (!text || !text->is_string()) return std::nullopt;
  auto id = PersonalId::parse(text->as_string(), *CivilDate::fromParts(2000, 1, 1));
  if (!id)
    return std::unexpected(internalError(fmt::format("the journalled person {} has no valid personnummer", personId)));
  return PersonIdentity{*id};
}

}  // namespace

std::optional<std::int64_t> storedInstant(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.mmm]Z
  auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int n = 0;
    if (text.size() < at + length) return std::nullopt;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + length, n);
    if (ec != std::errc{} || end != text.data() + at + length) return std::nullopt;
    return n;
  };
  auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  std::optional<int> millis = text.size() > 20 && text[19] == '.' ? number(20, 3) : 0;
  auto date = CivilDate::fromParts(*year, *month, *day);
  if (!date || !millis) return std::nullopt;
  using namespace std::chrono;
  return duration_cast<milliseconds>(date->days().time_since_epoch()).count() +
         ((*hour * 60LL + *minute) * 60 + *second) * 1000 + *millis;
}

std::expected<CaseHistory, Error> CaseHistory::read(Store& store) {
  CaseHistory history;
  if (auto caught = history.catchUp(store); !caught) return std::unexpected(caught.error());
  return history;
}

std::expected<void, Error> CaseHistory::catchUp(Store& store, std::size_t batch, std::stop_token stop) {
  while (!stop.stop_requested()) {
    auto events = store.personEventsAfter(lastEvent_, batch);
    if (!events) return std::unexpected(events.error());
    for (const Event& e : *events) {
      if (auto folded = fold(e); !folded) return folded;
      lastEvent_ = e.id;
      ++foldedSincePack_;
    }
    if (events->size() < batch) break;
  }
  // Packed again once an eighth more has been folded: each table changed since refers to a small array of its own.
  if (foldedSincePack_ > 0 && foldedSincePack_ * 8 >= packedEvents_) pack();
  return {};
}

void CaseHistory::pack() {
  Packed next;
  auto packKind = [&](auto& rows, auto tableOf) {
    std::size_t total = 0;
    for (PersonHistory& p : persons_) total += tableOf(p).rows().size();
    rows.reserve(total);
    for (PersonHistory& p : persons_) tableOf(p).packInto(rows);
  };
  packKind(next.identities, [](PersonHistory& p) -> auto& { return p.identity.table(); });
  packKind(next.registrations, [](PersonHistory& p) -> auto& { return p.registrations; });
  packKind(next.contacts, [](PersonHistory& p) -> auto& { return p.contacts; });
  packKind(next.occupations, [](PersonHistory& p) -> auto& { return p.occupations; });
  packKind(next.measures, [](PersonHistory& p) -> auto& { return p.measures; });
  packKind(next.plans, [](PersonHistory& p) -> auto& { return p.plans; });
  packKind(next.assessments, [](PersonHistory& p) -> auto& { return p.assessments; });
  packed_ = std::move(next);  // the arrays before, their rows moved out
  packedEvents_ += foldedSincePack_;
  foldedSincePack_ = 0;
}

const PersonHistory* CaseHistory::person(std::int64_t id) const {
  auto at = std::ranges::lower_bound(persons_, id, {}, &PersonHistory::id);
  return at == persons_.end() || at->id != id ? nullptr : &*at;
}

PersonHistory& CaseHistory::findOrAdd(std::int64_t id) {
  auto at = std::ranges::lower_bound(persons_, id, {}, &PersonHistory::id);
  if (at == persons_.end() || at->id != id) {
    PersonHistory added;
    added.id = id;
    at = persons_.insert(at, std::move(added));
  }
  return *at;
}

std::expected<void, Error> CaseHistory::fold(const Event& e) {
  auto recorded = storedInstant(e.time);
  if (!recorded) return std::unexpected(internalError(fmt::format("event {} has the time '{}'", e.id, e.time)));
  json::object payload = payloadOf(e);
  // Retention rewrote the person's earlier events without identity or free text: the person is out of every
  // report from then on, as at every earlier instant.
  if (payload.contains("deidentified")) return {};
  PersonHistory& person = findOrAdd(*e.personId);
  person.lastRecorded = std::max(person.lastRecorded, *recorded);
  if (e.type == "person.deidentified") {
    person.identity.removeEverywhere();
    person.identity.add(*recorded, std::nullopt);
    return {};
  }
  const json::object* after = payload["after"].if_object();
  if (!after || e.type == kContactChanged) return {};
  if (e.type.starts_with("person.")) {
    auto identity = identityOf(*after, *e.personId);
    if (!identity) return std::unexpected(identity.error());
    if (!person.identity.endsWith(*identity)) person.identity.add(*recorded, std::move(*identity));
    return {};
  }
  const json::value* id = after->if_contains("id");
  if (!id || !id->is_int64()) return {};
  if (e.type.starts_with("registration.")) {
    auto registration = parseRegistration(*after);
    if (!registration) return std::unexpected(registration.error());
    person.registrations.add(id->as_int64(), *recorded, RegistrationFacts(*registration));
    return {};
  }
  const json::value* data = after->if_contains("data");
  std::size_t dot = e.type.find('.');
  if (!data || dot == std::string::npos) return {};
  if (after->contains("voided")) data = nullptr;
  const json::value* registration = after->if_contains("registration_id");
  std::int64_t registrationId = registration && registration->is_int64() ? registration->as_int64() : 0;
  std::string_view kind = std::string_view(e.type).substr(0, dot);
  std::int64_t record = id->as_int64();
  if (kind == kContactAttemptKind)
    return foldRecord(person.contacts, parseContactAttempt, record, *recorded, data, registrationId);
  if (kind == kOccupationKind)
    return foldRecord(person.occupations, parseOccupation, record, *recorded, data, registrationId);
  if (kind == kMeasureKind) return foldRecord(person.measures, parseMeasure, record, *recorded, data, registrationId);
  if (kind == kPlanKind) return foldRecord(person.plans, parsePlan, record, *recorded, data, registrationId);
  if (kind == kGoalAssessmentKind)
    return foldRecord(person.assessments, parseGoalAssessment, record, *recorded, data, registrationId);
  return {};  // a kind the reports do not read
}

}  // namespace lotsen
