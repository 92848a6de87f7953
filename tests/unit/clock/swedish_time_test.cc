#include "clock/swedish_time.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

using namespace std::chrono;

sys_seconds at(year_month_day day, int hour, int minute = 0) { return sys_days(day) + hours(hour) + minutes(minute); }

TEST(SwedishTime, FollowsSummerTimeFromTheLastSundayOfMarchToTheLastSundayOfOctober) {
  auto localHour = [](sys_seconds t) {
    auto local = swedishLocalTime(t);
    return duration_cast<hours>(local - floor<days>(local)).count();
  };
  EXPECT_EQ(localHour(at(2026y / March / 29, 0)), 1) << "before 01:00 UTC: still winter time";
  EXPECT_EQ(localHour(at(2026y / March / 29, 1)), 3) << "from 01:00 UTC: summer time";
  EXPECT_EQ(localHour(at(2026y / October / 25, 0)), 2);
  EXPECT_EQ(localHour(at(2026y / October / 25, 1)), 2) << "from 01:00 UTC: winter time again";
  EXPECT_EQ(localHour(at(2026y / January / 15, 12)), 13);
}

// Issue 12: "today" was the UTC day; between midnight and 01:00 (02:00 in summer) Swedish time it was
// still yesterday, and a deadline or a "not in the future" check went by the wrong day.
TEST(SwedishTime, TodayAtHalfPastElevenUtcIsAlreadyTomorrowInSweden) {
  EXPECT_EQ(swedishDay(at(2026y / January / 15, 23, 30)).iso(), "2026-01-16") << "winter: 00:30 CET";
  EXPECT_EQ(swedishDay(at(2026y / July / 15, 23, 30)).iso(), "2026-07-16") << "summer: 01:30 CEST";
  EXPECT_EQ(swedishDay(at(2026y / July / 15, 21, 59)).iso(), "2026-07-15") << "summer: 23:59 CEST";
  EXPECT_EQ(swedishDay(at(2026y / January / 15, 22, 59)).iso(), "2026-01-15") << "winter: 23:59 CET";
}

TEST(SwedishTime, TheDayChangesAtLocalMidnightAcrossBothChangesOfTheClock) {
  // The nights before and after the change to summer time (29 March 2026) and back (25 October).
  EXPECT_EQ(swedishDay(at(2026y / March / 28, 22, 59)).iso(), "2026-03-28");
  EXPECT_EQ(swedishDay(at(2026y / March / 28, 23, 0)).iso(), "2026-03-29") << "CET midnight";
  EXPECT_EQ(swedishDay(at(2026y / March / 29, 21, 59)).iso(), "2026-03-29");
  EXPECT_EQ(swedishDay(at(2026y / March / 29, 22, 0)).iso(), "2026-03-30") << "CEST midnight";
  EXPECT_EQ(swedishDay(at(2026y / October / 24, 22, 0)).iso(), "2026-10-25") << "CEST midnight";
  EXPECT_EQ(swedishDay(at(2026y / October / 25, 22, 59)).iso(), "2026-10-25");
  EXPECT_EQ(swedishDay(at(2026y / October / 25, 23, 0)).iso(), "2026-10-26") << "CET midnight";
}

TEST(SwedishTime, TimestampsCarryTheirOffset) {
  EXPECT_EQ(swedishTimestamp(at(2026y / November / 22, 9, 15)), "2026-11-22T10:15:00+01:00");
  EXPECT_EQ(swedishTimestamp(at(2026y / July / 1, 22, 30)), "2026-07-02T00:30:00+02:00");
}

// The case "as it stood at the end of a day" ends at Swedish midnight, not at UTC midnight.
TEST(SwedishTime, TheSwedishDayBeginsAtMidnightInStockholmWinterAndSummer) {
  EXPECT_EQ(swedishDayStart(*CivilDate::parse("2026-01-16")), at(2026y / January / 15, 23, 0));
  EXPECT_EQ(swedishDayStart(*CivilDate::parse("2026-07-16")), at(2026y / July / 15, 22, 0));
  EXPECT_EQ(swedishDayStart(*CivilDate::parse("2026-03-29")), at(2026y / March / 28, 23, 0))
      << "the clocks change at 02:00";
}

}  // namespace
}  // namespace lotsen
