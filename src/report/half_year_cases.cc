#include "report/half_year_cases.h"

#include <fmt/format.h>

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

std::expected<std::vector<HalfYearCase>, Error> halfYearCases(const std::vector<Event>& events, HalfYear period,
                                                              std::string_view until) {
  std::vector<HalfYearCase> cases;
  for (auto& [personId, journal] : replayJournal(events, until)) {
    if (!journal.person) continue;
    const json::value* text = journal.person->if_contains("personal_id");
    if (!text || !text->is_string()) continue;  // de-identified by data retention
    auto id = PersonalId::parse(text->as_string(), period.last());
    if (!id)
      return std::unexpected(
          internalError(fmt::format("the journalled person {} has no valid personnummer", personId)));
    std::vector<OccupationEntry> occupations;
    for (auto& [recordId, record] : journal.records[std::string(kOccupationKind)]) {
      auto o = parsedData<OccupationEntry>(parseOccupation, record);
      if (!o) return std::unexpected(o.error());
      occupations.push_back(std::move(*o));
    }
    for (auto& [registrationId, json] : journal.registrations) {
      auto r = parseRegistration(json);
      if (!r) return std::unexpected(r.error());
      if (r->programme != kProgrammeKaa || !inPeriod(*r, period)) continue;
      HalfYearCase c{id->canonical(), id->birthDate(), std::move(*r), {}, occupations, {}};
      for (auto& [recordId, record] : journal.records[std::string(kContactAttemptKind)])
        if (registrationOf(record) == registrationId) {
          auto a = parsedData<ContactAttempt>(parseContactAttempt, record);
          if (!a) return std::unexpected(a.error());
          c.contacts.push_back(std::move(*a));
        }
      for (auto& [recordId, record] : journal.records[std::string(kMeasureKind)])
        if (registrationOf(record) == registrationId) {
          auto m = parsedData<Measure>(parseMeasure, record);
          if (!m) return std::unexpected(m.error());
          c.measures.push_back(std::move(*m));
        }
      cases.push_back(std::move(c));
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

std::expected<HalfYearReport, Error> halfYearReport(Store& store, HalfYear period,
                                                    std::chrono::system_clock::time_point now, bool withCorrections) {
  CivilDate today = swedishDay(now);
  if (today < period.first())
    return std::unexpected(invalidInput(
        fmt::format("the half-year {} has not begun: today is {}", period.toString(), today.iso()), "period"));
  auto layout = halfYearLayout(store);
  if (!layout) return std::unexpected(layout.error());
  // The journal is read once; the file as of the period's end folds only its events up to then.
  constexpr std::string_view kEveryEvent = "9999-12-31T23:59:59.999Z";
  auto events = store.personEventsBefore(kEveryEvent);
  if (!events) return std::unexpected(events.error());
  auto latest = halfYearCases(*events, period, kEveryEvent);
  if (!latest) return std::unexpected(latest.error());
  HalfYearReport report;
  report.layout = std::move(*layout);
  report.file = computeHalfYearFile(*latest, period, report.layout);
  report.periodEnded = today > period.last();
  if (!report.periodEnded) return report;
  std::string end = swedishDayStartUtc(period.last().plusDays(1));
  auto atEnd = halfYearCases(*events, period, end);
  if (!atEnd) return std::unexpected(atEnd.error());
  HalfYearFile sent = computeHalfYearFile(*atEnd, period, report.layout);
  std::tie(report.removedSinceEnd, report.addedSinceEnd) = halfYearDifference(sent.records, report.file.records);
  report.withCorrections = withCorrections;
  if (!withCorrections) {
    report.file = std::move(sent);
    report.asOf = end;
  }
  return report;
}

}  // namespace lotsen
