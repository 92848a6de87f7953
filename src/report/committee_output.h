// Lotsen report: the committee report (report/committee.h) read from the Store and written for people —
// JSON (the API and the UI), PDF (cairo + pango: title page, the table in the municipal layout, a chart
// of each measure's last twelve months, the analyses, page numbers) and XLSX (libxlsxwriter) — the same
// figures in each.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <expected>
#include <string>

#include "domain/error.h"
#include "report/committee.h"
#include "store/case_history.h"
#include "store/store.h"

namespace lotsen {

// The report of `month` for the whole municipality as it stood on min(its last day, today), from `history`
// (brought up to date by the caller), with the targets of its year and its analyses from `store` and the
// deadline of the setting first_contact_days. invalid_input (field "month") for a month that has not begun;
// the store's errors.
std::expected<CommitteeReport, Error> committeeReport(Store& store, const CaseHistory& history, YearMonth month,
                                                      CivilDate today);

// The report as one JSON object: month, as_of, first_contact_days and "measures", each with its code,
// label, direction ("up", "down", "none"), unit ("share" 0–1, "days", "count"), this_month,
// same_month_last_year, target (null when none), trend [{month, value}] and analysis.
boost::json::object committeeJson(const CommitteeReport& report);

// A value in JSON: a count as a whole number, a share or days as a number; null for none.
boost::json::value committeeValueJson(const ActivityMeasure& measure, std::optional<double> value);

// A value as the report prints it: "82,5 %", "6,5" (days), "214"; "–" for none.
std::string committeeValueText(const ActivityMeasure& measure, std::optional<double> value);

// The report as a PDF document (A4). Errors: internal when cairo fails.
std::expected<std::string, Error> committeePdf(const CommitteeReport& report);

// The report as an XLSX workbook: the sheets "Verksamhetsmått" (the table), "Trend" (the last twelve
// months) and "Analys". Written through a temporary file in the system's temporary directory, removed
// after. Errors: internal when the workbook cannot be written.
std::expected<std::string, Error> committeeXlsx(const CommitteeReport& report);

}  // namespace lotsen
