#include "domain/personal_id.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }
const CivilDate kToday = date("2026-11-22");

TEST(PersonalId, TwelveDigitsWithDashIsCanonical) {
  auto id = PersonalId::parse("19121212-1212", kToday);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->canonical(), "19121212-1212");
  EXPECT_EQ(id->birthDate(), date("1912-12-12"));
  EXPECT_FALSE(id->isCoordinationNumber());
}

TEST(PersonalId, AllAcceptedFormsGiveTheSameCanonicalForm) {
  for (std::string_view text : {"200803122381", "20080312-2381", "0803122381", "080312-2381"}) {
    auto id = PersonalId::parse(text, kToday);
    ASSERT_TRUE(id) << text << ": " << id.error().message;
    EXPECT_EQ(id->canonical(), "20080312-2381") << text;
  }
}

TEST(PersonalId, WrongCheckDigitIsRefused) {
  auto id = PersonalId::parse("20080312-2384", kToday);
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(id.error().message.find("check digit"), std::string::npos);
}

TEST(PersonalId, LuhnCheckDigitOfKnownNumber) { EXPECT_EQ(luhnCheckDigit("811218987"), 6); }

TEST(PersonalId, ImpossibleDateIsRefused) {
  // 2007-02-29 does not exist; the check digit is right so only the date is at fault.
  std::string nine = "070229123";
  std::string text = nine + std::to_string(luhnCheckDigit(nine));
  auto id = PersonalId::parse(text, kToday);
  ASSERT_FALSE(id);
  EXPECT_NE(id.error().message.find("date"), std::string::npos);
}

TEST(PersonalId, MonthThirteenIsRefused) {
  std::string nine = "081312123";
  EXPECT_FALSE(PersonalId::parse(nine + std::to_string(luhnCheckDigit(nine)), kToday));
}

TEST(PersonalId, LeapDayExistsInLeapYear) {
  std::string nine = "080229123";
  auto id = PersonalId::parse(nine + std::to_string(luhnCheckDigit(nine)), kToday);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->birthDate(), date("2008-02-29"));
}

TEST(PersonalId, CoordinationNumberHasDayPlusSixty) {
  std::string nine = "080372123";  // born 2008-03-12
  auto id = PersonalId::parse(nine + std::to_string(luhnCheckDigit(nine)), kToday);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_TRUE(id->isCoordinationNumber());
  EXPECT_EQ(id->birthDate(), date("2008-03-12"));
  EXPECT_EQ(id->canonical().substr(0, 8), "20080372");
}

TEST(PersonalId, CoordinationNumberWithImpossibleDayIsRefused) {
  std::string nine = "080292123";  // day 92 - 60 = 32
  EXPECT_FALSE(PersonalId::parse(nine + std::to_string(luhnCheckDigit(nine)), kToday));
}

TEST(PersonalId, PlusSeparatorMeansHundredOrOlder) {
  auto id = PersonalId::parse("121212+1212", kToday);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->canonical(), "19121212-1212");
  auto young = PersonalId::parse("121212-1212", kToday);
  ASSERT_TRUE(young);
  EXPECT_EQ(young->canonical(), "20121212-1212");
}

TEST(PersonalId, PlusIsNotUsedWithTwelveDigits) { EXPECT_FALSE(PersonalId::parse("19121212+1212", kToday)); }

TEST(PersonalId, CenturyIsInferredAroundTheReferenceDate) {
  // Born 26-11-22: on 2026-11-22 that is today (a newborn); a day earlier it must be 1926.
  std::string nine = "261122123";
  std::string text = nine + std::to_string(luhnCheckDigit(nine));
  EXPECT_EQ(PersonalId::parse(text, date("2026-11-22"))->birthDate(), date("2026-11-22"));
  EXPECT_EQ(PersonalId::parse(text, date("2026-11-21"))->birthDate(), date("1926-11-22"));
  // Born 26-11-23 is after the reference date 2026-11-22, so 1926.
  std::string later = "261123123";
  EXPECT_EQ(PersonalId::parse(later + std::to_string(luhnCheckDigit(later)), date("2026-11-22"))->birthDate(),
            date("1926-11-23"));
}

TEST(PersonalId, GenderDigitIsTheNinthDigit) {
  auto id = PersonalId::parse("19121212-1212", kToday);
  EXPECT_EQ(id->genderDigit(), 1);
  EXPECT_EQ(id->legalGender(), LegalGender::male);
  auto female = PersonalId::parse("20080312-2381", kToday);
  EXPECT_EQ(female->genderDigit(), 8);
  EXPECT_EQ(female->legalGender(), LegalGender::female);
}

TEST(PersonalId, MalformedInputIsRefused) {
  for (std::string_view text :
       {"", "abc", "12345", "20080312--2381", "2008-03-12-2381", "200803122381 ", "0803122381+", "08031223811"})
    EXPECT_FALSE(PersonalId::parse(text, kToday)) << text;
}

}  // namespace
}  // namespace lotsen
