// POST and GET /api/v1/identification-runs: identification from uploaded register extracts.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/text.h"
#include "http/api.h"
#include "http/json_mapping.h"
#include "http/multipart.h"
#include "identify/identify.h"
#include "identify/options.h"

namespace lotsen {
namespace json = boost::json;
namespace {

constexpr std::size_t kMostPersonsNamed = 100;  // beyond this, the run's access-log entry holds a count

}  // namespace

// A 422 listing each problem of the files ("file:line: reason"), the first kMaxMessages of `total`;
// nothing was saved.
Response fileProblems(const std::vector<std::string>& messages, std::size_t total) {
  Response r =
      problem(422, "Unprocessable Content", fmt::format("{} problem(s) in the files; nothing was saved", total));
  json::object body = json::parse(r.body).as_object();
  json::array errors;
  for (const std::string& m : messages) errors.push_back(json::string(m));
  body["errors"] = std::move(errors);
  body["error_count"] = total;
  r.body = json::serialize(body);
  return r;
}

// POST /api/v1/identification-runs (multipart/form-data): the options of identify/options.h as form
// fields, and the register files as file parts; the same options, read the same way, as `lotsen identify`.
Response postIdentificationRun(Call& call) {
  auto parts = parseMultipart(call.request.contentType, call.request.body);
  if (!parts) return problem(400, "Bad Request", parts.error());
  IdentifyArguments given;
  std::map<std::string, const FormPart*, std::less<>> fileParts;
  for (const FormPart& part : *parts) {
    auto option = std::find_if(identifyOptions().begin(), identifyOptions().end(),
                               [&](const IdentifyOption& o) { return o.name == part.name; });
    bool isFile = option != identifyOptions().end() && option->kind == OptionKind::file;
    if (given.contains(part.name) || fileParts.contains(part.name))
      return validationProblem(
          {invalidInput(fmt::format("{} is given twice", echoed(part.name, 40)), echoed(part.name, 40))});
    if (isFile) {
      fileParts[part.name] = &part;
      continue;
    }
    if (!isValidUtf8(part.body) || firstControlCharacter(part.body) != std::string_view::npos)
      return validationProblem(
          {invalidInput(fmt::format("{} is not UTF-8 text", echoed(part.name, 40)), echoed(part.name, 40))});
    given[part.name] = std::string(part.body);
  }
  auto options = identifyOptionsFrom(given, todayOf(call));
  if (!options) return validationProblem({options.error()});
  std::shared_ptr<const RegisterFile> files[3];
  std::vector<std::string> fileErrors;
  static constexpr std::string_view kFileFields[] = {"population", "enrolments", "completions"};
  for (std::size_t i = 0; i < 3; ++i) {
    auto it = fileParts.find(kFileFields[i]);
    if (it == fileParts.end()) {
      if (i < 2)
        return validationProblem(
            {invalidInput(fmt::format("the file {} is missing", kFileFields[i]), std::string(kFileFields[i]))});
      continue;
    }
    const FormPart& part = *it->second;
    auto file = RegisterFile::view(part.fileName.empty() ? std::string(kFileFields[i]) : part.fileName, part.body,
                                   options->encoding);
    if (!file)
      fileErrors.push_back(file.error().message);
    else
      files[i] = *file;
  }
  if (!fileErrors.empty()) return fileProblems(fileErrors, fileErrors.size());

  Diagnostics diagnostics;
  Registers registers = readRegisters(files[0], files[1], files[2], options->date, diagnostics);
  if (!diagnostics.empty()) return fileProblems(diagnostics.messages(), diagnostics.total());
  Actor actor{call.user->id, call.user->username};
  auto result =
      options->dryRun
          ? identify(call.store, registers, *options, actor)
          : call.write<IdentificationResult>([&](Store& s) { return identify(s, registers, *options, actor); });
  if (!result)
    return result.error().kind == ErrorKind::invalid_input ? validationProblem({result.error()})
                                                           : problem(result.error());
  // The answer names persons: those read from the register are logged by id (up to 100, then only how
  // many), those the upload itself named by their count.
  std::int64_t changed = 0;
  std::vector<std::int64_t> read;
  for (const MunicipalityResult& m : result->municipalities)
    for (const IdentificationChange& c : m.changes) {
      ++changed;
      if (c.personId) read.push_back(*c.personId);
    }
  if (read.size() > kMostPersonsNamed) read.clear();
  call.accessed.emplace(std::move(read), changed);
  return jsonTextResponse(options->dryRun ? 200 : 201, summaryJson(*result, true, call.labels));
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
