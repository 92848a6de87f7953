#include "report/half_year_cases.h"

#include <fmt/format.h>

#include <cstdint>
#include <span>
#include <tuple>
#include <variant>

#include "clock/swedish_time.h"

namespace lotsen {

namespace {

bool inPeriod(const RegistrationFacts& r, HalfYear period) {
  return r.startDate <= period.last() && (!r.endDate || *r.endDate >= period.first());
}

// What the file of `period` reads of a registration or a record: two versions that read the same give the same
// records. A date after the period reads as none (an end after it is no end in it; a contact after it is not
// reported); plans and assessments are not read, so their tables are not walked. Views into the history's values
// (compared, never kept).
using FileFields =
    std::variant<std::monostate,
                 std::tuple<std::string_view, CivilDate, std::string_view, std::optional<CivilDate>,
                            std::optional<std::string_view>>,                   // registration
                 std::tuple<CivilDate, std::optional<bool>, std::string_view>,  // contact
                 std::tuple<CivilDate, std::string_view, bool>,                 // occupation
                 std::tuple<std::string_view, std::optional<CivilDate>, std::optional<CivilDate>, std::string_view,
                            bool>>;  // measure

FileFields fileFields(const RegistrationFacts& r, HalfYear period) {
  if (r.programme != kProgrammeKaa || r.startDate > period.last()) return {};
  bool ended = r.endDate && *r.endDate <= period.last();
  return std::tuple(std::string_view(r.programme), r.startDate, std::string_view(r.reason),
                    ended ? r.endDate : std::nullopt,
                    ended && r.endReason ? std::optional<std::string_view>(*r.endReason) : std::nullopt);
}

FileFields fileFields(const HistoryRecord<ContactFacts>& record, HalfYear period) {
  const ContactFacts& a = record.data;
  if (a.date > period.last()) return {};
  return std::tuple(a.date, a.reached, std::string_view(a.occupation));
}

FileFields fileFields(const HistoryRecord<OccupationFacts>& record, HalfYear period) {
  const OccupationFacts& o = record.data;
  if (o.effectiveDate > period.last()) return {};
  return std::tuple(o.effectiveDate, std::string_view(o.kind), o.planned);
}

FileFields fileFields(const HistoryRecord<MeasureFacts>& record, HalfYear period) {
  auto inOrBefore = [&](const std::optional<CivilDate>& d) { return d && *d <= period.last() ? d : std::nullopt; };
  const MeasureFacts& m = record.data;
  if (!inOrBefore(m.start) && !inOrBefore(m.end)) return {};
  auto end = inOrBefore(m.end);
  return std::tuple(std::string_view(m.type), inOrBefore(m.start), end,
                    end ? std::string_view(m.endReason) : std::string_view(), m.declined.has_value());
}

// Whether a version recorded from `instant` on reads differently from the one before it.
template <class T>
bool readsDifferently(const VersionTable<T>& table, std::int64_t instant, HalfYear period) {
  if (table.lastRecorded() < instant) return false;  // not even its rows touched: most of a person's tables
  auto fields = [&](const std::optional<T>& value) { return value ? fileFields(*value, period) : FileFields{}; };
  const auto& rows = table.rows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].recorded < instant) continue;
    bool earlier = i > 0 && rows[i - 1].id == rows[i].id;
    if (fields(rows[i].value) != (earlier ? fields(rows[i - 1].value) : FileFields{})) return true;
  }
  return false;
}

// Whether what was recorded about `person` from `instant` on (the period's end) can change their records in
// the period's file.
bool mayChangeFile(const PersonHistory& person, std::int64_t instant, HalfYear period) {
  if (person.lastRecorded < instant) return false;  // nothing recorded since
  // A person created since has nothing in the file as it stood then: their registrations say what is new.
  const PersonIdentity* then = person.identity.before(instant);
  const PersonIdentity* now = person.identity.latest();
  return (then && (!now || *then != *now)) || readsDifferently(person.registrations, instant, period) ||
         readsDifferently(person.contacts, instant, period) || readsDifferently(person.occupations, instant, period) ||
         readsDifferently(person.measures, instant, period);
}

