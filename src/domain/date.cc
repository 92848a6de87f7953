#include "domain/date.h"

#include <fmt/format.h>

namespace lotsen {
namespace {

bool allDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
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
    return std::unexpected(invalidInput(fmt::format("expected a date as YYYY-MM-DD, got '{}'", iso.substr(0, 40))));
  return fromParts(toInt(iso.substr(0, 4)), toInt(iso.substr(5, 2)), toInt(iso.substr(8, 2)));
}

std::string CivilDate::iso() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

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
  return fmt::format("{}T{:02}:{:02}:{:02}.{:03}Z", CivilDate::fromDays(day).iso(), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count(), clock.subseconds().count());
}

std::expected<HalfYear, Error> HalfYear::parse(std::string_view text) {
  if (text.size() != 6 || !allDigits(text.substr(0, 4)) || (text[4] != 'H' && text[4] != 'h') ||
      (text[5] != '1' && text[5] != '2'))
    return std::unexpected(
        invalidInput(fmt::format("expected a half-year as YYYYH1 or YYYYH2, got '{}'", text.substr(0, 40))));
  int year = toInt(text.substr(0, 4));
  if (year < 1) return std::unexpected(invalidInput("year must be 0001 or later"));
  return HalfYear(year, text[5] - '0');
}

CivilDate HalfYear::first() const { return *CivilDate::fromParts(year_, half_ == 1 ? 1 : 7, 1); }
CivilDate HalfYear::last() const { return *CivilDate::fromParts(year_, half_ == 1 ? 6 : 12, half_ == 1 ? 30 : 31); }
std::string HalfYear::toString() const { return fmt::format("{:04}H{}", year_, half_); }

}  // namespace lotsen
