// Lotsen domain: the activity measures (verksamhetsmått) the committee (nämnd) follows month by month —
// which there are, what each is called in Swedish, which way is better — and the rules for the targets
// the unit sets for them per year and the analysis text it writes per month. Pure rules, no I/O; the
// figures themselves are computed in src/report/committee.h.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"

namespace lotsen {

// A calendar month, "2026-10".
class YearMonth {
 public:
  // Parses "YYYY-MM" (years 2000–2100). Errors: invalid_input.
  static std::expected<YearMonth, Error> parse(std::string_view text);
  static YearMonth containing(CivilDate date) { return YearMonth(date.year(), date.month()); }

  int year() const { return year_; }
  int month() const { return month_; }
  CivilDate first() const;
  CivilDate last() const;
  YearMonth plusMonths(int n) const;
  std::string toString() const;  // "2026-10"

  friend bool operator==(const YearMonth&, const YearMonth&) = default;
  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;

 private:
  YearMonth(int year, int month) : year_(year), month_(month) {}
  int year_;
  int month_;
};

// Nothing is reported or analysed of a month before it begins: invalid_input (field "month") when `today` is
// before it.
std::expected<void, Error> checkBegun(YearMonth month, CivilDate today);

// Which way an activity measure should move.
enum class Direction { none, up, down };  // none: followed, not steered (the target group's size)
// "↗", "↘" or "–".
std::string_view directionArrow(Direction direction);
// "up", "down" or "none" (JSON).
std::string_view toString(Direction direction);

// What an activity measure's value is.
enum class MeasureUnit { count, share, days };  // share: a fraction 0–1; days: a number of days
// "count", "share" or "days" (JSON).
std::string_view toString(MeasureUnit unit);

struct ActivityMeasure {
  std::string_view code;   // stable: targets and analyses are stored under it
  std::string_view label;  // Swedish, as the committee reads it
  Direction direction = Direction::none;
  MeasureUnit unit = MeasureUnit::share;
};

// The activity measures, in the report's order (docs/reports.md defines each).
std::span<const ActivityMeasure> activityMeasures();
// The measure with `code`; none for an unknown code.
const ActivityMeasure* findActivityMeasure(std::string_view code);

// A target for one measure in one year, and the unit's analysis of one measure in one month.
struct MeasureTarget {
  int year = 0;
  std::string measure;       // an ActivityMeasure's code
  double value = 0;          // in the measure's unit: a share as a fraction 0–1, days, a count
  std::int64_t version = 0;  // raised by every change; 0 for a target never set
};
struct MeasureAnalysis {
  std::string month;  // "2026-10"
  std::string measure;
  std::string text;          // empty: none
  std::int64_t version = 0;  // raised by every change; 0 for an analysis never written
};

// The rule for a target: a known measure (field "measure"), a year 2000–2100 ("year"), and a value in the
// measure's unit ("value": a share 0–1, days 0–365, a whole count ≥ 0). Every mistake at once.
std::expected<void, std::vector<Error>> checkMeasureTarget(const MeasureTarget& target);
// The rule for an analysis: a known measure, a month "YYYY-MM" — with `today`, one that has begun: an
// analysis is of what happened — a text of at most 4,000 characters on several lines (domain/text.h's
// free-text rule). Every mistake at once.
std::expected<void, std::vector<Error>> checkMeasureAnalysis(const MeasureAnalysis& analysis,
                                                             std::optional<CivilDate> today = std::nullopt);

}  // namespace lotsen
