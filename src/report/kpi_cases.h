// Lotsen report: the facts the KPIs are computed from (report/kpi.h), read through the Store.
#pragma once

#include <expected>
#include <optional>
#include <vector>

#include "domain/access.h"
#include "domain/date.h"
#include "domain/error.h"
#include "report/kpi.h"
#include "report/kpi_output.h"
#include "store/case_history.h"
#include "store/store.h"

namespace lotsen {

// The setting first_contact_days: the days within which a new case's first contact attempt is due.
// Errors: internal when the stored value is not a whole number of at least 1; the store's.
std::expected<int, Error> firstContactDays(Store& store);

// The KAA registrations open at some time from `from` to `to` as `history` stands now, each with its person's
// facts, its live records and the person's earlier KAA registrations (however long ago), by person and
// registration id; only the registrations `caseload` covers (domain/access.h) when one is given (their earlier
// registrations whatever their caseload). Persons whose identity retention has removed are not in it.
std::vector<KpiCase> kpiCases(const CaseHistory& history, CivilDate from, CivilDate to,
                              const std::optional<Caseload>& caseload = std::nullopt);

// The KPIs of the half-year `period` as they stood on min(its last day, today), from `history` (brought up
// to date by the caller), broken down by `by`, with the deadline the municipality's setting
// first_contact_days gives; of the registrations in `caseload` only when one is given (a user's), else of the
// whole municipality. invalid_input (field "period") for a half-year that has not begun; the store's.
std::expected<KpiReport, Error> kpiReport(Store& store, const CaseHistory& history, HalfYear period, CivilDate today,
                                          KpiDimension by, const std::optional<Caseload>& caseload = std::nullopt);

// The names the groups are called by: `codes` (which the caller keeps) and every user's username.
std::expected<KpiNames, Error> kpiNames(Store& store, const CodeLabels& codes);

}  // namespace lotsen
