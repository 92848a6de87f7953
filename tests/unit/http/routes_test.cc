#include <gtest/gtest.h>

#include <fstream>
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

TEST(Routes, OnlyLoginAndOperationsRoutesAreOpen) {
  std::set<std::string> open;
  for (const Route& route : apiRoutes([] { return std::string(); }))
    if (route.access == Access::open) open.insert(route.method + " " + route.pattern);
  EXPECT_EQ(open,
            (std::set<std::string>{"GET /", "GET /healthz", "GET /readyz", "GET /metrics", "POST /api/v1/session"}));
}

TEST(QueryParameter, DecodesPercentAndPlus) {
  EXPECT_EQ(queryParameter("query=%C3%85sa+%C3%96berg&page=2", "query"), "Åsa Öberg");
  EXPECT_EQ(queryParameter("query=a&page=2", "page"), "2");
  EXPECT_EQ(queryParameter("query=a", "page"), "");
  EXPECT_EQ(queryParameter("query=%zz", "query"), "%zz");
}

}  // namespace
}  // namespace lotsen
