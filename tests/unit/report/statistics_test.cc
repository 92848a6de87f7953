#include "report/statistics.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

std::vector<bool> suppressed(const std::vector<std::pair<std::string, std::int64_t>>& counts) {
  std::vector<bool> out;
  for (const CountCell& c : suppressSmallCounts(counts)) out.push_back(c.suppressed);
  return out;
}

TEST(Statistics, CountsFromOneToFourAreSuppressed) {
  EXPECT_EQ(suppressed({{"a", 5}, {"b", 4}, {"c", 1}, {"d", 0}}), (std::vector<bool>{false, true, true, false}));
  EXPECT_EQ(suppressed({{"a", 12}}), (std::vector<bool>{false}));
}

TEST(Statistics, ALoneSuppressedCountTakesTheNextSmallestWithItSoTheTotalDoesNotGiveItAway) {
  EXPECT_EQ(suppressed({{"a", 10}, {"b", 3}, {"c", 7}}), (std::vector<bool>{false, true, true}));
  EXPECT_EQ(suppressed({{"a", 0}, {"b", 3}, {"c", 8}}), (std::vector<bool>{false, true, true})) << "not the zero";
  EXPECT_TRUE(shownCount(0));
  EXPECT_FALSE(shownCount(4));
  EXPECT_TRUE(shownCount(5));
}

}  // namespace
}  // namespace lotsen
