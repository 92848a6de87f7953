#include "report/half_year_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "clock/swedish_time.h"
#include "domain/personal_id.h"
#include "store/case_records.h"
#include "store/journal.h"
#include "store/json_form.h"

namespace lotsen {
namespace json = boost::json;

namespace {

// The record's data parsed, or internal naming it: a journalled record parsed when it was written.
template <class T>
std::expected<T, Error> parsedData(std::expected<T, std::vector<Error>> (*parse)(const json::value&),
                                   const json::object& record) {
  const json::value* data = record.if_contains("data");
  auto parsed = data ? parse(*data) : std::unexpected(std::vector<Error>{});
  if (!parsed)
    return std::unexpected(
        internalError(fmt::format("the journalled record {} does not parse",
                                  json::serialize(record.contains("id") ? record.at("id") : nullptr))));
  return std::move(*parsed);
}

std::optional<std::int64_t> registrationOf(const json::object& record) {
  const json::value* id = record.if_contains("registration_id");
  return id && id->is_int64() ? std::optional(id->as_int64()) : std::nullopt;
}

bool inPeriod(const Registration& r, HalfYear period) {
  return r.startDate <= period.last() && (!r.endDate || *r.endDate >= period.first());
}

}  // namespace

std::expected<std::vector<HalfYearCase>, Error> halfYearCases(const std::map<std::int64_t, JournalCase>& journal,
                                                              HalfYear period) {
  static const std::map<std::int64_t, json::object> kNone;
  auto recordsOf = [](const JournalCase& c, std::string_view kind) -> const std::map<std::int64_t, json::object>& {
    auto found = c.records.find(kind);
    return found == c.records.end() ? kNone : found->second;
  };
  std::vector<HalfYearCase> cases;
  for (const auto& [personId, c] : journal) {
    if (!c.person) continue;
    const json::value* text = c.person->if_contains("personal_id");
    if (!text || !text->is_string()) continue;  // de-identified by data retention
    auto id = PersonalId::parse(text->as_string(), period.last());
    if (!id)
      return std::unexpected(
          internalError(fmt::format("the journalled person {} has no valid personnummer", personId)));
    std::vector<OccupationEntry> occupations;
    for (const auto& [recordId, record] : recordsOf(c, kOccupationKind)) {
      auto o = parsedData<OccupationEntry>(parseOccupation, record);
      if (!o) return std::unexpected(o.error());
      occupations.push_back(std::move(*o));
    }
    for (const auto& [registrationId, json] : c.registrations) {
      auto r = parseRegistration(json);
      if (!r) return std::unexpected(r.error());
      if (r->programme != kProgrammeKaa || !inPeriod(*r, period)) continue;
      HalfYearCase hc{id->canonical(), id->birthDate(), std::move(*r), {}, occupations, {}};
      for (const auto& [recordId, record] : recordsOf(c, kContactAttemptKind))
        if (registrationOf(record) == registrationId) {
          auto a = parsedData<ContactAttempt>(parseContactAttempt, record);
          if (!a) return std::unexpected(a.error());
          hc.contacts.push_back(std::move(*a));
        }
      for (const auto& [recordId, record] : recordsOf(c, kMeasureKind))
        if (registrationOf(record) == registrationId) {
          auto m = parsedData<Measure>(parseMeasure, record);
          if (!m) return std::unexpected(m.error());
          hc.measures.push_back(std::move(*m));
        }
      cases.push_back(std::move(hc));
    }
  }
  return cases;
}

std::expected<HalfYearLayout, Error> halfYearLayout(Store& store) {
  auto text = store.reportLayout(kHalfYearLayoutName);
  if (!text) return std::unexpected(text.error());
  if (!*text)
    return std::unexpected(notFound(
        "no layout for SCB's half-year file has been imported: import SCB's layout and code mapping with lotsen "
        "codes import FILE (docs/formats.md)"));
  auto layout = parseHalfYearLayout(**text);
  if (!layout) return std::unexpected(internalError("the imported layout no longer reads: import it again"));
  return std::move(*layout);
}

std::expected<HalfYearLayout, std::vector<Error>> importHalfYearLayout(Store& store, const Actor& actor,
                                                                       std::string_view text) {
  if (text.size() > kMaxLayoutBytes)
    return std::unexpected(std::vector{invalidInput("the file is larger than 1 MB", "file")});
  LotsenCodes known;
  for (const char* list :
       {"registration_reason", "deregistration_reason", "occupation", "measure_type", "measure_end_reason"}) {
    auto codes = store.codeList(list);
    if (!codes) return std::unexpected(std::vector{codes.error()});
    for (const Code& c : codes->codes()) known[list].insert(c.code);
  }
  auto layout = parseHalfYearLayout(text, &known);
  if (!layout) return layout;
  if (auto saved = store.saveReportLayout(actor, kHalfYearLayoutName, text); !saved)
    return std::unexpected(std::vector{saved.error()});
  return layout;
}

std::expected<std::vector<std::int64_t>, Error> halfYearPersons(Store& store, HalfYear period) {
  // Open on a day of the period or ending in it: ended on or after its first day.
  auto registrations = store.registrationsDuring(kProgrammeKaa, period.first().plusDays(-1), period.last());
  if (!registrations) return std::unexpected(registrations.error());
  // A registration's start never changes; its end only by these (none of them rewrites another's).
  auto changed =
      store.personsWithEventsFrom(swedishDayStartUtc(period.first()), {"registration.ended", "registration.reopened"});
  if (!changed) return std::unexpected(changed.error());
  std::vector<std::int64_t> persons = std::move(*changed);
  for (const RegisteredPerson& rp : *registrations) persons.push_back(rp.person.id);
  std::ranges::sort(persons);
  auto [first, last] = std::ranges::unique(persons);
  persons.erase(first, last);
  return persons;
}

std::expected<HalfYearReport, Error> halfYearReport(Store& store, HalfYear period,
                                                    std::chrono::system_clock::time_point now, bool withCorrections) {
  CivilDate today = swedishDay(now);
  if (today < period.first())
    return std::unexpected(invalidInput(
        fmt::format("the half-year {} has not begun: today is {}", period.toString(), today.iso()), "period"));
  auto layout = halfYearLayout(store);
  if (!layout) return std::unexpected(layout.error());
  // The journal of the persons the file can be about is read once and folded once: up to the period's end for
  // the file as it was sent (of a period that has ended), then on to now.
  constexpr std::string_view kEveryEvent = "9999-12-31T23:59:59.999Z";
  auto persons = halfYearPersons(store, period);
  if (!persons) return std::unexpected(persons.error());
  auto events = store.personEventsBefore(kEveryEvent, *persons);
  if (!events) return std::unexpected(events.error());
  JournalReplay replay(*events);
  HalfYearReport report;
  report.layout = std::move(*layout);
  report.periodEnded = today > period.last();
  std::string end = swedishDayStartUtc(period.last().plusDays(1));
  std::optional<HalfYearFile> sent;
  if (report.periodEnded) {
    auto atEnd = halfYearCases(replay.until(end), period);
    if (!atEnd) return std::unexpected(atEnd.error());
    sent = computeHalfYearFile(*atEnd, period, report.layout);
  }
  auto latest = halfYearCases(replay.until(kEveryEvent), period);
  if (!latest) return std::unexpected(latest.error());
  report.file = computeHalfYearFile(*latest, period, report.layout);
  if (!report.periodEnded) return report;
  std::tie(report.removedSinceEnd, report.addedSinceEnd) = halfYearDifference(sent->records, report.file.records);
  report.withCorrections = withCorrections;
  if (!withCorrections) {
    report.file = std::move(*sent);
    report.asOf = end;
  }
  return report;
}

}  // namespace lotsen
