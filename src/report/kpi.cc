#include "report/kpi.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <span>
#include <string_view>

#include "domain/parallel.h"
#include "report/statistics.h"

namespace lotsen {

namespace {

constexpr std::pair<KpiDimension, std::string_view> kDimensionNames[] = {
    {KpiDimension::all, "all"},       {KpiDimension::unit, "unit"},     {KpiDimension::caseworker, "caseworker"},
    {KpiDimension::reason, "reason"}, {KpiDimension::gender, "gender"}, {KpiDimension::age, "age"}};

// A registration is open on `day` from its start up to the day before its end (its end date is the
// first day outside the target group, e.g. the 20th birthday).
bool openOn(const RegistrationFacts& r, CivilDate day) {
  return r.startDate <= day && (!r.endDate || day < *r.endDate);
}

bool openDuring(const RegistrationFacts& r, CivilDate from, CivilDate to) {
  return r.startDate <= to && (!r.endDate || from < *r.endDate);
}

bool inMeasureOn(const CaseList<MeasureFacts>& measures, CivilDate day) {
  return std::ranges::any_of(measures, [&](const MeasureFacts& m) {
    return m.start && *m.start <= day && (!m.end || day <= *m.end) && !(m.declined && *m.declined <= day);
  });
}

bool planBy(const CaseList<Plan, 2>& plans, CivilDate day) {
  return std::ranges::any_of(plans, [&](const Plan& p) { return !p.drawnUpOn || *p.drawnUpOn <= day; });
}

// The days from the start to the first contact (reached ones only when `reached`) made from the start
// up to `asOf`; none when there was none.
std::optional<std::int64_t> daysToFirstContact(const KpiCase& c, CivilDate asOf, bool reached) {
  std::optional<CivilDate> first;
  for (const ContactFacts& a : c.contacts) {
    if (a.date < c.registration.startDate || asOf < a.date) continue;
    if (reached && !a.reached.value_or(false)) continue;
    if (!first || a.date < *first) first = a.date;
  }
  if (!first) return std::nullopt;
  return (first->days() - c.registration.startDate.days()).count();
}

// `months` calendar months after `day`; the month's last day when it has no such day (31 August + 6
// months is the last of February).
CivilDate plusMonths(CivilDate day, int months) {
  using namespace std::chrono;
  year_month_day ymd{year{day.year()}, month{static_cast<unsigned>(day.month())}, std::chrono::day{1}};
  ymd += std::chrono::months{months};
  year_month_day_last last{ymd.year(), month_day_last{ymd.month()}};
  unsigned d = std::min(static_cast<unsigned>(day.day()), static_cast<unsigned>(last.day()));
  return CivilDate::fromDays(sys_days(year_month_day{ymd.year(), ymd.month(), std::chrono::day{d}}));
}

// The day a measure was offered, as far as the record tells: the earliest of its start, its planned start
// and the day it was declined; none without any.
std::optional<CivilDate> offeredOn(const MeasureFacts& m) {
  std::optional<CivilDate> on;
  for (const std::optional<CivilDate>& day : {m.start, m.plannedStart, m.declined})
    if (day && (!on || *day < *on)) on = day;
  return on;
}

// Of the measures offered by `asOf`, whether the first (the earliest offered, the first recorded among
// equals) was declined by then; none when no measure was offered by then.
std::optional<bool> firstMeasureDeclined(const CaseList<MeasureFacts>& measures, CivilDate asOf) {
  const MeasureFacts* first = nullptr;
  for (const MeasureFacts& m : measures) {
    auto on = offeredOn(m);
    if (on && *on <= asOf && (!first || *on < *offeredOn(*first))) first = &m;
  }
  if (!first) return std::nullopt;
  return first->declined && *first->declined <= asOf;
}

// The latest assessment by `asOf` of each goal (the last recorded among equal dates), counted by result.
void countGoals(GoalFulfilment& goals, const CaseList<GoalAssessment, 4>& assessments, CivilDate asOf) {
  std::vector<const GoalAssessment*> latest;  // one per goal; a plan has a few (a map cost an allocation a goal)
  for (const GoalAssessment& a : assessments) {
    if (asOf < a.assessedOn) continue;
    auto l = std::ranges::find(latest, a.goalId, &GoalAssessment::goalId);
    if (l == latest.end())
      latest.push_back(&a);
    else if ((*l)->assessedOn <= a.assessedOn)
      *l = &a;
  }
  for (const GoalAssessment* a : latest) {
    goals.achieved += a->result == "achieved";
    goals.partly += a->result == "partly";
    goals.notAchieved += a->result == "not_achieved";
  }
}

// The occupation categories of docs/reports.md.
bool isEducation(std::string_view kind) { return kind == "studies"; }
bool isWork(std::string_view kind) { return kind == "work"; }

// Of the measures that ended from `from` to `asOf` (not declined), the occupation recorded next after the
// end: the person's first, by effective date from the end day up to `asOf` (the first recorded among
// equals), that is not planned.
void countAfterMeasures(OccupationAfterMeasure& after, const KpiCase& c, CivilDate from, CivilDate asOf) {
  for (const MeasureFacts& m : c.measures) {
    if (!m.end || *m.end < from || asOf < *m.end || (m.declined && *m.declined <= asOf)) continue;
    ++after.ended;
    const OccupationFacts* next = nullptr;
    for (const OccupationFacts& o : c.occupations)
      if (!o.planned && *m.end <= o.effectiveDate && o.effectiveDate <= asOf &&
          (!next || o.effectiveDate < next->effectiveDate))
        next = &o;
    if (!next || next->kind == "unknown")
      ++after.unknown;
    else if (isEducation(next->kind))
      ++after.education;
    else if (isWork(next->kind))
      ++after.work;
    else
      ++after.other;
  }
}

// Whether the person started education or work from the registration's start up to `until`: an
// occupation "studies" or "work" in effect from a day in that span (not planned), or the registration
// ended in it because a programme started.
bool startedEducationOrWork(const KpiCase& c, CivilDate until) {
  CivilDate start = c.registration.startDate;
  for (const OccupationFacts& o : c.occupations)
    if (!o.planned && start <= o.effectiveDate && o.effectiveDate <= until && (isEducation(o.kind) || isWork(o.kind)))
      return true;
  const RegistrationFacts& r = c.registration;
  return r.endDate && *r.endDate <= until && r.endReason &&
         (*r.endReason == "started_national_programme" || *r.endReason == "started_introduction_programme");
}

void countOutcome(Outcome& outcome, const KpiCase& c, CivilDate asOf, int months) {
  CivilDate until = plusMonths(c.registration.startDate, months);
  if (asOf < until) return;
  ++outcome.measured;
  outcome.educationOrWork += startedEducationOrWork(c, until);
}

// Whether the person left an earlier registration at most 12 months before this one started.
bool reRegistered(const KpiCase& c) {
  CivilDate start = c.registration.startDate;
  return std::ranges::any_of(c.earlier, [&](const RegistrationFacts& e) {
    return e.endDate && *e.endDate <= start && start <= plusMonths(*e.endDate, 12);
  });
}

// Accumulates one group's figures; `days` keeps the contacts' delays for the median and percentile.
struct Tally {
  KpiGroup group;
  std::vector<std::int64_t> attemptDays, reachedDays;
};

void countContact(DaysToContact& figures, std::vector<std::int64_t>& days, std::optional<std::int64_t> delay,
                  bool pastDeadline, int deadline) {
  ++figures.started;
  if (!delay && !pastDeadline) return;
  ++figures.due;
  if (!delay) return;
  ++figures.contacted;
  figures.withinDeadline += *delay <= deadline;
  days.push_back(*delay);
}

void finish(DaysToContact& figures, std::vector<std::int64_t>& days) {
  if (days.empty()) return;
  std::ranges::sort(days);
  std::size_t n = days.size();
  figures.median = n % 2 == 1 ? static_cast<double>(days[n / 2]) : (days[n / 2 - 1] + days[n / 2]) / 2.0;
  figures.p90 = days[(n * 9 + 9) / 10 - 1];  // nearest rank: the ceil(0.9 n)-th smallest
}

void add(Tally& t, const KpiCase& c, CivilDate from, CivilDate to, CivilDate asOf, int deadline,
         std::span<const KpiCase* const> personsCases) {
  KpiGroup& g = t.group;
  ++g.targetGroup;
  if (openOn(c.registration, asOf)) {
    ++g.openAtEnd;
    const OccupationFacts* occupation = occupationOn(c.occupations, asOf);
    g.knownOccupation += occupation && occupation->kind != "unknown";
    g.withPlan += planBy(c.plans, asOf);
    g.inMeasure += inMeasureOn(c.measures, asOf);
  }
  if (auto declined = firstMeasureDeclined(c.measures, asOf)) {
    ++g.offeredMeasure;
    g.declinedFirst += *declined;
  }
  countGoals(g.goals, c.assessments, asOf);
  countAfterMeasures(g.afterMeasure, c, from, asOf);
  countOutcome(g.within6Months, c, asOf, 6);
  countOutcome(g.within12Months, c, asOf, 12);
  if (c.registration.startDate < from || to < c.registration.startDate) return;
  g.reRegistered += reRegistered(c);
  if (c.earlier.empty()) {
    ++g.cohort.persons;
    CivilDate start = c.registration.startDate;
    g.cohort.contacted += std::ranges::any_of(personsCases, [&](const KpiCase* other) {
      return std::ranges::any_of(other->contacts, [&](const ContactFacts& a) {
        return a.reached.value_or(false) && start <= a.date && a.date <= asOf;
      });
    });
  }
  bool pastDeadline = c.registration.startDate.plusDays(deadline) < asOf;
  countContact(g.firstAttempt, t.attemptDays, daysToFirstContact(c, asOf, false), pastDeadline, deadline);
  countContact(g.firstReached, t.reachedDays, daysToFirstContact(c, asOf, true), pastDeadline, deadline);
}

// Adds the counts of `part` (a tally of other cases) to `into`; the medians and percentiles are taken after.
void addUp(Tally& into, Tally&& part) {
  KpiGroup& g = into.group;
  const KpiGroup& p = part.group;
  g.targetGroup += p.targetGroup;
  g.openAtEnd += p.openAtEnd;
  g.knownOccupation += p.knownOccupation;
  g.withPlan += p.withPlan;
  g.inMeasure += p.inMeasure;
  auto days = [](DaysToContact& to, const DaysToContact& from) {
    to.started += from.started;
    to.due += from.due;
    to.contacted += from.contacted;
    to.withinDeadline += from.withinDeadline;
  };
  days(g.firstAttempt, p.firstAttempt);
  days(g.firstReached, p.firstReached);
  g.offeredMeasure += p.offeredMeasure;
  g.declinedFirst += p.declinedFirst;
  g.goals.achieved += p.goals.achieved;
  g.goals.partly += p.goals.partly;
  g.goals.notAchieved += p.goals.notAchieved;
  g.afterMeasure.ended += p.afterMeasure.ended;
  g.afterMeasure.education += p.afterMeasure.education;
  g.afterMeasure.work += p.afterMeasure.work;
  g.afterMeasure.other += p.afterMeasure.other;
  g.afterMeasure.unknown += p.afterMeasure.unknown;
  auto outcome = [](Outcome& to, const Outcome& from) {
    to.measured += from.measured;
    to.educationOrWork += from.educationOrWork;
  };
  outcome(g.within6Months, p.within6Months);
  outcome(g.within12Months, p.within12Months);
  g.reRegistered += p.reRegistered;
  g.cohort.persons += p.cohort.persons;
  g.cohort.contacted += p.cohort.contacted;
  std::ranges::copy(part.attemptDays, std::back_inserter(into.attemptDays));
  std::ranges::copy(part.reachedDays, std::back_inserter(into.reachedDays));
}

std::string keyOf(const KpiCase& c, KpiDimension by) {
  switch (by) {
    case KpiDimension::all:
      return "";
    case KpiDimension::unit:
      return std::string(c.registration.unit);
    case KpiDimension::caseworker:
      return c.registration.caseworkerId ? std::to_string(*c.registration.caseworkerId) : "";
    case KpiDimension::reason:
      return std::string(c.registration.reason);
    case KpiDimension::gender:
      return c.gender == LegalGender::female ? "female" : "male";
    case KpiDimension::age:
      return std::to_string(ageOn(c.birthDate, c.registration.startDate));
  }
  return "";
}

}  // namespace

std::expected<KpiDimension, Error> parseKpiDimension(std::string_view text) {
  for (const auto& [dimension, name] : kDimensionNames)
    if (name == text) return dimension;
  return std::unexpected(invalidInput("by is all, unit, caseworker, reason, gender or age", "by"));
}

std::string_view toString(KpiDimension dimension) {
  return std::ranges::find(kDimensionNames, dimension, &std::pair<KpiDimension, std::string_view>::first)->second;
}

KpiReport computeKpis(const CaseParts<KpiCase>& cases, CivilDate from, CivilDate to, CivilDate today, KpiDimension by,
                      int firstContactDays) {
  KpiReport report{from, to, std::min(to, today), by, firstContactDays, {}, {}};
  // The parts tallied on every core, the tallies added up. A person's cases come together: the cohort reads
  // every registration's contacts.
  std::size_t parts = cases.parts;
  std::vector<Tally> all(parts);
  std::vector<std::map<std::string, Tally>> groupsOf(parts);
  inParts(parts, [&](std::size_t part) {
    cases.each(part, [&](std::span<const KpiCase* const> personsCases) {
      for (const KpiCase* c : personsCases) {
        if (!openDuring(c->registration, from, to) || report.asOf < c->registration.startDate) continue;
        add(all[part], *c, from, to, report.asOf, firstContactDays, personsCases);
        if (by != KpiDimension::all)
          add(groupsOf[part][keyOf(*c, by)], *c, from, to, report.asOf, firstContactDays, personsCases);
      }
    });
  });
  std::map<std::string, Tally>& groups = groupsOf[0];
  for (std::size_t part = 1; part < parts; ++part) {
    addUp(all[0], std::move(all[part]));
    for (auto& [key, tally] : groupsOf[part]) addUp(groups[key], std::move(tally));
  }
  auto done = [](Tally& t) {
    finish(t.group.firstAttempt, t.attemptDays);
    finish(t.group.firstReached, t.reachedDays);
    return std::move(t.group);
  };
  report.all = done(all[0]);
  for (auto& [key, tally] : groups) {
    tally.group.key = key;
    report.groups.push_back(done(tally));
  }
  return report;
}

KpiReport computeKpis(const std::vector<KpiCase>& cases, CivilDate from, CivilDate to, CivilDate today, KpiDimension by,
                      int firstContactDays, std::size_t casesPerThread) {
  return computeKpis(partsOf(cases, casesPerThread), from, to, today, by, firstContactDays);
}

namespace {

// The counts of a group by their JSON names (docs/reports.md).
std::vector<std::pair<std::string, std::int64_t>> countsOf(const KpiGroup& g) {
  auto days = [](std::string_view name, const DaysToContact& d) {
    std::string n(name);
    return std::vector<std::pair<std::string, std::int64_t>>{{n + ".started", d.started},
                                                             {n + ".due", d.due},
                                                             {n + ".contacted", d.contacted},
                                                             {n + ".within_deadline", d.withinDeadline}};
  };
  std::vector<std::pair<std::string, std::int64_t>> counts{
      {"target_group", g.targetGroup},
      {"open_at_end", g.openAtEnd},
      {"known_occupation", g.knownOccupation},
      {"with_plan", g.withPlan},
      {"in_measure", g.inMeasure},
      {"offered_measure", g.offeredMeasure},
      {"declined_first", g.declinedFirst},
      {"goals.assessed", g.goals.assessed()},
      {"goals.achieved", g.goals.achieved},
      {"goals.partly", g.goals.partly},
      {"goals.not_achieved", g.goals.notAchieved},
      {"after_measure.ended", g.afterMeasure.ended},
      {"after_measure.education", g.afterMeasure.education},
      {"after_measure.work", g.afterMeasure.work},
      {"after_measure.other", g.afterMeasure.other},
      {"after_measure.unknown", g.afterMeasure.unknown},
      {"outcome_6_months.measured", g.within6Months.measured},
      {"outcome_6_months.education_or_work", g.within6Months.educationOrWork},
      {"outcome_12_months.measured", g.within12Months.measured},
      {"outcome_12_months.education_or_work", g.within12Months.educationOrWork},
      {"re_registered", g.reRegistered},
      {"cohort.persons", g.cohort.persons},
      {"cohort.contacted", g.cohort.contacted}};
  for (auto&& c : days("first_attempt", g.firstAttempt)) counts.push_back(std::move(c));
  for (auto&& c : days("first_reached", g.firstReached)) counts.push_back(std::move(c));
  return counts;
}

// Within a group: a whole and its parts. `rest`: the parts do not add up to the whole, the rest (never
// shown, but the whole minus the parts) is a part too.
struct PartsOfWhole {
  std::string_view whole;
  std::vector<std::string_view> parts;
  bool rest = true;
};

const std::vector<PartsOfWhole>& partsOfWholes() {
  static const std::vector<PartsOfWhole> all{
      {"target_group", {"open_at_end"}},
      {"open_at_end", {"known_occupation"}},
      {"open_at_end", {"with_plan"}},
      {"open_at_end", {"in_measure"}},
      {"target_group", {"first_attempt.started"}},
      {"first_attempt.started", {"first_attempt.due"}},
      {"first_attempt.due", {"first_attempt.contacted"}},
      {"first_attempt.contacted", {"first_attempt.within_deadline"}},
      {"first_reached.started", {"first_reached.due"}},
      {"first_reached.due", {"first_reached.contacted"}},
      {"first_reached.contacted", {"first_reached.within_deadline"}},
      {"first_attempt.started", {"first_reached.started"}, false},  // the same count twice
      {"first_reached.started", {"first_attempt.started"}, false},
      {"target_group", {"offered_measure"}},
      {"offered_measure", {"declined_first"}},
      {"goals.assessed", {"goals.achieved", "goals.partly", "goals.not_achieved"}, false},
      {"after_measure.ended",
       {"after_measure.education", "after_measure.work", "after_measure.other", "after_measure.unknown"},
       false},
      {"target_group", {"outcome_6_months.measured"}},
      {"outcome_6_months.measured", {"outcome_6_months.education_or_work"}},
      {"target_group", {"outcome_12_months.measured"}},
      {"outcome_12_months.measured", {"outcome_12_months.education_or_work"}},
      {"first_attempt.started", {"re_registered"}},
      {"first_attempt.started", {"cohort.persons"}},
      {"cohort.persons", {"cohort.contacted"}}};
  return all;
}

// The shares and the days computed from counts: hidden when one of these is.
struct Derived {
  std::string_view name;
  std::vector<std::string_view> from;
};

const std::vector<Derived>& derivedFigures() {
  static const std::vector<Derived> all{
      {"known_occupation_share", {"known_occupation", "open_at_end"}},
      {"with_plan_share", {"with_plan", "open_at_end"}},
      {"in_measure_share", {"in_measure", "open_at_end"}},
      {"first_attempt.within_deadline_share", {"first_attempt.within_deadline", "first_attempt.due"}},
      {"first_attempt.median_days", {"first_attempt.contacted"}},
      {"first_attempt.p90_days", {"first_attempt.contacted"}},
      {"first_reached.within_deadline_share", {"first_reached.within_deadline", "first_reached.due"}},
      {"first_reached.median_days", {"first_reached.contacted"}},
      {"first_reached.p90_days", {"first_reached.contacted"}},
      {"declined_first_share", {"declined_first", "offered_measure"}},
      {"goals.achieved_share", {"goals.achieved", "goals.assessed"}},
      {"goals.partly_share", {"goals.partly", "goals.assessed"}},
      {"goals.not_achieved_share", {"goals.not_achieved", "goals.assessed"}},
      {"after_measure.education_share", {"after_measure.education", "after_measure.ended"}},
      {"after_measure.work_share", {"after_measure.work", "after_measure.ended"}},
      {"after_measure.other_share", {"after_measure.other", "after_measure.ended"}},
      {"after_measure.unknown_share", {"after_measure.unknown", "after_measure.ended"}},
      {"outcome_6_months.education_or_work_share", {"outcome_6_months.education_or_work", "outcome_6_months.measured"}},
      {"outcome_12_months.education_or_work_share",
       {"outcome_12_months.education_or_work", "outcome_12_months.measured"}},
      {"re_registered_share", {"re_registered", "first_attempt.started"}},
      {"cohort.contacted_share", {"cohort.contacted", "cohort.persons"}}};
  return all;
}

}  // namespace

void suppressKpis(KpiReport& report) {
  // Every group's counts (the whole first), as cells of the rule in report/statistics.h; the rest of
  // each whole whose parts do not add up to it is a cell never shown.
  std::vector<KpiGroup*> groups{&report.all};
  for (KpiGroup& g : report.groups) groups.push_back(&g);
  std::vector<CountCell> cells;
  std::vector<std::map<std::string, std::size_t, std::less<>>> index(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i)
    for (auto& [name, count] : countsOf(*groups[i])) {
      index[i][name] = cells.size();
      cells.push_back(CountCell{name, count, count > 0 && count < kSmallestShownCount, false});
    }
  // A breakdown: a total and the cells that add up to it.
  struct Sum {
    std::size_t total;
    std::vector<std::size_t> parts;
  };
  std::vector<Sum> sums;
  for (std::size_t i = 0; i < groups.size(); ++i)
    for (const PartsOfWhole& p : partsOfWholes()) {
      Sum sum{index[i].find(p.whole)->second, {}};
      std::int64_t rest = cells[sum.total].count;
      for (std::string_view part : p.parts) {
        sum.parts.push_back(index[i].find(part)->second);
        rest -= cells[sum.parts.back()].count;
      }
      if (p.rest) {
        sum.parts.push_back(cells.size());
        cells.push_back(CountCell{"", rest, true, false});  // never shown
      }
      sums.push_back(std::move(sum));
    }
  if (groups.size() > 1)
    for (const auto& [name, at] : index[0]) {
      Sum sum{at, {}};
      for (std::size_t i = 1; i < groups.size(); ++i) sum.parts.push_back(index[i].find(name)->second);
      sums.push_back(std::move(sum));
    }
  // While a hidden count of a breakdown whose total is shown can be worked out, hide its smallest shown
  // counts (all that share that count), or, when none is left, its total.
  for (bool changed = true; changed;) {
    changed = false;
    for (const Sum& sum : sums) {
      if (cells[sum.total].suppressed) continue;
      std::vector<CountCell> parts;
      for (std::size_t p : sum.parts) parts.push_back(cells[p]);
      if (noHiddenCountCanBeWorkedOut(parts)) continue;
      changed = true;
      std::optional<std::int64_t> smallest;
      for (std::size_t p : sum.parts)
        if (!cells[p].suppressed && cells[p].count > 0 && (!smallest || cells[p].count < *smallest))
          smallest = cells[p].count;
      if (!smallest) {
        cells[sum.total].suppressed = cells[sum.total].secondary = true;
        continue;
      }
      for (std::size_t p : sum.parts)
        if (!cells[p].suppressed && cells[p].count == *smallest) cells[p].suppressed = cells[p].secondary = true;
    }
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    std::set<std::string>& hidden = groups[i]->suppressed;
    for (const auto& [name, at] : index[i])
      if (cells[at].suppressed) hidden.insert(name);
    for (const Derived& d : derivedFigures())
      if (std::ranges::any_of(d.from, [&](std::string_view f) { return hidden.contains(std::string(f)); }))
        hidden.insert(std::string(d.name));
  }
}

}  // namespace lotsen
