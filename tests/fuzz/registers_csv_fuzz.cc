// Fuzz target: any bytes as each of the three CSV register extracts. Must never crash or hang.
#include <cstddef>
#include <cstdint>

#include "identify/registers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  lotsen::Diagnostics diagnostics;
  auto date = *lotsen::CivilDate::parse("2026-11-22");
  auto file = lotsen::RegisterFile::fromBytes("fuzz.csv", bytes);
  lotsen::Registers registers = lotsen::readRegisters(file, file, file, date, diagnostics);
  for (const auto& row : registers.population.rows) (void)registers.population.details(row);
  return 0;
}
