// Lotsen report: aggregate counts for statisticians and unit managers, with small counts suppressed so
// that no young person can be singled out.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lotsen {

// Counts from 1 to kSmallestShownCount - 1 are never shown.
inline constexpr std::int64_t kSmallestShownCount = 5;

struct CountCell {
  std::string key;
  std::int64_t count = 0;  // meaningless when suppressed
  bool suppressed = false;
};

// The cells of one breakdown, small counts suppressed. When a single cell would be suppressed, the next
// smallest is suppressed too, so that it cannot be worked out from the total. Keeps the order given.
std::vector<CountCell> suppressSmallCounts(const std::vector<std::pair<std::string, std::int64_t>>& counts);

// True when `count` may be shown on its own (a total).
inline bool shownCount(std::int64_t count) { return count == 0 || count >= kSmallestShownCount; }

}  // namespace lotsen
