#include "domain/access.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "domain/casework.h"
#include "domain/text.h"

namespace lotsen {
namespace {

constexpr std::array<std::string_view, kRoleCount> kRoleNames{"admin",        "unit_manager", "caseworker",
                                                              "statistician", "auditor",      "school_reporter"};

}  // namespace

std::string RoleSet::text() const {
  std::string out;
  for (std::size_t i = 0; i < kRoleCount; ++i) {
    if (!has(static_cast<Role>(i))) continue;
    if (!out.empty()) out += ',';
    out += kRoleNames[i];
  }
  return out;
}

std::expected<RoleSet, Error> parseRoles(std::string_view text) {
  RoleSet roles;
  for (std::string_view name : splitList(text, ',')) {
    auto found = std::find(kRoleNames.begin(), kRoleNames.end(), name);
    if (found == kRoleNames.end())
      return std::unexpected(
          invalidInput(fmt::format("unknown role '{}'; use admin, unit_manager, caseworker, statistician, auditor or "
                                   "school_reporter, or several separated by commas",
                                   name),
                       "role"));
    roles.add(static_cast<Role>(found - kRoleNames.begin()));
  }
  if (roles.empty()) return std::unexpected(invalidInput("give at least one role", "role"));
  return roles;
}

std::string_view permissionName(Permission permission) {
  static constexpr std::array<std::string_view, 12> kNames{"open",
                                                           "signed_in",
                                                           "manage_users",
                                                           "run_identification",
                                                           "read_cases",
                                                           "write_cases",
                                                           "assign_cases",
                                                           "break_glass",
                                                           "read_statistics",
                                                           "read_access_log",
                                                           "read_protected_address",
                                                           "committee_report"};
  return kNames[static_cast<std::size_t>(permission)];
}

bool permits(const RoleSet& roles, Permission permission) {
  using enum Role;
  switch (permission) {
    case Permission::open:
      return true;
    case Permission::signed_in:
      return !roles.empty();
    case Permission::manage_users:
    case Permission::run_identification:
      return roles.has(admin);
    case Permission::read_cases:
    case Permission::write_cases:
      return roles.has(caseworker) || roles.has(unit_manager);
    case Permission::assign_cases:
      return roles.has(unit_manager);
    case Permission::break_glass:
      return roles.has(caseworker) || roles.has(unit_manager) || roles.has(auditor);
    case Permission::read_statistics:
      return roles.has(statistician) || roles.has(unit_manager);
    case Permission::read_access_log:
      return roles.has(auditor);
    case Permission::read_protected_address:
      return false;
    case Permission::committee_report:
      return roles.has(admin) || roles.has(unit_manager);
  }
  return false;
}

Caseload caseloadOf(std::int64_t userId, const RoleSet& roles, std::vector<std::string> units) {
  Caseload c;
  if (roles.has(Role::caseworker)) c.caseworkerId = userId;
  c.managesUnits = roles.has(Role::unit_manager);
  c.units = std::move(units);
  return c;
}

bool covers(const Caseload& c, std::string_view unit, std::optional<std::int64_t> caseworkerId) {
  bool ownUnit = std::find(c.units.begin(), c.units.end(), unit) != c.units.end();
  if (c.caseworkerId && caseworkerId == c.caseworkerId) return true;
  if (c.caseworkerId && !caseworkerId && ownUnit) return true;
  return c.managesUnits && (ownUnit || unit.empty());
}

bool coversAny(const Caseload& caseload, std::span<const Registration> registrations) {
  return std::any_of(registrations.begin(), registrations.end(),
                     [&](const Registration& r) { return covers(caseload, r); });
}

std::expected<void, Error> checkAssignee(const std::string& targetUnit, std::optional<std::int64_t> caseworkerId,
                                         const std::optional<Assignee>& assignee) {
  if (!caseworkerId) return {};
  if (targetUnit.empty())
    return std::unexpected(invalidInput("a caseworker is assigned within a unit: give the unit", "unit"));
  if (!assignee || !assignee->active)
    return std::unexpected(invalidInput(fmt::format("no active user with id {}", *caseworkerId), "caseworker_id"));
  if (!assignee->roles.has(Role::caseworker) && !assignee->roles.has(Role::unit_manager))
    return std::unexpected(invalidInput("cases are assigned to caseworkers and unit managers only", "caseworker_id"));
  if (std::find(assignee->units.begin(), assignee->units.end(), targetUnit) == assignee->units.end())
    return std::unexpected(
        invalidInput(fmt::format("{} does not work in {}", assignee->username, targetUnit), "caseworker_id"));
  return {};
}

std::expected<void, Error> validateAccessReason(std::string_view reason) {
  if (auto ok = checkFreeText(reason, "reason"); !ok) return ok;
  // A reason is words: "          x", or ten invisible or combining characters, states none.
  if (letterOrDigitCount(reason) < 10 || characterCount(reason) > kMaxFreeText)
    return std::unexpected(invalidInput(
        fmt::format("state the reason in words: at least 10 letters or digits, at most {} characters (it is shown in "
                    "the log review)",
                    kMaxFreeText),
        "reason"));
  return {};
}

std::expected<void, Error> validateUsername(std::string_view username) {
  auto allowed = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '.' || c == '_' || c == '-'));
  };
  bool ok = !username.empty() && username.size() <= 64;
  for (std::size_t i = 0; ok && i < username.size(); ++i) ok = allowed(username[i], i == 0);
  if (!ok)
    return std::unexpected(invalidInput(
        "a username has 1–64 characters: a–z, 0–9, '.', '_' or '-', starting with a letter or digit", "username"));
  return {};
}

std::vector<Error> validateUserContact(std::string_view fullName, std::string_view phone) {
  std::vector<Error> errors;
  if (auto text = checkFreeText(fullName, "full_name"); !text)
    errors.push_back(text.error());
  else if (characterCount(fullName) > kMaxUserFullName)
    errors.push_back(invalidInput(fmt::format("a name is at most {} characters", kMaxUserFullName), "full_name"));
  for (Error& e : validateContactDetails(ContactDetails{std::string(phone), ""})) errors.push_back(std::move(e));
  return errors;
}

}  // namespace lotsen
