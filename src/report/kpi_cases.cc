#include "report/kpi_cases.h"

#include <fmt/format.h>

#include <charconv>
#include <map>

#include "store/case_records.h"

namespace lotsen {

namespace {

// The parsed record, or internal naming it: a stored record always parsed when it was written.
template <class T>
std::expected<T, Error> parsed(std::expected<T, std::vector<Error>> record, const CaseRecord& stored) {
  if (!record) return std::unexpected(internalError(fmt::format("stored record {} does not parse", stored.id)));
  return std::move(*record);
}

// Before any registration: the start of a person's history.
const CivilDate kLongAgo = *CivilDate::fromParts(1900, 1, 1);

}  // namespace

std::expected<int, Error> firstContactDays(Store& store) {
  auto settings = store.settings();
  if (!settings) return std::unexpected(settings.error());
  int days = 0;
  const std::string& text = (*settings)["first_contact_days"];
  if (std::from_chars(text.data(), text.data() + text.size(), days).ec != std::errc{} || days < 1)
    return std::unexpected(internalError(fmt::format("the setting first_contact_days is '{}'", text)));
  return days;
}

std::expected<std::vector<KpiCase>, Error> readKpiCases(Store& store, CivilDate from, CivilDate to,
                                                        const std::optional<Caseload>& caseload) {
  auto registrations = store.registrationsDuring(kProgrammeKaa, from, to, caseload);
  if (!registrations) return std::unexpected(registrations.error());
  auto records = store.caseRecordsDuring(kProgrammeKaa, from, to, caseload);
  if (!records) return std::unexpected(records.error());

  std::vector<KpiCase> cases;
  std::map<std::int64_t, std::size_t> byRegistration;
  std::multimap<std::int64_t, std::size_t> byPerson;
  for (const RegisteredPerson& rp : *registrations) {
    byRegistration[rp.registration.id] = cases.size();
    byPerson.emplace(rp.person.id, cases.size());
    const PersonalId& id = rp.person.details.personalId;
    cases.push_back(KpiCase{rp.registration, id.birthDate(), id.legalGender(), {}, {}, {}, {}});
  }
  // Every KAA registration of these persons that started by `to`, however long ago, for their history.
  auto history = store.registrationsDuring(kProgrammeKaa, kLongAgo, to);
  if (!history) return std::unexpected(history.error());
  for (const RegisteredPerson& rp : *history) {
    auto [first, last] = byPerson.equal_range(rp.person.id);
    for (auto it = first; it != last; ++it) {
      KpiCase& c = cases[it->second];
      const Registration& r = rp.registration;
      if (r.startDate < c.registration.startDate ||
          (r.startDate == c.registration.startDate && r.id < c.registration.id))
        c.earlier.push_back(r);
    }
  }
  for (const CaseRecord& r : *records) {
    if (r.kind == kOccupationKind) {
      auto occupation = parsed(parseOccupation(r.data), r);
      if (!occupation) return std::unexpected(occupation.error());
      auto [first, last] = byPerson.equal_range(r.personId);
      for (auto it = first; it != last; ++it) cases[it->second].occupations.push_back(*occupation);
      continue;
    }
    auto found = r.registrationId ? byRegistration.find(*r.registrationId) : byRegistration.end();
    if (found == byRegistration.end()) continue;  // another programme's, or a registration outside the period
    KpiCase& c = cases[found->second];
    if (r.kind == kContactAttemptKind) {
      auto contact = parsed(parseContactAttempt(r.data), r);
      if (!contact) return std::unexpected(contact.error());
      c.contacts.push_back(std::move(*contact));
    } else if (r.kind == kMeasureKind) {
      auto measure = parsed(parseMeasure(r.data), r);
      if (!measure) return std::unexpected(measure.error());
      c.measures.push_back(std::move(*measure));
    } else if (r.kind == kPlanKind) {
      auto plan = parsed(parsePlan(r.data), r);
      if (!plan) return std::unexpected(plan.error());
      c.plans.push_back(std::move(*plan));
    } else if (r.kind == kGoalAssessmentKind) {
      auto assessment = parsed(parseGoalAssessment(r.data), r);
      if (!assessment) return std::unexpected(assessment.error());
      c.assessments.push_back(std::move(*assessment));
    }
  }
  return cases;
}

std::expected<KpiNames, Error> kpiNames(Store& store, const CodeLabels& codes) {
  auto users = store.users();
  if (!users) return std::unexpected(users.error());
  KpiNames names{codes, {}};
  for (const User& u : *users) names.usernames[u.id] = u.username;
  return names;
}

std::expected<KpiReport, Error> kpiReport(Store& store, HalfYear period, CivilDate today, KpiDimension by,
                                          const std::optional<Caseload>& caseload) {
  if (today < period.first())
    return std::unexpected(invalidInput(
        fmt::format("the half-year {} has not begun: today is {}", period.toString(), today.iso()), "period"));
  auto deadline = firstContactDays(store);
  if (!deadline) return std::unexpected(deadline.error());
  // The store reads only the caseload's registrations; the domain's rule (covers) decides which count.
  auto cases = readKpiCases(store, period.first(), period.last(), caseload);
  if (!cases) return std::unexpected(cases.error());
  if (caseload) std::erase_if(*cases, [&](const KpiCase& c) { return !covers(*caseload, c.registration); });
  return computeKpis(*cases, period.first(), period.last(), today, by, *deadline);
}

}  // namespace lotsen
