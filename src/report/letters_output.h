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

// The template in use, read once: the saved one (kept as the report layout kLetterTemplateName, a JSON
// object {"text", "phone"}) or defaultLetterTemplate() when none is saved; whether one is saved; and its
// version: "0" for the default, else a hash of the saved text, so that a change made meanwhile is told from
// the one read (the layouts' table keeps no version number). internal when the saved one does not read.
struct StoredLetterTemplate {
  LetterTemplate letter;
  bool saved = false;
  std::string version;
};
std::expected<StoredLetterTemplate, Error> storedLetterTemplate(Store& store);
// The template in use (storedLetterTemplate's letter).
std::expected<LetterTemplate, Error> letterTemplate(Store& store);

// Saves `letter` under checkLetterTemplate (invalid_input for its first fault); journalled as the store's
// "report_layout.imported" event with the whole text. Call inside a write transaction (or alone).
std::expected<void, Error> saveLetterTemplate(Store& store, const Actor& actor, const LetterTemplate& letter);

// The letters for the first_contact worklist under `filter` (its today is the letters' date), from the
// saved template: the responsible caseworker's name and phone (letterSigner) and unit in each, `sender`'s
// (the username of the user who makes them) where nobody is responsible yet (composeLetters). Errors from
// the store.
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
