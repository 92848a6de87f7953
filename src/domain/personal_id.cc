#include "domain/personal_id.h"

#include <fmt/format.h>

namespace lotsen {
namespace {

int toInt(const char* digits, int count) {
  int value = 0;
  for (int i = 0; i < count; ++i) value = value * 10 + (digits[i] - '0');
  return value;
}

std::unexpected<Error> bad(std::string message) {
  return std::unexpected(invalidInput(std::move(message), "personnummer"));
}

constexpr std::string_view kShape =
    "a personnummer has 10 or 12 digits, optionally with '-' or '+' before the last four";

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
  char digits[12];
  int count = 0;
  char separator = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      if (count == 12) return bad(std::string(kShape));
      digits[count++] = c;
    } else if ((c == '-' || c == '+') && separator == 0 && text.size() - i - 1 == 4) {
      separator = c;
    } else {
      return bad(std::string(kShape));
    }
  }
  if (count != 10 && count != 12) return bad(std::string(kShape));
  if (count == 12 && separator == '+') return bad("'+' is only used in the 10-digit form");

  const char* ten = digits + (count - 10);
  int month = toInt(ten + 2, 2);
  int dayField = toInt(ten + 4, 2);
  bool coordination = dayField > 60;
  int day = coordination ? dayField - 60 : dayField;

  if (luhnCheckDigit(std::string_view(ten, 9)) != ten[9] - '0') return bad("the check digit is wrong");

  int year = 0;
  if (count == 12) {
    year = toInt(digits, 4);
  } else {
    int yy = toInt(ten, 2);
    year = reference.year() - ((reference.year() - yy) % 100 + 100) % 100;
    // Born later this year than the reference date means born a century earlier.
    if (year == reference.year() &&
        (month > reference.month() || (month == reference.month() && day > reference.day())))
      year -= 100;
    if (separator == '+') year -= 100;
  }

  auto birth = CivilDate::fromParts(year, month, day);
  if (!birth) return bad(fmt::format("the date in the number does not exist ({:04}-{:02}-{:02})", year, month, day));
  std::int64_t number = static_cast<std::int64_t>(year) * 100'000'000 + toInt(ten + 2, 8);
  return PersonalId(number, *birth, coordination);
}

PersonalId PersonalId::fromNumber(std::int64_t number) {
  int year = static_cast<int>(number / 100'000'000);
  int month = static_cast<int>(number / 1'000'000 % 100);
  int dayField = static_cast<int>(number / 10'000 % 100);
  bool coordination = dayField > 60;
  return PersonalId(number, *CivilDate::fromParts(year, month, coordination ? dayField - 60 : dayField), coordination);
}

std::string PersonalId::canonical() const {
  std::string text(13, '-');  // YYYYMMDD-NNNN, written by hand: this runs for every person in every answer
  auto n = number_;
  for (int i = 12; i >= 0; --i) {
    if (i == 8) continue;
    text[i] = static_cast<char>('0' + n % 10);
    n /= 10;
  }
  return text;
}

}  // namespace lotsen
