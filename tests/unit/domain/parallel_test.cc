// Work split over the cores (domain/parallel.h): every part runs once, on the worker threads the process keeps, each
// taking the next part not yet taken.
#include "domain/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <numeric>
#include <thread>
#include <vector>

namespace lotsen {
namespace {

TEST(InParts, EveryPartRunsOnceAndTheCallReturnsWhenAllHave) {
  for (std::size_t parts : {1, 2, 3, 8, 16}) {
    std::vector<int> runs(parts, 0);
    inParts(parts, [&](std::size_t part) { ++runs[part]; });
    EXPECT_EQ(runs, std::vector<int>(parts, 1)) << parts << " parts";
  }
}

// A part that is slow does not hold back the parts after it: the other threads take them. Part 0 waits until every
// other part has run, which only ends if they are not queued behind it on its thread.
TEST(InParts, WhileOnePartIsSlowTheOtherThreadsTakeTheRest) {
  if (cores() < 2) GTEST_SKIP() << "one core: every part runs on the calling thread";
  constexpr std::size_t kParts = 32;
  std::latch othersDone(kParts - 1);
  std::vector<int> runs(kParts, 0);
  inParts(kParts, [&](std::size_t part) {
    if (part == 0) {
      othersDone.wait();
    } else {
      othersDone.count_down();
    }
    ++runs[part];
  });
  EXPECT_EQ(runs, std::vector<int>(kParts, 1));
}

// Two servers' requests at once each split their work: the workers are shared, and neither waits for the other's
// parts (no part calls inParts itself).
TEST(InParts, CallersOnSeveralThreadsAtOnceEachGetAllTheirParts) {
  std::atomic<long> total = 0;
  std::vector<std::jthread> callers;
  for (int caller = 0; caller < 4; ++caller)
    callers.emplace_back([&] {
      for (int round = 0; round < 200; ++round) {
        std::vector<long> sums(4, 0);
        inParts(sums.size(), [&](std::size_t part) {
          for (long i = 0; i < 1000; ++i) sums[part] += i;
        });
        total += std::accumulate(sums.begin(), sums.end(), 0L);
      }
    });
  callers.clear();  // joined
  EXPECT_EQ(total.load(), 4L * 200 * 4 * (999L * 1000 / 2));
}

}  // namespace
}  // namespace lotsen
