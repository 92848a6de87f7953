#include "demo/demo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

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
  int protectedIds = 0, movedOut = 0, emigrated = 0;
  for (const auto& r : demo.residents) {
    int age = ageOn(r.details.personalId.birthDate(), kDate);
    EXPECT_GE(age, 15);
    EXPECT_LE(age, 21);
    EXPECT_TRUE(ids.insert(r.details.personalId.canonical()).second);
    EXPECT_TRUE(PersonalId::parse(r.details.personalId.canonical(), kDate));
    protectedIds += r.details.protection != Protection::none;
    movedOut += r.movedOut.has_value();
    emigrated += r.emigrated.has_value();
  }
  EXPECT_GT(protectedIds, 5);
  EXPECT_GT(movedOut, 100);
  EXPECT_GT(emigrated, 30);
}

TEST(Demo, FolkbokfordaHavePersonnummerAndSamordningsnummerOnlyOutsideThePopulationRegister) {
  auto demo = generateDemoMunicipality(1490, kDate);
  for (const auto& r : demo.residents) EXPECT_FALSE(r.details.personalId.isCoordinationNumber());
  ASSERT_GT(demo.unregisteredStudents.size(), 10u);
  DemoRegisterFiles files = demoRegisterFiles(demo, kDate);
  for (const auto& s : demo.unregisteredStudents) {
    EXPECT_TRUE(s.details.personalId.isCoordinationNumber());
    EXPECT_EQ(files.population.find(s.details.personalId.canonical()), std::string::npos);
    EXPECT_NE(files.enrolments.find(s.details.personalId.canonical()), std::string::npos);
  }
}

TEST(Demo, PostalCodesHaveFiveDigits) {
  auto demo = generateDemoMunicipality(1490, kDate);
  for (const auto& r : demo.residents) {
    EXPECT_EQ(r.details.postalCode.size(), 5u) << r.details.postalCode;
    EXPECT_TRUE(std::all_of(r.details.postalCode.begin(), r.details.postalCode.end(), ::isdigit));
  }
  // Those who moved away have their new municipality's postal code in the register, five digits too.
  DemoRegisterFiles files = demoRegisterFiles(demo, kDate);
  std::istringstream lines(files.population);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, ';');) fields.push_back(field);
    ASSERT_GE(fields.size(), 5u) << line;
    EXPECT_EQ(fields[4].size(), 5u) << line;
  }
}

TEST(Demo, TheRegistersOfADayShowOnlyWhatWasKnownThen) {
  auto demo = generateDemoMunicipality(1490, kDate);
  CivilDate yearAgo = *CivilDate::parse("2025-11-22");
  DemoRegisterFiles then = demoRegisterFiles(demo, yearAgo);
  for (const auto& r : demo.residents) {
    const std::string& id = r.details.personalId.canonical();
    bool listed = then.population.find(id) != std::string::npos;
    EXPECT_EQ(listed, r.registeredSince <= yearAgo && !(r.emigrated && *r.emigrated <= yearAgo)) << id;
    for (const auto& c : r.completions)
      if (c.date > yearAgo) {
        EXPECT_EQ(then.completions.find(id + ";" + std::string(toString(c.certificate)) + ";" + c.date.iso()),
                  std::string::npos);
      }
  }
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
