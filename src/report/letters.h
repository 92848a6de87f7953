// Lotsen report: first-contact letters (issue 14). The first contact is usually a letter to the registered
// address: one letter per young person on the first_contact worklist, its text from the municipality's
// editable template. A person with protected identity never gets their address printed: they are listed
// apart, to be sent through Skatteverket's forwarding. Pure: no I/O (letters_output.h reads and draws).
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"
#include "domain/person.h"

namespace lotsen {

// The name the template is kept under (Store::reportLayout).
inline constexpr std::string_view kLetterTemplateName = "first_contact_letter";
// The longest template text, in characters, and the longest phone number.
inline constexpr std::size_t kMaxLetterText = 5000;
inline constexpr std::size_t kMaxLetterPhone = 40;

// The template: its text, with the fields {namn} (the young person's name), {handläggare} (the responsible
// caseworker's name), {telefon} (the caseworker's work phone, or `phone` for whoever has none), {enhet} (the
// responsible unit) and {datum} (the day the letters are made, "1 december 2026").
struct LetterTemplate {
  std::string text;
  std::string phone;
};

// The template used until one is saved: a short letter in Swedish with every field.
LetterTemplate defaultLetterTemplate();

// The rule for a template: a text that shows something, valid UTF-8 without control characters (line
// breaks allowed), at most kMaxLetterText characters, every {…} one of the fields above (a field named
// otherwise is an error naming it; a { that opens no field too); a phone number of one line, at most
// kMaxLetterPhone characters. Every fault at once, each invalid_input naming "text" or "phone".
std::vector<Error> checkLetterTemplate(const LetterTemplate& letter);

// The values of one letter's fields.
struct LetterFields {
  std::string name;
  std::string caseworker;
  std::string phone;
  std::string unit;
  std::string date;
};

// `text` (checked by checkLetterTemplate) with each field replaced by its value.
std::string fillLetter(std::string_view text, const LetterFields& fields);

// A date as a letter says it: "1 december 2026".
std::string letterDate(CivilDate day);

// Who signs a letter: a user's name and work phone (empty: the template's number).
struct LetterSigner {
  std::string name;
  std::string phone;
};

// The signer a user is: their full name, or their username with a capital first letter when they gave none.
LetterSigner letterSigner(std::string_view username, std::string_view fullName, std::string_view phone);

// A young person on the first-contact list, with what a letter needs.
struct LetterCandidate {
  std::int64_t personId = 0;
  std::int64_t registrationId = 0;
  PersonDetails details;
  std::optional<LetterSigner> caseworker;  // the responsible caseworker; none when nobody is responsible yet
  std::string unit;                        // the responsible unit; empty in the intake
};

// A letter to be printed and posted.
struct FirstContactLetter {
  std::int64_t personId = 0;
  std::int64_t registrationId = 0;
  std::string name;
  std::vector<std::string> address;  // the lines under the name: street, "503 30 Borås"
  std::string text;                  // the filled template
};

// A young person who gets no letter with an address: protected (sent through Skatteverket's forwarding,
// which needs the name and personnummer) or without a known address. Never an address.
struct LetterApart {
  std::int64_t personId = 0;
  std::int64_t registrationId = 0;
  std::string name;
  std::string personalId;  // "20080312-2381"
  std::string text;        // a protected person's letter (filled template), printed without an address
};

struct FirstContactLetters {
  CivilDate date;
  std::vector<FirstContactLetter> letters;  // known, non-protected address; in the order given
  std::vector<LetterApart> forwarded;       // protected identity: "skickas via Skatteverkets vidarebefordran"
  std::vector<LetterApart> withoutAddress;  // no address known: no letter can be sent
};

// The letters for `candidates` on `date` from `letter` (checked): one per person with a known address and
// no protected identity; the protected listed in `forwarded` and those without a whole address (street,
// postal code, city) in `withoutAddress`, with neither address nor letter text. {handläggare} and {telefon}
// are the responsible caseworker's, or `sender`'s (the user who makes the letters) when nobody is responsible
// yet, or else the unit and the template's number; {enhet} is the responsible unit, or "KAA-enheten" in the
// intake.
FirstContactLetters composeLetters(std::span<const LetterCandidate> candidates, const LetterTemplate& letter,
                                   CivilDate date, const std::optional<LetterSigner>& sender = std::nullopt);

// A letter confirmed sent: the contact attempt goes into this registration.
struct LetterSent {
  std::int64_t personId = 0;
  std::int64_t registrationId = 0;
};

// The letters among `letters` that `personIds` confirm as sent (each person once, in the order given):
// a person with a letter, or listed for Skatteverket's forwarding. Every fault at once, each invalid_input
// naming "person_ids" (none given) or "person_ids[i]": a person not on the list (outside the caller's
// caseload, or contacted already), or one without an address.
std::expected<std::vector<LetterSent>, std::vector<Error>> lettersToConfirm(const FirstContactLetters& letters,
                                                                            std::span<const std::int64_t> personIds);

}  // namespace lotsen
