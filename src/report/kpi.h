// Lotsen report: the follow-up's key figures (KPIs) for a period — how large the target group was, how
// much of it the municipality knew about, how fast the first contacts came, how many had a plan and a
// measure — for the whole municipality or broken down (docs/reports.md defines each figure).
//
// The rules are here, computed from the cases' facts (KpiCase, read through the Store), not in any
// database's SQL (DESIGN principle 6). No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/casework.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/person.h"
#include "domain/personal_id.h"
#include "report/case_list.h"
#include "report/case_parts.h"

namespace lotsen {

// One KAA registration as the KPIs read it: the registration, its person's birth date and legal gender,
// and the live (not voided) records that bear on it (CaseList: referred to in the history, not copied).
struct KpiCase {
  RegistrationFacts registration;
  CivilDate birthDate;
  LegalGender gender = LegalGender::female;
  CaseList<ContactFacts> contacts;            // this registration's
  CaseList<OccupationFacts> occupations;      // the person's, in the order they were recorded
  CaseList<Plan, 2> plans;                    // this registration's (one at most, once revised)
  CaseList<MeasureFacts> measures;            // this registration's
  CaseList<GoalAssessment, 4> assessments{};  // this registration's, in the order they were recorded
  // The person's other KAA registrations that started before this one (any unit, however long ago): for
  // re-registrations and the cohort of first registrations. None: this is the person's first.
  CaseList<RegistrationFacts, 2> earlier{};
};

// How the figures are broken down.
enum class KpiDimension { all, unit, caseworker, reason, gender, age };
// "all", "unit", "caseworker", "reason", "gender" or "age". Errors: invalid_input naming the field "by".
std::expected<KpiDimension, Error> parseKpiDimension(std::string_view text);
std::string_view toString(KpiDimension dimension);

// Days from the registration to a first contact, over the registrations started in the period.
struct DaysToContact {
  std::int64_t started = 0;         // registrations started in the period
  std::int64_t due = 0;             // of those, contacted or past the deadline on the report's day
  std::int64_t contacted = 0;       // of those, contacted (on or after the start, by the report's day)
  std::int64_t withinDeadline = 0;  // contacted at most the deadline's days after the start
  std::optional<double> median;     // days, over those contacted (the mean of the middle two when even)
  std::optional<std::int64_t> p90;  // days, the 90th percentile by nearest rank
};

// The latest assessment by the report's day of every goal assessed (the goals of the plans of the
// registrations in the period), by result.
struct GoalFulfilment {
  std::int64_t achieved = 0;     // goal_result "achieved"
  std::int64_t partly = 0;       // "partly"
  std::int64_t notAchieved = 0;  // "not_achieved"
  std::int64_t assessed() const { return achieved + partly + notAchieved; }
};

// Of the measures that ended in the period (up to the report's day): the occupation recorded next after
// the measure ended, by category (docs/reports.md names the occupation codes of each).
struct OccupationAfterMeasure {
  std::int64_t ended = 0;      // measures ended in the period, not declined
  std::int64_t education = 0;  // occupation "studies"
  std::int64_t work = 0;       // "work"
  std::int64_t other = 0;      // any other code but "unknown"
  std::int64_t unknown = 0;    // "unknown", or nothing recorded after the end by the report's day
};

// Of the registrations in the period that started at least `months` months before the report's day: those
// whose person started education or work within `months` months of the start.
struct Outcome {
  std::int64_t measured = 0;         // registrations started at least the months before the report's day
  std::int64_t educationOrWork = 0;  // of those, education or work started within the months
};

// Skolverket's cohort view: the persons whose first KAA registration started in the period (up to the
// report's day), followed from that start to the report's day.
struct Cohort {
  std::int64_t persons = 0;    // first registrations started in the period
  std::int64_t contacted = 0;  // of those, reached by a contact at least once since (in any registration)
};

// The figures of one group (or of all).
struct KpiGroup {
  std::string key;  // "" for all; the unit, the caseworker's id ("" none), reason code, "female"/"male", age
  std::int64_t targetGroup = 0;         // registrations open at some time in the period
  std::int64_t openAtEnd = 0;           // open on the report's day
  std::int64_t knownOccupation = 0;     // of openAtEnd: the latest occupation by then is not "unknown"
  std::int64_t withPlan = 0;            // of openAtEnd: an individual plan drawn up by then
  std::int64_t inMeasure = 0;           // of openAtEnd: in a measure that day
  DaysToContact firstAttempt;           // any contact attempt
  DaysToContact firstReached;           // a contact that reached the young person
  std::int64_t offeredMeasure = 0;      // a measure offered by the report's day (started, planned or declined by then)
  std::int64_t declinedFirst = 0;       // of offeredMeasure: the first measure offered was declined
  GoalFulfilment goals;                 // counts goals, not registrations
  OccupationAfterMeasure afterMeasure;  // counts measures, not registrations
  Outcome within6Months, within12Months;
  std::int64_t reRegistered = 0;  // of firstAttempt.started: the person left an earlier registration at most
                                  // 12 months before this one started
  Cohort cohort;                  // counted in the group of the first registration
  // The figures suppressKpis hid, by their names in the JSON ("known_occupation", "first_attempt.due",
  // "goals.partly_share"); empty when nothing is hidden.
  std::set<std::string> suppressed{};
};

struct KpiReport {
  CivilDate from, to;  // the period, both included
  CivilDate asOf;      // the report's day: the period's last, or today while the period runs
  KpiDimension by = KpiDimension::all;
  int firstContactDays = 0;      // the deadline for a first contact (the setting first_contact_days)
  KpiGroup all;                  // the whole municipality
  std::vector<KpiGroup> groups;  // by `by`, ordered by key; empty for KpiDimension::all
};

// The figures of `cases` for the period `from`–`to` as they stood on min(to, today). Cases outside the
// period are left out. Deterministic: the same cases give the same report whatever the parts; the parts are tallied
// on every core and the tallies added up.
KpiReport computeKpis(const CaseParts<KpiCase>& cases, CivilDate from, CivilDate to, CivilDate today, KpiDimension by,
                      int firstContactDays);

// The same of `cases`: from `casesPerThread` cases on, a contiguous range of persons is tallied on each core.
inline constexpr std::size_t kKpiCasesPerThread = 10000;
KpiReport computeKpis(const std::vector<KpiCase>& cases, CivilDate from, CivilDate to, CivilDate today, KpiDimension by,
                      int firstContactDays, std::size_t casesPerThread = kKpiCasesPerThread);

// Hides what a role without access to persons may not see (docs/reports.md): every count from 1 to 4, and
// then, by the rule of report/statistics.h, further counts until none hidden can be worked out from a
// total and the counts shown beside it — within a group (a part and its whole, e.g. the known occupations
// of those open at the end; the results of the goals assessed) and across the breakdown (the groups of a
// figure add up to the whole). Every share and every median or percentile computed from a hidden count is
// hidden too. Marks them in each group's `suppressed`; the counts themselves stay (the outputs blank them).
void suppressKpis(KpiReport& report);

}  // namespace lotsen
