// Lotsen domain core: Swedish personal identity numbers (personnummer and samordningsnummer).
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/error.h"

namespace lotsen {

enum class LegalGender { female, male };

// A validated personnummer or samordningsnummer, held in the canonical 12-digit form YYYYMMDD-NNNC.
// For a samordningsnummer the canonical day keeps the +60 (e.g. 20080375-…), as the register prints it.
class PersonalId {
 public:
  // Accepts YYMMDD-NNNC, YYMMDD+NNNC (aged 100 or more on `reference`), YYMMDDNNNC, YYYYMMDDNNNC and
  // YYYYMMDD-NNNC. The century of a 10-digit form is inferred from `reference`: the most recent year
  // whose birth date is not after `reference` ('-' or none), or a century earlier ('+').
  // Errors: invalid_input naming the fault (shape, date, check digit).
  static std::expected<PersonalId, Error> parse(std::string_view text, CivilDate reference);

  const std::string& canonical() const { return canonical_; }  // "YYYYMMDD-NNNC"
  CivilDate birthDate() const { return birthDate_; }
  bool isCoordinationNumber() const { return coordination_; }  // samordningsnummer
  int genderDigit() const { return canonical_[11] - '0'; }     // the third digit of NNN
  LegalGender legalGender() const { return genderDigit() % 2 == 1 ? LegalGender::male : LegalGender::female; }

  friend bool operator==(const PersonalId& a, const PersonalId& b) { return a.canonical_ == b.canonical_; }
  friend auto operator<=>(const PersonalId& a, const PersonalId& b) { return a.canonical_ <=> b.canonical_; }

 private:
  PersonalId(std::string canonical, CivilDate birth, bool coordination)
      : canonical_(std::move(canonical)), birthDate_(birth), coordination_(coordination) {}
  std::string canonical_;
  CivilDate birthDate_;
  bool coordination_;
};

// The Luhn check digit for the nine digits YYMMDDNNN.
int luhnCheckDigit(std::string_view nineDigits);

}  // namespace lotsen
