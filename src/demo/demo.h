// Lotsen demo: a deterministic synthetic municipality for trying Lotsen and for tests and benchmarks.
//
// src/demo owns the generator (pure: the same seed and date give the same municipality and the same two
// years of its history), the registers as they stood on any day of those years, the simulation that
// builds the demo database through the same code paths as real work (simulation.h) and the figures it
// prints (figures.h). It depends on src/identify, src/casework, src/store and src/domain.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "domain/person.h"
#include "domain/target_group.h"

namespace lotsen {

// One resident's life as the registers show it over the years up to the demo date.
struct DemoResident {
  PersonDetails details;               // as folkbokförd in the municipality; always a personnummer
  CivilDate registeredSince;           // folkbokförd in the municipality since (a move in when it is recent)
  std::optional<CivilDate> movedOut;   // folkbokförd in `movedTo` from this day
  std::string movedTo;                 // kommunkod of the municipality moved to
  std::optional<CivilDate> emigrated;  // left the population register (emigrated) on this day
  std::vector<EnrolmentFact> enrolments;
  std::vector<CompletionFact> completions;
  std::vector<std::string> programmes;   // programkod for each enrolment (empty for VUX, FHS, GYS)
  std::vector<std::string> schoolUnits;  // skolenhetskod for each enrolment
  std::vector<std::string> organisers;   // huvudman for each enrolment: kommunal, enskild
};

struct DemoMunicipality {
  std::string code;  // kommunkod
  std::string name;
  CivilDate date;                       // the last day of the history
  std::vector<DemoResident> residents;  // everyone aged 15–21 on `date` who lived here during the history
  // Students in the municipality's schools who are not folkbokförda (asylum seekers and the like): the
  // enrolment register knows them by samordningsnummer; the population register does not, nor does KAA.
  std::vector<DemoResident> unregisteredStudents;
};

// The day the autumn term starts in `year` (20 August): upper-secondary enrolments of the new school year are in the
// enrolment register from then.
CivilDate autumnTermStart(int year);

// About 6,000 residents aged 15–21, as in a municipality of about 110,000 inhabitants: valid synthetic
// personnummer, Swedish names and addresses with five-digit postal codes, a few protected identities,
// national and introduction programme enrolments, dropouts who start again, degrees and studiebevis,
// moves in, out and abroad over the two years up to `date`; and some 40 students with samordningsnummer
// who are in the enrolment register only. Pure and deterministic for (seed, date).
DemoMunicipality generateDemoMunicipality(std::uint64_t seed, CivilDate date);

// The three register extracts as they stood on `day` (on or before demo.date), as import files
// (docs/formats.md): population.csv (everyone folkbokförd in Sweden then, with their municipality),
// enrolments.csv (enrolments started by then; those that end later are ongoing) and completions.csv.
struct DemoRegisterFiles {
  std::string population;
  std::string enrolments;
  std::string completions;
};
DemoRegisterFiles demoRegisterFiles(const DemoMunicipality& demo, CivilDate day);

// Writes population.csv, enrolments.csv and completions.csv as they stand on demo.date into `directory`
// (created if missing). invalid_input when the directory cannot be made, internal when a file cannot be
// written.
std::expected<void, Error> writeDemoRegisters(const DemoMunicipality& demo, const std::string& directory);

// A user of the demo municipality's staff.
struct DemoUser {
  std::string username;
  std::string roles;
  std::vector<std::string> units;
  std::string fullName{};
  std::string phone{};
};
// The units "KAA Norr" and "KAA Söder" and their staff: demo (admin and unit manager of both), anna and
// bengt (a caseworker in each unit, with the name and work phone their letters are signed with), revisor
// (auditor) and statistik (statistician).
std::vector<DemoUser> demoStaff();

}  // namespace lotsen
