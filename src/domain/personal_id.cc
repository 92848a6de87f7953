#include "domain/personal_id.h"

#include <fmt/format.h>

namespace lotsen {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int toInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::unexpected<Error> bad(std::string message) {
  return std::unexpected(invalidInput(std::move(message), "personnummer"));
}

}  // namespace

int luhnCheckDigit(std::string_view nineDigits) {
  int sum = 0;
  for (std::size_t i = 0; i < nineDigits.size(); ++i) {
    int d = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - sum % 10) % 10;
}

std::expected<PersonalId, Error> PersonalId::parse(std::string_view text, CivilDate reference) {
  // Split into date digits, separator and the four last digits.
  std::string digits;
  char separator = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (isDigit(c)) {
      digits += c;
    } else if ((c == '-' || c == '+') && separator == 0 && (text.size() - i - 1) == 4) {
      separator = c;
    } else {
      return bad("a personnummer has 10 or 12 digits, optionally with '-' or '+' before the last four");
    }
  }
  if (digits.size() != 10 && digits.size() != 12)
    return bad("a personnummer has 10 or 12 digits, optionally with '-' or '+' before the last four");
  if (digits.size() == 12 && separator == '+') return bad("'+' is only used in the 10-digit form");

  std::string_view ten = std::string_view(digits).substr(digits.size() - 10);
  int month = toInt(ten.substr(2, 2));
  int dayField = toInt(ten.substr(4, 2));
  bool coordination = dayField > 60;
  int day = coordination ? dayField - 60 : dayField;

  if (luhnCheckDigit(ten.substr(0, 9)) != ten[9] - '0') return bad("the check digit is wrong");

  int year = 0;
  if (digits.size() == 12) {
    year = toInt(std::string_view(digits).substr(0, 4));
  } else {
    int yy = toInt(ten.substr(0, 2));
    year = reference.year() - ((reference.year() - yy) % 100 + 100) % 100;
    // Born later this year than the reference date means born a century earlier.
    if (year == reference.year() &&
        (month > reference.month() || (month == reference.month() && day > reference.day())))
      year -= 100;
    if (separator == '+') year -= 100;
  }

  auto birth = CivilDate::fromParts(year, month, day);
  if (!birth) return bad(fmt::format("the date in the number does not exist ({:04}-{:02}-{:02})", year, month, day));

  std::string canonical = fmt::format("{:04}{}-{}", year, ten.substr(2, 4), ten.substr(6, 4));
  return PersonalId(std::move(canonical), *birth, coordination);
}

}  // namespace lotsen
