#include "domain/person.h"

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

}  // namespace lotsen
