// Lotsen demo: two years of a KAA unit's work on the demo municipality, built through the same code
// paths as real work — the monthly identification run (identify/identify.h) on the registers as they
// stood that day, then the staff's casework at its dates through the casework service (casework/casework.h).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <set>
#include <string>

#include "demo/demo.h"
#include "store/store.h"

namespace lotsen {

// The time the simulation's writes are journalled at: the store it writes to takes its clock from here
// (StoreOptions::clock = clock.reader()), so that the history and ?as_of= show each event on its day.
// Thread-safe; must outlive the stores that read it.
class SimulatedClock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  explicit SimulatedClock(TimePoint start = std::chrono::system_clock::now()) : now_(start) {}
  TimePoint now() const { return now_.load(); }
  void set(TimePoint t) { now_.store(t); }
  std::function<TimePoint()> reader() {
    return [this] { return now(); };
  }

 private:
  std::atomic<TimePoint> now_;
};

struct DemoSummary {
  int residents = 0;
  int persons = 0;              // persons in the register (everyone in KAA at some time of the two years)
  int openRegistrations = 0;    // in KAA on the demo date
  int closedRegistrations = 0;  // ended during the two years
  int identificationRuns = 0;   // one a month
  int caseRecords = 0;          // contact attempts, occupations, measures, plans and goal assessments
  int handClosures = 0;         // registrations closed by a caseworker
  int reopenings = 0;           // closures made by mistake and undone
  int registeredByHand = 0;     // registrations made by hand before the registers showed the young person
};

// The days of the demo's identification runs up to `date`: `date` itself and one a month before it, on the same
// day of the month (the 28th at the latest), 23 months back, but none from 1 July until the autumn term starts.
std::set<CivilDate> demoRunDays(CivilDate date);

// Fills an empty `store` with two years of the demo municipality's work, in one transaction: the units
// and staff (demoStaff(), each with `passwordHash`) and the settings of its routine; then, in the order
// of time, an identification run each month up to demo.date on the registers as they stood that day (the
// last on demo.date), and between the runs the staff's casework at its dates — assignments, first-contact
// letters (no time, reaching no one) and calls, contacts through a guardian or the school that say whether
// the young person was reached, occupation learnt with its detail (komvux, folkhögskola, full or part
// time), a few who decline contact, a few occupations planned ahead, measures with a responsible party,
// plans drawn up (most agreed to) with goals and sub-goals linked to measures, follow-ups and evaluations
// held and recorded in the plan with goal assessments, a letter before the 20th birthday, a few closures
// by hand (some undone), and in the last year a few registrations by hand (called_in, school_report) that
// the next run confirms, and one of a young person back from abroad that awaits the registers. Deterministic: the same
// (seed, demo) gives the same database content, with event times from `clock`, which the store must journal at. Cases
// registered on demo.date wait in intake. Errors: conflict when the database already holds persons; any rule a
// simulated write breaks (a bug in the simulation); the store's errors. Nothing is written on error.
std::expected<DemoSummary, Error> simulateDemo(Store& store, SimulatedClock& clock, const DemoMunicipality& demo,
                                               std::uint64_t seed, const std::string& passwordHash);

}  // namespace lotsen
