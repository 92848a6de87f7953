// User administration for admins (permission manage_users): list the accounts, add one, change its
// roles, units, active state and read_protected_address, and set a new password. `lotsen user …` does
// the same from the command line; both write the same journal events.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "domain/text.h"
#include "http/api.h"
#include "http/auth.h"
#include "http/json_mapping.h"

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
          {"last_login_at", u.lastLoginAt.empty() ? json::value(nullptr) : json::value(u.lastLoginAt)},
          {"version", u.version}};
}

Response userResponse(int status, const User& u) {
  Response r = jsonResponse(status, userJson(u));
  r.headers.emplace_back("ETag", fmt::format("\"{}\"", u.version));
  return r;
}

// The request's body as a JSON object with only the `allowed` fields; 415 or 400 otherwise.
std::expected<json::object, Response> bodyObject(const Call& call, std::initializer_list<std::string_view> allowed) {
  if (!call.request.contentType.starts_with("application/json"))
    return std::unexpected(problem(415, "Unsupported Media Type", "send the body as application/json"));
  boost::system::error_code ec;
  json::value body = json::parse(call.request.body, ec);
  if (ec || !body.is_object()) return std::unexpected(problem(400, "Bad Request", "the body is not a JSON object"));
  for (const auto& [key, value] : body.as_object())
    if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end())
      return std::unexpected(problem(400, "Bad Request", fmt::format("unknown field \"{}\"", std::string_view(key)),
                                     std::string_view(key)));
  return std::move(body.as_object());
}

// An array of strings in field `name`; 400 when it is something else.
std::expected<std::vector<std::string>, Response> stringList(const json::value& v, std::string_view name) {
  std::vector<std::string> out;
  const json::array* a = v.if_array();
  for (std::size_t i = 0; a && i < a->size(); ++i) {
    if (!(*a)[i].is_string())
      a = nullptr;
    else
      out.emplace_back((*a)[i].as_string());
  }
  if (!a)
    return std::unexpected(problem(400, "Bad Request", fmt::format("give \"{}\" as a list of strings", name), name));
  return out;
}

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
  std::optional<CivilDate> unusedAfter;
  if (std::string days = queryParameter(call.request.query, "inactive_days"); !days.empty()) {
    auto n = positiveNumber(days);
    if (!n || *n > kMaxInactiveDays)
      return problem(400, "Bad Request",
                     fmt::format("inactive_days must be a whole number from 1 to {}", kMaxInactiveDays),
                     "inactive_days");
    unusedAfter = todayOf(call).plusDays(-static_cast<int>(*n));
  }
  auto users = call.store.users();
  if (!users) return problem(users.error());
  json::array items;
  for (const User& u : *users)
    if (!unusedAfter || unusedSince(u, *unusedAfter)) items.push_back(userJson(u));
  return jsonResponse(200, json::object{{"items", std::move(items)}});
}

// POST /api/v1/users {"username", "password", "roles": [...], "units": [...]}.
Response createUser(Call& call) {
  auto body = bodyObject(call, {"username", "password", "roles", "units"});
  if (!body) return body.error();
  const json::value* username = body->if_contains("username");
  const json::value* password = body->if_contains("password");
  if (!username || !username->is_string())
    return problem(400, "Bad Request", "give the \"username\" as a string", "username");
  if (!password || !password->is_string())
    return problem(400, "Bad Request", "give the \"password\" as a string", "password");
  if (!body->contains("roles")) return problem(400, "Bad Request", "give the user's \"roles\"", "roles");
  auto roleNames = stringList(body->at("roles"), "roles");
  if (!roleNames) return roleNames.error();
  std::vector<std::string> units;
  if (const json::value* u = body->if_contains("units")) {
    auto list = stringList(*u, "units");
    if (!list) return list.error();
    units = std::move(*list);
  }
  // Every mistake at once, so that a form can show them together.
  std::string name(username->as_string());
  std::vector<Error> invalid;
  if (auto ok = validateUsername(name); !ok) invalid.push_back(ok.error());
  auto hash = hashPassword(std::string_view(password->as_string()));
  if (!hash) invalid.push_back(hash.error());
  auto roles = roleText(*roleNames);
  if (!roles) invalid.push_back(roles.error());
  if (auto unknown = unknownUnit(call.store, units)) invalid.push_back(*unknown);
  if (!invalid.empty()) {
    for (const Error& e : invalid)
      if (e.kind == ErrorKind::internal) return problem(e);
    return validationProblem(invalid);
  }
  Actor actor{call.user->id, call.user->username};
  auto created = call.writer.run<User>([&](Store& s) {
    return s.createUser(actor, NewUser{name, *roles, *hash, units});
  });
  if (!created) return problem(created.error());
  Response r = userResponse(201, *created);
  r.headers.emplace_back("Location", fmt::format("/api/v1/users/{}", created->id));
  return r;
}

// PATCH /api/v1/users/{id} with If-Match and any of "roles", "units", "active", "reads_protected_address".
// The last active administrator keeps that role and stays active, so that someone can still manage users.
Response changeUser(Call& call) {
  auto id = pathId(call, 0);
  if (!id) return problem(404, "Not Found", "no such user");
  auto version = ifMatchVersion(call);
  if (!version) return version.error();
  auto body = bodyObject(call, {"roles", "units", "active", "reads_protected_address"});
  if (!body) return body.error();
  if (body->empty())
    return problem(400, "Bad Request", "give at least one of roles, units, active and reads_protected_address");
  std::optional<std::string> roles;
  if (const json::value* v = body->if_contains("roles")) {
    auto names = stringList(*v, "roles");
    if (!names) return names.error();
    auto text = roleText(*names);
    if (!text) return validationProblem({text.error()});
    roles = *text;
  }
  std::optional<std::vector<std::string>> units;
  if (const json::value* v = body->if_contains("units")) {
    auto list = stringList(*v, "units");
    if (!list) return list.error();
    if (auto unknown = unknownUnit(call.store, *list))
      return unknown->kind == ErrorKind::internal ? problem(*unknown) : validationProblem({*unknown});
    units = std::move(*list);
  }
  std::optional<bool> active, readsProtectedAddress;
  for (auto [field, target] :
       {std::pair{"active", &active}, std::pair{"reads_protected_address", &readsProtectedAddress}})
    if (const json::value* v = body->if_contains(field)) {
      if (!v->is_bool()) return problem(400, "Bad Request", fmt::format("give \"{}\" as true or false", field), field);
      *target = v->as_bool();
    }

  Actor actor{call.user->id, call.user->username};
  auto changed = call.writer.run<User>([&](Store& s) -> std::expected<User, Error> {
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
    auto read = s.userById(u.id);
    if (!read) return std::unexpected(read.error());
    return **read;
  });
  if (!changed) return problem(changed.error());
  return userResponse(200, *changed);
}

// PUT /api/v1/users/{id}/password {"password"}: an administrator sets a new password (for a user who
// forgot theirs); every session of that user ends at once.
Response resetPassword(Call& call) {
  auto id = pathId(call, 0);
  if (!id) return problem(404, "Not Found", "no such user");
  auto body = bodyObject(call, {"password"});
  if (!body) return body.error();
  const json::value* password = body->if_contains("password");
  if (!password || !password->is_string())
    return problem(400, "Bad Request", "give the new \"password\" as a string", "password");
  auto hash = hashPassword(std::string_view(password->as_string()));
  if (!hash) return validationProblem({hash.error()});
  Actor actor{call.user->id, call.user->username};
  auto changed = call.writer.run<void>([&](Store& s) { return s.changePassword(actor, *id, *hash); });
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
