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

// One group's figures by their JSON names, each blank when suppressKpis hid it.
struct Figures {
  const KpiGroup& g;
  bool hidden(std::string_view name) const { return g.suppressed.contains(std::string(name)); }
  std::optional<std::int64_t> count(std::string_view name, std::int64_t value) const {
    if (hidden(name)) return std::nullopt;
    return value;
  }
  std::optional<double> share(std::string_view name, std::int64_t part, std::int64_t whole) const {
    if (hidden(name)) return std::nullopt;
    return lotsen::share(part, whole);
  }
};

// The names of a figure's parts in the JSON: "first_attempt" + "due" is "first_attempt.due".
std::string named(std::string_view object, std::string_view field) {
  return object.empty() ? std::string(field) : fmt::format("{}.{}", object, field);
}

json::object daysJson(const Figures& f, std::string_view name, const DaysToContact& d) {
  auto n = [&](std::string_view field) { return named(name, field); };
  json::value median = f.hidden(n("median_days")) ? json::value(nullptr) : orNull(d.median);
  json::value p90 = f.hidden(n("p90_days")) ? json::value(nullptr) : orNull(d.p90);
  return {{"started", orNull(f.count(n("started"), d.started))},
          {"due", orNull(f.count(n("due"), d.due))},
          {"contacted", orNull(f.count(n("contacted"), d.contacted))},
          {"within_deadline", orNull(f.count(n("within_deadline"), d.withinDeadline))},
          {"within_deadline_share", orNull(f.share(n("within_deadline_share"), d.withinDeadline, d.due))},
          {"median_days", std::move(median)},
          {"p90_days", std::move(p90)}};
}

// {"<field>": count, "<field>_share": count / whole} for each part.
void addParts(json::object& out, const Figures& f, std::string_view name, std::int64_t whole,
              std::initializer_list<std::pair<std::string_view, std::int64_t>> parts) {
  for (const auto& [field, count] : parts) {
    out[field] = orNull(f.count(named(name, field), count));
    std::string shareName = fmt::format("{}_share", field);
    out[shareName] = orNull(f.share(named(name, shareName), count, whole));
  }
}

json::object groupJson(const KpiReport& report, const KpiGroup& g, const KpiNames& names) {
  Figures f{g};
  json::object goals{{"assessed", orNull(f.count("goals.assessed", g.goals.assessed()))}};
  addParts(goals, f, "goals", g.goals.assessed(),
           {{"achieved", g.goals.achieved}, {"partly", g.goals.partly}, {"not_achieved", g.goals.notAchieved}});
  const OccupationAfterMeasure& a = g.afterMeasure;
  json::object after{{"ended", orNull(f.count("after_measure.ended", a.ended))}};
  addParts(after, f, "after_measure", a.ended,
           {{"education", a.education}, {"work", a.work}, {"other", a.other}, {"unknown", a.unknown}});
  auto outcome = [&](std::string_view name, const Outcome& o) {
    json::object out{{"measured", orNull(f.count(named(name, "measured"), o.measured))}};
    addParts(out, f, name, o.measured, {{"education_or_work", o.educationOrWork}});
    return out;
  };
  json::object cohort{{"persons", orNull(f.count("cohort.persons", g.cohort.persons))}};
  addParts(cohort, f, "cohort", g.cohort.persons, {{"contacted", g.cohort.contacted}});
  json::object out{{"key", g.key},
                   {"label", kpiGroupLabel(report, g, names)},
                   {"target_group", orNull(f.count("target_group", g.targetGroup))},
                   {"open_at_end", orNull(f.count("open_at_end", g.openAtEnd))}};
  addParts(out, f, "", g.openAtEnd,
           {{"known_occupation", g.knownOccupation}, {"with_plan", g.withPlan}, {"in_measure", g.inMeasure}});
  out["first_attempt"] = daysJson(f, "first_attempt", g.firstAttempt);
  out["first_reached"] = daysJson(f, "first_reached", g.firstReached);
  out["offered_measure"] = orNull(f.count("offered_measure", g.offeredMeasure));
  addParts(out, f, "", g.offeredMeasure, {{"declined_first", g.declinedFirst}});
  out["goals"] = std::move(goals);
  out["after_measure"] = std::move(after);
  out["outcome_6_months"] = outcome("outcome_6_months", g.within6Months);
  out["outcome_12_months"] = outcome("outcome_12_months", g.within12Months);
  addParts(out, f, "", g.firstAttempt.started, {{"re_registered", g.reRegistered}});
  out["cohort"] = std::move(cohort);
  json::array suppressed;
  for (const std::string& name : g.suppressed) suppressed.push_back(json::value(name));
  out["suppressed"] = std::move(suppressed);
  return out;
}

// A count for the CSV; "dolt" when suppressed.
std::string csvCount(const Figures& f, std::string_view name, std::int64_t value) {
  return f.hidden(name) ? csvText(kSuppressedCell) : csvNumber(value);
}

std::string percent(const Figures& f, std::string_view name, std::int64_t part, std::int64_t whole) {
  if (f.hidden(name)) return csvText(kSuppressedCell);
  auto s = share(part, whole);
  return csvNumber(s ? std::optional<double>(*s * 100) : std::nullopt, 1);
}

