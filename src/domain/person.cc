#include "domain/person.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/text.h"

namespace lotsen {

std::string_view toString(Protection p) {
  switch (p) {
    case Protection::none:
      return "";
    case Protection::confidentiality_marking:
      return "sekretessmarkering";
    case Protection::protected_registration:
      return "skyddad_folkbokforing";
  }
  return "";
}

std::optional<Protection> protectionFromString(std::string_view text) {
  if (text.empty()) return Protection::none;
  if (text == "sekretessmarkering") return Protection::confidentiality_marking;
  if (text == "skyddad_folkbokforing") return Protection::protected_registration;
  return std::nullopt;
}

std::vector<Error> validateContactDetails(const ContactDetails& c) {
  std::vector<Error> errors;
  if (!c.phone.empty()) {
    std::size_t digits = 0;
    bool ok = true;
    for (std::size_t i = 0; i < c.phone.size(); ++i) {
      char ch = c.phone[i];
      if (ch >= '0' && ch <= '9')
        ++digits;
      else if (!(ch == ' ' || ch == '-' || ch == '(' || ch == ')' || (ch == '+' && i == 0)))
        ok = false;
    }
    if (!ok || digits < 6 || digits > 15)
      errors.push_back(
          invalidInput("a phone number has 6 to 15 digits, e.g. 070-123 45 67 or +46 70 123 45 67", "phone"));
  }
  if (!c.email.empty()) {
    std::size_t at = c.email.find('@');
    std::string_view domain = at == std::string::npos ? std::string_view() : std::string_view(c.email).substr(at + 1);
    bool ok = at != std::string::npos && at > 0 && c.email.size() <= 254 &&
              domain.find('@') == std::string_view::npos && domain.find('.') != std::string_view::npos &&
              !domain.starts_with('.') && !domain.ends_with('.') &&
              c.email.find_first_of(" \t\r\n<>,;\"") == std::string::npos;
    for (unsigned char ch : c.email) ok = ok && ch >= 0x21 && ch != 0x7F;
    if (!ok) errors.push_back(invalidInput("an e-mail address is name@domain.se, at most 254 characters", "email"));
  }
  return errors;
}

std::vector<Error> validateEnteredDetails(PersonDetails& d) {
  std::vector<Error> errors;
  auto text = [&](const std::string& value, std::string_view field) {
    if (value.empty())
      errors.push_back(invalidInput(fmt::format("{} is required", field), std::string(field)));
    else if (auto ok = checkFreeText(value, field); !ok)
      errors.push_back(ok.error());
    else if (std::size_t at = firstHiddenCharacter(value); at != std::string::npos)
      errors.push_back(invalidInput(fmt::format("{} holds an invisible character at position {} (a zero-width space, "
                                                "a joiner or the like): write it as the population register does",
                                                field, characterCount(std::string_view(value).substr(0, at)) + 1),
                                    std::string(field)));
    else if (characterCount(value) > 100)
      errors.push_back(invalidInput(fmt::format("{} has more than 100 characters", field), std::string(field)));
  };
  text(d.firstName, "first_name");
  text(d.lastName, "last_name");
  text(d.streetAddress, "street_address");
  text(d.city, "city");
  std::string postal;
  for (char c : d.postalCode)
    if (c != ' ') postal += c;
  if (postal.size() != 5 || !std::all_of(postal.begin(), postal.end(), [](char c) { return c >= '0' && c <= '9'; }))
    errors.push_back(invalidInput("a postal code has five digits, e.g. 503 30", "postal_code"));
  else
    d.postalCode = postal;
  if (d.municipalityCode.size() != 4 ||
      !std::all_of(d.municipalityCode.begin(), d.municipalityCode.end(), [](char c) { return c >= '0' && c <= '9'; }))
    errors.push_back(invalidInput("a kommunkod has four digits, e.g. 1490", "municipality_code"));
  return errors;
}

}  // namespace lotsen
