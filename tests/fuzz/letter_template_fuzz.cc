// Fuzz target: any text as a first-contact letter's template (the text, then after the first NUL byte its
// phone number). A template the rule accepts has every { in a known field: filled in with values that hold
// no brace, the letter holds none either.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "report/letters.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t nul = input.find('\0');
  lotsen::LetterTemplate letter{std::string(input.substr(0, nul)),
                                nul == std::string_view::npos ? "" : std::string(input.substr(nul + 1))};
  auto errors = lotsen::checkLetterTemplate(letter);
  for (const lotsen::Error& e : errors)
    if (e.field != "text" && e.field != "phone") std::abort();
  lotsen::LetterFields fields{"Alva Berg", "Anna", "033-1", "KAA Norr", "1 december 2026"};
  std::string filled = lotsen::fillLetter(letter.text, fields);
  if (errors.empty() && filled.find('{') != std::string::npos) std::abort();
  return 0;
}
