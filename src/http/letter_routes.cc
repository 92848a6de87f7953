// First-contact letters (docs/reports.md): the letters for the caller's first-contact list — an overview
// in JSON or the PDF to print — confirming them sent (a contact attempt by letter each, all or nothing),
// and the municipality's letter template. For whoever documents contacts in the caseload (write_cases:
// caseworkers, unit managers). A protected person's address is never answered: such a person is listed
// apart, to be sent through Skatteverket's forwarding.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "casework/casework.h"
#include "http/api.h"
#include "http/json_mapping.h"
#include "report/letters_output.h"
#include "store/json_fields.h"

namespace lotsen {
namespace json = boost::json;
namespace {

// The most persons one confirmation may name (a unit's list is far shorter).
constexpr std::size_t kMaxConfirmed = 2000;

// The caller's first-contact list: a caseworker's own cases, a unit manager's whole caseload; ?unit=
// narrows it to one unit (and the intake) within the caseload.
std::expected<WorklistFilter, Response> letterFilter(Call& call) {
  WorklistFilter filter{todayOf(call), std::nullopt, queryParameter(call.request.query, "unit"), call.user->caseload};
  if (!filter.unit.empty()) {
    if (auto known = checkUnitParameter(call, filter.unit); !known) return std::unexpected(known.error());
  } else if (call.user->caseload.caseworkerId) {
    filter.caseworkerId = call.user->id;
  }
  return filter;
}

// GET /api/v1/letters/first-contact[?unit=U][&format=pdf]: who gets a letter and who is listed apart; the
// PDF as a download. Logged as a read of every person named.
Response firstContact(Call& call) {
  std::string format = queryParameter(call.request.query, "format");
  if (!format.empty() && format != "json" && format != "pdf")
    return problem(400, "Bad Request", "format is json or pdf", "format");
  auto filter = letterFilter(call);
  if (!filter) return filter.error();
  auto letters = firstContactLetters(call.store, *filter, call.user->username);
  if (!letters) return problem(letters.error());
  call.accessedPersons(personsNamed(*letters));
  if (format != "pdf") return jsonResponse(200, firstContactLettersJson(*letters));
  auto file = firstContactLettersPdf(*letters);
  if (!file) return problem(file.error());
  return Response{200,
                  "application/pdf",
                  std::move(*file),
                  {{"Content-Disposition",
                    fmt::format("attachment; filename=\"brev-forsta-kontakt-{}.pdf\"", letters->date.iso())}}};
}

// POST /api/v1/letters/first-contact/sent {"person_ids": [1, 2]}: the letters were posted (a protected
// person's through Skatteverket): a contact attempt by letter dated today for each, all or none. A person
// not on the caller's list (outside the caseload, contacted already, without an address) is refused (422).
Response lettersSent(Call& call) {
  JsonFields f(call.body, {"person_ids"});
  std::vector<std::int64_t> ids;
  const json::array* list = f.array("person_ids", kMaxConfirmed);
  if (!list && f.errors().empty()) f.fail(invalidInput("person_ids is a list of person ids", "person_ids"));
  if (list)
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json::value& v = (*list)[i];
      if (v.is_int64() && v.as_int64() > 0)
        ids.push_back(v.as_int64());
      else
        f.fail(invalidInput("a person id is a positive whole number", fmt::format("person_ids[{}]", i)));
    }
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto filter = letterFilter(call);
  if (!filter) return filter.error();
  // Checked on this request's snapshot for an answer naming every person at fault, and again in the write:
  // a list changed meanwhile (a letter recorded by someone else) writes nothing.
  auto letters = firstContactLetters(call.store, *filter);
  if (!letters) return problem(letters.error());
  auto confirmed = lettersToConfirm(*letters, ids);
  if (!confirmed) return validationProblem(confirmed.error());
  Actor actor{call.user->id, call.user->username};
  auto written = call.write<std::vector<CaseRecord>>([&](Store& s) -> std::expected<std::vector<CaseRecord>, Error> {
    auto now = firstContactLetters(s, *filter);
    if (!now) return std::unexpected(now.error());
    auto sent = lettersToConfirm(*now, ids);
    if (!sent) return std::unexpected(conflict("the first-contact list changed meanwhile: load it again"));
    std::vector<LetterPosted> posted;
    for (const LetterSent& l : *sent) posted.push_back({l.personId, l.registrationId});
    return recordLettersSent(s, actor, posted, filter->today, "Brev för första kontakt");
  });
  if (!written)
    return written.error().kind == ErrorKind::invalid_input ? validationProblem({written.error()})
                                                            : problem(written.error());
  json::array records;
  for (const CaseRecord& r : *written)
    records.push_back(json::object{{"person_id", r.personId}, {"contact_attempt_id", r.id}});
  return jsonResponse(200, json::object{{"recorded", written->size()}, {"contact_attempts", std::move(records)}});
}

json::object templateJson(const StoredLetterTemplate& stored) {
  return json::object{{"text", stored.letter.text},
                      {"phone", stored.letter.phone},
                      {"saved", stored.saved},
                      {"version", stored.version},
                      {"fields", json::array{"namn", "handläggare", "telefon", "enhet", "datum"}}};
}

// GET /api/v1/letters/template: the template in use (the default until one is saved).
Response getTemplate(Call& call) {
  auto stored = storedLetterTemplate(call.store);
  if (!stored) return problem(stored.error());
  return jsonResponse(200, templateJson(*stored));
}

// PUT /api/v1/letters/template {"text", "phone", "version"}: replaces the template; every fault at once
// (422). With the version GET answered, a template changed meanwhile is not overwritten (409, with it as
// it is now in `current`).
Response putTemplate(Call& call) {
  JsonFields f(call.body, {"text", "phone", "version"});
  LetterTemplate letter{f.text("text", true), f.text("phone", true)};
  std::string expected = f.text("version");
  std::vector<Error> errors = f.errors();
  if (errors.empty()) errors = checkLetterTemplate(letter);
  if (!errors.empty()) return validationProblem(errors);
  Actor actor{call.user->id, call.user->username};
  auto saved = call.write<StoredLetterTemplate>([&](Store& s) -> std::expected<StoredLetterTemplate, Error> {
    if (!expected.empty()) {
      auto now = storedLetterTemplate(s);
      if (!now) return std::unexpected(now.error());
      if (now->version != expected)
        return std::unexpected(conflict("the letter template was changed meanwhile; read it again and repeat"));
    }
    if (auto ok = saveLetterTemplate(s, actor, letter); !ok) return std::unexpected(ok.error());
    return storedLetterTemplate(s);
  });
  if (!saved) {
    if (saved.error().kind == ErrorKind::invalid_input) return validationProblem({saved.error()});
    if (saved.error().kind != ErrorKind::conflict) return problem(saved.error());
    // The template as it is now, read through the writer (this request's snapshot may predate the change).
    auto now = call.writer.run<StoredLetterTemplate>(
        [](Store& s) -> std::expected<StoredLetterTemplate, Error> { return storedLetterTemplate(s); });
    return problemWithCurrent(saved.error(), now ? json::value(templateJson(*now)) : json::value(nullptr));
  }
  return jsonResponse(200, templateJson(*saved));
}

}  // namespace

std::vector<Route> letterRoutes() {
  using enum Permission;
  using enum Execution;
  // The list on a worker: each person on it is read, and a PDF drawn.
  return {
      {"GET", "/api/v1/letters/first-contact", write_cases, worker, firstContact},
      {"POST", "/api/v1/letters/first-contact/sent", write_cases, worker, lettersSent},
      {"GET", "/api/v1/letters/template", write_cases, inline_read, getTemplate},
      {"PUT", "/api/v1/letters/template", write_cases, worker, putTemplate},
  };
}

}  // namespace lotsen
