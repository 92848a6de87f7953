#include "report/letters_output.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>

#include "domain/text.h"
#include "report/pdf.h"

namespace lotsen {
namespace json = boost::json;
namespace {

using pdf::kBottom;
using pdf::kMargin;
using pdf::kPageWidth;

// The list apart, as JSON: who, never where.
json::array apartJson(const std::vector<LetterApart>& apart) {
  json::array items;
  for (const LetterApart& a : apart)
    items.push_back(json::object{{"person_id", a.personId}, {"registration_id", a.registrationId}, {"name", a.name}});
  return items;
}

constexpr std::string_view kForwarding = "skickas via Skatteverkets vidarebefordran";

// Draws one paragraph of a letter at `y` (moved below it), on a new page when it does not fit; a paragraph
// longer than a page is split at a space near its middle.
void paragraphOn(pdf::Pages& pages, double& y, std::string_view paragraph, double width) {
  constexpr double kSize = 11;
  if (paragraph.empty()) paragraph = " ";  // an empty line keeps its height
  double h = pages.height(paragraph, kSize, false, width);
  if (h > kBottom - kMargin) {
    std::size_t middle = paragraph.rfind(' ', paragraph.size() / 2);
    if (middle == std::string_view::npos || middle == 0) middle = paragraph.find(' ', paragraph.size() / 2);
    std::size_t skip = 1;
    if (middle == std::string_view::npos || middle == 0) {  // one long word: split between two characters
      middle = paragraph.size() / 2;
      while (middle > 0 && (static_cast<unsigned char>(paragraph[middle]) & 0xC0) == 0x80) --middle;
      skip = 0;
    }
    if (middle > 0) {
      paragraphOn(pages, y, paragraph.substr(0, middle), width);
      y -= 4;  // the halves read as one paragraph
      paragraphOn(pages, y, paragraph.substr(middle + skip), width);
      return;
    }
  }
  if (y + h > kBottom) {
    pages.endPage(false);
    y = kMargin;
  }
  y += pages.text(kMargin, y, paragraph, kSize, false, width) + 4;
}

// Draws the whole document; answers the number of pages, -1 when cairo failed.
int drawLetters(const FirstContactLetters& l, std::string* out, int totalPages) {
  std::string day = letterDate(l.date);
  pdf::Pages pages(out, fmt::format("Brev för första kontakt {}", l.date.iso()), totalPages);
  pages.title(fmt::format("Brev för första kontakt {}", day));
  const double width = kPageWidth - 2 * kMargin;
  // One letter: the name and address where a C5 window envelope shows them (left window, about 45 mm from
  // the top), then the text; a text too long for one page goes on over the next (the template allows 5,000
  // characters).
  auto letterPages = [&](const std::string& name, const std::vector<std::string>& address, const std::string& text) {
    double y = 125;
    y += pages.text(kMargin + 10, y, name, 11, false, 260);
    for (const std::string& line : address) y += pages.text(kMargin + 10, y, line, 11, false, 260);
    y = std::max(y, 230.0) + 20;
    for (std::string_view paragraph : splitList(text, '\n')) paragraphOn(pages, y, paragraph, width);
    pages.endPage(false);
  };
  for (const FirstContactLetter& letter : l.letters) letterPages(letter.name, letter.address, letter.text);
  // The protected persons' letters: the name, never an address.
  for (const LetterApart& a : l.forwarded) letterPages(a.name, {}, a.text);
  // The persons apart: never an address.
  if (!l.forwarded.empty() || !l.withoutAddress.empty() || l.letters.empty()) {
    double y = kMargin;
    y += pages.text(kMargin, y, "Skickas inte med adress", 18, true, width) + 12;
    auto section = [&](std::string_view heading, std::string_view explanation, const std::vector<LetterApart>& who,
                       std::string_view each) {
      if (who.empty()) return;
      if (y + 80 > kBottom) {
        pages.endPage();
        y = kMargin;
      }
      y += pages.text(kMargin, y, heading, 13, true, width) + 4;
      y += pages.text(kMargin, y, explanation, 9.5, false, width) + 8;
      for (const LetterApart& a : who) {
        std::string row = fmt::format("{}, {}: {}", a.name, a.personalId, each);
        double h = pages.height(row, 10.5, false, width);
        if (y + h > kBottom) {
          pages.endPage();
          y = kMargin;
        }
        y += pages.text(kMargin, y, row, 10.5, false, width) + 3;
      }
      y += 14;
    };
    section("Skyddade personuppgifter",
            "Adressen skrivs aldrig ut. Deras brev står före den här sidan, med namn men utan adress. Lägg varje "
            "brev i ett eget kuvert med namn och personnummer och skicka det till Skatteverket, som "
            "vidarebefordrar det.",
            l.forwarded, kForwarding);
    section("Ingen känd adress", "Lotsen känner ingen fullständig adress: försök nå den unga på annat sätt.",
            l.withoutAddress, "ingen adress");
    if (l.letters.empty() && l.forwarded.empty() && l.withoutAddress.empty())
      pages.text(kMargin, y, "Ingen på listan för första kontakt väntar på brev.", 11, false, width);
    pages.endPage();
  }
  if (pages.finish() != CAIRO_STATUS_SUCCESS) return -1;
  return pages.pages();
}

}  // namespace

std::expected<StoredLetterTemplate, Error> storedLetterTemplate(Store& store) {
  auto saved = store.reportLayout(kLetterTemplateName);
  if (!saved) return std::unexpected(saved.error());
  if (!*saved) return StoredLetterTemplate{defaultLetterTemplate(), false, "0"};
  json::error_code ec;
  json::value v = json::parse(**saved, ec);
  const json::object* o = ec ? nullptr : v.if_object();
  const json::value* text = o ? o->if_contains("text") : nullptr;
  const json::value* phone = o ? o->if_contains("phone") : nullptr;
  if (!text || !text->is_string() || !phone || !phone->is_string())
    return std::unexpected(internalError("the saved letter template does not read: save it again"));
  return StoredLetterTemplate{LetterTemplate{std::string(text->as_string()), std::string(phone->as_string())}, true,
                              fmt::format("{:016x}", std::hash<std::string>{}(**saved))};
}

std::expected<LetterTemplate, Error> letterTemplate(Store& store) {
  auto stored = storedLetterTemplate(store);
  if (!stored) return std::unexpected(stored.error());
  return std::move(stored->letter);
}

std::expected<void, Error> saveLetterTemplate(Store& store, const Actor& actor, const LetterTemplate& letter) {
  if (auto errors = checkLetterTemplate(letter); !errors.empty()) return std::unexpected(errors.front());
  return store.saveReportLayout(actor, kLetterTemplateName,
                                json::serialize(json::object{{"text", letter.text}, {"phone", letter.phone}}));
}

std::expected<FirstContactLetters, Error> firstContactLetters(Store& store, const WorklistFilter& filter,
                                                              std::string_view sender) {
  auto letter = letterTemplate(store);
  if (!letter) return std::unexpected(letter.error());
  auto users = store.users();
  if (!users) return std::unexpected(users.error());
  std::map<std::int64_t, LetterSigner> signers;
  std::optional<LetterSigner> senderSigns;
  for (const User& u : *users) {
    signers[u.id] = letterSigner(u.username, u.fullName, u.phone);
    if (u.username == sender) senderSigns = signers[u.id];
  }
  if (!senderSigns && !sender.empty()) senderSigns = letterSigner(sender, "", "");
  std::vector<LetterCandidate> candidates;
  auto read = store.readSnapshot([&]() -> std::expected<void, Error> {
    auto entries = store.worklist("first_contact", filter);
    if (!entries) return std::unexpected(entries.error());
    for (const WorklistEntry& e : *entries) {
      auto person = store.person(e.personId);
      if (!person) return std::unexpected(person.error());
      std::optional<LetterSigner> caseworker;
      if (e.caseworkerId)
        if (auto it = signers.find(*e.caseworkerId); it != signers.end()) caseworker = it->second;
      candidates.push_back({e.personId, e.registrationId, person->details, caseworker, e.unit});
    }
    return {};
  });
  if (!read) return std::unexpected(read.error());
  return composeLetters(candidates, *letter, filter.today, senderSigns);
}

std::vector<std::int64_t> personsNamed(const FirstContactLetters& l) {
  std::vector<std::int64_t> ids;
  for (const FirstContactLetter& letter : l.letters) ids.push_back(letter.personId);
  for (const LetterApart& a : l.forwarded) ids.push_back(a.personId);
  for (const LetterApart& a : l.withoutAddress) ids.push_back(a.personId);
  return ids;
}

json::object firstContactLettersJson(const FirstContactLetters& l) {
  json::array letters;
  for (const FirstContactLetter& letter : l.letters)
    letters.push_back(json::object{
        {"person_id", letter.personId}, {"registration_id", letter.registrationId}, {"name", letter.name}});
  return json::object{{"date", l.date.iso()},
                      {"count", l.letters.size()},
                      {"letters", std::move(letters)},
                      {"forwarded", apartJson(l.forwarded)},
                      {"without_address", apartJson(l.withoutAddress)}};
}

std::expected<std::string, Error> firstContactLettersPdf(const FirstContactLetters& letters) {
  std::string counting, out;
  int pages = drawLetters(letters, &counting, 0);
  if (pages < 0 || drawLetters(letters, &out, pages) < 0)
    return std::unexpected(internalError("the PDF could not be drawn"));
  return out;
}

}  // namespace lotsen
