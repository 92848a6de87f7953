// Lotsen domain core: the rules that place a young person inside or outside the KAA target group on a
// date (skollagen 29 kap. 9 §), with the reason. Pure: the caller gathers the register facts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace lotsen {

// Introduction programmes (IM) left the target group on this date.
CivilDate introductionProgrammesLeaveTargetGroup();

// True for IMA, IMV, IMY, IMS and the legacy IMIND, IMPRE, IMPRO, IMR, IMYRK, IMSPR.
bool isIntroductionProgramme(std::string_view programmeCode);

struct EnrolmentFact {
  std::string schoolType;  // SS 12000 schoolType: GY, GYS, VUX, FHS, …
  std::string programme;   // Skolverket programme code; empty for school forms without programmes
  CivilDate start;
  std::optional<CivilDate> end;  // inclusive; none while ongoing
  bool cancelled = false;        // ended without completion

  bool isOngoingOn(CivilDate d) const { return start <= d && (!end || d <= *end); }
};

struct CompletionFact {
  std::string certificate;  // gymnasieexamen, gymnasiesarskolebevis, motsvarande, studiebevis
  CivilDate date;
};

struct PersonFacts {
  bool inPopulationRegister = true;
  bool livesInMunicipality = true;  // registered (folkbokförd) in the municipality on the date
  CivilDate birthDate;
  std::vector<EnrolmentFact> enrolments;
  std::vector<CompletionFact> completions;
};

struct TargetGroupRules {
  // School forms that count as equivalent to a national programme (configured per municipality).
  std::vector<std::string> equivalentSchoolTypes;
};

// In the group: a registration_reason code. Outside: a deregistration_reason code, or "too_young".
struct TargetGroupDecision {
  bool inGroup = false;
  std::string reason;
};

TargetGroupDecision decideTargetGroup(const PersonFacts& facts, CivilDate date, const TargetGroupRules& rules = {});

}  // namespace lotsen
