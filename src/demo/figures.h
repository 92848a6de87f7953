// Lotsen demo: the figures a KAA unit is judged by, read from the store as it stands on a day — what
// `lotsen demo` prints and the README's tour states.
#pragma once

#include <cstdint>
#include <expected>
#include <map>
#include <string>
#include <vector>

#include "store/store.h"

namespace lotsen {

// One half-year: the persons in KAA at some time of it (up to the day the figures are for), those of them
// reached by a contact dated in it while registered, and those taking part in a measure in it.
struct PeriodFigures {
  HalfYear period;
  bool complete = false;  // the half-year ended before the day
  int inKaa = 0;
  int contacted = 0;
  int inMeasure = 0;
};

// One worklist on the day: its entries and how many of them are overdue (due before the day).
struct WorklistFigures {
  std::string name;
  std::size_t entries = 0;
  std::size_t overdue = 0;
};

struct DemoFigures {
  CivilDate date;
  std::int64_t persons = 0;
  int openRegistrations = 0;
  int occupationKnown = 0;  // open registrations whose occupation is known and confirmed within
                            // occupation_stale_months (those not on the occupation worklist)
  int identificationRuns = 0;
  std::vector<PeriodFigures> periods{};  // the last complete half-year, then the current one
  std::vector<WorklistFigures> worklists{};
  std::map<std::string, int> closuresByReason{};  // every ended registration, by deregistration reason
  int handClosures = 0;                           // of them closed by a caseworker
  int reopenings = 0;                             // closures undone
  int turning20 = 0;                              // open registrations of those who turn 20 within 30 days (or have)
  int turning20Letters = 0;                       // of them, sent a letter in those 30 days before the birthday
  int registeredByHand = 0;                       // registrations made by hand (by_hand), open or ended
  int byHandConfirmed = 0;                        // of them confirmed by an identification run
  int byHandEnded = 0;                            // ended by an identification run before any confirmed them
  int byHandAwaiting = 0;                         // open, awaiting the registers
};

// The figures of the register in `store` on `date` (the worklists as they stand; the half-years up to the
// date). Reads every person: meant for the demo and for checks, not for a large register. Errors: the
// store's.
std::expected<DemoFigures, Error> demoFigures(Store& store, CivilDate date);

// The figures as lines of Swedish text for the CLI, with code labels from the store's code lists.
std::string demoFiguresText(Store& store, const DemoFigures& figures);

}  // namespace lotsen
