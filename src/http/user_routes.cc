// User administration for admins (permission manage_users): list the accounts, add one, change its
// roles, units, active state and read_protected_address, and set a new password. `lotsen user …` does
// the same from the command line; both write the same journal events.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "clock/swedish_time.h"
#include "domain/text.h"
#include "http/api.h"
#include "http/auth.h"
#include "http/json_mapping.h"
#include "store/json_fields.h"

namespace lotsen {
namespace json = boost::json;
namespace {

constexpr std::int64_t kMaxInactiveDays = 36500;

// Never the password hash.
json::object userJson(const User& u) {
  json::array roles;
  for (std::string_view role : splitList(u.role, ',')) roles.emplace_back(role);
  return {{"id", u.id},
          {"username", u.username},
          {"roles", std::move(roles)},
          {"units", json::value_from(u.units)},
          {"active", u.active},
          {"reads_protected_address", u.readsProtectedAddress},
          {"full_name", u.fullName},
          {"phone", u.phone},
          {"last_login_at", u.lastLoginAt.empty() ? json::value(nullptr) : json::value(u.lastLoginAt)},
          {"version", u.version}};
}

Response userResponse(int status, const User& u) {
  Response r = jsonResponse(status, userJson(u));
  r.headers.emplace_back("ETag", etagOf("user", u.id, u.version));
  return r;
}

// At most this many roles or units in one request (there are six roles; a user works in a few units).
constexpr std::size_t kMaxListItems = 50;

// The roles named in `names`, canonical ("admin,caseworker").
std::expected<std::string, Error> roleText(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text.append(text.empty() ? "" : ",").append(name);
  auto roles = parseRoles(text);
  if (!roles) return std::unexpected(invalidInput(roles.error().message, "roles"));
  return roles->text();
}

// An error for the first unit that does not exist.
std::optional<Error> unknownUnit(Store& store, const std::vector<std::string>& units) {
  auto known = store.units();
  if (!known) return known.error();
  for (const std::string& unit : units)
    if (std::find(known->begin(), known->end(), unit) == known->end())
      return invalidInput(fmt::format("no unit named '{}'", unit), "units");
  return std::nullopt;
}

bool isActiveAdmin(const User& u) {
  auto roles = parseRoles(u.role);
  return u.active && roles && roles->has(Role::admin);
}

// GET /api/v1/users[?inactive_days=N]: every account, or only the active ones unused for N days.
Response listUsers(Call& call) {
  std::optional<std::string> usedFrom;
  if (std::string days = queryParameter(call.request.query, "inactive_days"); !days.empty()) {
    auto n = positiveNumber(days);
    if (!n || *n > kMaxInactiveDays)
      return problem(400, "Bad Request",
                     fmt::format("inactive_days must be a whole number from 1 to {}", kMaxInactiveDays),
                     "inactive_days");
    usedFrom = swedishDayStartUtc(todayOf(call).plusDays(1 - static_cast<int>(*n)));
  }
  auto users = call.store.users();
  if (!users) return problem(users.error());
  json::array items;
  for (const User& u : *users)
    if (!usedFrom || unusedFrom(u, *usedFrom)) items.push_back(userJson(u));
  return jsonResponse(200, json::object{{"items", std::move(items)}});
}

// POST /api/v1/users {"username", "password", "roles": [...], "units": [...], "full_name", "phone"}.
Response createUser(Call& call) {
  JsonFields f(call.body, {"username", "password", "roles", "units", "full_name", "phone"});
  std::string name = f.text("username", true), password = f.text("password", true);
  std::string fullName = f.text("full_name"), phone = f.text("phone");
  auto roleNames = f.strings("roles", kMaxListItems);
  if (!roleNames) f.fail(invalidInput("give the user's roles as a list", "roles"));
  std::vector<std::string> units = f.strings("units", kMaxListItems).value_or(std::vector<std::string>{});
  if (!f.errors().empty()) return validationProblem(f.errors());
  // Every mistake at once, so that a form can show them together.
  std::vector<Error> invalid;
  if (auto ok = validateUsername(name); !ok) invalid.push_back(ok.error());
  auto hash = hashPassword(password);
  if (!hash) invalid.push_back(hash.error());
  auto roles = roleText(*roleNames);
  if (!roles) invalid.push_back(roles.error());
  if (auto unknown = unknownUnit(call.store, units)) invalid.push_back(*unknown);
  for (Error& e : validateUserContact(fullName, phone)) invalid.push_back(std::move(e));
  if (!invalid.empty()) {
    for (const Error& e : invalid)
      if (e.kind == ErrorKind::internal) return problem(e);
    return validationProblem(invalid);
  }
  Actor actor{call.user->id, call.user->username};
  auto created = call.write<User>([&](Store& s) -> std::expected<User, Error> {
    auto user = s.createUser(actor, NewUser{name, *roles, *hash, units});
    if (!user || (fullName.empty() && phone.empty())) return user;
    if (auto ok = s.setUserContact(actor, user->id, fullName, phone); !ok) return std::unexpected(ok.error());
    auto read = s.userById(user->id);
    if (!read) return std::unexpected(read.error());
    return **read;
  });
  if (!created) return problem(created.error());
  Response r = userResponse(201, *created);
  r.headers.emplace_back("Location", fmt::format("/api/v1/users/{}", created->id));
  return r;
}

// PATCH /api/v1/users/{id} with If-Match and any of "roles", "units", "active", "reads_protected_address",
// "full_name" and "phone".
// The last active administrator keeps that role and stays active, so that someone can still manage users.
Response changeUser(Call& call) {
  auto id = pathId(call, 0);
  if (!id) return problem(404, "Not Found", "no such user");
  auto version = ifMatchVersion(call, "user", *id);
  if (!version) return version.error();
  JsonFields f(call.body, {"roles", "units", "active", "reads_protected_address", "full_name", "phone"});
  auto roleNames = f.strings("roles", kMaxListItems);
  auto units = f.strings("units", kMaxListItems);
  std::optional<bool> active = f.optionalBoolean("active");
  std::optional<bool> readsProtectedAddress = f.optionalBoolean("reads_protected_address");
  std::optional<std::string> fullName, phone;
  if (f.has("full_name")) fullName = f.text("full_name");
  if (f.has("phone")) phone = f.text("phone");
  if (!f.errors().empty()) return validationProblem(f.errors());
  if (call.json().empty())
    return validationProblem(
        {invalidInput("give at least one of roles, units, active, reads_protected_address, full_name and phone")});
  if (auto invalid = validateUserContact(fullName.value_or(""), phone.value_or("")); !invalid.empty())
    return validationProblem(invalid);
  std::optional<std::string> roles;
  if (roleNames) {
    auto text = roleText(*roleNames);
    if (!text) return validationProblem({text.error()});
    roles = *text;
  }
  if (units)
    if (auto unknown = unknownUnit(call.store, *units))
      return unknown->kind == ErrorKind::internal ? problem(*unknown) : validationProblem({*unknown});

  Actor actor{call.user->id, call.user->username};
  auto changed = call.write<User>([&](Store& s) -> std::expected<User, Error> {
    auto before = s.userById(*id);
    if (!before) return std::unexpected(before.error());
    if (!*before) return std::unexpected(notFound("no such user"));
    const User& u = **before;
    if (u.version != *version)
      return std::unexpected(conflict(
          fmt::format("the user was changed meanwhile (now version {}); read it again and repeat", u.version)));
    User after = u;
    if (roles) after.role = *roles;
    if (active) after.active = *active;
    if (isActiveAdmin(u) && !isActiveAdmin(after)) {
      auto all = s.users();
      if (!all) return std::unexpected(all.error());
      if (std::count_if(all->begin(), all->end(), isActiveAdmin) == 1)
        return std::unexpected(conflict("this is the last active administrator; make someone else admin first"));
    }
    if (roles && *roles != u.role)
      if (auto ok = s.setUserRoles(actor, u.id, *roles); !ok) return std::unexpected(ok.error());
    if (units && *units != u.units)
      if (auto ok = s.setUserUnits(actor, u.id, *units); !ok) return std::unexpected(ok.error());
    if (active && *active != u.active)
      if (auto ok = s.setUserActive(actor, u.id, *active); !ok) return std::unexpected(ok.error());
    if (readsProtectedAddress && *readsProtectedAddress != u.readsProtectedAddress)
      if (auto ok = s.setProtectedAddressAccess(actor, u.id, *readsProtectedAddress); !ok)
        return std::unexpected(ok.error());
    if ((fullName && *fullName != u.fullName) || (phone && *phone != u.phone))
      if (auto ok = s.setUserContact(actor, u.id, fullName.value_or(u.fullName), phone.value_or(u.phone)); !ok)
        return std::unexpected(ok.error());
    auto read = s.userById(u.id);
    if (!read) return std::unexpected(read.error());
    return **read;
  });
  if (!changed) {
    // A change made meanwhile (not the last administrator): the account as it is now, to compare.
    if (changed.error().kind == ErrorKind::conflict)
      if (auto now = call.store.userById(*id); now && *now && (*now)->version != *version)
        return problemWithCurrent(changed.error(), userJson(**now));
    return problem(changed.error());
  }
  return userResponse(200, *changed);
}

// PUT /api/v1/users/{id}/password {"password"}: an administrator sets a new password (for a user who
// forgot theirs); every session of that user ends at once.
Response resetPassword(Call& call) {
  auto id = pathId(call, 0);
  if (!id) return problem(404, "Not Found", "no such user");
  JsonFields f(call.body, {"password"});
  std::string password = f.text("password", true);
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto hash = hashPassword(password);
  if (!hash) return validationProblem({hash.error()});
  Actor actor{call.user->id, call.user->username};
  auto changed = call.write<void>([&](Store& s) { return s.changePassword(actor, *id, *hash); });
  if (!changed) return problem(changed.error());
  return Response{204, "", "", {}};
}

}  // namespace

std::vector<Route> userRoutes() {
  using enum Permission;
  using enum Execution;
  return {
      {"GET", "/api/v1/users", manage_users, inline_read, listUsers},
      {"POST", "/api/v1/users", manage_users, worker, createUser},
      {"PATCH", "/api/v1/users/{id}", manage_users, worker, changeUser},
      {"PUT", "/api/v1/users/{id}/password", manage_users, worker, resetPassword},
  };
}

}  // namespace lotsen
