// Lotsen report: aggregate counts for statisticians and unit managers, with small counts suppressed so
// that no young person can be singled out, nor worked out from what is shown.
#pragma once

#include <cstdint>
#include <optional>
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
  // Suppressed to protect another count: worked out, it would give that one away, so it must not be either.
  bool secondary = false;
};

using Breakdown = std::vector<std::pair<std::string, std::int64_t>>;

// Whether no hidden (suppressed) cell of a breakdown whose total is shown can be worked out from the total
// and the shown cells: true when no small count (1–4) and no secondary one is hidden, or when at least two
// are hidden, they do not add up to their number (each 1), and they are not all small adding up to four
// times their number (each 4). The rule suppressSmallCounts applies; also for cells hidden by another
// breakdown, whose secondary cells must not be worked out from this one.
bool noHiddenCountCanBeWorkedOut(const std::vector<CountCell>& cells);

// The cells of one breakdown whose counts add up to a total that is shown: counts from 1 to 4 are
// suppressed, and then, while a suppressed count could still be worked out from the total and the
// shown ones (a single one; all of them 1; all of them small and 4), the smallest shown counts too — all
// that share that count, so that no order among equals tells which. None when nothing more can be
// suppressed and a count could still be worked out. Keeps the order given.
std::optional<std::vector<CountCell>> suppressSmallCounts(const Breakdown& counts);

// What an answer of several breakdowns of the same total shows. When the total is under 5, or one of
// the breakdowns cannot be protected, nothing is shown: not the total, not a count, not even which keys
// have counts.
struct SuppressedCounts {
  std::optional<std::int64_t> total;               // none: nothing is shown
  std::vector<std::vector<CountCell>> breakdowns;  // empty when nothing is shown
};
SuppressedCounts suppressCounts(std::int64_t total, const std::vector<Breakdown>& breakdowns);

}  // namespace lotsen
