// Reports for follow-up (docs/reports.md): the KPIs of a half-year, of the cases in the caller's caseload, or
// of the whole municipality with small counts suppressed for a role that may not read persons.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.h"
#include "report/kpi_cases.h"
#include "report/kpi_output.h"
#include "report/statistics.h"

namespace lotsen {
namespace {

// GET /api/v1/reports/kpi?period=2026H2[&by=unit][&format=csv]: the same figures as `lotsen report kpi`,
// over the registrations in the caller's caseload (a caseworker's cases, a unit manager's units), whose
// persons the caller may read anyway; for a caller who may read statistics but no case (a statistician),
// over the whole municipality with small counts suppressed (suppressKpis). JSON, or the CSV file for Excel
// as a download.
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
  bool suppressed = !permits(call.user->roles, Permission::read_cases);
  std::optional<Caseload> caseload;
  if (!suppressed) caseload = call.user->caseload;
  auto report = kpiReport(call.store, *period, todayOf(call), *dimension, caseload);
  if (!report) return problem(report.error());
  if (suppressed) suppressKpis(*report);
  std::string_view whole = suppressed ? kWholeSuppressed : kWholeCaseload;
  auto names = kpiNames(call.store, *call.labels);
  if (!names) return problem(names.error());
  if (format == "csv")
    return Response{200,
                    "text/csv; charset=utf-8",
                    kpiCsv(*report, *names, whole),
                    {{"Content-Disposition", fmt::format("attachment; filename=\"nyckeltal-{}-{}.csv\"",
                                                         period->toString(), toString(*dimension))}}};
  boost::json::object body = kpiJson(*report, *names, whole);
  body["period"] = period->toString();
  body["scope"] = suppressed ? "municipality" : "caseload";
  if (suppressed) body["suppressed_below"] = kSmallestShownCount;
  return Response{200, "application/json", boost::json::serialize(body), {}};
}

}  // namespace

std::vector<Route> reportRoutes() {
  // On a worker: every case of the period is read and counted (tens of ms for a large unit).
  // read_cases: the caseload's figures; read_statistics alone: the municipality's, suppressed.
  return {{"GET", "/api/v1/reports/kpi", Permission::read_cases, Execution::worker, kpi, Body::by_method, Listener::api,
           Permission::read_statistics}};
}

}  // namespace lotsen
