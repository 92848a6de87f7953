// The first pins of the KAA target-group rules (skollagen 29 kap. 9 §). The identification issue extends these.
#include "domain/target_group.h"

#include <gtest/gtest.h>

#include "domain/person.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

// Facts that own their enrolment and completion lists.
struct Facts {
  bool inPopulationRegister = true;
  bool livesInMunicipality = true;
  CivilDate birthDate;
  std::vector<EnrolmentFact> enrolments;
  std::vector<CompletionFact> completions;
};

Facts bornOn(std::string_view birth) { return Facts{true, true, date(birth), {}, {}}; }

TargetGroupDecision decideTargetGroup(const Facts& f, CivilDate d) {
  return lotsen::decideTargetGroup(
      PersonFacts{f.inPopulationRegister, f.livesInMunicipality, f.birthDate, f.enrolments, f.completions}, d);
}

TEST(TargetGroup, InScopeFromFirstJulyOfTheYearTurningSixteen) {
  auto facts = bornOn("2010-12-31");
  EXPECT_EQ(decideTargetGroup(facts, date("2026-06-30")).reason, "too_young");
  auto d = decideTargetGroup(facts, date("2026-07-01"));
  EXPECT_TRUE(d.inGroup);
  EXPECT_EQ(d.reason, "never_started");
}

TEST(TargetGroup, OutOnTheTwentiethBirthday) {
  auto facts = bornOn("2006-11-22");
  EXPECT_TRUE(decideTargetGroup(facts, date("2026-11-21")).inGroup);
  EXPECT_EQ(decideTargetGroup(facts, date("2026-11-22")).reason, "turned_20");
}

TEST(TargetGroup, StudiebevisKeepsYouthInTargetGroupButExamenTakesThemOut) {
  auto facts = bornOn("2007-05-01");
  facts.completions.push_back({Certificate::studiebevis, date("2026-06-12")});
  EXPECT_EQ(decideTargetGroup(facts, date("2026-09-01")).reason, "studiebevis");
  facts.completions.push_back({Certificate::gymnasieexamen, date("2026-08-30")});
  EXPECT_EQ(decideTargetGroup(facts, date("2026-09-01")).reason, "completed_degree");
}

TEST(TargetGroup, IntroductionProgrammeLeftTheGroupOnFirstJuly2018) {
  auto facts = bornOn("2001-03-01");
  facts.enrolments.push_back({SchoolType::GY, true, date("2017-08-20"), std::nullopt, false});
  auto before = decideTargetGroup(facts, date("2018-06-30"));
  EXPECT_TRUE(before.inGroup);
  EXPECT_EQ(before.reason, "introduction_programme_student");
  EXPECT_EQ(decideTargetGroup(facts, date("2018-07-01")).reason, "started_introduction_programme");
}

TEST(TargetGroup, EnrolmentEndingTheDayBeforeIsADropout) {
  auto facts = bornOn("2008-04-01");
  facts.enrolments.push_back({SchoolType::GY, false, date("2024-08-20"), date("2026-02-01"), true});
  EXPECT_EQ(decideTargetGroup(facts, date("2026-02-01")).reason, "started_national_programme");
  EXPECT_EQ(decideTargetGroup(facts, date("2026-02-02")).reason, "dropout_national_programme");
}

TEST(TargetGroup, AdultEducationDoesNotTakeAnyoneOut) {
  auto facts = bornOn("2008-04-01");
  facts.enrolments.push_back({SchoolType::VUX, false, date("2026-01-10"), std::nullopt, false});
  EXPECT_TRUE(decideTargetGroup(facts, date("2026-03-01")).inGroup);
}

TEST(TargetGroup, MovedOutAndLeftRegisterComeFirst) {
  auto facts = bornOn("2008-04-01");
  facts.livesInMunicipality = false;
  EXPECT_EQ(decideTargetGroup(facts, date("2026-03-01")).reason, "moved_out");
  facts.inPopulationRegister = false;
  EXPECT_EQ(decideTargetGroup(facts, date("2026-03-01")).reason, "left_population_register");
}

}  // namespace
}  // namespace lotsen

