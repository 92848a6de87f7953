#include "domain/target_group.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "domain/text.h"

namespace lotsen {
namespace {

constexpr std::array<std::string_view, 30> kSchoolTypeCodes{
    "FS",       "FKLASS",   "FTH",    "OPPFTH", "GR",    "GRS",      "TR",       "SP",       "SAM", "GY",
    "GYS",      "VUX",      "VUXSFI", "VUXGR",  "VUXGY", "VUXSARGR", "VUXSARTR", "VUXSARGY", "SFI", "SARVUX",
    "SARVUXGR", "SARVUXGY", "KU",     "YH",     "FHS",   "STF",      "KKU",      "HS",       "ABU", "AU"};
constexpr std::array<std::string_view, 4> kCertificateCodes{"gymnasieexamen", "gymnasiesarskolebevis", "motsvarande",
                                                            "studiebevis"};

bool isNationalProgramme(const EnrolmentFact& e) {
  return e.schoolType == SchoolType::GYS || (e.schoolType == SchoolType::GY && !e.introductionProgramme);
}
bool isIntroduction(const EnrolmentFact& e) { return e.schoolType == SchoolType::GY && e.introductionProgramme; }
bool completesUpperSecondary(const CompletionFact& c) { return c.certificate != Certificate::studiebevis; }

}  // namespace

bool isIntroductionProgramme(std::string_view code) {
  static constexpr std::array<std::string_view, 10> kCodes{"IMA",   "IMV",   "IMY", "IMS",   "IMIND",
                                                           "IMPRE", "IMPRO", "IMR", "IMYRK", "IMSPR"};
  return std::find(kCodes.begin(), kCodes.end(), code) != kCodes.end();
}

std::optional<SchoolType> schoolTypeFromCode(std::string_view code) {
  auto it = std::find(kSchoolTypeCodes.begin(), kSchoolTypeCodes.end(), code);
  if (it == kSchoolTypeCodes.end()) return std::nullopt;
  return static_cast<SchoolType>(it - kSchoolTypeCodes.begin());
}
std::string_view toString(SchoolType type) { return kSchoolTypeCodes[static_cast<std::size_t>(type)]; }

bool isAdultEducation(SchoolType t) {
  switch (t) {
    case SchoolType::VUX:
    case SchoolType::VUXSFI:
    case SchoolType::VUXGR:
    case SchoolType::VUXGY:
    case SchoolType::VUXSARGR:
    case SchoolType::VUXSARTR:
    case SchoolType::VUXSARGY:
    case SchoolType::SFI:
    case SchoolType::SARVUX:
    case SchoolType::SARVUXGR:
    case SchoolType::SARVUXGY:
      return true;
    default:
      return false;
  }
}

std::expected<std::vector<SchoolType>, Error> parseSchoolTypes(std::string_view codes) {
  std::vector<SchoolType> types;
  for (std::string_view code : splitList(codes, ',')) {
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    auto type = schoolTypeFromCode(code);
    if (!type) return std::unexpected(invalidInput("unknown SS 12000 school type '" + std::string(code) + "'"));
    types.push_back(*type);
  }
  return types;
}

std::optional<Certificate> certificateFromCode(std::string_view code) {
  auto it = std::find(kCertificateCodes.begin(), kCertificateCodes.end(), code);
  if (it == kCertificateCodes.end()) return std::nullopt;
  return static_cast<Certificate>(it - kCertificateCodes.begin());
}
std::string_view toString(Certificate c) { return kCertificateCodes[static_cast<std::size_t>(c)]; }

CivilDate ageScopeStart(CivilDate birth) { return *CivilDate::fromParts(birth.year() + 16, 7, 1); }
CivilDate ageScopeEnd(CivilDate birth) { return birthdayOfAge(birth, 20); }

std::expected<void, Error> checkHandClosure(std::string_view reason, CivilDate endDate, CivilDate birthDate) {
  if (reason == "moved_out" || reason == "left_population_register")
    return std::unexpected(invalidInput(
        fmt::format("{} comes from the population register at the next identification; a move abroad the young "
                    "person reports is moved_abroad",
                    reason),
        "end_reason"));
  if (reason == "turned_20" && endDate < ageScopeEnd(birthDate))
    return std::unexpected(invalidInput(
        fmt::format("turned_20 holds from the 20th birthday, {}", ageScopeEnd(birthDate).iso()), "end_date"));
  return {};
}

std::expected<void, Error> checkRegistrationByHand(CivilDate startDate, CivilDate birthDate, CivilDate today) {
  if (startDate > today) return std::unexpected(invalidInput("start_date is in the future", "start_date"));
  if (startDate < ageScopeStart(birthDate) || startDate >= ageScopeEnd(birthDate))
    return std::unexpected(invalidInput(
        fmt::format("on {} the person is outside the age scope of the activity responsibility ({} to {})",
                    startDate.iso(), ageScopeStart(birthDate).iso(), ageScopeEnd(birthDate).plusDays(-1).iso()),
        "start_date"));
  return {};
}

bool registersShowNewSince(const PersonFacts& facts, CivilDate registeredSince, CivilDate closedOn) {
  if (registeredSince > closedOn) return true;
  for (const EnrolmentFact& e : facts.enrolments)
    if (e.start > closedOn || (e.end && *e.end > closedOn)) return true;
  for (const CompletionFact& c : facts.completions)
    if (c.date > closedOn) return true;
  return false;
}

CivilDate deregistrationDate(std::optional<CivilDate> since, CivilDate registrationStart, CivilDate runDate) {
  if (!since) return runDate;
  return std::clamp(*since, registrationStart, std::max(registrationStart, runDate));
}

std::string_view registersReasonFor(const PersonFacts& facts, CivilDate registrationStart, std::string_view reasonToday,
                                    const TargetGroupRules& rules) {
  TargetGroupDecision then = decideTargetGroup(facts, registrationStart, rules);
  return then.inGroup ? then.reason : reasonToday;
}

TargetGroupDecision decideTargetGroup(const PersonFacts& facts, CivilDate date, const TargetGroupRules& rules) {
  auto outside = [](std::string_view reason, std::optional<CivilDate> since = {}) {
    return TargetGroupDecision{false, reason, std::nullopt, since};
  };
  if (!facts.inPopulationRegister) return outside("left_population_register");
  if (!facts.livesInMunicipality) return outside("moved_out");
  if (date >= ageScopeEnd(facts.birthDate)) return outside("turned_20", ageScopeEnd(facts.birthDate));
  if (date < ageScopeStart(facts.birthDate)) return outside("too_young");
  std::optional<CivilDate> degree;
  for (const CompletionFact& c : facts.completions)
    if (completesUpperSecondary(c) && c.date <= date && (!degree || c.date < *degree)) degree = c.date;
  if (degree) return outside("completed_degree", degree);

  const bool imTakesOut = date >= rules.introductionProgrammesLeave;
  std::optional<CivilDate> nationalSince, introductionSince;  // the earliest start of an ongoing one
  std::optional<SchoolType> studies;
  auto earliest = [](std::optional<CivilDate>& first, CivilDate d) {
    if (!first || d < *first) first = d;
  };
  for (const EnrolmentFact& e : facts.enrolments) {
    if (!e.isOngoingOn(date)) continue;
    if (isNationalProgramme(e) || std::find(rules.equivalentSchoolTypes.begin(), rules.equivalentSchoolTypes.end(),
                                            e.schoolType) != rules.equivalentSchoolTypes.end())
      earliest(nationalSince, e.start);
    if (isIntroduction(e)) earliest(introductionSince, e.start);
    if (isAdultEducation(e.schoolType) || e.schoolType == SchoolType::FHS) studies = e.schoolType;
  }
  if (nationalSince) return outside("started_national_programme", nationalSince);
  if (introductionSince && imTakesOut)
    return outside("started_introduction_programme", std::max(*introductionSince, rules.introductionProgrammesLeave));

  auto inside = [&](std::string_view reason) { return TargetGroupDecision{true, reason, studies, std::nullopt}; };
  for (const CompletionFact& c : facts.completions)
    if (c.certificate == Certificate::studiebevis && c.date <= date) return inside("studiebevis");
  auto endedBefore = [&](const EnrolmentFact& e) { return e.end && *e.end < date; };
  for (const EnrolmentFact& e : facts.enrolments)
    if (isNationalProgramme(e) && endedBefore(e)) return inside("dropout_national_programme");
  for (const EnrolmentFact& e : facts.enrolments)
    if (isIntroduction(e) && endedBefore(e)) return inside("dropout_introduction_programme");
  if (introductionSince) return inside("introduction_programme_student");
  return inside("never_started");
}

}  // namespace lotsen
