// Lotsen domain core: the people in the register and their registrations in a programme.
//
// src/domain owns the rules and the value types of Lotsen. It does no I/O, reads no clock and knows no
// database: it depends only on the C++ standard library and fmt. Everything else depends on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"
#include "domain/personal_id.h"

namespace lotsen {

// Protection marker from the population register. Anything but `none` hides the address.
enum class Protection : std::uint8_t { none, confidentiality_marking, protected_registration };

std::string_view toString(Protection p);  // "", "sekretessmarkering", "skyddad_folkbokforing"
std::optional<Protection> protectionFromString(std::string_view text);

// The register's identity and contact data for one person (Förordning 2006:39, point 1).
struct PersonDetails {
  PersonalId personalId;
  std::string firstName;
  std::string lastName;
  std::string streetAddress;
  std::string postalCode;
  std::string city;
  std::string municipalityCode;  // kommunkod of the home municipality, 4 digits
  Protection protection = Protection::none;
};

// The young person's own phone number and e-mail address (Förordning 2006:39, point 1: never a
// guardian's). Kept by caseworkers, not by the registers; empty when not known.
struct ContactDetails {
  std::string phone;
  std::string email;
  bool operator==(const ContactDetails&) const = default;
};

// The rule for contact details: a phone number of 6 to 15 digits, written with spaces, hyphens,
// brackets and a leading + as people write them; an e-mail address of the form name@domain.tld, at most
// 254 characters. invalid_input naming "phone" or "email" for each that breaks it.
std::vector<Error> validateContactDetails(const ContactDetails& contact);

// The rule for identity data a user enters (a person registered by hand before the registers know
// them): first and last name, street address and city required, one line each, at most 100 characters;
// a postal code of five digits (written "503 30" or "50330", kept as five digits); a kommunkod of four
// digits. invalid_input naming each field that breaks it. Normalises the postal code in place.
std::vector<Error> validateEnteredDetails(PersonDetails& details);

struct Person {
  std::int64_t id = 0;
  PersonDetails details;
  std::int64_t version = 0;
  ContactDetails contact;
};

// A programme a person can be registered in. KAA first; labour-market programmes later.
inline constexpr std::string_view kProgrammeKaa = "kaa";

struct NewRegistration {
  std::int64_t personId = 0;
  std::string programme{kProgrammeKaa};
  CivilDate startDate;
  std::string reason;             // code in the "registration_reason" list valid on startDate
  std::string byHand{};           // registered by a user before the registers showed it: a "registration_by_hand" code
  std::string registersReason{};  // the registers' reason, when identification makes the registration
};

// Who ended a registration: a caseworker closing it by hand, or identification from the registers.
enum class EndedBy : std::uint8_t { registers, hand };

struct Registration {
  std::int64_t id = 0;
  std::int64_t personId = 0;
  std::string programme;
  CivilDate startDate;
  std::string reason;
  std::optional<CivilDate> endDate;
  std::optional<std::string> endReason;  // code in the "deregistration_reason" list valid on endDate
  std::int64_t version = 0;
  std::optional<std::int64_t> caseworkerId;  // the responsible caseworker (a user)
  std::string unit;                          // the responsible unit
  bool closedByHand = false;                 // ended by a user, not by identification: it stands until
                                             // the registers show something new about the person
  std::string byHand{};            // how a registration made by hand came about; empty when identification made it
  bool awaitingRegisters = false;  // made by hand, and no identification run has seen the person since
  std::string registersReason{};   // the registration reason the registers gave when identification last found
                                   // the person in the target group; empty before any run has
};

// True when the registers, as identification last read them, give another registration reason than the
// registration's: a half-year file would report a reason the registers contradict.
inline bool reasonContradictsRegisters(std::string_view reason, std::string_view registersReason) {
  return !registersReason.empty() && registersReason != reason;
}
inline bool reasonContradictsRegisters(const Registration& r) {
  return reasonContradictsRegisters(r.reason, r.registersReason);
}

}  // namespace lotsen
