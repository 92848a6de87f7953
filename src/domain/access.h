// Lotsen domain: who may do what. Roles, the permissions each role has, and the caseload a user reaches
// without breaking the glass. Pure rules; src/http enforces them in one place (Api::authorize).
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/person.h"

namespace lotsen {

enum class Role : std::uint8_t { admin, unit_manager, caseworker, statistician, auditor, school_reporter };
inline constexpr std::size_t kRoleCount = 6;

// A user's roles (a user may hold several, e.g. admin and caseworker).
class RoleSet {
 public:
  RoleSet() = default;
  RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) add(r);
  }
  void add(Role r) { bits_ |= bit(r); }
  bool has(Role r) const { return (bits_ & bit(r)) != 0; }
  bool empty() const { return bits_ == 0; }
  // "admin,caseworker": the canonical form, in declaration order.
  std::string text() const;
  bool operator==(const RoleSet&) const = default;

 private:
  static std::uint8_t bit(Role r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
  std::uint8_t bits_ = 0;
};

// Parses "caseworker" or "admin,caseworker". invalid_input naming the unknown role, or for an empty list.
std::expected<RoleSet, Error> parseRoles(std::string_view text);

// What a route needs. `open` needs nothing; `signed_in` any signed-in user; the rest are granted by roles.
enum class Permission : std::uint8_t {
  open,
  signed_in,
  manage_users,            // admin: users, units and the settings
  run_identification,      // admin: register imports
  read_cases,              // caseworker, unit_manager: search and read cases in the caseload
  write_cases,             // caseworker, unit_manager: document in cases of the caseload
  assign_cases,            // unit_manager: reassign cases of own units
  break_glass,             // caseworker, unit_manager, auditor: open one case outside the caseload, with a reason
  read_statistics,         // statistician, unit_manager: aggregates only, small counts suppressed
  read_access_log,         // auditor: the access log and its review
  read_protected_address,  // nobody by default: addresses of persons with protected identity
  committee_report,        // admin, unit_manager: the committee report (whole municipality), its targets and analyses
};
std::string_view permissionName(Permission permission);

// True when one of `roles` grants `permission`.
bool permits(const RoleSet& roles, Permission permission);

// The cases a user reaches without breaking the glass.
struct Caseload {
  std::optional<std::int64_t> caseworkerId;  // caseworkers: cases assigned to them, unassigned cases of `units`
  bool managesUnits = false;                 // unit managers: every case of `units`, and cases with no unit
  std::vector<std::string> units;
};
Caseload caseloadOf(std::int64_t userId, const RoleSet& roles, std::vector<std::string> units);
// True when a registration of `unit` with the responsible caseworker `caseworkerId` lies in the caseload.
bool covers(const Caseload& caseload, std::string_view unit, std::optional<std::int64_t> caseworkerId);
// True when the registration lies in the caseload.
inline bool covers(const Caseload& caseload, const Registration& registration) {
  return covers(caseload, registration.unit, registration.caseworkerId);
}
// True when any of a person's registrations lies in the caseload.
bool coversAny(const Caseload& caseload, std::span<const Registration> registrations);

// The user a registration would be assigned to, as far as the assignment rule needs to know them.
struct Assignee {
  RoleSet roles;
  bool active = false;
  std::vector<std::string> units;
  std::string username;  // named in the refusal
};

// The rule for making someone responsible for a registration (the manager has already been found to
// reach the registration by role, and the unit to be one of theirs): with a caseworker the target unit
// is named, and the assignee (none: no such user) is an active caseworker or unit manager who works in
// it. invalid_input on caseworker_id or unit otherwise.
std::expected<void, Error> checkAssignee(const std::string& targetUnit, std::optional<std::int64_t> caseworkerId,
                                         const std::optional<Assignee>& assignee);

// Break the glass: a reason has at least 10 letters or digits and at most 500 characters; grants last
// `break_glass_hours` (default 8).
inline constexpr int kDefaultBreakGlassHours = 8;
std::expected<void, Error> validateAccessReason(std::string_view reason);

// A username is 1–64 characters of a–z, 0–9, '.', '_' and '-', starting with a letter or a digit.
std::expected<void, Error> validateUsername(std::string_view username);

// The name and work phone a user is known by (letters sign with them): a name of one line of at most
// kMaxUserFullName characters, a phone number by the rule for a person's (validateContactDetails); either may
// be empty. Every fault at once, each invalid_input naming "full_name" or "phone".
inline constexpr std::size_t kMaxUserFullName = 100;
std::vector<Error> validateUserContact(std::string_view fullName, std::string_view phone);

}  // namespace lotsen
