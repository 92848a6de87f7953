// The municipality's settings (worklist deadlines, break-the-glass hours, retention, …): every signed-in
// user may read them (the worklists follow them); administrators change them (manage_users). The rule is
// the one `lotsen settings` goes through (domain/settings.h, Store::changeSettings), and so is the
// journal event.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.h"
#include "http/json_mapping.h"

namespace lotsen {
namespace json = boost::json;
namespace {

// The settings as one version of them: {"first_contact_days": 14, …}; every value is a whole number.
json::object settingsJson(const SettingValues& values) {
  json::object o;
  for (const auto& [key, value] : values) o[key] = std::stoll(value);
  return o;
}

Response settingsResponse(const SettingValues& values, std::int64_t version) {
  Response r = jsonResponse(200, settingsJson(values));
  r.headers.emplace_back("ETag", etagOf("settings", 1, version));
  return r;
}

// GET /api/v1/settings, with the ETag of their version.
Response getSettings(Call& call) {
  auto version = call.store.settingsVersion();  // first: the values read next are at least this new
  if (!version) return problem(version.error());
  auto values = call.store.settings();
  if (!values) return problem(values.error());
  return settingsResponse(*values, *version);
}

// PATCH /api/v1/settings {"first_contact_days": 10, …} with If-Match: every mistake at once (422), a
// change made meanwhile 409 with the settings as they are now in `current`.
Response changeSettings(Call& call) {
  auto version = ifMatchVersion(call, "settings", 1);
  if (!version) return version.error();
  if (call.json().empty()) return validationProblem({invalidInput("give at least one setting to change")});
  SettingValues changes;
  // A number as the command line would give it; anything else as its JSON text, which the rule refuses.
  for (const auto& [key, value] : call.json())
    changes[std::string(key)] = value.is_int64() ? std::to_string(value.as_int64()) : json::serialize(value);
  auto known = call.store.settings();
  if (!known) return problem(known.error());
  if (auto checked = checkSettingChanges(*known, changes); !checked) return validationProblem(checked.error());

  Actor actor{call.user->id, call.user->username};
  using Versioned = std::pair<SettingValues, std::int64_t>;
  auto changed = call.write<Versioned>([&](Store& s) -> std::expected<Versioned, Error> {
    auto after = s.changeSettings(actor, changes, *version);
    if (!after) return std::unexpected(after.error());
    auto values = s.settings();
    if (!values) return std::unexpected(values.error());
    return Versioned{std::move(*values), *after};
  });
  if (!changed) {
    if (changed.error().kind != ErrorKind::conflict) return problem(changed.error());
    auto current = call.store.settings();
    return problemWithCurrent(changed.error(), current ? json::value(settingsJson(*current)) : json::value(nullptr));
  }
  return settingsResponse(changed->first, changed->second);
}

}  // namespace

std::vector<Route> settingsRoutes() {
  using enum Permission;
  using enum Execution;
  return {
      {"GET", "/api/v1/settings", signed_in, inline_read, getSettings},
      {"PATCH", "/api/v1/settings", manage_users, worker, changeSettings},
  };
}

}  // namespace lotsen
