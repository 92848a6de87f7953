// Lotsen report: the follow-up's key figures (KPIs) for a period — how large the target group was, how
// much of it the municipality knew about, how fast the first contacts came, how many had a plan and a
// measure — for the whole municipality or broken down (docs/reports.md defines each figure).
//
// The rules are here, computed from the cases' facts (KpiCase, read through the Store), not in any
// database's SQL (DESIGN principle 6). No I/O.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/casework.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/person.h"
#include "domain/personal_id.h"

namespace lotsen {

// One KAA registration as the KPIs read it: the registration, its person's birth date and legal gender,
// and the live (not voided) records that bear on it.
struct KpiCase {
  Registration registration;
  CivilDate birthDate;
  LegalGender gender = LegalGender::female;
  std::vector<ContactAttempt> contacts;      // this registration's
  std::vector<OccupationEntry> occupations;  // the person's, in the order they were recorded
  std::vector<Plan> plans;                   // this registration's (one at most, once revised)
  std::vector<Measure> measures;             // this registration's
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

// The figures of one group (or of all).
struct KpiGroup {
  std::string key;  // "" for all; the unit, the caseworker's id ("" none), reason code, "female"/"male", age
  std::int64_t targetGroup = 0;      // registrations open at some time in the period
  std::int64_t openAtEnd = 0;        // open on the report's day
  std::int64_t knownOccupation = 0;  // of openAtEnd: the latest occupation by then is not "unknown"
  std::int64_t withPlan = 0;         // of openAtEnd: an individual plan drawn up by then
  std::int64_t inMeasure = 0;        // of openAtEnd: in a measure that day
  DaysToContact firstAttempt;        // any contact attempt
  DaysToContact firstReached;        // a contact that reached the young person
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
// period are left out. Deterministic: the same cases give the same report.
KpiReport computeKpis(const std::vector<KpiCase>& cases, CivilDate from, CivilDate to, CivilDate today, KpiDimension by,
                      int firstContactDays);

}  // namespace lotsen
