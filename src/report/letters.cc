#include "report/letters.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "domain/text.h"

namespace lotsen {
namespace {

// The fields a template may name, and the letter's value of each.
struct Field {
  std::string_view name;
  std::string LetterFields::*value;
};
constexpr std::array<Field, 5> kFields{{{"namn", &LetterFields::name},
                                        {"handläggare", &LetterFields::caseworker},
                                        {"telefon", &LetterFields::phone},
                                        {"enhet", &LetterFields::unit},
                                        {"datum", &LetterFields::date}}};

const Field* findField(std::string_view name) {
  for (const Field& f : kFields)
    if (f.name == name) return &f;
  return nullptr;
}

// A field's name is short and one word: longer, or across a line, the { opens no field.
constexpr std::size_t kLongestFieldName = 30;

constexpr std::array<std::string_view, 12> kMonthNames{"januari",   "februari", "mars",     "april",
                                                       "maj",       "juni",     "juli",     "augusti",
                                                       "september", "oktober",  "november", "december"};

// "50330" → "503 30"; any other form as it is.
std::string postalCodeText(const std::string& code) {
  if (code.size() == 5 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return code.substr(0, 3) + " " + code.substr(3);
  return code;
}

bool blank(const std::string& text) { return !showsSomething(text); }

// "anna" → "Anna": a username as a letter names the person.
std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

LetterTemplate defaultLetterTemplate() {
  return {
      "Hej {namn}!\n\n"
      "Vi på {enhet} i kommunen hör av oss till alla unga under 20 år som inte går i gymnasieskolan. Det "
      "gör vi för att kommunen ska kunna erbjuda stöd till studier, arbete eller något annat som passar "
      "dig (det kommunala aktivitetsansvaret, skollagen 29 kap. 9 §).\n\n"
      "Vi vill gärna träffa dig och höra hur du har det och vad du vill göra framöver. Det är frivilligt "
      "och kostar ingenting. Ring eller skicka ett sms till mig på {telefon}, så bokar vi en tid som passar "
      "dig.\n\n"
      "Om du redan studerar eller arbetar vill vi också gärna veta det.\n\n"
      "Med vänliga hälsningar\n"
      "{handläggare}\n"
      "{enhet}\n"
      "{datum}",
      "033-35 70 00"};
}

std::vector<Error> checkLetterTemplate(const LetterTemplate& letter) {
  std::vector<Error> errors;
  if (letter.text.empty() || (isValidUtf8(letter.text) && !showsSomething(letter.text))) {
    errors.push_back(invalidInput("the letter has no text", "text"));
  } else if (auto free = checkFreeText(letter.text, "text", Lines::several); !free) {
    errors.push_back(free.error());
  } else if (characterCount(letter.text) > kMaxLetterText) {
    errors.push_back(invalidInput(fmt::format("the letter's text is at most {} characters", kMaxLetterText), "text"));
  } else {
    std::set<std::string> unknown;
    bool unclosed = false;
    for (std::size_t at = letter.text.find('{'); at != std::string::npos; at = letter.text.find('{', at + 1)) {
      std::size_t close = letter.text.find_first_of("{}\n", at + 1);
      if (close == std::string::npos || letter.text[close] != '}' || close - at - 1 > kLongestFieldName) {
        unclosed = true;
        continue;
      }
      std::string name = letter.text.substr(at + 1, close - at - 1);
      if (!findField(name)) unknown.insert(name);
    }
    for (const std::string& name : unknown)
      errors.push_back(invalidInput(fmt::format("the letter names the field {{{}}}, which does not exist: the fields "
                                                "are {{namn}}, {{handläggare}}, {{telefon}}, {{enhet}} and {{datum}}",
                                                name),
                                    "text"));
    if (unclosed) errors.push_back(invalidInput("a { in the letter opens no field: write a field as {namn}", "text"));
  }
  if (auto free = checkFreeText(letter.phone, "phone"); !free)
    errors.push_back(free.error());
  else if (characterCount(letter.phone) > kMaxLetterPhone)
    errors.push_back(invalidInput(fmt::format("the phone number is at most {} characters", kMaxLetterPhone), "phone"));
  return errors;
}

std::string fillLetter(std::string_view text, const LetterFields& fields) {
  std::string out;
  out.reserve(text.size() + 200);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      std::size_t close = text.find('}', i + 1);
      if (close != std::string_view::npos)
        if (const Field* f = findField(text.substr(i + 1, close - i - 1))) {
          out += fields.*(f->value);
          i = close;
          continue;
        }
    }
    out += text[i];
  }
  return out;
}

std::string letterDate(CivilDate day) {
  return fmt::format("{} {} {}", day.day(), kMonthNames[static_cast<std::size_t>(day.month() - 1)], day.year());
}

LetterSigner letterSigner(std::string_view username, std::string_view fullName, std::string_view phone) {
  return {fullName.empty() ? capitalised(std::string(username)) : std::string(fullName), std::string(phone)};
}

FirstContactLetters composeLetters(std::span<const LetterCandidate> candidates, const LetterTemplate& letter,
                                   CivilDate date, const std::optional<LetterSigner>& sender) {
  FirstContactLetters out{date, {}, {}, {}};
  const std::string day = letterDate(date);
  for (const LetterCandidate& c : candidates) {
    const PersonDetails& d = c.details;
    std::string name = fmt::format("{} {}", d.firstName, d.lastName);
    std::string unit = c.unit.empty() ? "KAA-enheten" : c.unit;
    LetterSigner signer = c.caseworker ? *c.caseworker : sender ? *sender : LetterSigner{unit, ""};
    LetterFields fields{name, signer.name, signer.phone.empty() ? letter.phone : signer.phone, unit, day};
    // A protected person's address is read no further than this test.
    if (d.protection != Protection::none) {
      std::string text = fillLetter(letter.text, fields);
      out.forwarded.push_back(
          {c.personId, c.registrationId, std::move(name), d.personalId.canonical(), std::move(text)});
      continue;
    }
    if (blank(d.streetAddress) || blank(d.postalCode) || blank(d.city)) {
      out.withoutAddress.push_back({c.personId, c.registrationId, std::move(name), d.personalId.canonical(), ""});
      continue;
    }
    out.letters.push_back({c.personId,
                           c.registrationId,
                           name,
                           {d.streetAddress, fmt::format("{} {}", postalCodeText(d.postalCode), d.city)},
                           fillLetter(letter.text, fields)});
  }
  return out;
}

std::expected<std::vector<LetterSent>, std::vector<Error>> lettersToConfirm(const FirstContactLetters& letters,
                                                                            std::span<const std::int64_t> personIds) {
  std::vector<Error> errors;
  std::vector<LetterSent> sent;
  if (personIds.empty())
    errors.push_back(invalidInput("name at least one person the letters were sent to", "person_ids"));
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < personIds.size(); ++i) {
    std::int64_t id = personIds[i];
    if (!seen.insert(id).second) continue;
    std::string field = fmt::format("person_ids[{}]", i);
    auto letter = std::ranges::find(letters.letters, id, &FirstContactLetter::personId);
    if (letter != letters.letters.end()) {
      sent.push_back({id, letter->registrationId});
      continue;
    }
    auto forwarded = std::ranges::find(letters.forwarded, id, &LetterApart::personId);
    if (forwarded != letters.forwarded.end()) {
      sent.push_back({id, forwarded->registrationId});
      continue;
    }
    if (std::ranges::find(letters.withoutAddress, id, &LetterApart::personId) != letters.withoutAddress.end())
      errors.push_back(invalidInput(fmt::format("no letter can be sent to person {}: no address is known", id), field));
    else
      errors.push_back(invalidInput(
          fmt::format("person {} is not on your first-contact list (contacted already, or not in your cases)", id),
          field));
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return sent;
}

}  // namespace lotsen
