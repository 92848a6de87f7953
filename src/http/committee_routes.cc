// The committee report (docs/reports.md): its targets per activity measure and year (every signed-in user
// reads them; admins and unit managers set them, permission committee_report), the unit's analysis per
// measure and month, and the report itself as JSON, PDF or XLSX. No personal data: the figures are the
// whole municipality's. The rules are the ones `lotsen targets` and `lotsen report committee` go through
// (domain/activity_measures.h, Store::setMeasureTarget), and so is the journal event.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>

#include "http/api.h"
#include "http/json_mapping.h"
#include "report/committee_output.h"

namespace lotsen {
namespace json = boost::json;
namespace {

// A measure with its target for the year (null when none), as GET answers and PUT accepts it.
json::object targetJson(const ActivityMeasure& m, int year, std::optional<double> value, std::int64_t version) {
  return json::object{{"year", year},
                      {"measure", m.code},
                      {"label", m.label},
                      {"direction", toString(m.direction)},
                      {"unit", toString(m.unit)},
                      {"value", committeeValueJson(m, value)},
                      {"version", version}};
}

// A measure's target among `targets`, as targetJson answers it (no value, version 0 when none is set).
json::object targetJsonOf(const ActivityMeasure& m, int year, const std::vector<MeasureTarget>& targets) {
  for (const MeasureTarget& t : targets)
    if (t.measure == m.code) return targetJson(m, year, t.value, t.version);
  return targetJson(m, year, std::nullopt, 0);
}

// The "version" a body names (as GET answered it), none when it names none; -1 for a version that is not
// a whole number (which no stored one is, so the write is refused as stale).
std::optional<std::int64_t> versionOf(const json::object& body) {
  const json::value* v = body.if_contains("version");
  if (!v || v->is_null()) return std::nullopt;
  return v->is_int64() ? v->as_int64() : -1;
}

// A year given as text: digits only, else 0 (which the target's rule refuses).
int yearOf(std::string_view text) {
  int year = 0;
  if (text.empty() || text.size() > 4 ||
      std::from_chars(text.data(), text.data() + text.size(), year).ptr != text.data() + text.size())
    return 0;
  return year;
}

// GET /api/v1/targets?year=2026: every activity measure with its target for the year.
Response getTargets(Call& call) {
  std::string text = queryParameter(call.request.query, "year");
  int year = yearOf(text);
  if (year < 2000 || year > 2100) return problem(400, "Bad Request", "a target's year is 2000 to 2100", "year");
  auto targets = call.store.measureTargets(year);
  if (!targets) return problem(targets.error());
  json::array items;
  for (const ActivityMeasure& m : activityMeasures()) items.push_back(targetJsonOf(m, year, *targets));
  return jsonResponse(200, json::object{{"year", year}, {"targets", std::move(items)}});
}

// PUT /api/v1/targets/{year}/{measure} {"value": 0.9}: sets the target; every mistake at once (422).
Response putTarget(Call& call) {
  MeasureTarget target{yearOf(call.params[0]), call.params[1], 0};
  std::vector<Error> errors;
  const json::value* value = call.json().if_contains("value");
  if (value && value->is_number())
    target.value = value->to_number<double>();
  else
    errors.push_back(invalidInput("a target is a number", "value"));
  bool noValue = !errors.empty();  // then the rule's word on the value (0) is beside the point
  if (auto checked = checkMeasureTarget(target); !checked)
    for (Error& e : checked.error())
      if (!noValue || e.field != "value") errors.push_back(std::move(e));
  if (!errors.empty()) return validationProblem(errors);
  Actor actor{call.user->id, call.user->username};
  std::optional<std::int64_t> expected = versionOf(call.json());
  auto set = call.write<std::int64_t>(
      [&](Store& s) -> std::expected<std::int64_t, Error> { return s.setMeasureTarget(actor, target, expected); });
  const ActivityMeasure& measure = *findActivityMeasure(target.measure);
  if (!set) {
    if (set.error().kind != ErrorKind::conflict) return problem(set.error());
    // A change made meanwhile: the target as it is now in `current`.
    auto now = call.store.measureTargets(target.year);
    json::value current = nullptr;
    if (now) current = targetJsonOf(measure, target.year, *now);
    return problemWithCurrent(set.error(), std::move(current));
  }
  return jsonResponse(200, targetJson(measure, target.year, target.value, *set));
}

// PUT /api/v1/analyses/{month}/{measure} {"text": "…"}: the unit's analysis (an empty text removes it).
Response putAnalysis(Call& call) {
  MeasureAnalysis analysis{call.params[0], call.params[1], ""};
  std::vector<Error> errors;
  const json::value* text = call.json().if_contains("text");
  if (text && text->is_string())
    analysis.text = std::string(text->as_string());
  else
    errors.push_back(invalidInput("give the analysis as a text", "text"));
  if (auto checked = checkMeasureAnalysis(analysis, todayOf(call)); !checked)
    for (Error& e : checked.error()) errors.push_back(std::move(e));
  if (!errors.empty()) return validationProblem(errors);
  Actor actor{call.user->id, call.user->username};
  std::optional<std::int64_t> expected = versionOf(call.json());
  auto set = call.write<std::int64_t>(
      [&](Store& s) -> std::expected<std::int64_t, Error> { return s.setMeasureAnalysis(actor, analysis, expected); });
  auto answer = [&](const std::string& text, std::int64_t version) {
    return json::object{{"month", analysis.month}, {"measure", analysis.measure}, {"text", text}, {"version", version}};
  };
  if (!set) {
    if (set.error().kind != ErrorKind::conflict) return problem(set.error());
    auto now = call.store.measureAnalyses(analysis.month);
    json::value current = nullptr;
    if (now) {
      current = answer("", 0);
      for (const MeasureAnalysis& a : *now)
        if (a.measure == analysis.measure) current = answer(a.text, a.version);
    }
    return problemWithCurrent(set.error(), std::move(current));
  }
  return jsonResponse(200, answer(analysis.text, *set));
}

// GET /api/v1/reports/committee?month=2026-10[&format=pdf|xlsx]: the same report as `lotsen report
// committee`: JSON, or the PDF or XLSX file as a download.
Response committee(Call& call) {
  const std::string& query = call.request.query;
  auto month = YearMonth::parse(queryParameter(query, "month"));
  if (!month) return problem(400, "Bad Request", month.error().message, "month");
  std::string format = queryParameter(query, "format");
  if (!format.empty() && format != "json" && format != "pdf" && format != "xlsx")
    return problem(400, "Bad Request", "format is json, pdf or xlsx", "format");
  auto report = call.history->use<CommitteeReport>(call.store, [&](const CaseHistory& history) {
    return committeeReport(call.store, history, *month, todayOf(call));
  });
  if (!report) return problem(report.error());
  if (format.empty() || format == "json") return jsonResponse(200, committeeJson(*report));
  auto file = format == "pdf" ? committeePdf(*report) : committeeXlsx(*report);
  if (!file) return problem(file.error());
  std::string type =
      format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return Response{
      200,
      type,
      std::move(*file),
      {{"Content-Disposition", fmt::format("attachment; filename=\"namndrapport-{}.{}\"", month->toString(), format)}}};
}

}  // namespace

std::vector<Route> committeeRoutes() {
  using enum Permission;
  using enum Execution;
  // The report on a worker: twelve months of cases are read and counted, and a PDF drawn.
  return {
      {"GET", "/api/v1/targets", signed_in, inline_read, getTargets},
      {"PUT", "/api/v1/targets/{year}/{measure}", committee_report, worker, putTarget},
      {"PUT", "/api/v1/analyses/{month}/{measure}", committee_report, worker, putAnalysis},
      {"GET", "/api/v1/reports/committee", committee_report, worker, committee},
  };
}

}  // namespace lotsen
