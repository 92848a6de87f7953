#include "domain/date.h"

#include <gtest/gtest.h>

#include "domain/code_list.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

TEST(CivilDate, ParsesAndPrintsIso) {
  EXPECT_EQ(date("2026-02-28").iso(), "2026-02-28");
  EXPECT_EQ(date("2026-02-28").plusDays(1), date("2026-03-01"));
}

TEST(CivilDate, RefusesImpossibleAndMalformedDates) {
  for (std::string_view text :
       {"2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "20260101", "", "abcd-ef-gh"})
    EXPECT_FALSE(CivilDate::parse(text)) << text;
  EXPECT_TRUE(CivilDate::parse("2024-02-29"));
}

TEST(Age, TurnsOlderOnTheBirthday) {
  EXPECT_EQ(ageOn(date("2006-11-22"), date("2026-11-21")), 19);
  EXPECT_EQ(ageOn(date("2006-11-22"), date("2026-11-22")), 20);
}

TEST(Age, LeapDayBirthdayTurnsOlderOnFirstMarchInCommonYears) {
  EXPECT_EQ(birthdayOfAge(date("2008-02-29"), 20), date("2028-02-29"));
  EXPECT_EQ(birthdayOfAge(date("2008-02-29"), 19), date("2027-03-01"));
  EXPECT_EQ(ageOn(date("2008-02-29"), date("2027-02-28")), 18);
  EXPECT_EQ(ageOn(date("2008-02-29"), date("2027-03-01")), 19);
}

TEST(HalfYear, FirstHalfIsJanuaryToJune) {
  auto h = HalfYear::parse("2026H1");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->first(), date("2026-01-01"));
  EXPECT_EQ(h->last(), date("2026-06-30"));
  EXPECT_TRUE(h->contains(date("2026-06-30")));
  EXPECT_FALSE(h->contains(date("2026-07-01")));
  EXPECT_EQ(h->toString(), "2026H1");
}

TEST(HalfYear, SecondHalfIsJulyToDecember) {
  auto h = HalfYear::parse("2026H2");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->first(), date("2026-07-01"));
  EXPECT_EQ(h->last(), date("2026-12-31"));
  EXPECT_EQ(h->next().toString(), "2027H1");
  EXPECT_EQ(h->previous().toString(), "2026H1");
  EXPECT_EQ(HalfYear::containing(date("2026-07-01")), *h);
}

TEST(HalfYear, RefusesOtherShapes) {
  for (std::string_view text : {"2026H3", "2026", "26H1", "2026-H1", "2026H10"})
    EXPECT_FALSE(HalfYear::parse(text)) << text;
}

TEST(Timestamp, IsUtcWithMilliseconds) {
  auto t = std::chrono::sys_days(std::chrono::year(2026) / 11 / 22) + std::chrono::hours(18) + std::chrono::minutes(7) +
           std::chrono::seconds(5) + std::chrono::milliseconds(42);
  EXPECT_EQ(formatUtcTimestamp(t), "2026-11-22T18:07:05.042Z");
}

TEST(CodeList, CodeIsValidOnlyInsideItsDates) {
  CodeList list("registration_reason",
                {Code{"introduction_programme_student", "IM", date("1900-01-01"), date("2018-06-30")},
                 Code{"never_started", "Ej påbörjat", date("1900-01-01"), std::nullopt}});
  EXPECT_TRUE(list.isValid("introduction_programme_student", date("2018-06-30")));
  EXPECT_FALSE(list.isValid("introduction_programme_student", date("2018-07-01")));
  EXPECT_TRUE(list.isValid("never_started", date("2030-01-01")));
  EXPECT_FALSE(list.isValid("unknown", date("2018-01-01")));
}

}  // namespace
}  // namespace lotsen
