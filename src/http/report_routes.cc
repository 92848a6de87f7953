// Reports for follow-up (docs/reports.md): the KPIs of a half-year, of the cases in the caller's caseload, or
// of the whole municipality with small counts suppressed for a role that may not read persons; SCB's
// half-year file of the whole municipality.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <set>

#include "http/api.h"
#include "report/half_year_output.h"
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
  auto report = call.history->use<KpiReport>(call.store, [&](const CaseHistory& history) {
    return kpiReport(call.store, history, *period, todayOf(call), *dimension, caseload);
  });
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

// A query flag: absent or "false" is false, "true" true; anything else is refused.
std::expected<bool, Response> flag(const Call& call, const char* name) {
  std::string text = queryParameter(call.request.query, name);
  if (text.empty() || text == "false") return false;
  if (text == "true") return true;
  return std::unexpected(problem(400, "Bad Request", fmt::format("{} is true or false", name), name));
}

// GET /api/v1/reports/half-year?period=2026H1[&format=csv|xlsx][&with_corrections=true][&allow_errors=true]:
// `lotsen report half-year` over HTTP. JSON: the checks and each block's count (no personnummer); csv: the
// file for SCB as a download, xlsx: the same as a workbook for people; both refused (422, the errors
// listed) while errors remain unless allow_errors.
// Reading it is logged as a read of every person the answer names.
Response halfYear(Call& call) {
  auto period = HalfYear::parse(queryParameter(call.request.query, "period"));
  if (!period) return problem(400, "Bad Request", period.error().message, "period");
  std::string format = queryParameter(call.request.query, "format");
  if (!format.empty() && format != "json" && format != "csv" && format != "xlsx")
    return problem(400, "Bad Request", "format is json, csv or xlsx", "format");
  auto corrections = flag(call, "with_corrections");
  if (!corrections) return corrections.error();
  auto allowErrors = flag(call, "allow_errors");
  if (!allowErrors) return allowErrors.error();
  auto report = call.history->use<HalfYearReport>(call.store, [&](const CaseHistory& history) {
    return halfYearReport(call.store, history, *period, call.now, *corrections);
  });
  if (!report) return problem(report.error());
  std::set<std::int64_t> named;
  for (const HalfYearProblem& p : report->file.problems) named.insert(p.personId);
  Language language = languageFrom(call.request.acceptLanguage);
  if (format.empty() || format == "json") {
    call.accessedPersons({named.begin(), named.end()});
    return Response{200, "application/json", boost::json::serialize(halfYearJson(*report, language, false)), {}};
  }
  if (report->file.hasErrors() && !*allowErrors) {
    std::vector<Error> errors;
    for (const HalfYearProblem& p : report->file.problems)
      if (p.blocking) errors.push_back(invalidInput(p.message, "person_" + std::to_string(p.personId)));
    call.accessedPersons({named.begin(), named.end()});
    return validationProblem(errors);
  }
  for (const HalfYearRecord& r : report->file.records) named.insert(r.personId);
  call.accessedPersons({named.begin(), named.end()});
  std::string download = fmt::format("attachment; filename=\"kaa-{}.{}\"", period->toString(), format);
  if (format == "xlsx") {
    auto workbook = halfYearXlsx(*report, language);
    if (!workbook) return problem(workbook.error());
    return Response{200,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    std::move(*workbook),
                    {{"Content-Disposition", download}}};
  }
  return Response{
      200, "text/csv; charset=utf-8", halfYearText(report->file), {{"Content-Disposition", download}}};
}

}  // namespace

std::vector<Route> reportRoutes() {
  // On a worker: every case of the period is read and counted (tens of ms for a large unit).
  // read_cases: the caseload's figures; read_statistics alone: the municipality's, suppressed.
  return {{"GET", "/api/v1/reports/kpi", Permission::read_cases, Execution::worker, kpi, Body::by_method, Listener::api,
           Permission::read_statistics},
          // The whole municipality's personnummer: whoever runs the register imports sends SCB the file.
          {"GET", "/api/v1/reports/half-year", Permission::run_identification, Execution::worker, halfYear}};
}

}  // namespace lotsen
