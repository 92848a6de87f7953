// Lotsen report: first-contact letters (report/letters.h) read from the Store and written for people —
// the template kept in the store, the JSON overview (the API and the UI) and the PDF to print (cairo +
// pango, report/pdf.h): one letter a page, then a page that lists apart those who get no letter with an
// address. Never a protected person's address, in any of them.
#pragma once

#include <boost/json/object.hpp>
#include <expected>
#include <string>

#include "domain/error.h"
#include "report/letters.h"
#include "store/store.h"

namespace lotsen {

// The saved template (kept as the report layout kLetterTemplateName, a JSON object {"text", "phone"}), or
// defaultLetterTemplate() when none is saved. internal when the saved one does not read.
std::expected<LetterTemplate, Error> letterTemplate(Store& store);
// True when a template has been saved (the default is not in use).
std::expected<bool, Error> letterTemplateSaved(Store& store);
// The version of the template in use: "0" for the default, else a checksum of the saved text (16 hex
// digits, FNV-1a), so that a change made meanwhile is told from the one read (the layouts' table keeps no
// version number).
std::expected<std::string, Error> letterTemplateVersion(Store& store);

// Saves `letter` under checkLetterTemplate (invalid_input for its first fault); journalled as the store's
// "report_layout.imported" event with the whole text. Call inside a write transaction (or alone).
std::expected<void, Error> saveLetterTemplate(Store& store, const Actor& actor, const LetterTemplate& letter);

// The letters for the first_contact worklist under `filter` (its today is the letters' date), from the
// saved template: the responsible caseworker's username and unit in each, `sender` (the user who makes
// them) where nobody is responsible yet (composeLetters). Errors from the store.
std::expected<FirstContactLetters, Error> firstContactLetters(Store& store, const WorklistFilter& filter,
                                                              std::string_view sender = {});

// Every person the letters name (letters, forwarded, without address): whom a download reads.
std::vector<std::int64_t> personsNamed(const FirstContactLetters& letters);

// The overview as JSON: date, count (letters), "letters" [{person_id, registration_id, name}] (no address,
// no text: the PDF holds those), "forwarded" and "without_address" [{person_id, registration_id, name}].
boost::json::object firstContactLettersJson(const FirstContactLetters& letters);

// The letters as a PDF document (A4): a letter a page (the address block for a window envelope, the
// text; no page number, which its reader does not need), the protected persons' letters with their name
// and no address, then a page (numbered) listing the protected persons (name and
// personnummer, "skickas via Skatteverkets vidarebefordran") and those without an address. Errors: internal when cairo
// fails.
std::expected<std::string, Error> firstContactLettersPdf(const FirstContactLetters& letters);

}  // namespace lotsen
