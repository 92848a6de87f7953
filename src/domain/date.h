// Lotsen domain core: civil dates (no time zone, no clock), ages and half-year periods.
#pragma once

#include <chrono>
#include <compare>
#include <expected>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace lotsen {

// A calendar date in the proleptic Gregorian calendar. Always valid once constructed.
class CivilDate {
 public:
  // Parses "YYYY-MM-DD". Errors: invalid_input for any other shape or an impossible date.
  static std::expected<CivilDate, Error> parse(std::string_view iso);
  // Builds a date from its parts; invalid_input if the date does not exist (e.g. 2025-02-29).
  static std::expected<CivilDate, Error> fromParts(int year, int month, int day);
  static CivilDate fromDays(std::chrono::sys_days days) { return CivilDate(std::chrono::year_month_day(days)); }
  // 0001-01-01: what a reader of a request puts where a date could not be read (that problem is reported with
  // the date's field); a rule dated by it checks nothing (e.g. a code's validity on that date).
  static CivilDate unread() { return CivilDate(std::chrono::year{1} / 1 / 1); }

  int year() const { return static_cast<int>(ymd_.year()); }
  int month() const { return static_cast<int>(static_cast<unsigned>(ymd_.month())); }
  int day() const { return static_cast<int>(static_cast<unsigned>(ymd_.day())); }
  std::chrono::sys_days days() const { return std::chrono::sys_days(ymd_); }
  CivilDate plusDays(int n) const { return fromDays(days() + std::chrono::days(n)); }
  std::string iso() const;  // "YYYY-MM-DD"

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  // Compared as one number: year_month_day's own comparison is not inlined, and the reports compare dates millions of
  // times (bench/report.sh).
  friend std::strong_ordering operator<=>(const CivilDate& a, const CivilDate& b) { return a.key() <=> b.key(); }

 private:
  explicit CivilDate(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  int key() const {
    return static_cast<int>(ymd_.year()) * 512 + static_cast<int>(static_cast<unsigned>(ymd_.month())) * 32 +
           static_cast<int>(static_cast<unsigned>(ymd_.day()));
  }
  std::chrono::year_month_day ymd_;
};

// Age in whole years on `on` for someone born on `birth`. A 29 February birthday counts from 1 March
// in common years (the person turns N on 1 March). Negative before birth.
int ageOn(CivilDate birth, CivilDate on);

// The date a person born on `birth` turns `years` (29 February → 1 March in common years).
CivilDate birthdayOfAge(CivilDate birth, int years);

// "2026-11-22T18:37:38.123Z": a point in time in UTC with milliseconds, as the event journal stores it.
std::string formatUtcTimestamp(std::chrono::system_clock::time_point time);

// A half-year statistics period: H1 = 1 January–30 June, H2 = 1 July–31 December.
class HalfYear {
 public:
  // Parses "2026H1" or "2026H2". Errors: invalid_input.
  static std::expected<HalfYear, Error> parse(std::string_view text);
  static HalfYear containing(CivilDate date) { return HalfYear(date.year(), date.month() <= 6 ? 1 : 2); }

  int year() const { return year_; }
  int half() const { return half_; }
  CivilDate first() const { return first_; }
  CivilDate last() const { return last_; }
  bool contains(CivilDate date) const { return first_ <= date && date <= last_; }
  HalfYear next() const { return half_ == 1 ? HalfYear(year_, 2) : HalfYear(year_ + 1, 1); }
  HalfYear previous() const { return half_ == 2 ? HalfYear(year_, 1) : HalfYear(year_ - 1, 2); }
  std::string toString() const;  // "2026H1"

  friend bool operator==(const HalfYear&, const HalfYear&) = default;
  friend auto operator<=>(const HalfYear&, const HalfYear&) = default;

 private:
  HalfYear(int year, int half);
  int year_;
  int half_;
  CivilDate first_, last_;  // kept: the reports ask for them for every record
};

// Nothing is reported of a half-year before it begins: invalid_input (field "period") when `today` is before it.
std::expected<void, Error> checkBegun(HalfYear period, CivilDate today);

}  // namespace lotsen
