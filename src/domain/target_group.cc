#include "domain/target_group.h"

#include <algorithm>
#include <array>

namespace lotsen {

CivilDate introductionProgrammesLeaveTargetGroup() { return *CivilDate::fromParts(2018, 7, 1); }

bool isIntroductionProgramme(std::string_view code) {
  static constexpr std::array<std::string_view, 10> kCodes{"IMA",   "IMV",   "IMY", "IMS",   "IMIND",
                                                           "IMPRE", "IMPRO", "IMR", "IMYRK", "IMSPR"};
  return std::find(kCodes.begin(), kCodes.end(), code) != kCodes.end();
}

namespace {

bool isNationalProgramme(const EnrolmentFact& e) {
  return e.schoolType == "GYS" || (e.schoolType == "GY" && !isIntroductionProgramme(e.programme));
}

bool isIntroduction(const EnrolmentFact& e) { return e.schoolType == "GY" && isIntroductionProgramme(e.programme); }

bool completesUpperSecondary(const CompletionFact& c) {
  return c.certificate == "gymnasieexamen" || c.certificate == "gymnasiesarskolebevis" ||
         c.certificate == "motsvarande";
}

}  // namespace

TargetGroupDecision decideTargetGroup(const PersonFacts& facts, CivilDate date, const TargetGroupRules& rules) {
  if (!facts.inPopulationRegister) return {false, "left_population_register"};
  if (!facts.livesInMunicipality) return {false, "moved_out"};
  if (date >= birthdayOfAge(facts.birthDate, 20)) return {false, "turned_20"};
  if (date < *CivilDate::fromParts(facts.birthDate.year() + 16, 7, 1)) return {false, "too_young"};
  for (const CompletionFact& c : facts.completions)
    if (completesUpperSecondary(c) && c.date <= date) return {false, "completed_degree"};

  const bool imCountsAsInside = date < introductionProgrammesLeaveTargetGroup();
  bool onIntroduction = false;
  for (const EnrolmentFact& e : facts.enrolments) {
    if (!e.isOngoingOn(date)) continue;
    bool equivalent = std::find(rules.equivalentSchoolTypes.begin(), rules.equivalentSchoolTypes.end(), e.schoolType) !=
                      rules.equivalentSchoolTypes.end();
    if (isNationalProgramme(e) || equivalent) return {false, "started_national_programme"};
    if (isIntroduction(e)) {
      if (!imCountsAsInside) return {false, "started_introduction_programme"};
      onIntroduction = true;
    }
  }

  for (const CompletionFact& c : facts.completions)
    if (c.certificate == "studiebevis" && c.date <= date) return {true, "studiebevis"};
  auto endedBefore = [&](const EnrolmentFact& e) { return e.end && *e.end < date; };
  for (const EnrolmentFact& e : facts.enrolments)
    if (isNationalProgramme(e) && endedBefore(e)) return {true, "dropout_national_programme"};
  for (const EnrolmentFact& e : facts.enrolments)
    if (isIntroduction(e) && endedBefore(e)) return {true, "dropout_introduction_programme"};
  if (onIntroduction) return {true, "introduction_programme_student"};
  return {true, "never_started"};
}

}  // namespace lotsen