// Appends to `cases` the KAA registrations of `person` open on some day of `period` or ending in it, with their
// live records, as they stood before `instant`.
void addCasesOf(const PersonHistory& person, HalfYear period, std::int64_t instant, std::vector<HalfYearCase>& cases) {
  const PersonIdentity* identity = person.identity.before(instant);
  if (!identity) return;
  std::size_t first = cases.size();
  person.registrations.eachBefore(instant, [&](const RegistrationFacts& r) {
    if (r.programme == kProgrammeKaa && inPeriod(r, period))
      cases.push_back(HalfYearCase{identity->personalId, identity->personalId.birthDate(), r, {}, {}, {}});
  });
  if (cases.size() == first) return;
  std::span<HalfYearCase> own(cases.begin() + static_cast<std::ptrdiff_t>(first), cases.end());
  referToEveryCase(own, person.occupations, instant, &HalfYearCase::occupations);
  referToCases(own, person.contacts, instant, &HalfYearCase::contacts);
  referToCases(own, person.measures, instant, &HalfYearCase::measures);
}

}  // namespace

HalfYearFile halfYearFile(const CaseHistory& history, HalfYear period, std::int64_t instant,
                          const HalfYearLayout& layout, const std::vector<std::int64_t>* persons) {
  auto addCases = [&](const PersonHistory& person, std::vector<HalfYearCase>& cases) {
    addCasesOf(person, period, instant, cases);
  };
  return computeHalfYearFile(
      persons ? partsOf<HalfYearCase>(history, addCases, *persons) : partsOf<HalfYearCase>(history, addCases), period,
      layout);
}

std::expected<std::string, Error> importedHalfYearLayout(Store& store) {
  auto text = store.reportLayout(kHalfYearLayoutName);
  if (!text) return std::unexpected(text.error());
  if (!*text)
    return std::unexpected(notFound(
        "no layout for SCB's half-year file has been imported: import SCB's layout and code mapping with lotsen "
        "codes import FILE (docs/formats.md)"));
  return std::move(**text);
}

std::expected<HalfYearLayout, Error> halfYearLayout(Store& store) {
  auto text = importedHalfYearLayout(store);
  if (!text) return std::unexpected(text.error());
  auto layout = parseHalfYearLayout(*text);
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

std::expected<HalfYearReport, Error> halfYearReport(Store& store, const CaseHistory& history, HalfYear period,
                                                    std::chrono::system_clock::time_point now, bool withCorrections) {
  CivilDate today = swedishDay(now);
  if (auto begun = checkBegun(period, today); !begun) return std::unexpected(begun.error());
  auto layout = halfYearLayout(store);
  if (!layout) return std::unexpected(layout.error());
  HalfYearReport report;
  report.periodEnded = today > period.last();
  report.withCorrections = report.periodEnded && withCorrections;
  if (!report.periodEnded) {
    report.file = halfYearFile(history, period, kAfterEveryEvent, *layout);
    return report;
  }
  // The file asked for in full; the other (now, or as at the period's end) only for the persons whose records
  // what was recorded since the period ended can change.
  std::string end = swedishDayStartUtc(period.last().plusDays(1));
  std::int64_t endInstant = *storedInstant(end);
  // Which persons they are is noted as the file walks them (by person id; each person is walked by one part, so each
  // byte is written by one thread).
  std::vector<std::uint8_t> changes(history.persons().empty() ? 0 : history.persons().back().id + 1);
  std::int64_t instant = withCorrections ? kAfterEveryEvent : endInstant;
  auto addCases = [&](const PersonHistory& person, std::vector<HalfYearCase>& cases) {
    addCasesOf(person, period, instant, cases);
    if (mayChangeFile(person, endInstant, period)) changes[static_cast<std::size_t>(person.id)] = 1;
  };
  report.file = computeHalfYearFile(partsOf<HalfYearCase>(history, addCases), period, *layout);
  if (!withCorrections) report.asOf = end;
  std::vector<std::int64_t> changing;
  for (std::size_t id = 0; id < changes.size(); ++id)
    if (changes[id]) changing.push_back(static_cast<std::int64_t>(id));
  HalfYearFile other =
      halfYearFile(history, period, withCorrections ? endInstant : kAfterEveryEvent, *layout, &changing);
  std::vector<HalfYearRecord> asked;
  std::ranges::copy_if(report.file.records, std::back_inserter(asked), [&](const HalfYearRecord& r) {
    return r.personId >= 0 && static_cast<std::size_t>(r.personId) < changes.size() &&
           changes[static_cast<std::size_t>(r.personId)];
  });
  std::tie(report.removedSinceEnd, report.addedSinceEnd) =
      withCorrections ? halfYearDifference(other.records, asked) : halfYearDifference(asked, other.records);
  return report;
}

}  // namespace lotsen
