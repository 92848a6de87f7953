// Builds small register extracts for tests, with valid personnummer.
#pragma once

#include <fmt/format.h>

#include <string>

#include "domain/personal_id.h"
#include "identify/registers.h"

namespace lotsen::testing {

// A valid personnummer "YYYYMMDD-NNNC" for a birth date "YYYYMMDD" and a serial 0–999.
inline std::string pnr(std::string_view yyyymmdd, int serial) {
  std::string nine = std::string(yyyymmdd.substr(2)) + fmt::format("{:03}", serial);
  return fmt::format("{}-{:03}{}", yyyymmdd, serial, luhnCheckDigit(nine));
}

struct RegisterBuilder {
  std::string population =
      "personnummer;fornamn;efternamn;utdelningsadress;postnummer;postort;kommunkod;folkbokford_datum;"
      "skyddsmarkering\n";
  std::string enrolments = "personnummer;skolform;programkod;skolenhetskod;huvudman;startdatum;slutdatum;avbrott\n";
  std::string completions = "personnummer;bevis;datum\n";

  RegisterBuilder& person(const std::string& id, std::string_view municipality = "1490",
                          std::string_view protection = "", std::string_view firstName = "Alva",
                          std::string_view street = "Storgatan 1", std::string_view registeredSince = "2000-01-01") {
    population += fmt::format("{};{};Ek;{};50330;Borås;{};{};{}\n", id, firstName, street, municipality,
                              registeredSince, protection);
    return *this;
  }
  RegisterBuilder& enrol(const std::string& id, std::string_view form, std::string_view programme,
                         std::string_view start, std::string_view end = "", std::string_view cancelled = "") {
    enrolments += fmt::format("{};{};{};14900011;kommunal;{};{};{}\n", id, form, programme, start, end, cancelled);
    return *this;
  }
  RegisterBuilder& complete(const std::string& id, std::string_view certificate, std::string_view date) {
    completions += fmt::format("{};{};{}\n", id, certificate, date);
    return *this;
  }

  // An extract without rows is refused (a truncated file), so an extract the test left empty gets a row
  // about someone who is in no other file, which changes no decision.
  Registers read(CivilDate date, Diagnostics& diagnostics) const {
    const std::string stranger = pnr("19400101", 987);
    std::string enrolled = enrolments, completed = completions;
    if (enrolled.find('\n') + 1 == enrolled.size())
      enrolled += stranger + ";GY;NA;14900011;kommunal;1956-08-20;1959-06-10;\n";
    if (completed.find('\n') + 1 == completed.size()) completed += stranger + ";gymnasieexamen;1959-06-10\n";
    return readRegisters(RegisterFile::fromBytes("population.csv", population).value(),
                         RegisterFile::fromBytes("enrolments.csv", enrolled).value(),
                         RegisterFile::fromBytes("completions.csv", completed).value(), date, diagnostics);
  }
};

}  // namespace lotsen::testing
