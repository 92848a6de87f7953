// Aggregate statistics (permission read_statistics): counts only, never a person, small counts suppressed.
#include <boost/json.hpp>

#include "http/api.h"
#include "report/statistics.h"

namespace lotsen {
namespace json = boost::json;
namespace {

json::value countJson(std::int64_t count, bool suppressed) {
  return suppressed ? json::value(nullptr) : json::value(count);
}

// GET /api/v1/statistics: the open KAA registrations in all, per current occupation and per unit. A
// statistician sees the municipality; a unit manager their units and the intake. Small counts are
// suppressed so that none can be worked out from the rest of the answer (report/statistics.h).
Response statistics(Call& call) {
  std::optional<Caseload> scope;
  if (!call.user->roles.has(Role::statistician)) scope = call.user->caseload;
  static constexpr const char* kDimensions[] = {"occupation", "unit"};
  std::vector<Breakdown> breakdowns;
  for (const char* dimension : kDimensions) {
    auto counts = call.store.openRegistrationCounts(dimension, scope);
    if (!counts) return problem(counts.error());
    breakdowns.push_back(std::move(*counts));
  }
  std::int64_t total = 0;  // the same in every breakdown
  for (const auto& [key, count] : breakdowns.front()) total += count;
  SuppressedCounts shown = suppressCounts(total, breakdowns);
  json::object body{{"scope", scope ? "own_units" : "municipality"},
                    {"suppressed_below", kSmallestShownCount},
                    {"open_registrations", shown.total ? json::value(*shown.total) : json::value(nullptr)}};
  for (std::size_t i = 0; i < std::size(kDimensions); ++i) {
    json::array cells;
    if (shown.total)
      for (const CountCell& c : shown.breakdowns[i]) {
        json::value key = c.key.empty() && i == 1 ? json::value(nullptr) : json::value(c.key);
        json::object cell{{"key", std::move(key)}, {"count", countJson(c.count, c.suppressed)}};
        if (i == 0) cell["label"] = call.labels->label("occupation", c.key);
        if (i == 1 && c.key.empty()) cell["label"] = "Inkorgen (ingen enhet ännu)";
        cells.push_back(std::move(cell));
      }
    body[std::string("by_") + kDimensions[i]] = std::move(cells);
  }
  return Response{200, "application/json", json::serialize(body), {}};
}

}  // namespace

std::vector<Route> statisticsRoutes() {
  return {{"GET", "/api/v1/statistics", Permission::read_statistics, Execution::inline_read, statistics}};
}

}  // namespace lotsen
