#include "domain/date.h"

#include <fmt/format.h>

#include "domain/text.h"

namespace lotsen {
namespace {

bool allDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Writes `value` as exactly `width` decimal digits, zero-padded, at `out`; returns the end.
char* writeDigits(char* out, long long value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out + width;
}

int toInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::expected<CivilDate, Error> CivilDate::fromParts(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::unexpected(invalidInput(fmt::format("no such date: {:04}-{:02}-{:02}", year, month, day)));
  std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                  std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::unexpected(invalidInput(fmt::format("no such date: {:04}-{:02}-{:02}", year, month, day)));
  return CivilDate(ymd);
}

std::expected<CivilDate, Error> CivilDate::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !allDigits(iso.substr(0, 4)) ||
      !allDigits(iso.substr(5, 2)) || !allDigits(iso.substr(8, 2)))
    return std::unexpected(invalidInput(fmt::format("expected a date as YYYY-MM-DD, got '{}'", echoed(iso, 40))));
  return fromParts(toInt(iso.substr(0, 4)), toInt(iso.substr(5, 2)), toInt(iso.substr(8, 2)));
}

// Formatted by hand rather than with fmt: this runs several times for every request.
std::string CivilDate::iso() const {
  char text[10];
  char* at = writeDigits(text, year(), 4);
  *at++ = '-';
  at = writeDigits(at, month(), 2);
  *at++ = '-';
  writeDigits(at, day(), 2);
  return std::string(text, sizeof text);
}

CivilDate birthdayOfAge(CivilDate birth, int years) {
  std::chrono::year_month_day moved = std::chrono::year_month_day(birth.days()) + std::chrono::years(years);
  if (!moved.ok()) return CivilDate::fromDays(std::chrono::sys_days(moved.year() / std::chrono::March / 1));
  return CivilDate::fromDays(std::chrono::sys_days(moved));
}

int ageOn(CivilDate birth, CivilDate on) {
  int age = on.year() - birth.year();
  if (on < birthdayOfAge(birth, age)) --age;
  return age;
}

std::string formatUtcTimestamp(std::chrono::system_clock::time_point time) {
  auto ms = std::chrono::floor<std::chrono::milliseconds>(time);
  auto day = std::chrono::floor<std::chrono::days>(ms);
  std::chrono::hh_mm_ss clock{ms - day};
  std::string out = CivilDate::fromDays(day).iso();
  char text[14] = {'T', 0, 0, ':', 0, 0, ':', 0, 0, '.', 0, 0, 0, 'Z'};
  writeDigits(text + 1, clock.hours().count(), 2);
  writeDigits(text + 4, clock.minutes().count(), 2);
  writeDigits(text + 7, clock.seconds().count(), 2);
  writeDigits(text + 10, clock.subseconds().count(), 3);
  return out.append(text, sizeof text);
}

std::expected<HalfYear, Error> HalfYear::parse(std::string_view text) {
  if (text.size() != 6 || !allDigits(text.substr(0, 4)) || (text[4] != 'H' && text[4] != 'h') ||
      (text[5] != '1' && text[5] != '2'))
    return std::unexpected(
        invalidInput(fmt::format("expected a half-year as YYYYH1 or YYYYH2, got '{}'", echoed(text, 40))));
  int year = toInt(text.substr(0, 4));
  if (year < 1) return std::unexpected(invalidInput("year must be 0001 or later"));
  return HalfYear(year, text[5] - '0');
}

HalfYear::HalfYear(int year, int half)
    : year_(year),
      half_(half),
      first_(*CivilDate::fromParts(year, half == 1 ? 1 : 7, 1)),
      last_(*CivilDate::fromParts(year, half == 1 ? 6 : 12, half == 1 ? 30 : 31)) {}
std::string HalfYear::toString() const { return fmt::format("{:04}H{}", year_, half_); }

std::expected<void, Error> checkBegun(HalfYear period, CivilDate today) {
  if (today < period.first())
    return std::unexpected(invalidInput(
        fmt::format("the half-year {} has not begun: today is {}", period.toString(), today.iso()), "period"));
  return {};
}

}  // namespace lotsen
