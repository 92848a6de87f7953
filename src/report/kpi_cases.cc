#include "report/kpi_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/container/small_vector.hpp>
#include <charconv>
#include <span>
#include <tuple>

namespace lotsen {

std::expected<int, Error> firstContactDays(Store& store) {
  auto settings = store.settings();
  if (!settings) return std::unexpected(settings.error());
  int days = 0;
  const std::string& text = (*settings)["first_contact_days"];
  if (std::from_chars(text.data(), text.data() + text.size(), days).ec != std::errc{} || days < 1)
    return std::unexpected(internalError(fmt::format("the setting first_contact_days is '{}'", text)));
  return days;
}

namespace {

// Appends to `cases` the KAA registrations of `person` open at some time from `from` to `to`, as kpiCases says.
void addCasesOf(const PersonHistory& person, CivilDate from, CivilDate to, const std::optional<Caseload>& caseload,
                std::vector<KpiCase>& cases) {
  const PersonIdentity* identity = person.identity.latest();
  if (!identity) return;
  // The person's KAA registrations started by `to` (a few: kept in place, not allocated for every person).
  boost::container::small_vector<const RegistrationFacts*, 4> started;
  person.registrations.eachBefore(kAfterEveryEvent, [&](const RegistrationFacts& r) {
    if (r.programme == kProgrammeKaa && r.startDate <= to) started.push_back(&r);
  });
  std::size_t first = cases.size();
  for (const RegistrationFacts* r : started) {
    if ((r->endDate && *r->endDate <= from) || (caseload && !covers(*caseload, r->unit, r->caseworkerId))) continue;
    KpiCase c{*r, identity->personalId.birthDate(), identity->personalId.legalGender(), {}, {}, {}, {}};
    for (const RegistrationFacts* e : started)
      if (std::tuple(e->startDate, e->id) < std::tuple(r->startDate, r->id)) c.earlier.refer(*e);
    cases.push_back(std::move(c));
  }
  if (cases.size() == first) return;
  std::span<KpiCase> own(cases.begin() + static_cast<std::ptrdiff_t>(first), cases.end());
  referToEveryCase(own, person.occupations, kAfterEveryEvent, &KpiCase::occupations);
  referToCases(own, person.contacts, kAfterEveryEvent, &KpiCase::contacts);
  referToCases(own, person.measures, kAfterEveryEvent, &KpiCase::measures);
  referToCases(own, person.plans, kAfterEveryEvent, &KpiCase::plans);
  referToCases(own, person.assessments, kAfterEveryEvent, &KpiCase::assessments);
}

}  // namespace

std::vector<KpiCase> kpiCases(const CaseHistory& history, CivilDate from, CivilDate to,
                              const std::optional<Caseload>& caseload) {
  return history.collect<KpiCase>(
      [&](const PersonHistory& person, std::vector<KpiCase>& cases) { addCasesOf(person, from, to, caseload, cases); });
}

std::expected<KpiNames, Error> kpiNames(Store& store, const CodeLabels& codes) {
  auto users = store.users();
  if (!users) return std::unexpected(users.error());
  KpiNames names{codes, {}};
  for (const User& u : *users) names.usernames[u.id] = u.username;
  return names;
}

std::expected<KpiReport, Error> kpiReport(Store& store, const CaseHistory& history, HalfYear period, CivilDate today,
                                          KpiDimension by, const std::optional<Caseload>& caseload) {
  if (auto begun = checkBegun(period, today); !begun) return std::unexpected(begun.error());
  auto deadline = firstContactDays(store);
  if (!deadline) return std::unexpected(deadline.error());
  // Each person's cases tallied as the history is walked, and dropped: the cases are never all held.
  auto addCases = [&](const PersonHistory& person, std::vector<KpiCase>& cases) {
    addCasesOf(person, period.first(), period.last(), caseload, cases);
  };
  return computeKpis(partsOf<KpiCase>(history, addCases), period.first(), period.last(), today, by, *deadline);
}

}  // namespace lotsen
