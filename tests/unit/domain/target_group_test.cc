// The first pins of the KAA target-group rules (skollagen 29 kap. 9 §). The identification issue extends these.
#include "domain/target_group.h"

#include <gtest/gtest.h>

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
