// Lotsen report: the KPIs (report/kpi.h) as the CLI and the API give them — JSON, and CSV for Swedish
// Excel — the same figures in both.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "domain/code_list.h"
#include "report/kpi.h"

namespace lotsen {

// What the groups are called: the code lists' labels, the users' names (for the caseworker breakdown).
struct KpiNames {
  const CodeLabels& codes;
  std::map<std::int64_t, std::string> usernames;
};

// The Swedish name of a group: the unit, the caseworker's username, the registration reason's label, "Kvinnor" or
// "Män", "16 år".
std::string kpiGroupLabel(const KpiReport& report, const KpiGroup& group, const KpiNames& names);

// What the row of every case counted is called: the municipality's (the command), or a user's caseload's.
inline constexpr std::string_view kWholeMunicipality = "Hela kommunen";
inline constexpr std::string_view kWholeCaseload = "Alla dina ärenden";
inline constexpr std::string_view kWholeSuppressed = "Hela kommunen (små tal dolda)";
// What a CSV cell hidden by suppressKpis says.
inline constexpr std::string_view kSuppressedCell = "dolt";

// The report as one JSON object (docs/reports.md): the period, the report's day, the deadline, every case
// counted under "all" (labelled `whole`) and the groups under "groups", each with its counts, its shares
// (0–1, null when there is nobody to count), its days to first contact and the further figures; a figure
// suppressKpis hid is null, and named in the group's "suppressed".
boost::json::object kpiJson(const KpiReport& report, const KpiNames& names, std::string_view whole);

// The report as a CSV file for Swedish Excel (report/csv.h): a line of Swedish headings, then one line
// for every case counted (labelled `whole`) and one per group; shares in percent with one decimal; a
// figure suppressKpis hid says "dolt".
std::string kpiCsv(const KpiReport& report, const KpiNames& names, std::string_view whole);

}  // namespace lotsen