namespace lotsen {
namespace {

// Boundaries on both sides of each rule.

TEST(TargetGroupBoundary, DayBeforeTwentiethBirthdayInsideOnItOutside) {
  auto facts = bornOn("2007-03-15");
  EXPECT_TRUE(decideTargetGroup(facts, date("2027-03-14")).inGroup);
  EXPECT_EQ(decideTargetGroup(facts, date("2027-03-15")).reason, "turned_20");
}

TEST(TargetGroupBoundary, LeapDayBirthdayTurnsTwentyOnFirstMarchInCommonYear) {
  auto facts = bornOn("2008-02-29");  // 20th birthday in 2028, a leap year
  EXPECT_TRUE(decideTargetGroup(facts, date("2028-02-28")).inGroup);
  EXPECT_EQ(decideTargetGroup(facts, date("2028-02-29")).reason, "turned_20");
  // Born on a leap day whose 20th birthday falls in a common year: 1 March.
  auto facts2 = bornOn("2000-02-29");
  EXPECT_EQ(ageScopeEnd(date("2000-02-29")), date("2020-02-29"));
  EXPECT_EQ(birthdayOfAge(date("2001-02-28"), 20), date("2021-02-28"));
  EXPECT_EQ(birthdayOfAge(date("2000-02-29"), 17), date("2017-03-01"));
  EXPECT_TRUE(decideTargetGroup(facts2, date("2016-07-01")).inGroup);
}

TEST(TargetGroupBoundary, SixteenScopeStartsFirstJulyOfTheYear) {
  auto facts = bornOn("2010-01-01");
  EXPECT_EQ(decideTargetGroup(facts, date("2026-06-30")).reason, "too_young");
  EXPECT_TRUE(decideTargetGroup(facts, date("2026-07-01")).inGroup);
}

TEST(TargetGroupBoundary, EnrolmentStartingTheDayAfterDoesNotTakeOut) {
  auto facts = bornOn("2009-05-05");
  facts.enrolments.push_back({SchoolType::GY, false, date("2026-08-21"), std::nullopt, false});
  EXPECT_TRUE(decideTargetGroup(facts, date("2026-08-20")).inGroup);
  EXPECT_EQ(decideTargetGroup(facts, date("2026-08-21")).reason, "started_national_programme");
}

TEST(TargetGroupBoundary, EnrolmentEndingOnTheDateStillTakesOut) {
  auto facts = bornOn("2009-05-05");
  facts.enrolments.push_back({SchoolType::GY, false, date("2025-08-20"), date("2026-03-01"), false});
  EXPECT_EQ(decideTargetGroup(facts, date("2026-03-01")).reason, "started_national_programme");
  EXPECT_EQ(decideTargetGroup(facts, date("2026-03-02")).reason, "dropout_national_programme");
}

TEST(TargetGroupBoundary, CancelledNationalEnrolmentGivesDropoutNationalProgramme) {
  auto facts = bornOn("2008-10-10");
  facts.enrolments.push_back({SchoolType::GY, false, date("2024-08-20"), date("2025-01-31"), true});
  auto d = decideTargetGroup(facts, date("2025-06-01"));
  EXPECT_TRUE(d.inGroup);
  EXPECT_EQ(d.reason, "dropout_national_programme");
}

TEST(TargetGroupBoundary, AnpassadGymnasieskolaTakesOut) {
  auto facts = bornOn("2008-10-10");
  facts.enrolments.push_back({SchoolType::GYS, false, date("2024-08-20"), std::nullopt, false});
  EXPECT_EQ(decideTargetGroup(facts, date("2025-06-01")).reason, "started_national_programme");
}

TEST(TargetGroupBoundary, IntroductionDropoutIsItsOwnReason) {
  auto facts = bornOn("2008-10-10");
  facts.enrolments.push_back({SchoolType::GY, true, date("2024-08-20"), date("2025-01-31"), true});
  EXPECT_EQ(decideTargetGroup(facts, date("2025-06-01")).reason, "dropout_introduction_programme");
}

TEST(TargetGroupBoundary, NationalProgrammeWinsOverIntroductionWhatEverTheOrder) {
  auto facts = bornOn("2008-10-10");
  facts.enrolments.push_back({SchoolType::GY, true, date("2024-08-20"), std::nullopt, false});
  facts.enrolments.push_back({SchoolType::GY, false, date("2024-08-20"), std::nullopt, false});
  EXPECT_EQ(decideTargetGroup(facts, date("2025-06-01")).reason, "started_national_programme");
}

TEST(TargetGroupBoundary, StudiebevisReasonComesBeforeDropout) {
  auto facts = bornOn("2007-10-10");
  facts.enrolments.push_back({SchoolType::GY, false, date("2023-08-20"), date("2026-06-12"), false});
  facts.completions.push_back({Certificate::studiebevis, date("2026-06-12")});
  EXPECT_EQ(decideTargetGroup(facts, date("2026-06-11")).reason, "started_national_programme");
  EXPECT_EQ(decideTargetGroup(facts, date("2026-06-13")).reason, "studiebevis");
}

TEST(TargetGroupBoundary, DegreeDatedAfterTheDateDoesNotCountYet) {
  auto facts = bornOn("2007-10-10");
  facts.completions.push_back({Certificate::motsvarande, date("2026-06-12")});
  EXPECT_TRUE(decideTargetGroup(facts, date("2026-06-11")).inGroup);
  EXPECT_EQ(decideTargetGroup(facts, date("2026-06-12")).reason, "completed_degree");
}

TEST(TargetGroupBoundary, AdultEducationAndFolkHighSchoolTellThatThePersonStudies) {
  auto facts = bornOn("2007-10-10");
  facts.enrolments.push_back({SchoolType::FHS, false, date("2026-01-10"), std::nullopt, false});
  auto d = decideTargetGroup(facts, date("2026-03-01"));
  EXPECT_TRUE(d.inGroup);
  EXPECT_EQ(d.studies, SchoolType::FHS);
}

TEST(TargetGroupBoundary, ConfiguredEquivalentSchoolFormTakesOut) {
  auto facts = bornOn("2007-10-10");
  facts.enrolments.push_back({SchoolType::FHS, false, date("2026-01-10"), std::nullopt, false});
  TargetGroupRules rules;
  rules.equivalentSchoolTypes = *parseSchoolTypes("FHS, YH");
  EXPECT_EQ(lotsen::decideTargetGroup(PersonFacts{true, true, facts.birthDate, facts.enrolments, facts.completions},
                                      date("2026-03-01"), rules)
                .reason,
            "started_national_programme");
}

TEST(TargetGroupRules, IntroductionProgrammeCutOverIsASetting) {
  auto facts = bornOn("2001-03-01");
  facts.enrolments.push_back({SchoolType::GY, true, date("2017-08-20"), std::nullopt, false});
  TargetGroupRules rules;
  rules.introductionProgrammesLeave = date("2019-01-01");
  PersonFacts f{true, true, facts.birthDate, facts.enrolments, facts.completions};
  EXPECT_TRUE(lotsen::decideTargetGroup(f, date("2018-12-31"), rules).inGroup);
  EXPECT_FALSE(lotsen::decideTargetGroup(f, date("2019-01-01"), rules).inGroup);
}

TEST(TargetGroupRules, SchoolTypeListsAreChecked) {
  EXPECT_EQ(parseSchoolTypes("")->size(), 0u);
  EXPECT_EQ(parseSchoolTypes("FHS,YH")->size(), 2u);
  EXPECT_FALSE(parseSchoolTypes("FHS,XX"));
}

}  // namespace
}  // namespace lotsen

