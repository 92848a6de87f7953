// Aggregate statistics (permission read_statistics): counts only, never a person, small counts suppressed.
#include <boost/json.hpp>

#include "http/api.h"
#include "report/statistics.h"

namespace lotsen {
namespace json = boost::json;
namespace {

json::value countJson(std::int64_t count, bool suppressed) { return suppressed ? json::value(nullptr) : json::value(count); }

// GET /api/v1/statistics: the open KAA registrations in all, per current occupation and per unit. A
// statistician sees the municipality; a unit manager their units and the intake.
Response statistics(Call& call) {
  std::optional<Caseload> scope;
  if (!call.user->roles.has(Role::statistician)) scope = call.user->caseload;
  json::object body{{"scope", scope ? "own_units" : "municipality"}, {"suppressed_below", kSmallestShownCount}};
  std::int64_t total = 0;  // the same in every breakdown
  for (const char* dimension : {"occupation", "unit"}) {
    auto counts = call.store.openRegistrationCounts(dimension, scope);
    if (!counts) return problem(counts.error());
    json::array cells;
    total = 0;
    for (const CountCell& c : suppressSmallCounts(*counts)) {
      total += c.count;
      json::value key = c.key.empty() && std::string_view(dimension) == "unit" ? json::value(nullptr) : json::value(c.key);
      cells.push_back(json::object{{"key", std::move(key)}, {"count", countJson(c.count, c.suppressed)}});
    }
    body[std::string("by_") + dimension] = std::move(cells);
  }
  body["open_registrations"] = countJson(total, !shownCount(total));
  return Response{200, "application/json", json::serialize(body), {}};
}

}  // namespace

std::vector<Route> statisticsRoutes() {
  return {{"GET", "/api/v1/statistics", Permission::read_statistics, Execution::inline_read, statistics}};
}

}  // namespace lotsen
