#include "report/statistics.h"

#include <algorithm>

namespace lotsen {

bool noHiddenCountCanBeWorkedOut(const std::vector<CountCell>& cells) {
  // A suppressed count can be worked out when it is alone (the total minus the shown ones), when the
  // suppressed ones add up to their number (each is 1), or when they are all small and add up to four
  // times their number (each is 4). Hidden cells none of which is small or secondary hide nothing that needs
  // hiding (a rest never shown).
  std::int64_t hidden = 0, sum = 0;
  bool allSmall = true, anyProtected = false;
  for (const CountCell& c : cells)
    if (c.suppressed) {
      ++hidden;
      sum += c.count;
      bool small = c.count > 0 && c.count < kSmallestShownCount;
      allSmall = allSmall && small;
      anyProtected = anyProtected || small || c.secondary;
    }
  return !anyProtected || (hidden >= 2 && sum != hidden && !(allSmall && sum == 4 * hidden));
}

std::optional<std::vector<CountCell>> suppressSmallCounts(const Breakdown& counts) {
  std::vector<CountCell> cells;
  for (const auto& [key, count] : counts)
    cells.push_back(CountCell{key, count, count > 0 && count < kSmallestShownCount, false});
  auto protectedNow = [&] { return noHiddenCountCanBeWorkedOut(cells); };
  while (!protectedNow()) {
    std::optional<std::int64_t> smallest;
    for (const CountCell& c : cells)
      if (!c.suppressed && c.count > 0 && (!smallest || c.count < *smallest)) smallest = c.count;
    if (!smallest) return std::nullopt;
    for (CountCell& c : cells)
      if (!c.suppressed && c.count == *smallest) c.suppressed = c.secondary = true;
  }
  return cells;
}

SuppressedCounts suppressCounts(std::int64_t total, const std::vector<Breakdown>& breakdowns) {
  SuppressedCounts out;
  if (total < kSmallestShownCount && total != 0) return out;
  for (const Breakdown& b : breakdowns) {
    auto cells = suppressSmallCounts(b);
    if (!cells) return SuppressedCounts{};
    out.breakdowns.push_back(std::move(*cells));
  }
  out.total = total;
  return out;
}

}  // namespace lotsen
