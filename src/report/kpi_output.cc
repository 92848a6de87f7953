#include "report/kpi_output.h"

#include <fmt/format.h>

#include <charconv>

#include "report/csv.h"

namespace lotsen {

namespace json = boost::json;

namespace {

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

json::value orNull(std::optional<double> v) { return v ? json::value(*v) : json::value(nullptr); }
json::value orNull(std::optional<std::int64_t> v) { return v ? json::value(*v) : json::value(nullptr); }

json::object daysJson(const DaysToContact& d) {
  return {{"started", d.started},
          {"due", d.due},
          {"contacted", d.contacted},
          {"within_deadline", d.withinDeadline},
          {"within_deadline_share", orNull(share(d.withinDeadline, d.due))},
          {"median_days", orNull(d.median)},
          {"p90_days", orNull(d.p90)}};
}

json::object groupJson(const KpiReport& report, const KpiGroup& g, const KpiNames& names) {
  return {{"key", g.key},
          {"label", kpiGroupLabel(report, g, names)},
          {"target_group", g.targetGroup},
          {"open_at_end", g.openAtEnd},
          {"known_occupation", g.knownOccupation},
          {"known_occupation_share", orNull(share(g.knownOccupation, g.openAtEnd))},
          {"with_plan", g.withPlan},
          {"with_plan_share", orNull(share(g.withPlan, g.openAtEnd))},
          {"in_measure", g.inMeasure},
          {"in_measure_share", orNull(share(g.inMeasure, g.openAtEnd))},
          {"first_attempt", daysJson(g.firstAttempt)},
          {"first_reached", daysJson(g.firstReached)}};
}

std::string percent(std::int64_t part, std::int64_t whole) {
  auto s = share(part, whole);
  return csvNumber(s ? std::optional<double>(*s * 100) : std::nullopt, 1);
}

void addDays(std::vector<std::string>& cells, const DaysToContact& d) {
  cells.insert(cells.end(), {csvNumber(d.due), csvNumber(d.contacted), csvNumber(d.withinDeadline),
                             percent(d.withinDeadline, d.due), csvNumber(d.median, 1), csvNumber(d.p90)});
}

}  // namespace

std::string kpiGroupLabel(const KpiReport& report, const KpiGroup& group, const KpiNames& names) {
  switch (report.by) {
    case KpiDimension::all:
      break;
    case KpiDimension::unit:
      return group.key.empty() ? "Ingen enhet (inkorgen)" : group.key;
    case KpiDimension::caseworker: {
      std::int64_t id = 0;
      std::from_chars(group.key.data(), group.key.data() + group.key.size(), id);
      auto user = names.usernames.find(id);
      if (group.key.empty() || user == names.usernames.end()) return "Ingen handläggare";
      return user->second;
    }
    case KpiDimension::reason: {
      std::string_view label = names.codes.label("registration_reason", group.key);
      return std::string(label.empty() ? group.key : label);
    }
    case KpiDimension::gender:
      return group.key == "female" ? "Kvinnor" : "Män";
    case KpiDimension::age:
      return group.key + " år";
  }
  return std::string(kWholeMunicipality);
}

json::object kpiJson(const KpiReport& report, const KpiNames& names, std::string_view whole) {
  json::object all = groupJson(report, report.all, names);
  all["label"] = whole;
  json::array groups;
  for (const KpiGroup& g : report.groups) groups.push_back(groupJson(report, g, names));
  return {{"from", report.from.iso()},
          {"to", report.to.iso()},
          {"as_of", report.asOf.iso()},
          {"by", toString(report.by)},
          {"first_contact_days", report.firstContactDays},
          {"all", std::move(all)},
          {"groups", std::move(groups)}};
}

std::string kpiCsv(const KpiReport& report, const KpiNames& names, std::string_view whole) {
  CsvFile file;
  std::string deadline = fmt::format("inom {} dagar", report.firstContactDays);
  std::vector<std::string> head{"Grupp",
                                "Inskrivna under perioden",
                                fmt::format("Inskrivna {}", report.asOf.iso()),
                                "Känd sysselsättning",
                                "Andel känd sysselsättning (%)",
                                "Med individuell plan",
                                "Andel med plan (%)",
                                "I åtgärd",
                                "Andel i åtgärd (%)",
                                "Nya under perioden",
                                "Första kontaktförsök: att mäta",
                                "Första kontaktförsök: gjorda",
                                "Första kontaktförsök: " + deadline,
                                "Första kontaktförsök: andel " + deadline + " (%)",
                                "Första kontaktförsök: median (dagar)",
                                "Första kontaktförsök: 90:e percentilen (dagar)",
                                "Första nådda kontakt: att mäta",
                                "Första nådda kontakt: gjorda",
                                "Första nådda kontakt: " + deadline,
                                "Första nådda kontakt: andel " + deadline + " (%)",
                                "Första nådda kontakt: median (dagar)",
                                "Första nådda kontakt: 90:e percentilen (dagar)"};
  std::vector<std::string> headings;
  for (const std::string& h : head) headings.push_back(csvText(h));
  file.line(headings);
  auto row = [&](const KpiGroup& g, std::string label) {
    std::vector<std::string> cells{csvText(label),
                                   csvNumber(g.targetGroup),
                                   csvNumber(g.openAtEnd),
                                   csvNumber(g.knownOccupation),
                                   percent(g.knownOccupation, g.openAtEnd),
                                   csvNumber(g.withPlan),
                                   percent(g.withPlan, g.openAtEnd),
                                   csvNumber(g.inMeasure),
                                   percent(g.inMeasure, g.openAtEnd),
                                   csvNumber(g.firstAttempt.started)};
    addDays(cells, g.firstAttempt);
    addDays(cells, g.firstReached);
    file.line(cells);
  };
  row(report.all, std::string(whole));
  for (const KpiGroup& g : report.groups) row(g, kpiGroupLabel(report, g, names));
  return file.text();
}

}  // namespace lotsen
