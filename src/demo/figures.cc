#include "demo/figures.h"

#include <fmt/format.h>

#include <array>
#include <boost/json.hpp>
#include <set>

#include "domain/target_group.h"
#include "store/case_records.h"

namespace lotsen {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kWorklists{{
    {"first_contact", "första kontakt"},
    {"contact_retry", "nytt kontaktförsök"},
    {"follow_up", "uppföljning av åtgärd"},
    {"occupation", "sysselsättning att ta reda på"},
    {"registration_without_plan", "inskrivning utan plan"},
    {"plan_without_goals", "plan utan mål"},
    {"measure_end_reason", "åtgärd utan avslutsorsak"},
    {"turning_20", "fyller 20 inom 30 dagar"},
}};

bool overlaps(const Registration& r, CivilDate from, CivilDate to) {
  return r.startDate <= to && (!r.endDate || *r.endDate >= from);
}

std::string percent(int part, int whole) { return whole ? fmt::format("{} %", (part * 100 + whole / 2) / whole) : "–"; }

constexpr int kTurning20Days = 30;  // the setting turning_20_days, as the demo leaves it

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
    auto events = store.eventsOf(p.id);
    if (!events) return std::unexpected(events.error());
    std::set<std::int64_t> confirmed;  // registrations by hand the registers confirmed
    for (const Event& e : *events) {
      f.reopenings += e.type == "registration.reopened";
      if (e.type == "registration.confirmed") {
        boost::system::error_code ec;
        boost::json::value payload = boost::json::parse(e.payload, ec);
        const boost::json::value* before =
            !ec && payload.is_object() ? payload.as_object().if_contains("before") : nullptr;
        const boost::json::value* id = before && before->is_object() ? before->as_object().if_contains("id") : nullptr;
        if (id && id->is_int64()) confirmed.insert(id->as_int64());
        ++f.byHandConfirmed;
      }
    }
    for (const Registration& r : *registrations) {
      if (r.programme != kProgrammeKaa) continue;
      if (!r.byHand.empty()) ++f.registeredByHand;
      if (!r.endDate) {
        ++f.openRegistrations;
        f.byHandAwaiting += r.awaitingRegisters;
        // About to turn 20 (the turning_20 list's default window): a letter in the window, or not yet.
        const CivilDate twenty = ageScopeEnd(p.details.personalId.birthDate());
        if (twenty <= date.plusDays(kTurning20Days)) {
          ++f.turning20;
          bool letter = false;
          for (const CaseRecord& record : *records)
            if (record.registrationId == r.id && record.kind == kContactAttemptKind) {
              auto c = parseContactAttempt(record.data);
              letter = letter || (c && c->channel == kLetterChannel && c->date >= twenty.plusDays(-kTurning20Days));
            }
          f.turning20Letters += letter;
        }
        continue;
      }
      ++f.closuresByReason[r.endReason.value_or("")];
      f.byHandEnded += !r.byHand.empty() && !r.closedByHand && !confirmed.contains(r.id);
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
            contacted = contacted || (c && c->reached.value_or(false) && c->date >= from && c->date <= to);
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
  for (const WorklistFigures& w : f.worklists)
    if (w.name == "turning_20")
      text += fmt::format("Fyller 20 inom 30 dagar: {}, av dem {} med brev inför 20-årsdagen\n", f.turning20,
                          f.turning20Letters);
  text += fmt::format(
      "Inskrivna för hand: {} (bekräftade av registren {}, avslutade enligt registren {}, väntar på registren {})\n",
      f.registeredByHand, f.byHandConfirmed, f.byHandEnded, f.byHandAwaiting);
  return text;
}

}  // namespace lotsen
