// Fuzz target: any text as a personnummer, on several reference dates. A parsed id must print and
// parse back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/personal_id.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (std::string_view reference : {"2026-11-22", "2000-02-29", "1900-01-01"}) {
    auto id = lotsen::PersonalId::parse(text, *lotsen::CivilDate::parse(reference));
    if (!id) continue;
    auto again = lotsen::PersonalId::parse(id->canonical(), *lotsen::CivilDate::parse(reference));
    if (!again || *again != *id || lotsen::PersonalId::fromNumber(id->number()) != *id) std::abort();
  }
  return 0;
}