void addDays(std::vector<std::string>& cells, const Figures& f, std::string_view name, const DaysToContact& d) {
  auto n = [&](std::string_view field) { return named(name, field); };
  cells.insert(cells.end(), {csvCount(f, n("due"), d.due), csvCount(f, n("contacted"), d.contacted),
                             csvCount(f, n("within_deadline"), d.withinDeadline),
                             percent(f, n("within_deadline_share"), d.withinDeadline, d.due),
                             f.hidden(n("median_days")) ? csvText(kSuppressedCell) : csvNumber(d.median, 1),
                             f.hidden(n("p90_days")) ? csvText(kSuppressedCell) : csvNumber(d.p90)});
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
                                "Första nådda kontakt: 90:e percentilen (dagar)",
                                "Erbjudna en åtgärd",
                                "Tackat nej till första åtgärden",
                                "Andel som tackat nej till första åtgärden (%)",
                                "Bedömda mål",
                                "Mål uppnådda",
                                "Andel mål uppnådda (%)",
                                "Mål delvis uppnådda",
                                "Andel mål delvis uppnådda (%)",
                                "Mål inte uppnådda",
                                "Andel mål inte uppnådda (%)",
                                "Avslutade åtgärder",
                                "Efter åtgärd: studier",
                                "Efter åtgärd: andel studier (%)",
                                "Efter åtgärd: arbete",
                                "Efter åtgärd: andel arbete (%)",
                                "Efter åtgärd: annat",
                                "Efter åtgärd: andel annat (%)",
                                "Efter åtgärd: okänt",
                                "Efter åtgärd: andel okänt (%)",
                                "Inskrivna minst 6 månader",
                                "Studier eller arbete inom 6 månader",
                                "Andel studier eller arbete inom 6 månader (%)",
                                "Inskrivna minst 12 månader",
                                "Studier eller arbete inom 12 månader",
                                "Andel studier eller arbete inom 12 månader (%)",
                                "Återinskrivna inom 12 månader",
                                "Andel återinskrivna inom 12 månader (%)",
                                "Första inskrivningen under perioden",
                                "Första inskrivningen: nådda minst en gång",
                                "Första inskrivningen: andel nådda (%)"};
  std::vector<std::string> headings;
  for (const std::string& h : head) headings.push_back(csvText(h));
  file.line(headings);
  auto row = [&](const KpiGroup& g, std::string label) {
    Figures f{g};
    auto part = [&](std::vector<std::string>& cells, std::string_view object, std::string_view field,
                    std::int64_t count, std::int64_t whole) {
      cells.push_back(csvCount(f, named(object, field), count));
      cells.push_back(percent(f, named(object, fmt::format("{}_share", field)), count, whole));
    };
    std::vector<std::string> cells{csvText(label), csvCount(f, "target_group", g.targetGroup),
                                   csvCount(f, "open_at_end", g.openAtEnd)};
    part(cells, "", "known_occupation", g.knownOccupation, g.openAtEnd);
    part(cells, "", "with_plan", g.withPlan, g.openAtEnd);
    part(cells, "", "in_measure", g.inMeasure, g.openAtEnd);
    cells.push_back(csvCount(f, "first_attempt.started", g.firstAttempt.started));
    addDays(cells, f, "first_attempt", g.firstAttempt);
    addDays(cells, f, "first_reached", g.firstReached);
    cells.push_back(csvCount(f, "offered_measure", g.offeredMeasure));
    part(cells, "", "declined_first", g.declinedFirst, g.offeredMeasure);
    cells.push_back(csvCount(f, "goals.assessed", g.goals.assessed()));
    part(cells, "goals", "achieved", g.goals.achieved, g.goals.assessed());
    part(cells, "goals", "partly", g.goals.partly, g.goals.assessed());
    part(cells, "goals", "not_achieved", g.goals.notAchieved, g.goals.assessed());
    const OccupationAfterMeasure& a = g.afterMeasure;
    cells.push_back(csvCount(f, "after_measure.ended", a.ended));
    part(cells, "after_measure", "education", a.education, a.ended);
    part(cells, "after_measure", "work", a.work, a.ended);
    part(cells, "after_measure", "other", a.other, a.ended);
    part(cells, "after_measure", "unknown", a.unknown, a.ended);
    cells.push_back(csvCount(f, "outcome_6_months.measured", g.within6Months.measured));
    part(cells, "outcome_6_months", "education_or_work", g.within6Months.educationOrWork, g.within6Months.measured);
    cells.push_back(csvCount(f, "outcome_12_months.measured", g.within12Months.measured));
    part(cells, "outcome_12_months", "education_or_work", g.within12Months.educationOrWork, g.within12Months.measured);
    part(cells, "", "re_registered", g.reRegistered, g.firstAttempt.started);
    cells.push_back(csvCount(f, "cohort.persons", g.cohort.persons));
    part(cells, "cohort", "contacted", g.cohort.contacted, g.cohort.persons);
    file.line(cells);
  };
  row(report.all, std::string(whole));
  for (const KpiGroup& g : report.groups) row(g, kpiGroupLabel(report, g, names));
  return file.text();
}

}  // namespace lotsen
