// Fuzz target: any bytes as an SS 12000 JSON enrolment file. Must never crash or hang.
#include <cstddef>
#include <cstdint>

#include "identify/registers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A leading '[' makes the reader take the JSON path whatever the input starts with.
  std::string bytes = "[" + std::string(reinterpret_cast<const char*>(data), size);
  if (size > 0 && (data[0] == '[' || data[0] == '{')) bytes.erase(0, 1);
  lotsen::Diagnostics diagnostics;
  auto date = *lotsen::CivilDate::parse("2026-11-22");
  auto population =
      lotsen::RegisterFile::fromBytes("population.csv",
                                      "personnummer;fornamn;efternamn;utdelningsadress;postnummer;"
                                      "postort;kommunkod;folkbokford_datum;skyddsmarkering\n"
                                      "200803122381;Ella;Öberg;Storgatan 1;50330;Borås;1490;2008-03-12;\n");
  auto enrolments = lotsen::RegisterFile::fromBytes("fuzz.json", bytes);
  if (!enrolments) return 0;  // not UTF-8: refused before it is read
  lotsen::readRegisters(*population, *enrolments, nullptr, date, diagnostics);
  return 0;
}
