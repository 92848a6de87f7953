#include "report/kpi.h"

#include <algorithm>
#include <map>

namespace lotsen {

namespace {

constexpr std::pair<KpiDimension, std::string_view> kDimensionNames[] = {
    {KpiDimension::all, "all"},       {KpiDimension::unit, "unit"},     {KpiDimension::caseworker, "caseworker"},
    {KpiDimension::reason, "reason"}, {KpiDimension::gender, "gender"}, {KpiDimension::age, "age"}};

// A registration is open on `day` from its start up to the day before its end (its end date is the
// first day outside the target group, e.g. the 20th birthday).
bool openOn(const Registration& r, CivilDate day) { return r.startDate <= day && (!r.endDate || day < *r.endDate); }

bool openDuring(const Registration& r, CivilDate from, CivilDate to) {
  return r.startDate <= to && (!r.endDate || from < *r.endDate);
}

bool inMeasureOn(const std::vector<Measure>& measures, CivilDate day) {
  return std::ranges::any_of(measures, [&](const Measure& m) {
    return m.start && *m.start <= day && (!m.end || day <= *m.end) && !(m.declined && *m.declined <= day);
  });
}

bool planBy(const std::vector<Plan>& plans, CivilDate day) {
  return std::ranges::any_of(plans, [&](const Plan& p) { return !p.drawnUpOn || *p.drawnUpOn <= day; });
}

// The days from the start to the first contact (reached ones only when `reached`) made from the start
// up to `asOf`; none when there was none.
std::optional<std::int64_t> daysToFirstContact(const KpiCase& c, CivilDate asOf, bool reached) {
  std::optional<CivilDate> first;
  for (const ContactAttempt& a : c.contacts) {
    if (a.date < c.registration.startDate || asOf < a.date) continue;
    if (reached && !a.reached.value_or(false)) continue;
    if (!first || a.date < *first) first = a.date;
  }
  if (!first) return std::nullopt;
  return (first->days() - c.registration.startDate.days()).count();
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

void add(Tally& t, const KpiCase& c, CivilDate from, CivilDate to, CivilDate asOf, int deadline) {
  KpiGroup& g = t.group;
  ++g.targetGroup;
  if (openOn(c.registration, asOf)) {
    ++g.openAtEnd;
    const OccupationEntry* occupation = occupationOn(c.occupations, asOf);
    g.knownOccupation += occupation && occupation->kind != "unknown";
    g.withPlan += planBy(c.plans, asOf);
    g.inMeasure += inMeasureOn(c.measures, asOf);
  }
  if (c.registration.startDate < from || to < c.registration.startDate) return;
  bool pastDeadline = c.registration.startDate.plusDays(deadline) < asOf;
  countContact(g.firstAttempt, t.attemptDays, daysToFirstContact(c, asOf, false), pastDeadline, deadline);
  countContact(g.firstReached, t.reachedDays, daysToFirstContact(c, asOf, true), pastDeadline, deadline);
}

std::string keyOf(const KpiCase& c, KpiDimension by) {
  switch (by) {
    case KpiDimension::all:
      return "";
    case KpiDimension::unit:
      return c.registration.unit;
    case KpiDimension::caseworker:
      return c.registration.caseworkerId ? std::to_string(*c.registration.caseworkerId) : "";
    case KpiDimension::reason:
      return c.registration.reason;
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

KpiReport computeKpis(const std::vector<KpiCase>& cases, CivilDate from, CivilDate to, CivilDate today, KpiDimension by,
                      int firstContactDays) {
  KpiReport report{from, to, std::min(to, today), by, firstContactDays, {}, {}};
  Tally all;
  std::map<std::string, Tally> groups;
  for (const KpiCase& c : cases) {
    if (!openDuring(c.registration, from, to) || report.asOf < c.registration.startDate) continue;
    add(all, c, from, to, report.asOf, firstContactDays);
    if (by != KpiDimension::all) add(groups[keyOf(c, by)], c, from, to, report.asOf, firstContactDays);
  }
  auto done = [](Tally& t) {
    finish(t.group.firstAttempt, t.attemptDays);
    finish(t.group.firstReached, t.reachedDays);
    return std::move(t.group);
  };
  report.all = done(all);
  for (auto& [key, tally] : groups) {
    tally.group.key = key;
    report.groups.push_back(done(tally));
  }
  return report;
}

}  // namespace lotsen
