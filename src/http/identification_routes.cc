// POST and GET /api/v1/identification-runs: identification from uploaded register extracts.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.h"
#include "http/multipart.h"
#include "identify/identify.h"

namespace lotsen {
namespace json = boost::json;

Response postIdentificationRun(Call& call) {
  auto parts = parseMultipart(call.request.contentType, call.request.body);
  if (!parts) return problem(415, "Unsupported Media Type", parts.error());
  std::string date, municipality, dryRun, equivalentSchoolForms;
  std::shared_ptr<const RegisterFile> files[3];
  static constexpr std::string_view kFileFields[] = {"population", "enrolments", "completions"};
  for (const FormPart& part : *parts) {
    if (part.name == "date")
      date = part.body;
    else if (part.name == "municipality")
      municipality = part.body;
    else if (part.name == "dry_run")
      dryRun = part.body;
    for (std::size_t i = 0; i < 3; ++i)
      if (part.name == kFileFields[i])
        files[i] = RegisterFile::fromBytes(part.fileName.empty() ? std::string(kFileFields[i]) : part.fileName,
                                           std::string(part.body));
  }
  auto when = CivilDate::parse(date);
  if (!when) return problem(400, "Bad Request", "date: " + when.error().message, "date");
  if (municipality.empty())
    return problem(400, "Bad Request", "give the municipality (kommunkod, or all)", "municipality");
  if (dryRun != "" && dryRun != "true" && dryRun != "false")
    return problem(400, "Bad Request", "dry_run is true or false", "dry_run");
  auto equivalent = parseSchoolTypes(equivalentSchoolForms);
  if (!equivalent) return problem(400, "Bad Request", equivalent.error().message, "equivalent_school_forms");
  for (std::size_t i = 0; i < 2; ++i)
    if (!files[i])
      return problem(400, "Bad Request", fmt::format("the file {} is missing", kFileFields[i]),
                     std::string(kFileFields[i]));

  Diagnostics diagnostics;
  Registers registers = readRegisters(files[0], files[1], files[2], *when, diagnostics);
  if (!diagnostics.empty()) {
    Response r = problem(422, "Unprocessable Content",
                         fmt::format("{} problem(s) in the files; nothing was saved", diagnostics.total()));
    json::object body = json::parse(r.body).as_object();
    json::array errors;
    for (const std::string& m : diagnostics.messages()) errors.push_back(json::string(m));
    body["errors"] = std::move(errors);
    body["error_count"] = diagnostics.total();
    r.body = json::serialize(body);
    return r;
  }
  TargetGroupRules rules;
  rules.equivalentSchoolTypes = *equivalent;
  IdentifyOptions options{*when, municipality, dryRun == "true", rules};
  Actor actor{call.user->id, call.user->username};
  auto result =
      options.dryRun
          ? identify(call.store, registers, options, actor)
          : call.writer.run<IdentificationResult>([&](Store& s) { return identify(s, registers, options, actor); });
  if (!result) return problem(result.error());
  json::object body = json::parse(summaryJson(*result, true)).as_object();
  std::int64_t changed = 0;
  for (const MunicipalityResult& m : result->municipalities) changed += static_cast<std::int64_t>(m.changes.size());
  call.accessed.emplace(std::vector<std::int64_t>{}, changed);  // a bulk answer: the count is logged
  if (result->runId) body["id"] = *result->runId;
  return Response{options.dryRun ? 200 : 201, "application/json", json::serialize(body), {}};
}

Response listIdentificationRuns(Call& call) {
  auto runs = call.store.identificationRuns(100);
  if (!runs) return problem(runs.error());
  json::array items;
  for (const IdentificationRun& run : *runs)
    items.push_back(json::object{{"id", run.id},
                                 {"ran_at", run.ranAt},
                                 {"actor", run.actor},
                                 {"date", run.date.iso()},
                                 {"municipality", run.municipality},
                                 {"files", json::parse(run.files)},
                                 {"summary", json::parse(run.summary)}});
  return Response{200, "application/json", json::serialize(json::object{{"items", std::move(items)}}), {}};
}

}  // namespace lotsen
