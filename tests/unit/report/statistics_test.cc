#include "report/statistics.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace lotsen {
namespace {

// Which cells are suppressed; empty when the breakdown cannot be shown at all.
std::vector<bool> suppressed(const Breakdown& counts) {
  std::vector<bool> out;
  if (auto cells = suppressSmallCounts(counts))
    for (const CountCell& c : *cells) out.push_back(c.suppressed);
  return out;
}

TEST(Statistics, CountsFromOneToFourAreSuppressed) {
  EXPECT_EQ(suppressed({{"a", 5}, {"b", 4}, {"c", 2}, {"d", 0}}), (std::vector<bool>{false, true, true, false}));
  EXPECT_EQ(suppressed({{"a", 12}}), (std::vector<bool>{false}));
}

TEST(Statistics, ALoneSuppressedCountTakesTheNextSmallestWithItSoTheTotalDoesNotGiveItAway) {
  EXPECT_EQ(suppressed({{"a", 10}, {"b", 3}, {"c", 7}}), (std::vector<bool>{false, true, true}));
  EXPECT_EQ(suppressed({{"a", 0}, {"b", 3}, {"c", 8}}), (std::vector<bool>{false, true, true})) << "not the zero";
}

// The attack that was found: work and internship suppressed, the total published, both exactly 1.
TEST(Statistics, SuppressedCountsThatCanOnlyBeOnesTakeAShownCountWithThem) {
  EXPECT_EQ(suppressed({{"studies", 20}, {"work", 1}, {"internship", 1}, {"unknown", 9}}),
            (std::vector<bool>{false, true, true, true}));
}

// Equal counts go together: with 5, 5 and 3, hiding only the first 5 would tell which of the two it is.
TEST(Statistics, EqualCountsAreSuppressedTogether) {
  EXPECT_EQ(suppressed({{"a", 5}, {"b", 5}, {"c", 3}}), (std::vector<bool>{true, true, true}));
}

TEST(Statistics, AnAnswerWithATotalUnderFiveOrABreakdownThatCannotBeProtectedShowsNothing) {
  EXPECT_FALSE(suppressCounts(4, {{{"a", 4}}}).total);
  SuppressedCounts ones = suppressCounts(5, {{{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}}, {{"n", 5}}});
  EXPECT_FALSE(ones.total);
  EXPECT_TRUE(ones.breakdowns.empty());
  EXPECT_EQ(suppressCounts(0, {{}, {}}).total, 0) << "nothing to hide in an empty register";
}

// By brute force over every small register: two breakdowns of the same open registrations (four
// occupations, three units), every pair of counts with the same total up to 12. An attacker who sees an
// answer, and knows how answers are made, can only tell which registers could have given it. No
// suppressed count may be the same in all of them.
TEST(Statistics, NoSuppressedCountCanBeWorkedOutFromTheRestOfTheAnswer) {
  constexpr int kMaxTotal = 12;
  const std::vector<std::string> occupations{"studies", "work", "internship", "unknown"}, units{"Norr", "Söder", ""};
  // Every way to split `total` over `n` keys.
  auto splits = [](int n, int total) {
    std::vector<std::vector<int>> out;
    std::vector<int> v(static_cast<std::size_t>(n), 0);
    auto fill = [&](auto&& self, std::size_t i, int left) -> void {
      if (i + 1 == v.size()) {
        v[i] = left;
        out.push_back(v);
        return;
      }
      for (int x = 0; x <= left; ++x) {
        v[i] = x;
        self(self, i + 1, left - x);
      }
    };
    fill(fill, 0, total);
    return out;
  };
  auto breakdown = [](const std::vector<std::string>& keys, const std::vector<int>& counts) {
    Breakdown b;  // as the store answers: only the keys that have counts
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (counts[i] > 0) b.emplace_back(keys[i], counts[i]);
    return b;
  };
  // What the answer shows, and each register that gives it (its counts, occupations then units).
  std::map<std::vector<std::int64_t>, std::vector<std::vector<int>>> registersBehind;
  std::size_t registers = 0;
  for (int total = 0; total <= kMaxTotal; ++total)
    for (const auto& o : splits(4, total))
      for (const auto& u : splits(3, total)) {
        SuppressedCounts shown = suppressCounts(total, {breakdown(occupations, o), breakdown(units, u)});
        std::vector<std::int64_t> answer{shown.total.value_or(-1)};
        for (std::size_t b = 0; b < shown.breakdowns.size(); ++b) {
          const auto& keys = b == 0 ? occupations : units;
          for (const CountCell& c : shown.breakdowns[b]) {
            answer.push_back(std::find(keys.begin(), keys.end(), c.key) - keys.begin());
            answer.push_back(c.suppressed ? -1 : c.count);
          }
          answer.push_back(-2);
        }
        std::vector<int> both = o;
        both.insert(both.end(), u.begin(), u.end());
        registersBehind[answer].push_back(both);
        ++registers;
      }
  ASSERT_GT(registers, 100000u);
  std::size_t suppressedCells = 0;
  for (const auto& [answer, behind] : registersBehind) {
    if (answer[0] == -1) continue;  // nothing shown
    // Every key whose count is suppressed must have two possible counts.
    for (std::size_t at = 1, b = 0; at < answer.size(); ++at) {
      if (answer[at] == -2) {
        ++b;
        continue;
      }
      std::int64_t key = answer[at++];
      if (answer[at] != -1) continue;
      ++suppressedCells;
      std::set<int> possible;
      for (const auto& counts : behind) possible.insert(counts[static_cast<std::size_t>(key) + (b == 0 ? 0 : 4)]);
      EXPECT_GT(possible.size(), 1u) << "the count of key " << key << " of breakdown " << b
                                     << " can be worked out from an answer with total " << answer[0];
    }
  }
  EXPECT_GT(suppressedCells, 1000u);
}

}  // namespace
}  // namespace lotsen
