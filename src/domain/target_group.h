// Lotsen domain core: the rules that place a young person inside or outside the KAA target group on a
// date (skollagen 29 kap. 9 §), with the reason. Pure: the caller gathers the register facts.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"

namespace lotsen {

// True for IMA, IMV, IMY, IMS and the legacy IMIND, IMPRE, IMPRO, IMR, IMYRK, IMSPR.
bool isIntroductionProgramme(std::string_view programmeCode);

// SS 12000 schoolType codes.
enum class SchoolType : std::uint8_t {
  FS,
  FKLASS,
  FTH,
  OPPFTH,
  GR,
  GRS,
  TR,
  SP,
  SAM,
  GY,
  GYS,
  VUX,
  VUXSFI,
  VUXGR,
  VUXGY,
  VUXSARGR,
  VUXSARTR,
  VUXSARGY,
  SFI,
  SARVUX,
  SARVUXGR,
  SARVUXGY,
  KU,
  YH,
  FHS,
  STF,
  KKU,
  HS,
  ABU,
  AU,
};
std::optional<SchoolType> schoolTypeFromCode(std::string_view code);  // exact upper-case code
std::string_view toString(SchoolType type);
// Municipal adult education (komvux in any form): records the occupation "studies", takes no one out.
bool isAdultEducation(SchoolType type);

enum class Certificate : std::uint8_t { gymnasieexamen, gymnasiesarskolebevis, motsvarande, studiebevis };
std::optional<Certificate> certificateFromCode(std::string_view code);
std::string_view toString(Certificate certificate);

struct EnrolmentFact {
  SchoolType schoolType = SchoolType::GY;
  bool introductionProgramme = false;  // GY on an IM programme
  CivilDate start;
  std::optional<CivilDate> end;  // inclusive; none while ongoing
  bool cancelled = false;        // ended without completion

  bool isOngoingOn(CivilDate d) const { return start <= d && (!end || d <= *end); }
};

struct CompletionFact {
  Certificate certificate = Certificate::gymnasieexamen;
  CivilDate date;
};

struct PersonFacts {
  bool inPopulationRegister = true;
  bool livesInMunicipality = true;  // registered (folkbokförd) in the municipality on the date
  CivilDate birthDate;
  std::span<const EnrolmentFact> enrolments;
  std::span<const CompletionFact> completions;
};

// The rules' settings that the law or the municipality may change.
struct TargetGroupRules {
  // Introduction programmes (IM) take a person out of the target group from this date (the law changed
  // on 2018-07-01; before it IM students were inside).
  CivilDate introductionProgrammesLeave = *CivilDate::fromParts(2018, 7, 1);
  // School forms that count as equivalent to a national programme (configured per municipality).
  std::vector<SchoolType> equivalentSchoolTypes;
};

// Parses a comma-separated list of SS 12000 school type codes ("FHS,YH"). Errors: the unknown code.
std::expected<std::vector<SchoolType>, Error> parseSchoolTypes(std::string_view codes);

// In the group: a registration_reason code. Outside: a deregistration_reason code, or "too_young".
// `studies` tells whether an ongoing adult-education or folk-high-school enrolment shows that the person
// studies (so their occupation is known without a call). `since` is the day the reason for leaving
// became true — the 20th birthday, the degree's date, the start of the enrolment that takes the person
// out — for a deregistration to be dated by.
struct TargetGroupDecision {
  bool inGroup = false;
  std::string_view reason;
  std::optional<SchoolType> studies;
  std::optional<CivilDate> since;
};

// The first day of the age scope (1 July of the year the person turns 16) and the first day after it
// (the 20th birthday).
CivilDate ageScopeStart(CivilDate birthDate);
CivilDate ageScopeEnd(CivilDate birthDate);

TargetGroupDecision decideTargetGroup(const PersonFacts& facts, CivilDate date, const TargetGroupRules& rules = {});

// Whether a registration may be closed by hand (by a caseworker) with `reason` on `endDate`: the reasons
// the population register decides (moved_out, left_population_register) come from identification only,
// and turned_20 holds from the 20th birthday on. The other reasons are what the young person or a school
// reports before the registers show it. invalid_input on end_reason or end_date otherwise.
std::expected<void, Error> checkHandClosure(std::string_view reason, CivilDate endDate, CivilDate birthDate);

// Whether a person born on `birthDate` may be registered by hand from `startDate` (today or earlier): the
// day lies in the age scope (from 1 July of the year they turn 16 to the day before the 20th birthday).
// invalid_input on start_date otherwise.
std::expected<void, Error> checkRegistrationByHand(CivilDate startDate, CivilDate birthDate, CivilDate today);

// True when the registers show something about the person after `closedOn` (an enrolment started or
// ended, a certificate, a new folkbokföring since `registeredSince`): a closure by hand stands until then.
bool registersShowNewSince(const PersonFacts& facts, CivilDate registeredSince, CivilDate closedOn);

// The registration reason the registers give for a registration from `registrationStart` of a person they
// place in the target group today for `reasonToday`: the reason on the start day, or `reasonToday` when
// they did not place the person in the group then (a registration by hand before the registers showed it).
std::string_view registersReasonFor(const PersonFacts& facts, CivilDate registrationStart, std::string_view reasonToday,
                                    const TargetGroupRules& rules = {});

// The day a deregistration is dated: the day its fact happened (`since`), but never before the
// registration started nor after the run's date; the run's date when the registers do not say (someone
// who left the population register).
CivilDate deregistrationDate(std::optional<CivilDate> since, CivilDate registrationStart, CivilDate runDate);

}  // namespace lotsen
