#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "http/api.h"

namespace lotsen {
namespace {

std::string openApi() {
  std::ifstream in(std::string(LOTSEN_SOURCE_DIR) + "/docs/api/openapi.yaml");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Routes, EveryRouteIsDescribedInOpenApi) {
  std::string spec = openApi();
  ASSERT_FALSE(spec.empty());
  for (const Route& route : apiRoutes([] { return std::string(); })) {
    std::size_t at = spec.find("\n  " + route.pattern + ":\n");
    ASSERT_NE(at, std::string::npos) << route.pattern << " is missing from docs/api/openapi.yaml";
    std::size_t end = spec.find("\n  /", at + 1);
    std::string block = spec.substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(block.find("\n    " + method + ":"), std::string::npos) << route.method << " " << route.pattern;
  }
}

// The permission of every route, as documented in docs/security.md. A new route fails here until its
// permission is written down, so that nothing becomes open by accident.
TEST(Routes, EveryRouteDeclaresTheDocumentedPermission) {
  using enum Permission;
  const std::map<std::string, Permission> documented{
      {"GET /", open},
      {"GET /healthz", open},
      {"GET /readyz", open},
      {"GET /metrics", open},
      {"POST /api/v1/session", open},
      {"GET /api/v1/session", signed_in},
      {"DELETE /api/v1/session", signed_in},
      {"PUT /api/v1/session/password", signed_in},
      {"GET /api/v1/units", signed_in},
      {"GET /api/v1/code-lists", signed_in},
      {"GET /api/v1/code-lists/{name}", signed_in},
      {"POST /api/v1/units", manage_users},
      {"GET /api/v1/persons", read_cases},
      {"GET /api/v1/persons/{id}", read_cases},
      {"GET /api/v1/persons/{id}/history", read_cases},
      {"POST /api/v1/persons/{id}/access-grants", break_glass},
      {"DELETE /api/v1/persons/{id}/access-grants", break_glass},
      {"PUT /api/v1/persons/{id}/registrations/{registration}/assignment", assign_cases},
      {"POST /api/v1/persons/{id}/registrations/{registration}/close", write_cases},
      {"POST /api/v1/registrations", write_cases},
      {"GET /api/v1/worklists", read_cases},
      {"GET /api/v1/worklists/{name}", read_cases},
      {"GET /api/v1/team", assign_cases},
      {"POST /api/v1/identification-runs", run_identification},
      {"GET /api/v1/identification-runs", run_identification},
      {"GET /api/v1/access-log", read_access_log},
      {"GET /api/v1/access-log/review", read_access_log},
      {"GET /api/v1/statistics", read_statistics},
      {"GET /api/v1/reports/kpi", read_cases},
      {"GET /api/v1/reports/half-year", run_identification},
      {"GET /api/v1/users", manage_users},
      {"POST /api/v1/users", manage_users},
      {"PATCH /api/v1/users/{id}", manage_users},
      {"PUT /api/v1/users/{id}/password", manage_users},
      {"GET /api/v1/settings", signed_in},
      {"PATCH /api/v1/settings", manage_users},
      {"GET /api/v1/targets", signed_in},
      {"PUT /api/v1/targets/{year}/{measure}", committee_report},
      {"PUT /api/v1/analyses/{month}/{measure}", committee_report},
      {"GET /api/v1/reports/committee", committee_report},
      {"GET /api/v1/letters/first-contact", write_cases},
      {"POST /api/v1/letters/first-contact/sent", write_cases},
      {"GET /api/v1/letters/template", write_cases},
      {"PUT /api/v1/letters/template", write_cases},
  };
  std::set<std::string> seen;
  for (const Route& route : apiRoutes([] { return std::string(); })) {
    std::string key = route.method + " " + route.pattern;
    EXPECT_TRUE(seen.insert(key).second) << key << " is declared twice";
    if (route.pattern.starts_with("/api/v1/persons/{id}/") && !documented.contains(key)) {
      // Case records: reading needs read_cases, documenting write_cases.
      EXPECT_EQ(route.permission, route.method == "GET" ? read_cases : write_cases) << key;
      EXPECT_TRUE(isCaseRoute(route)) << key;
      continue;
    }
    auto expected = documented.find(key);
    ASSERT_NE(expected, documented.end()) << key << " has no documented permission (docs/security.md)";
    EXPECT_EQ(permissionName(route.permission), permissionName(expected->second)) << key;
  }
}

TEST(QueryParameter, DecodesPercentAndPlus) {
  EXPECT_EQ(queryParameter("query=%C3%85sa+%C3%96berg&page=2", "query"), "Åsa Öberg");
  EXPECT_EQ(queryParameter("query=a&page=2", "page"), "2");
  EXPECT_EQ(queryParameter("query=a", "page"), "");
  EXPECT_EQ(queryParameter("query=%zz", "query"), "%zz");
}

}  // namespace
}  // namespace lotsen
