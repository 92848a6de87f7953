// Lotsen domain: work split over the machine's cores — contiguous parts of a range, each on a thread of its
// own, so that the parts' results can be joined in order. No I/O.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <latch>
#include <thread>

namespace lotsen {

// How many parts `items` are split into: one below `perPart` (a thread costs more than so few take), else
// one per core (at most 8).
inline std::size_t partsFor(std::size_t items, std::size_t perPart) {
  return items < perPart ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

// Runs `task` on one of the process's worker threads (one per core, started at the first call and kept: a thread
// started for each part cost the allocator its per-thread cache every time, a tenth of the reports' time,
// bench/report.sh). Thread-safe.
void onWorker(std::function<void()> task);

// Calls `work(part)` for each part in [0, parts): part 0 on the calling thread, the others each on a worker
// thread; returns when all have. `work` must be safe to run on several threads at once, and must not call
// inParts itself (its parts could wait for workers that wait for them).
template <class Work>
void inParts(std::size_t parts, Work&& work) {
  if (parts <= 1) {
    work(std::size_t{0});
    return;
  }
  std::latch done(static_cast<std::ptrdiff_t>(parts - 1));
  for (std::size_t part = 1; part < parts; ++part)
    onWorker([&work, &done, part] {
      work(part);
      done.count_down();
    });
  work(std::size_t{0});
  done.wait();
}

}  // namespace lotsen
