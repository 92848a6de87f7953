// Reports for follow-up (docs/reports.md): the KPIs of a half-year, of the cases in the caller's caseload.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.h"
#include "report/kpi_cases.h"
#include "report/kpi_output.h"

namespace lotsen {
namespace {

// GET /api/v1/reports/kpi?period=2026H2[&by=unit][&format=csv]: the same figures as `lotsen report kpi`,
// over the registrations in the caller's caseload (a caseworker's cases, a unit manager's units), whose
// persons the caller may read anyway. JSON, or the CSV file for Excel as a download.
Response kpi(Call& call) {
  const std::string& query = call.request.query;
  auto period = HalfYear::parse(queryParameter(query, "period"));
  if (!period) return problem(400, "Bad Request", period.error().message, "period");
  std::string by = queryParameter(query, "by");
  auto dimension = parseKpiDimension(by.empty() ? "all" : by);
  if (!dimension) return problem(400, "Bad Request", dimension.error().message, "by");
  std::string format = queryParameter(query, "format");
  if (!format.empty() && format != "json" && format != "csv")
    return problem(400, "Bad Request", "format is json or csv", "format");
  auto report = kpiReport(call.store, *period, todayOf(call), *dimension, call.user->caseload);
  if (!report) return problem(report.error());
  auto names = kpiNames(call.store, *call.labels);
  if (!names) return problem(names.error());
  if (format == "csv")
    return Response{200,
                    "text/csv; charset=utf-8",
                    kpiCsv(*report, *names, kWholeCaseload),
                    {{"Content-Disposition", fmt::format("attachment; filename=\"nyckeltal-{}-{}.csv\"",
                                                         period->toString(), toString(*dimension))}}};
  boost::json::object body = kpiJson(*report, *names, kWholeCaseload);
  body["period"] = period->toString();
  body["scope"] = "caseload";
  return Response{200, "application/json", boost::json::serialize(body), {}};
}

}  // namespace

std::vector<Route> reportRoutes() {
  // On a worker: every case of the period is read and counted (tens of ms for a large unit).
  return {{"GET", "/api/v1/reports/kpi", Permission::read_cases, Execution::worker, kpi}};
}

}  // namespace lotsen
