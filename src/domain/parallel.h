// Lotsen domain: work split over the machine's cores — contiguous parts of a range, taken in turn by a thread per
// core, so that the parts' results can be joined in order. No I/O.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <latch>
#include <thread>

namespace lotsen {

// The cores work is split over: the machine's, at most 8.
inline std::size_t cores() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8); }

// Parts per core when work is split: a core that is done early takes parts a slower one has not begun (with one part
// per core, one core waited for the other up to a third of a walk of the persons, bench/report.sh).
inline constexpr std::size_t kPartsPerCore = 8;

// How many parts `items` are split into: one below `perPart` (a thread costs more than so few take), else
// kPartsPerCore per core.
inline std::size_t partsFor(std::size_t items, std::size_t perPart) {
  return items < perPart ? 1 : kPartsPerCore * cores();
}

// Runs `task` on one of the process's worker threads (one per core, started at the first call and kept: a thread
// started for each part cost the allocator its per-thread cache every time, a tenth of the reports' time,
// bench/report.sh). Thread-safe.
void onWorker(std::function<void()> task);

// Calls `work(part)` once for each part in [0, parts), on the calling thread and up to cores() - 1 worker threads,
// each taking the next part no thread has taken; returns when all parts are done. `work` must be safe to run on
// several threads at once, and must not call inParts itself (its parts could wait for workers that wait for them).
template <class Work>
void inParts(std::size_t parts, Work&& work) {
  std::size_t threads = std::min(parts, cores());
  std::atomic<std::size_t> next = 0;
  auto takeParts = [&] {
    for (std::size_t part; (part = next.fetch_add(1, std::memory_order_relaxed)) < parts;) work(part);
  };
  if (threads <= 1) {
    takeParts();
    return;
  }
  std::latch done(static_cast<std::ptrdiff_t>(threads - 1));
  for (std::size_t thread = 1; thread < threads; ++thread)
    onWorker([&takeParts, &done] {
      takeParts();
      done.count_down();
    });
  takeParts();
  done.wait();
}

}  // namespace lotsen
