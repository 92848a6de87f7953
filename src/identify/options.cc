#include "identify/options.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/text.h"

namespace lotsen {
namespace {

constexpr IdentifyOption kOptions[] = {
    {"date", OptionKind::value, true, "Reference date, YYYY-MM-DD"},
    {"municipality", OptionKind::value, true, "Kommunkod (4 digits), or 'all'"},
    {"population", OptionKind::file, true, "Population extract (CSV)"},
    {"enrolments", OptionKind::file, true, "Enrolments (CSV or SS 12000 JSON)"},
    {"completions", OptionKind::file, false, "Completed certificates (CSV)"},
    {"encoding", OptionKind::value, false,
     "The files' text encoding: utf-8 (the default) or windows-1252 (as Excel often saves CSV)"},
    {"equivalent_school_forms", OptionKind::value, false,
     "SS 12000 school types that count as a national programme here, e.g. FHS,YH"},
    {"dry_run", OptionKind::flag, false, "Show what would change; write nothing"},
    {"confirm_large_change", OptionKind::flag, false,
     "Write the run even when it ends more than large_change_percent (a setting, default 10) of a "
     "municipality's open registrations"},
};

std::expected<bool, Error> flagValue(const IdentifyArguments& given, std::string_view name) {
  auto it = given.find(name);
  if (it == given.end() || it->second == "false") return false;
  if (it->second == "true") return true;
  return std::unexpected(invalidInput(fmt::format("{} is true or false", name), std::string(name)));
}

}  // namespace

std::span<const IdentifyOption> identifyOptions() { return kOptions; }

std::string cliFlag(std::string_view name) {
  std::string flag = "--" + std::string(name);
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

std::expected<IdentifyOptions, Error> identifyOptionsFrom(const IdentifyArguments& given, CivilDate today) {
  for (const auto& [name, value] : given) {
    auto known = std::find_if(std::begin(kOptions), std::end(kOptions),
                              [&](const IdentifyOption& o) { return o.name == name && o.kind != OptionKind::file; });
    if (known == std::end(kOptions))
      return std::unexpected(invalidInput(fmt::format("unknown option '{}'", echoed(name, 40)), echoed(name, 40)));
  }
  for (const IdentifyOption& o : kOptions)
    if (o.required && o.kind != OptionKind::file && given.find(o.name) == given.end())
      return std::unexpected(invalidInput(fmt::format("give the {}", o.name), std::string(o.name)));

  auto date = CivilDate::parse(given.find("date")->second);
  if (!date) return std::unexpected(invalidInput("date: " + date.error().message, "date"));
  IdentifyOptions options{*date, given.find("municipality")->second, false, {}, TextEncoding::utf8, false};
  if (options.municipality.empty())
    return std::unexpected(invalidInput("give the municipality (kommunkod, or all)", "municipality"));
  if (auto it = given.find("encoding"); it != given.end()) {
    auto encoding = textEncodingFromName(it->second);
    if (!encoding) return std::unexpected(encoding.error());
    options.encoding = *encoding;
  }
  if (auto it = given.find("equivalent_school_forms"); it != given.end()) {
    auto types = parseSchoolTypes(it->second);
    if (!types) return std::unexpected(invalidInput(types.error().message, "equivalent_school_forms"));
    options.rules.equivalentSchoolTypes = *types;
  }
  auto dryRun = flagValue(given, "dry_run");
  if (!dryRun) return std::unexpected(dryRun.error());
  auto confirm = flagValue(given, "confirm_large_change");
  if (!confirm) return std::unexpected(confirm.error());
  options.dryRun = *dryRun;
  options.confirmLargeChange = *confirm;
  // Registrations that start in the future would stand in every list from today, and stop every run for
  // an earlier day.
  if (!options.dryRun && options.date > today)
    return std::unexpected(invalidInput(
        fmt::format("a run that writes is dated today ({}) or earlier; a dry run may look ahead", today.iso()),
        "date"));
  return options;
}

}  // namespace lotsen
