#include "demo/demo.h"

#include <gtest/gtest.h>

#include <set>

namespace lotsen {
namespace {

const CivilDate kDate = *CivilDate::parse("2026-11-22");

TEST(Demo, SameSeedAndDateGiveTheSameMunicipality) {
  auto a = generateDemoMunicipality(3, kDate);
  auto b = generateDemoMunicipality(3, kDate);
  ASSERT_EQ(a.residents.size(), b.residents.size());
  for (std::size_t i = 0; i < a.residents.size(); ++i) {
    EXPECT_EQ(a.residents[i].details.personalId, b.residents[i].details.personalId);
    EXPECT_EQ(a.residents[i].enrolments.size(), b.residents[i].enrolments.size());
  }
  EXPECT_NE(generateDemoMunicipality(4, kDate).residents[0].details.personalId, a.residents[0].details.personalId);
}

TEST(Demo, ResidentsAreFifteenToTwentyOneWithUniqueValidIds) {
  auto demo = generateDemoMunicipality(1490, kDate);
  EXPECT_EQ(demo.residents.size(), 6000u);
  std::set<std::string> ids;
  int coordination = 0, protectedIds = 0;
  for (const auto& r : demo.residents) {
    int age = ageOn(r.details.personalId.birthDate(), kDate);
    EXPECT_GE(age, 15);
    EXPECT_LE(age, 21);
    EXPECT_TRUE(ids.insert(r.details.personalId.canonical()).second);
    EXPECT_TRUE(PersonalId::parse(r.details.personalId.canonical(), kDate));
    coordination += r.details.personalId.isCoordinationNumber();
    protectedIds += r.details.protection != Protection::none;
  }
  EXPECT_GT(coordination, 10);
  EXPECT_GT(protectedIds, 5);
}

TEST(Demo, HasEveryKindOfSchoolHistory) {
  auto demo = generateDemoMunicipality(1490, kDate);
  std::set<std::string> kinds;
  for (const auto& r : demo.residents) {
    for (const auto& e : r.enrolments) {
      kinds.insert(e.introductionProgramme ? "IM" : std::string(toString(e.schoolType)));
      if (e.cancelled) kinds.insert("dropout");
    }
    for (const auto& c : r.completions) kinds.insert(std::string(toString(c.certificate)));
  }
  for (auto kind :
       {"GY", "GYS", "IM", "VUX", "FHS", "dropout", "gymnasieexamen", "studiebevis", "gymnasiesarskolebevis"})
    EXPECT_TRUE(kinds.contains(kind)) << kind;
}

TEST(Demo, TargetGroupShareIsRealistic) {
  // Nationally about 9–12 % of 16–19-year-olds are in KAA (DOMAIN.md).
  auto demo = generateDemoMunicipality(1490, kDate);
  int inScope = 0, inGroup = 0;
  for (const auto& r : demo.residents) {
    PersonFacts facts{true, true, r.details.personalId.birthDate(), r.enrolments, r.completions};
    auto decision = decideTargetGroup(facts, kDate);
    if (decision.reason != "too_young" && decision.reason != "turned_20") ++inScope;
    inGroup += decision.inGroup;
  }
  double share = static_cast<double>(inGroup) / inScope;
  EXPECT_GT(share, 0.07);
  EXPECT_LT(share, 0.15);
}

}  // namespace
}  // namespace lotsen
