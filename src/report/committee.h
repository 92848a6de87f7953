// Lotsen report: the committee report (nämndrapport) — the activity measures (domain/activity_measures.h)
// of a month in the municipal layout: outcome the same month last year, the year's target, outcome this
// month, the trend of the last twelve months and the unit's analysis. The figures are the KPIs'
// (report/kpi.h, computed for a calendar month): no rule of its own. No I/O.
#pragma once

#include <expected>
#include <optional>
#include <utility>
#include <vector>

#include "domain/activity_measures.h"
#include "domain/error.h"
#include "report/kpi.h"

namespace lotsen {

// One measure's line in the report.
struct CommitteeLine {
  ActivityMeasure measure;
  std::optional<double> thisMonth;                                 // none when there is nobody to count
  std::optional<double> sameMonthLastYear;                         // the same month a year earlier
  std::optional<double> target;                                    // the target for the month's year, when one is set
  std::vector<std::pair<YearMonth, std::optional<double>>> trend;  // the 12 months up to this one, oldest first
  std::string analysis;                                            // the unit's text for the month; empty: none
  std::int64_t analysisVersion = 0;                                // the analysis's version (0: never written)
};

struct CommitteeReport {
  YearMonth month;
  CivilDate asOf;                    // the month's last day, or today while the month runs
  int firstContactDays = 0;          // the deadline the first-contact measures use
  std::vector<CommitteeLine> lines;  // one per activity measure, in activityMeasures()' order
};

// A measure's value in a month's KPIs (computeKpis over the month, KpiDimension::all): the target group
// open on the report's day; the shares of those with a known occupation, a plan, a measure; of the
// month's new registrations due, the share contacted within the deadline; the median days to a first
// contact attempt. None when there is nobody to count.
std::optional<double> activityMeasureValue(const ActivityMeasure& measure, const KpiGroup& figures);

// The report for `month` from `cases` (the KAA registrations open at some time from twelve months before
// it to its end), as it stood on min(its last day, today), with the targets of its year and its analyses
// (others are ignored). invalid_input (field "month") for a month that has not begun. Deterministic.
std::expected<CommitteeReport, Error> computeCommitteeReport(const std::vector<KpiCase>& cases, YearMonth month,
                                                             CivilDate today, int firstContactDays,
                                                             const std::vector<MeasureTarget>& targets,
                                                             const std::vector<MeasureAnalysis>& analyses);

}  // namespace lotsen
