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
#include "store/store.h"

namespace lotsen {

// The setting first_contact_days: the days within which a new case's first contact attempt is due.
// Errors: internal when the stored value is not a whole number of at least 1; the store's.
std::expected<int, Error> firstContactDays(Store& store);

// The KAA registrations open at some time from `from` to `to`, each with its person's facts, its live
// records and the person's earlier KAA registrations (however long ago). Errors: the store's, or internal when a stored
// record does not parse. Only the registrations in `caseload` when one is given (their earlier registrations
// whatever their caseload). Not thread-safe (the store's own rules).
std::expected<std::vector<KpiCase>, Error> readKpiCases(Store& store, CivilDate from, CivilDate to,
                                                        const std::optional<Caseload>& caseload = std::nullopt);

// The KPIs of the half-year `period` as they stood on min(its last day, today), broken down by `by`, with
// the deadline the municipality's setting first_contact_days gives; of the registrations in `caseload`
// only when one is given (a user's), else of the whole municipality. invalid_input (field "period") for a
// half-year that has not begun.
std::expected<KpiReport, Error> kpiReport(Store& store, HalfYear period, CivilDate today, KpiDimension by,
                                          const std::optional<Caseload>& caseload = std::nullopt);

// The names the groups are called by: `codes` (which the caller keeps) and every user's username.
std::expected<KpiNames, Error> kpiNames(Store& store, const CodeLabels& codes);

}  // namespace lotsen
