// Lotsen domain core: Swedish personal identity numbers (personnummer and samordningsnummer).
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/error.h"

namespace lotsen {

enum class LegalGender { female, male };

// A validated personnummer or samordningsnummer. Printed in the canonical 12-digit form YYYYMMDD-NNNC;
// for a samordningsnummer the day keeps its +60 (e.g. 20080372-…), as the register prints it.
// Small and trivially copyable: batch identification holds millions of them.
class PersonalId {
 public:
  // Accepts YYMMDD-NNNC, YYMMDD+NNNC (aged 100 or more on `reference`), YYMMDDNNNC, YYYYMMDDNNNC and
  // YYYYMMDD-NNNC. The century of a 10-digit form is inferred from `reference`: the most recent year
  // whose birth date is not after `reference` ('-' or none), or a century earlier ('+').
  // Errors: invalid_input naming the fault (shape, date, check digit). Allocates only on error.
  static std::expected<PersonalId, Error> parse(std::string_view text, CivilDate reference);
  // The id whose number() is `number`, which must come from number() of a valid id.
  static PersonalId fromNumber(std::int64_t number);

  std::string canonical() const;                   // "YYYYMMDD-NNNC"
  std::int64_t number() const { return number_; }  // YYYYMMDDNNNC as one number: sorts as the canonical form
  CivilDate birthDate() const { return birthDate_; }
  bool isCoordinationNumber() const { return coordination_; }              // samordningsnummer
  int genderDigit() const { return static_cast<int>(number_ / 10 % 10); }  // the third digit of NNN
  LegalGender legalGender() const { return genderDigit() % 2 == 1 ? LegalGender::male : LegalGender::female; }

  friend bool operator==(const PersonalId& a, const PersonalId& b) { return a.number_ == b.number_; }
  friend auto operator<=>(const PersonalId& a, const PersonalId& b) { return a.number_ <=> b.number_; }

 private:
  PersonalId(std::int64_t number, CivilDate birth, bool coordination)
      : number_(number), birthDate_(birth), coordination_(coordination) {}
  std::int64_t number_;
  CivilDate birthDate_;
  bool coordination_;
};

// The Luhn check digit for the nine digits YYMMDDNNN.
int luhnCheckDigit(std::string_view nineDigits);

}  // namespace lotsen