namespace lotsen {
namespace {

CivilDate day(std::string_view iso) { return *CivilDate::parse(iso); }

// Issue 12: registration by hand within the age scope only, and never ahead of today.
TEST(RegistrationByHand, OnlyWithinTheAgeScopeAndNotInTheFuture) {
  CivilDate born = day("2009-05-05");
  EXPECT_TRUE(checkRegistrationByHand(day("2026-11-02"), born, day("2026-11-30")));
  EXPECT_FALSE(checkRegistrationByHand(day("2026-12-01"), born, day("2026-11-30"))) << "in the future";
  EXPECT_FALSE(checkRegistrationByHand(day("2025-06-30"), born, day("2026-11-30"))) << "before 1 July of 16";
  EXPECT_TRUE(checkRegistrationByHand(day("2025-07-01"), born, day("2026-11-30")));
  EXPECT_TRUE(checkRegistrationByHand(day("2029-05-04"), born, day("2029-06-01")));
  auto twenty = checkRegistrationByHand(day("2029-05-05"), born, day("2029-06-01"));
  ASSERT_FALSE(twenty) << "the 20th birthday is outside";
  EXPECT_EQ(twenty.error().field, "start_date");
}

TEST(RegistrationByHand, EnteredDetailsAreNamedAddressedAndThePostalCodeKeptAsFiveDigits) {
  PersonDetails d{*PersonalId::parse("20090505-1231", day("2026-11-30")),
                  "Örjan",
                  "Åkesson",
                  "Ängsvägen 3",
                  "504 31",
                  "Borås",
                  "1490",
                  Protection::none};
  EXPECT_TRUE(validateEnteredDetails(d).empty());
  EXPECT_EQ(d.postalCode, "50431");
  d.firstName = "";
  d.postalCode = "5043";
  d.municipalityCode = "149";
  d.city = "Borås\n";
  std::vector<std::string> fields;
  for (const Error& e : validateEnteredDetails(d)) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"first_name", "city", "postal_code", "municipality_code"}));
}

TEST(RegistrationByHand, ANameTypedByHandHoldsNoInvisibleCharacter) {
  PersonDetails d{*PersonalId::parse("20090505-1231", day("2026-11-30")),
                  "An\u200bna",
                  "Berg\u00ad",
                  "Ängsvägen 3",
                  "504 31",
                  "Borås",
                  "1490",
                  Protection::none};
  std::vector<Error> errors = validateEnteredDetails(d);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "first_name");
  EXPECT_NE(errors[0].message.find("position 3"), std::string::npos) << errors[0].message;
  EXPECT_EQ(errors[1].field, "last_name");
}

}  // namespace
}  // namespace lotsen
