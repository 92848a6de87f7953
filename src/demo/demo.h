// Lotsen demo: a deterministic synthetic municipality for trying Lotsen and for tests and benchmarks.
//
// src/demo owns the generator (pure: the same seed and date give the same municipality), the seeding of
// a Store with the people it places in KAA, and the writing of its registers as the import files that
// identification reads (docs/formats.md). It depends on src/store and src/domain only.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

#include "domain/person.h"
#include "domain/target_group.h"
#include "store/store.h"

namespace lotsen {

struct DemoResident {
  PersonDetails details;
  CivilDate registeredSince;  // folkbokförd in the municipality since
  std::vector<EnrolmentFact> enrolments;
  std::vector<CompletionFact> completions;
  std::vector<std::string> programmes;   // programkod for each enrolment (empty for VUX, FHS, GYS)
  std::vector<std::string> schoolUnits;  // skolenhetskod for each enrolment
  std::vector<std::string> organisers;   // huvudman for each enrolment: kommunal, enskild
};

struct DemoMunicipality {
  std::string code;  // kommunkod
  std::string name;
  CivilDate date;                       // the day the registers describe
  std::vector<DemoResident> residents;  // everyone aged 15–21 on `date`
};

// About 6,000 residents aged 15–21, as in a municipality of about 110,000 inhabitants: valid synthetic
// personnummer and some samordningsnummer, Swedish names and addresses, a few protected identities,
// national and introduction programme enrolments, dropouts, degrees and studiebevis.
DemoMunicipality generateDemoMunicipality(std::uint64_t seed, CivilDate date);

struct DemoSummary {
  int residents = 0;
  int persons = 0;            // persons written (everyone in KAA during the last two years)
  int openRegistrations = 0;  // in KAA on the date
  int closedRegistrations = 0;
};

// Writes the KAA register of `demo` into `store` in one transaction: a person and a registration for
// everyone in the target group at some point of the two years up to the date (checked each half-year
// mid-term and on the date), closed with the deregistration reason when they left. conflict if the database
// already holds persons.
std::expected<DemoSummary, Error> seedDemo(Store& store, const DemoMunicipality& demo);

// A user of the demo municipality's staff.
struct DemoUser {
  std::string username;
  std::string roles;
  std::vector<std::string> units;
};
// The units "KAA Norr" and "KAA Söder" and their staff: demo (admin and unit manager of both), anna and
// bengt (a caseworker in each unit), revisor (auditor) and statistik (statistician).
std::vector<DemoUser> demoStaff();

// Creates the demo units and staff (each with `passwordHash`) and shares out the open registrations:
// those that started on the date wait in intake (no unit); the others go to the two units by person,
// and two in three of those to the unit's caseworker. Call after seedDemo.
std::expected<void, Error> seedDemoStaff(Store& store, const DemoMunicipality& demo, const std::string& passwordHash);

// Writes population.csv, enrolments.csv and completions.csv into `directory` (created if missing).
std::expected<void, Error> writeDemoRegisters(const DemoMunicipality& demo, const std::string& directory);

}  // namespace lotsen
