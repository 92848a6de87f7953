#include "report/committee.h"

#include <fmt/format.h>

namespace lotsen {
namespace {

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// The KPIs of one calendar month as they stood on min(its last day, today).
KpiGroup monthFigures(const CaseParts<KpiCase>& cases, YearMonth month, CivilDate today, int firstContactDays) {
  return computeKpis(cases, month.first(), month.last(), today, KpiDimension::all, firstContactDays).all;
}

}  // namespace

std::optional<double> activityMeasureValue(const ActivityMeasure& measure, const KpiGroup& figures) {
  std::string_view code = measure.code;
  if (code == "target_group") return static_cast<double>(figures.openAtEnd);
  if (code == "known_occupation") return share(figures.knownOccupation, figures.openAtEnd);
  if (code == "first_contact_within_deadline")
    return share(figures.firstAttempt.withinDeadline, figures.firstAttempt.due);
  if (code == "first_contact_median_days") return figures.firstAttempt.median;
  if (code == "with_plan") return share(figures.withPlan, figures.openAtEnd);
  if (code == "in_measure") return share(figures.inMeasure, figures.openAtEnd);
  return std::nullopt;
}

std::expected<CommitteeReport, Error> computeCommitteeReport(const std::vector<KpiCase>& cases, YearMonth month,
                                                             CivilDate today, int firstContactDays,
                                                             const std::vector<MeasureTarget>& targets,
                                                             const std::vector<MeasureAnalysis>& analyses) {
  if (auto begun = checkBegun(month, today); !begun) return std::unexpected(begun.error());
  CommitteeReport report{month, std::min(today, month.last()), firstContactDays, {}};

  // The twelve months up to this one, and the same month a year earlier: thirteen tallies of the same cases, put
  // in person order once.
  CaseParts<KpiCase> parts = partsOf(cases, kKpiCasesPerThread);
  std::vector<KpiGroup> trend;
  for (int back = 11; back >= 0; --back)
    trend.push_back(monthFigures(parts, month.plusMonths(-back), today, firstContactDays));
  KpiGroup lastYear = monthFigures(parts, month.plusMonths(-12), today, firstContactDays);

  for (const ActivityMeasure& measure : activityMeasures()) {
    CommitteeLine line{measure, {}, {}, {}, {}, {}};
    for (int i = 0; i < 12; ++i)
      line.trend.emplace_back(month.plusMonths(i - 11),
                              activityMeasureValue(measure, trend[static_cast<std::size_t>(i)]));
    line.thisMonth = line.trend.back().second;
    line.sameMonthLastYear = activityMeasureValue(measure, lastYear);
    for (const MeasureTarget& t : targets)
      if (t.year == month.year() && t.measure == measure.code) line.target = t.value;
    for (const MeasureAnalysis& a : analyses)
      if (a.month == month.toString() && a.measure == measure.code) {
        line.analysis = a.text;
        line.analysisVersion = a.version;
      }
    report.lines.push_back(std::move(line));
  }
  return report;
}

}  // namespace lotsen
