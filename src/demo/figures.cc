#include "demo/figures.h"

#include <fmt/format.h>

#include <array>
#include <set>

#include "store/case_records.h"

namespace lotsen {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kWorklists{{
    {"first_contact", "första kontakt"},
    {"contact_retry", "nytt kontaktförsök"},
    {"follow_up", "uppföljning av åtgärd"},
    {"occupation", "sysselsättning att ta reda på"},
    {"registration_without_plan", "inskrivning utan plan"},
    {"plan_without_goals", "plan utan mål"},
    {"measure_end_reason", "åtgärd utan avslutsorsak"},
}};

bool overlaps(const Registration& r, CivilDate from, CivilDate to) {
  return r.startDate <= to && (!r.endDate || *r.endDate >= from);
}

std::string percent(int part, int whole) { return whole ? fmt::format("{} %", (part * 100 + whole / 2) / whole) : "–"; }

}  // namespace

std::expected<DemoFigures, Error> demoFigures(Store& store, CivilDate date) {
  DemoFigures f{.date = date};
  HalfYear current = HalfYear::containing(date);
  for (HalfYear h : {current.previous(), current})
    f.periods.push_back(PeriodFigures{.period = h, .complete = h.last() < date});
  auto persons = store.searchPersons({{}, "", 0, 10'000'000, {}});
  if (!persons) return std::unexpected(persons.error());
  f.persons = persons->total;
  for (const Person& p : persons->persons) {
    auto registrations = store.registrationsOf(p.id);
    if (!registrations) return std::unexpected(registrations.error());
    auto records = store.caseRecordsOf(p.id, "");
    if (!records) return std::unexpected(records.error());
    for (const Registration& r : *registrations) {
      if (r.programme != kProgrammeKaa) continue;
      if (!r.endDate) {
        ++f.openRegistrations;
        continue;
      }
      ++f.closuresByReason[r.endReason.value_or("")];
      f.handClosures += r.closedByHand;
    }
    for (PeriodFigures& period : f.periods) {
      CivilDate from = period.period.first(), to = std::min(period.period.last(), date);
      bool inKaa = false, contacted = false, inMeasure = false;
      for (const Registration& r : *registrations) {
        if (r.programme != kProgrammeKaa || !overlaps(r, from, to)) continue;
        inKaa = true;
        for (const CaseRecord& record : *records) {
          if (record.registrationId != r.id) continue;
          if (record.kind == kContactAttemptKind) {
            auto c = parseContactAttempt(record.data);
            contacted = contacted || (c && c->reached && c->date >= from && c->date <= to);
          } else if (record.kind == kMeasureKind) {
            auto m = parseMeasure(record.data);
            inMeasure = inMeasure || (m && m->start && *m->start <= to && (!m->end || *m->end >= from));
          }
        }
      }
      period.inKaa += inKaa;
      period.contacted += contacted;
      period.inMeasure += inMeasure;
    }
    auto events = store.eventsOf(p.id);
    if (!events) return std::unexpected(events.error());
    for (const Event& e : *events) f.reopenings += e.type == "registration.reopened";
  }
  for (const auto& [name, label] : kWorklists) {
    auto entries = store.worklist(name, WorklistFilter{date, std::nullopt, "", std::nullopt});
    if (!entries) return std::unexpected(entries.error());
    WorklistFigures w{std::string(name), entries->size(), 0};
    for (const WorklistEntry& e : *entries) w.overdue += e.due < date;
    if (name == "occupation") f.occupationKnown = f.openRegistrations - static_cast<int>(entries->size());
    f.worklists.push_back(std::move(w));
  }
  auto runs = store.identificationRuns(1'000'000);
  if (!runs) return std::unexpected(runs.error());
  f.identificationRuns = static_cast<int>(runs->size());
  return f;
}

std::string demoFiguresText(Store& store, const DemoFigures& f) {
  std::string text = fmt::format("{} identifieringskörningar, {} personer i KAA-registret, {} aktuella inskrivningar\n",
                                 f.identificationRuns, f.persons, f.openRegistrations);
  text += fmt::format("Känd sysselsättning, bekräftad det senaste halvåret: {} av {} aktuella ({})\n",
                      f.occupationKnown, f.openRegistrations, percent(f.occupationKnown, f.openRegistrations));
  for (const PeriodFigures& p : f.periods)
    text += fmt::format("{}{}: {} i KAA, {} kontaktade ({}), {} i en åtgärd ({})\n", p.period.toString(),
                        p.complete ? "" : fmt::format(" till och med {}", f.date.iso()), p.inKaa, p.contacted,
                        percent(p.contacted, p.inKaa), p.inMeasure, percent(p.inMeasure, p.inKaa));
  text += "Arbetslistor (försenade av alla):";
  for (const WorklistFigures& w : f.worklists) {
    std::string_view label = w.name;
    for (const auto& [name, swedish] : kWorklists)
      if (name == w.name) label = swedish;
    text += fmt::format("{} {} {} av {}", &w == &f.worklists.front() ? "" : ",", label, w.overdue, w.entries);
  }
  text += "\nAvslutade inskrivningar:";
  auto reasons = store.codeList("deregistration_reason");
  bool first = true;
  for (const auto& [reason, n] : f.closuresByReason) {
    std::string label = reason;
    if (reasons)
      for (const Code& code : reasons->codes())
        if (code.code == reason) label = code.label;
    text += fmt::format("{} {} {}", first ? "" : ",", label, n);
    first = false;
  }
  text += fmt::format("; av dem {} avslutade för hand, {} återöppnade\n", f.handClosures, f.reopenings);
  return text;
}

}  // namespace lotsen
