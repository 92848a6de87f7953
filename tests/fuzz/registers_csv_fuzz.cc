// Fuzz target: any bytes as each of the three CSV register extracts. Must never crash or hang.
#include <cstddef>
#include <cstdint>

#include "identify/registers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  lotsen::Diagnostics diagnostics;
  auto date = *lotsen::CivilDate::parse("2026-11-22");
  // As UTF-8 (refused unless valid) and as Windows-1252 (converted), as the importer takes files.
  for (auto encoding : {lotsen::TextEncoding::utf8, lotsen::TextEncoding::windows1252}) {
    auto file = lotsen::RegisterFile::fromBytes("fuzz.csv", bytes, encoding);
    if (!file) continue;
    lotsen::Registers registers = lotsen::readRegisters(*file, *file, *file, date, diagnostics);
    for (const auto& row : registers.population.rows) (void)registers.population.details(row);
  }
  return 0;
}
