#include "domain/activity_measures.h"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cmath>

#include "domain/text.h"

namespace lotsen {
namespace {

constexpr std::array<ActivityMeasure, 6> kMeasures{{
    {"target_group", "Inskrivna i målgruppen", Direction::none, MeasureUnit::count},
    {"known_occupation", "Andel med känd sysselsättning", Direction::up, MeasureUnit::share},
    {"first_contact_within_deadline", "Andel första kontakt inom tidsgränsen", Direction::up, MeasureUnit::share},
    {"first_contact_median_days", "Mediandagar till första kontakt", Direction::down, MeasureUnit::days},
    {"with_plan", "Andel med individuell plan", Direction::up, MeasureUnit::share},
    {"in_measure", "Andel i åtgärd", Direction::up, MeasureUnit::share},
}};

constexpr std::size_t kMaxAnalysisCharacters = 4000;

bool digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

}  // namespace

std::expected<YearMonth, Error> YearMonth::parse(std::string_view text) {
  if (text.size() == 7 && digits(text.substr(0, 4)) && text[4] == '-' && digits(text.substr(5, 2))) {
    int year = std::stoi(std::string(text.substr(0, 4)));
    int month = std::stoi(std::string(text.substr(5, 2)));
    if (year >= 2000 && year <= 2100 && month >= 1 && month <= 12) return YearMonth(year, month);
  }
  return std::unexpected(invalidInput(fmt::format("expected a month as YYYY-MM, got '{}'", echoed(text, 40))));
}

CivilDate YearMonth::first() const { return *CivilDate::fromParts(year_, month_, 1); }

CivilDate YearMonth::last() const { return plusMonths(1).first().plusDays(-1); }

YearMonth YearMonth::plusMonths(int n) const {
  int index = year_ * 12 + (month_ - 1) + n;
  int year = index / 12;
  return YearMonth(year, index - year * 12 + 1);
}

std::string YearMonth::toString() const { return fmt::format("{:04}-{:02}", year_, month_); }

std::string_view directionArrow(Direction direction) {
  switch (direction) {
    case Direction::up:
      return "↗";
    case Direction::down:
      return "↘";
    case Direction::none:
      break;
  }
  return "–";
}

std::string_view toString(Direction direction) {
  switch (direction) {
    case Direction::up:
      return "up";
    case Direction::down:
      return "down";
    case Direction::none:
      break;
  }
  return "none";
}

std::string_view toString(MeasureUnit unit) {
  switch (unit) {
    case MeasureUnit::count:
      return "count";
    case MeasureUnit::days:
      return "days";
    case MeasureUnit::share:
      break;
  }
  return "share";
}

std::span<const ActivityMeasure> activityMeasures() { return kMeasures; }

const ActivityMeasure* findActivityMeasure(std::string_view code) {
  for (const ActivityMeasure& m : kMeasures)
    if (m.code == code) return &m;
  return nullptr;
}

std::expected<void, std::vector<Error>> checkMeasureTarget(const MeasureTarget& target) {
  std::vector<Error> errors;
  const ActivityMeasure* measure = findActivityMeasure(target.measure);
  if (!measure)
    errors.push_back(invalidInput(fmt::format("unknown activity measure '{}'", echoed(target.measure)), "measure"));
  if (target.year < 2000 || target.year > 2100)
    errors.push_back(invalidInput("a target's year is 2000 to 2100", "year"));
  if (!std::isfinite(target.value)) {
    errors.push_back(invalidInput("a target is a number", "value"));
  } else if (measure) {
    switch (measure->unit) {
      case MeasureUnit::share:
        if (target.value < 0 || target.value > 1)
          errors.push_back(invalidInput("a share's target is a fraction from 0 to 1 (0.9 for 90 %)", "value"));
        break;
      case MeasureUnit::days:
        if (target.value < 0 || target.value > 365)
          errors.push_back(invalidInput("a target in days is 0 to 365", "value"));
        break;
      case MeasureUnit::count:
        if (target.value < 0 || target.value != std::floor(target.value) || target.value > 1e9)
          errors.push_back(invalidInput("a target count is a whole number, 0 or more", "value"));
        break;
    }
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return {};
}

std::expected<void, std::vector<Error>> checkMeasureAnalysis(const MeasureAnalysis& analysis,
                                                             std::optional<CivilDate> today) {
  std::vector<Error> errors;
  if (!findActivityMeasure(analysis.measure))
    errors.push_back(invalidInput(fmt::format("unknown activity measure '{}'", echoed(analysis.measure)), "measure"));
  if (auto month = YearMonth::parse(analysis.month); !month)
    errors.push_back(invalidInput(month.error().message, "month"));
  else if (auto begun = today ? checkBegun(*month, *today) : std::expected<void, Error>{}; !begun)
    errors.push_back(begun.error());
  if (auto text = checkFreeText(analysis.text, "text", Lines::several); !text)
    errors.push_back(text.error());
  else if (characterCount(analysis.text) > kMaxAnalysisCharacters)
    errors.push_back(invalidInput("an analysis is at most 4000 characters", "text"));
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return {};
}

std::expected<void, Error> checkBegun(YearMonth month, CivilDate today) {
  if (today < month.first())
    return std::unexpected(
        invalidInput(fmt::format("the month {} has not begun: today is {}", month.toString(), today.iso()), "month"));
  return {};
}

}  // namespace lotsen
