// The Lotsen side of the report benchmark (bench/report.sh): the half-year file for SCB and all KPIs of one
// half-year, from a Lotsen database's journal folded into the in-memory history (store/case_history.h) and
// computed by the report library, exactly as the server's report routes do. Times a warm-up and then RUNS rounds (the
// median counts) of the whole (kpiReport + halfYearReport), then as many of catching up alone and of the file alone
// (halfYearFile); prints the times and the figures as `name value` lines for the script to compare with SQL. With
// --paced, each round after the warm-up waits for a line on standard input and prints `round_ms MS` when it is done,
// so that the script can run the SQL baselines' rounds in turn with Lotsen's.
// Usage: report_bench DB [--period 2026H1] [--today YYYY-MM-DD] [--runs N] [--paced]
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "clock/swedish_time.h"
#include "report/half_year.h"
#include "report/half_year_cases.h"
#include "report/kpi.h"
#include "report/kpi_cases.h"
#include "store/case_history.h"
#include "store/store.h"

namespace {

using namespace lotsen;
using Clock = std::chrono::steady_clock;

template <class T>
T check(std::expected<T, Error> result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "report_bench: %s: %s\n", what, result.error().message.c_str());
    std::exit(1);
  }
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The CPU time the process (all its threads) has used, in milliseconds: steadier than the wall time on a shared
// machine, to compare two builds.
double processCpuMilliseconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
  std::ranges::sort(values);
  std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Prints the usage (after `problem`, when there is one) and returns the exit code 2.
int usage(const std::string& problem = {}) {
  if (!problem.empty()) std::fprintf(stderr, "report_bench: %s\n", problem.c_str());
  std::fprintf(stderr, "usage: report_bench DB [--period 2026H1] [--today YYYY-MM-DD] [--runs N] [--paced]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string path = argv[1];
  HalfYear period = *HalfYear::parse("2026H1");
  CivilDate today = *CivilDate::parse("2026-11-22");
  int runs = 5;
  bool paced = false;
  for (int i = 2; i < argc; ++i) {
    std::string option = argv[i];
    if (option == "--paced") {
      paced = true;
      continue;
    }
    if (option != "--period" && option != "--today" && option != "--runs") return usage("unknown option " + option);
    if (i + 1 >= argc) return usage(option + " needs a value");
    std::string value = argv[++i];
    if (option == "--period") {
      auto parsed = HalfYear::parse(value);
      if (!parsed) return usage("--period " + value + " is not a half-year such as 2026H1");
      period = *parsed;
    } else if (option == "--today") {
      auto parsed = CivilDate::parse(value);
      if (!parsed) return usage("--today " + value + " is not a date YYYY-MM-DD");
      today = *parsed;
    } else {
      int n = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (error != std::errc{} || end != value.data() + value.size() || n < 1)
        return usage("--runs " + value + " is not a number of rounds from 1");
      runs = n;
    }
  }
  auto store = check(openStore(path), "open");
  // Noon in Stockholm on `today`.
  auto now = std::chrono::sys_days(today.days()) + std::chrono::hours(11);

  // Once, as a server does at its first report (timed apart, as the SQL baselines' loading is): the whole
  // journal folded into the typed history the reports read.
  auto start = Clock::now();
  CaseHistory history = check(CaseHistory::read(*store), "history");
  double loading = millisecondsSince(start);
  // At once, so that a profiler can be attached for the reports alone (docs/reports.md#speed).
  fmt::print("time.load_ms {:.0f}\njournal.events {}\njournal.persons {}\n", loading, history.lastEvent(),
             history.persons().size());
  std::fflush(stdout);

  // The whole: what a report request computes in a running server (the history brought up to date with the
  // journal first: no new event here, one query), the KPIs, and the half-year file with its corrections.
  std::vector<double> totals, cpuTotals, kpiTimes, halfYearTimes;
  std::optional<KpiReport> kpis;
  std::optional<HalfYearReport> file;
  for (int round = 0; round <= runs; ++round) {
    // The round before's reports freed before the clock starts, as a server frees one after it has answered.
    kpis.reset();
    file.reset();
    if (paced && round > 0) {
      std::string line;
      if (!std::getline(std::cin, line)) break;
    }
    start = Clock::now();
    double cpu = processCpuMilliseconds();
    check(history.catchUp(*store), "catch up");
    kpis = check(kpiReport(*store, history, period, today, KpiDimension::all), "kpi");
    double kpi = millisecondsSince(start);
    auto middle = Clock::now();
    file = check(halfYearReport(*store, history, period, now, true), "half-year");
    double halfYear = millisecondsSince(middle);
    if (round == 0) continue;  // the warm-up
    totals.push_back(kpi + halfYear);
    cpuTotals.push_back(processCpuMilliseconds() - cpu);
    kpiTimes.push_back(kpi);
    halfYearTimes.push_back(halfYear);
    if (paced) {
      fmt::print("round_ms {:.1f}\n", kpi + halfYear);
      std::fflush(stdout);
    }
  }

  // Catching up alone and the file alone, as many rounds, after the whole.
  std::map<std::string, std::vector<double>> parts;
  for (int round = 0; round < runs; ++round) {
    start = Clock::now();
    check(history.catchUp(*store), "catch up");
    parts["catch_up"].push_back(millisecondsSince(start));
    start = Clock::now();
    HalfYearFile whole = halfYearFile(history, period, kAfterEveryEvent, file->file.layout);
    parts["half_year.file"].push_back(millisecondsSince(start));
    start = Clock::now();
    std::string text = halfYearText(whole);
    parts["half_year.text"].push_back(millisecondsSince(start));
  }

  fmt::print("time.total_ms {:.1f}\n", median(totals));
  fmt::print("time.runs_ms {:.0f}\n", fmt::join(totals, ","));
  fmt::print("time.cpu_total_ms {:.1f}\n", median(cpuTotals));
  fmt::print("time.kpi_ms {:.1f}\n", median(kpiTimes));
  fmt::print("time.half_year_ms {:.1f}\n", median(halfYearTimes));
  for (auto& [name, times] : parts) fmt::print("time.{}_ms {:.1f}\n", name, median(times));

  const KpiGroup& g = kpis->all;
  fmt::print("kpi.target_group {}\n", g.targetGroup);
  fmt::print("kpi.open_at_end {}\n", g.openAtEnd);
  fmt::print("kpi.known_occupation {}\n", g.knownOccupation);
  fmt::print("kpi.with_plan {}\n", g.withPlan);
  fmt::print("kpi.in_measure {}\n", g.inMeasure);
  fmt::print("kpi.first_attempt.started {}\n", g.firstAttempt.started);
  fmt::print("kpi.first_attempt.due {}\n", g.firstAttempt.due);
  fmt::print("kpi.first_attempt.contacted {}\n", g.firstAttempt.contacted);
  fmt::print("kpi.first_attempt.within_deadline {}\n", g.firstAttempt.withinDeadline);
  fmt::print("kpi.first_attempt.median_days {}\n",
             g.firstAttempt.median ? fmt::format("{:.1f}", *g.firstAttempt.median) : "null");
  std::map<HalfYearBlock, std::int64_t> blocks;
  for (const HalfYearRecord& r : file->file.records) ++blocks[r.block];
  for (HalfYearBlock b : kHalfYearBlocks) fmt::print("file.{} {}\n", toString(b), blocks[b]);
  fmt::print("info.file_problems {}\n", file->file.problems.size());
  fmt::print("info.records_removed_since_period_end {}\n", file->removedSinceEnd.size());
  fmt::print("info.records_added_since_period_end {}\n", file->addedSinceEnd.size());
  return 0;
}
