#include "report/statistics.h"

namespace lotsen {

std::vector<CountCell> suppressSmallCounts(const std::vector<std::pair<std::string, std::int64_t>>& counts) {
  std::vector<CountCell> cells;
  std::size_t suppressed = 0;
  for (const auto& [key, count] : counts) {
    cells.push_back(CountCell{key, count, !shownCount(count)});
    suppressed += cells.back().suppressed;
  }
  if (suppressed == 1) {
    // The smallest shown non-zero cell goes too (hiding a zero would not hide anything).
    CountCell* next = nullptr;
    for (CountCell& c : cells)
      if (!c.suppressed && c.count > 0 && (!next || c.count < next->count)) next = &c;
    if (next) next->suppressed = true;
  }
  return cells;
}

}  // namespace lotsen
