// Lotsen domain: work split over the machine's cores — contiguous parts of a range, each on a thread of its
// own, so that the parts' results can be joined in order. No I/O.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace lotsen {

// How many parts `items` are split into: one below `perPart` (a thread costs more than so few take), else
// one per core (at most 8).
inline std::size_t partsFor(std::size_t items, std::size_t perPart) {
  return items < perPart ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

// Calls `work(part)` for each part in [0, parts): part 0 on the calling thread, the others each on a thread of
// its own; returns when all have. `work` must be safe to run on several threads at once.
template <class Work>
void inParts(std::size_t parts, Work&& work) {
  std::vector<std::jthread> workers;
  for (std::size_t part = 1; part < parts; ++part) workers.emplace_back(work, part);
  work(std::size_t{0});
}

}  // namespace lotsen
