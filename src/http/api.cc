#include "http/api.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <map>

#include "clock/swedish_time.h"
#include "domain/text.h"
#include "http/auth.h"
#include "http/json_body.h"
#include "http/json_mapping.h"
#include "store/case_records.h"
#include "store/json_fields.h"

namespace lotsen {
namespace json = boost::json;
namespace {

constexpr std::string_view kSessionCookie = "lotsen_session";
constexpr int kPageSize = 50;
constexpr std::size_t kMaxQueryLength = 200;

std::int64_t unixSeconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string cookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    std::size_t semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return {};
}

bool isStateChanging(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// Splits a search text into name words and a personnummer prefix. A word of digits (with an optional
// '-' or '+') is a personnummer or its start; 6- and 10-digit forms get their century from `today`.
std::expected<PersonQuery, Error> parsePersonQuery(std::string_view text, CivilDate today) {
  PersonQuery q;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    std::string_view word = text.substr(start, i - start);
    if (word.empty()) continue;
    bool numeric = word.find_first_not_of("0123456789-+") == std::string_view::npos;
    if (!numeric) {
      if (q.nameWords.size() == 5) return std::unexpected(invalidInput("search with at most five names", "query"));
      q.nameWords.emplace_back(word);
      continue;
    }
    if (!q.idDigitsPrefix.empty())
      return std::unexpected(invalidInput("search with one personnummer at a time", "query"));
    if (auto id = PersonalId::parse(word, today)) {
      std::string digits;
      for (char c : id->canonical())
        if (c != '-') digits += c;
      q.idDigitsPrefix = digits;
      continue;
    }
    std::string digits;
    for (char c : word)
      if (c >= '0' && c <= '9') digits += c;
    if (digits.size() < 2) return std::unexpected(invalidInput("give at least two digits of a personnummer", "query"));
    if (digits.size() == 6 || digits.size() == 10) {
      int yy = (digits[0] - '0') * 10 + (digits[1] - '0');
      int century = (yy <= today.year() % 100) ? today.year() / 100 : today.year() / 100 - 1;
      digits = std::to_string(century) + digits;
    }
    q.idDigitsPrefix = digits;
  }
  return q;
}

Response searchPersons(Call& call) {
  std::string text = queryParameter(call.request.query, "query");
  if (text.size() > kMaxQueryLength)
    return problem(400, "Bad Request", fmt::format("the query is longer than {} characters", kMaxQueryLength), "query");
  int page = 1;
  if (std::string p = queryParameter(call.request.query, "page"); !p.empty()) {
    auto number = positiveNumber(p);
    if (!number || *number > 100000)
      return problem(400, "Bad Request", "page must be a whole number from 1 to 100000", "page");
    page = static_cast<int>(*number);
  }
  auto query = parsePersonQuery(text, todayOf(call));
  if (!query) return problem(query.error());
  query->caseload = call.user->caseload;
  query->offset = (page - 1) * kPageSize;
  query->limit = kPageSize;
  auto result = call.store.searchPersons(*query);
  if (!result) return problem(result.error());
  JsonWriter out;
  out.beginObject().key("items").beginArray();
  std::vector<std::int64_t> ids;
  for (const Person& p : result->persons) {
    writePersonSummary(out, p);
    ids.push_back(p.id);
  }
  out.endArray().field("page", page).field("page_size", kPageSize).field("total", result->total).endObject();
  call.accessedPersons(std::move(ids));
  return jsonTextResponse(200, out.take());
}

}  // namespace

std::expected<std::string, Error> personAnswer(Call& call, const Person& person) {
  auto registrations = call.registrationsOf(person.id);
  if (!registrations) return std::unexpected(registrations.error());
  auto occupation = occupationOf(call.store, person.id);
  if (!occupation) return std::unexpected(occupation.error());
  std::optional<std::string> current, planned;
  if (occupation->current) current = toJson(*occupation->current);
  if (occupation->planned) planned = toJson(*occupation->planned);
  CaseworkerNames caseworkers(call);
  for (const Registration& r : *registrations)
    if (r.caseworkerId) caseworkers.of(*r.caseworkerId);
  return personJson(person, *registrations, current, call.user->readsProtectedAddress, planned, call.labels,
                    occupation->current ? std::string_view(occupation->current->kind) : "unknown",
                    occupation->planned ? std::string_view(occupation->planned->kind) : "", caseworkers.read());
}

const std::string& CaseworkerNames::of(std::int64_t userId) {
  auto [it, added] = names_.try_emplace(userId);
  if (added)
    if (auto user = call_.store.userById(userId); user && *user) it->second = (*user)->username;
  return it->second;
}

namespace {

Response getPerson(Call& call) {
  auto id = pathId(call, 0);
  if (!id) return problem(404, "Not Found", "no such person");
  if (!queryParameter(call.request.query, "as_of").empty()) return caseAsOf(call, *id);
  auto person = call.store.person(*id);
  if (!person) return problem(person.error());
  auto answer = personAnswer(call, *person);
  if (!answer) return problem(answer.error());
  Response r = jsonTextResponse(200, *answer);
  r.headers.emplace_back("ETag", etagOf("person", *id, person->version));
  call.accessedPersons({*id});
  return r;
}

// Runs `check` (a password verification) under the throttle, which reserves the attempt first so that
// concurrent attempts cannot pass together: a 429 with Retry-After while it holds `username` (or the
// client's address) back; otherwise whether the password matched, counted as a success or a failure.
std::expected<bool, Response> throttledCheck(Call& call, std::string_view username,
                                             const std::function<std::expected<bool, Error>()>& check) {
  std::int64_t now = unixSeconds(call.now);
  if (std::int64_t wait = call.throttle.begin(username, call.request.remoteAddress, now); wait > 0) {
    Response r =
        problem(429, "Too Many Requests", fmt::format("too many failed attempts; try again in {} seconds", wait));
    r.headers.emplace_back("Retry-After", std::to_string(wait));
    return std::unexpected(std::move(r));
  }
  auto matched = check();
  call.throttle.finish(username, call.request.remoteAddress, matched && *matched, now);
  if (!matched) return std::unexpected(problem(matched.error()));
  return *matched;
}

// The session's answer (to a login and to GET /api/v1/session): the CSRF token that changes must send, the
// user, and when the session ends (so that the UI can warn before it does): after idle_timeout_seconds
// unused, and at expires_at whatever the user does. Only a same-origin page can read it: the cookie is
// SameSite=Strict and there is no CORS.
Response sessionResponse(const Call& call, std::string_view csrfToken, std::string_view username,
                         std::string_view roles, std::int64_t createdAt) {
  const SessionPolicy& policy = call.sessions;
  return jsonResponse(200, json::object{{"csrf_token", csrfToken},
                                        {"user", json::object{{"username", username}, {"role", roles}}},
                                        {"idle_timeout_seconds", policy.idleTimeout.count()},
                                        {"expires_at", formatUtcTimestamp(std::chrono::sys_seconds(std::chrono::seconds(
                                                           createdAt + policy.absoluteTimeout.count())))}});
}

Response login(Call& call) {
  JsonFields f(call.body, {"username", "password"});
  std::string username = f.text("username", true), password = f.text("password", true);
  if (!f.errors().empty()) return validationProblem(f.errors());

  std::optional<User> user;
  auto matched = throttledCheck(call, username, [&]() -> std::expected<bool, Error> {
    auto found = call.store.userByName(username);
    if (!found) return std::unexpected(found.error());
    bool known = found->has_value() && (*found)->active;
    if (known) user = **found;
    return verifyPassword(password, known ? user->passwordHash : dummyPasswordHash()) && known;
  });
  if (!matched) return std::move(matched.error());
  if (!*matched) return problem(401, "Unauthorized", "wrong username or password");

  std::string token = randomToken();
  SessionRecord session{tokenHash(token), user->id, randomToken(), unixSeconds(call.now), unixSeconds(call.now)};
  auto stored = call.write<void>([&](Store& s) -> std::expected<void, Error> {
    if (auto ok = s.createSession(session); !ok) return ok;
    return s.recordLogin(session.userId);
  });
  if (!stored) return problem(stored.error());

  Response r = sessionResponse(call, session.csrfToken, user->username, user->role, session.createdAt);
  r.headers.emplace_back("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", kSessionCookie, token,
                                                   call.sessions.secureCookie ? "; Secure" : ""));
  return r;
}

Response logout(Call& call) {
  std::string hash = call.sessionTokenHash;
  auto done = call.write<void>([&](Store& s) { return s.deleteSession(hash); });
  if (!done) return problem(done.error());
  Response r{204, "", "", {}};
  r.headers.emplace_back("Set-Cookie",
                         fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", kSessionCookie));
  return r;
}

// PUT /api/v1/session/password: the signed-in user changes their password; every session ends.
Response changeOwnPassword(Call& call) {
  JsonFields f(call.body, {"current_password", "new_password"});
  std::string current = f.text("current_password", true), next = f.text("new_password", true);
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto matched = throttledCheck(call, call.user->username, [&]() -> std::expected<bool, Error> {
    auto user = call.store.userByName(call.user->username);
    if (!user) return std::unexpected(user.error());
    return *user && verifyPassword(current, (*user)->passwordHash);
  });
  if (!matched) return std::move(matched.error());
  if (!*matched) return problem(403, "Forbidden", "the current password is wrong");
  auto hash = hashPassword(next);
  if (!hash) return validationProblem({hash.error()});
  Actor actor{call.user->id, call.user->username};
  auto changed = call.write<void>([&](Store& s) { return s.changePassword(actor, call.user->id, *hash); });
  if (!changed) return problem(changed.error());
  Response r{204, "", "", {}};
  r.headers.emplace_back("Set-Cookie",
                         fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", kSessionCookie));
  return r;
}

// The signed-in user and the session's CSRF token, so that a reloaded page can go on making changes.
Response currentSession(Call& call) {
  return sessionResponse(call, call.csrfToken, call.user->username, call.user->roles.text(), call.sessionCreatedAt);
}

// POST /api/v1/persons/{id}/access-grants {"reason"}: break the glass. Opens the person's case to the user
// for break_glass_hours; the reason goes into every access-log entry of that time.
Response grantAccess(Call& call) {
  auto id = pathId(call, 0);
  if (!id) return problem(404, "Not Found", "no such person");
  JsonFields f(call.body, {"reason"});
  std::string reason = f.text("reason", true);
  if (auto ok = validateAccessReason(reason); !ok && f.errors().empty()) f.fail(ok.error());
  if (!f.errors().empty()) return validationProblem(f.errors());
  auto settings = call.store.settings();
  if (!settings) return problem(settings.error());
  int hours = kDefaultBreakGlassHours;
  if (auto h = settings->find("break_glass_hours"); h != settings->end()) hours = std::stoi(h->second);
  std::int64_t now = unixSeconds(call.now);
  AccessGrant grant{0, call.user->id, *id, reason, now, now + hours * 3600};
  auto granted = call.write<AccessGrant>([&](Store& s) { return s.grantAccess(grant); });
  if (!granted) return problem(granted.error());
  call.accessedPersons({*id});
  call.purpose = granted->reason;
  auto iso = [](std::int64_t t) { return formatUtcTimestamp(std::chrono::sys_seconds(std::chrono::seconds(t))); };
  return jsonResponse(201, json::object{{"id", granted->id},
                                        {"person_id", *id},
                                        {"reason", granted->reason},
                                        {"granted_at", iso(granted->grantedAt)},
                                        {"expires_at", iso(granted->expiresAt)}});
}

// DELETE /api/v1/persons/{id}/access-grants: the user is done with the case and ends their grant before
// it expires (the review shows the grant with its real end).
Response endGrants(Call& call) {
  auto id = pathId(call, 0);
  if (!id) return problem(404, "Not Found", "no such person");
  std::int64_t now = unixSeconds(call.now);
  auto ended = call.write<int>([&](Store& s) { return s.endGrants(call.user->id, *id, now); });
  if (!ended) return problem(ended.error());
  if (*ended == 0) return problem(404, "Not Found", "you hold no valid grant for this person");
  return Response{204, "", "", {}};
}

Response listUnits(Call& call) {
  auto units = call.store.units();
  if (!units) return problem(units.error());
  json::array items;
  for (const std::string& u : *units) items.push_back(json::object{{"name", u}});
  return jsonResponse(200, json::object{{"items", std::move(items)}});
}

Response createUnit(Call& call) {
  JsonFields f(call.body, {"name"});
  std::string name = f.text("name", true);
  if (!f.errors().empty()) return validationProblem(f.errors());
  Actor actor{call.user->id, call.user->username};
  auto created = call.write<void>([&](Store& s) { return s.createUnit(actor, name); });
  if (!created)
    return created.error().kind == ErrorKind::invalid_input ? validationProblem({created.error()})
                                                            : problem(created.error());
  return jsonResponse(201, json::object{{"name", name}});
}

Response landingPage(Call&) {
  return Response{200,
                  "text/html; charset=utf-8",
                  "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Lotsen</title></head><body>"
                  "<h1>Lotsen</h1><p>Ärendesystem för det kommunala aktivitetsansvaret.</p>"
                  "<p>Servern är igång. API:t finns under <code>/api/v1</code>; logga in med "
                  "<code>POST /api/v1/session</code>.</p></body></html>",
                  {}};
}

}  // namespace

std::optional<std::int64_t> pathId(const Call& call, std::size_t index) {
  return positiveNumber(call.params.at(index));
}

CivilDate todayOf(const Call& call) { return swedishDay(call.now); }

std::expected<void, Response> checkUnitParameter(const Call& call, const std::string& unit) {
  auto units = call.store.units();
  if (!units) return std::unexpected(problem(units.error()));
  if (std::ranges::find(*units, unit) == units->end())
    return std::unexpected(
        problem(400, "Bad Request", fmt::format("there is no unit named '{}'", printable(unit)), "unit"));
  return {};
}

std::string etagOf(std::string_view resource, std::int64_t id, std::int64_t version) {
  return fmt::format("\"{}/{}/{}\"", resource, id, version);
}

std::expected<std::int64_t, Response> ifMatchVersion(const Call& call, std::string_view resource, std::int64_t id) {
  std::string_view v = call.request.ifMatch;
  if (v.empty())
    return std::unexpected(problem(428, "Precondition Required", "send the version you edited in If-Match"));
  if (v.find(',') != std::string_view::npos)  // a list of ETags, which HTTP allows and an edit does not
    return std::unexpected(
        problem(400, "Bad Request", "If-Match holds one ETag: the one of the record you edited", "If-Match"));
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (std::size_t slash = v.rfind('/'); slash != std::string_view::npos) {
    std::string_view of = v.substr(0, slash);
    if (of != fmt::format("{}/{}", resource, id))
      return std::unexpected(problem(412, "Precondition Failed",
                                     fmt::format("If-Match holds the ETag of {}, not of {} {}: send the ETag of the "
                                                 "{} you edited",
                                                 echoed(of), resource, id, resource),
                                     "If-Match"));
    v.remove_prefix(slash + 1);
  }
  auto version = positiveNumber(v);
  if (!version)
    return std::unexpected(problem(400, "Bad Request", "If-Match must hold a version such as \"3\"", "If-Match"));
  return *version;
}

std::expected<std::vector<Registration>, Error> Call::registrationsOf(std::int64_t personId) {
  if (!registrations || registrations->first != personId) {
    auto read = store.registrationsOf(personId);
    if (!read) return std::unexpected(read.error());
    registrations.emplace(personId, std::move(*read));
  }
  return registrations->second;
}

Body bodyOf(const Route& route) {
  if (route.body != Body::by_method) return route.body;
  return route.method == "POST" || route.method == "PUT" || route.method == "PATCH" ? Body::json : Body::none;
}

bool sessionExpired(const SessionRecord& session, std::int64_t now, const SessionPolicy& policy) {
  // The last use is noted at most every kSessionUseNotedEvery, so the true last use may be up to that
  // much later than lastSeenAt: the session ends only when even that later use is idleTimeout ago.
  return now - session.lastSeenAt >= policy.idleTimeout.count() + kSessionUseNotedEvery.count() ||
         now - session.createdAt > policy.absoluteTimeout.count();
}

bool isCaseRoute(const Route& route) {
  return route.pattern.starts_with("/api/v1/persons/{id}") &&
         (route.permission == Permission::read_cases || route.permission == Permission::write_cases ||
          route.permission == Permission::assign_cases);
}

std::vector<Route> apiRoutes(const std::function<std::string()>& renderMetrics) {
  using enum Permission;
  using enum Execution;
  std::vector<Route> routes{
      {"GET", "/", open, inline_read, landingPage},
      {"GET", "/healthz", open, inline_read,
       [](Call&) {
         return jsonResponse(200, json::object{{"status", "ok"}});
       },
       Body::none, Listener::both},
      {"GET", "/readyz", open, inline_read,
       [](Call& call) {
         if (auto ok = call.store.ping(); !ok)
           return problem(503, "Service Unavailable", "the database does not answer");
         return jsonResponse(200, json::object{{"status", "ready"}});
       },
       Body::none, Listener::both},
      // Only on the operations address (ServerOptions::metricsHost), never where users connect.
      {"GET", "/metrics", open, inline_read,
       [renderMetrics](Call&) {
         return Response{200, "text/plain; version=0.0.4", renderMetrics(), {}};
       },
       Body::none, Listener::operations},
      {"POST", "/api/v1/session", open, worker, login},
      {"GET", "/api/v1/session", signed_in, inline_read, currentSession},
      {"DELETE", "/api/v1/session", signed_in, worker, logout},
      {"PUT", "/api/v1/session/password", signed_in, worker, changeOwnPassword},
      {"GET", "/api/v1/persons", read_cases, inline_read, searchPersons},
      {"GET", "/api/v1/persons/{id}", read_cases, inline_read, getPerson},
      {"POST", "/api/v1/persons/{id}/access-grants", break_glass, worker, grantAccess},
      {"DELETE", "/api/v1/persons/{id}/access-grants", break_glass, worker, endGrants},
      {"GET", "/api/v1/units", signed_in, inline_read, listUnits},
      {"POST", "/api/v1/units", manage_users, worker, createUnit},
      {"POST", "/api/v1/identification-runs", run_identification, worker, postIdentificationRun, Body::upload},
      {"GET", "/api/v1/identification-runs", run_identification, inline_read, listIdentificationRuns},
  };
  for (Route& r : caseworkRoutes()) routes.push_back(std::move(r));
  for (Route& r : auditRoutes()) routes.push_back(std::move(r));
  for (Route& r : statisticsRoutes()) routes.push_back(std::move(r));
  for (Route& r : reportRoutes()) routes.push_back(std::move(r));
  for (Route& r : committeeRoutes()) routes.push_back(std::move(r));
  for (Route& r : letterRoutes()) routes.push_back(std::move(r));
  for (Route& r : userRoutes()) routes.push_back(std::move(r));
  for (Route& r : codeListRoutes()) routes.push_back(std::move(r));
  for (Route& r : settingsRoutes()) routes.push_back(std::move(r));
  return routes;
}

std::expected<StorePool::Lease, Error> StorePool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  auto store = open_();
  if (!store) return std::unexpected(store.error());
  return Lease(*this, std::move(*store));
}

void StorePool::giveBack(std::unique_ptr<Store> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

Api::Api(StorePool& readers, Writer& writer, SessionPolicy sessions, StaticFiles web, BodyLimits limits)
    : readers_(readers), writer_(writer), sessions_(sessions), web_(std::move(web)), limits_(limits) {
  routes_ = apiRoutes([this] { return metrics_->render(); });
  std::vector<std::string> labels;
  for (const Route& r : routes_) labels.push_back(r.method + " " + r.pattern);
  metrics_ = std::make_unique<Metrics>(std::move(labels));
}

void Api::warmUp() {
  warming_ = std::jthread([this](std::stop_token stop) {
    auto start = std::chrono::steady_clock::now();
    auto reader = readers_.acquire();
    auto events =
        reader ? history_.catchUp(**reader, stop) : std::expected<std::int64_t, Error>(std::unexpected(reader.error()));
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    if (!events)
      spdlog::warn(R"("msg":"reports' history not read; the first report tries again","error":{})",
                   jsonQuoted(events.error().message));
    else if (stop.stop_requested())
      spdlog::info(R"("msg":"reports' history: reading stopped","events":{},"duration_ms":{})", *events, ms);
    else
      spdlog::info(R"("msg":"reports' history read","events":{},"duration_ms":{})", *events, ms);
  });
}

Api::RouteMatch Api::match(std::string_view method, std::string_view path, Listener listener) const {
  RouteMatch found;
  if (listener == Listener::api && (method == "GET" || method == "HEAD")) {
    if (found.file = web_.find(path); found.file) return found;
  }
  std::vector<std::string_view> params;
  bool ours = false;  // a path of one of our routes, on this listener or the other
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    std::string_view pattern = routes_[i].pattern;
    std::string_view rest = path;
    params.clear();
    bool matches = true;
    while (matches && !pattern.empty()) {
      std::size_t brace = pattern.find('{');
      if (brace == std::string_view::npos) {
        matches = pattern == rest;
        rest = {};
        break;
      }
      if (rest.substr(0, brace) != pattern.substr(0, brace)) {
        matches = false;
        break;
      }
      rest.remove_prefix(brace);
      pattern.remove_prefix(pattern.find('}') + 1);
      std::size_t slash = rest.find('/');
      params.push_back(rest.substr(0, slash));
      matches = !params.back().empty();
      rest.remove_prefix(slash == std::string_view::npos ? rest.size() : slash);
    }
    if (!matches || !rest.empty()) continue;
    ours = true;
    if (routes_[i].listener != Listener::both && routes_[i].listener != listener) continue;
    found.pathKnown = true;
    if (routes_[i].method == method || (method == "HEAD" && routes_[i].method == "GET")) {
      found.index = i;
      found.params.assign(params.begin(), params.end());
      return found;
    }
  }
  // A screen of the UI (its own URL, no route of ours): the UI's page, which shows that screen.
  if (!ours && listener == Listener::api && (method == "GET" || method == "HEAD")) found.file = web_.page(path);
  return found;
}

bool Api::runsOnWorker(const RouteMatch& m) const {
  return m.index && routes_[*m.index].execution == Execution::worker;
}

std::size_t Api::bodyLimit(const Route& route) const {
  switch (bodyOf(route)) {
    case Body::upload:
      return limits_.upload;
    case Body::json:
      return route.permission == Permission::open ? limits_.beforeLogin : limits_.json;
    default:
      return limits_.beforeLogin;
  }
}

Api::Admission Api::admit(const Request& head, const RouteMatch& m, Store& reader) {
  // A body where none is taken (a file of the UI, a read, the operations address) is never read: read
  // slowly, it would hold the connection for nothing.
  auto takesNoBody = [&] {
    return problem(413, "Content Too Large", fmt::format("{} {} takes no body", head.method, head.path));
  };
  std::optional<Response> refusal;
  if (!m.index) refusal = m.file ? takesNoBody() : notRouted(head, m);
  if (refusal) {
    observeUnrouted(head, refusal->status, 0);
    localizeProblem(*refusal, head.acceptLanguage);
    return {std::move(refusal), 0, false};
  }
  const Route& route = routes_[*m.index];
  Call call = makeCall(head, m.params, reader);
  std::optional<std::int64_t> userId;
  auto read = reader.readSnapshot([&]() -> std::expected<void, Error> {
    refusal = authorize(route, call, userId);
    return {};
  });
  if (!read) refusal = problem(read.error());
  if (!refusal && bodyOf(route) == Body::none) refusal = takesNoBody();
  if (!refusal) return {std::nullopt, bodyLimit(route), bodyOf(route) == Body::upload};
  accessLogged(route, call, *refusal);
  metrics_->observe(*m.index, refusal->status, 0);
  log(head, route.pattern, refusal->status, 0, userId);
  localizeProblem(*refusal, head.acceptLanguage);
  return {std::move(refusal), 0, false};
}

Response Api::handle(const Request& request, RouteMatch match, Store* reader) {
  auto started = std::chrono::steady_clock::now();
  if (match.file) {
    Response file{200, match.file->contentType, match.file->body, {}};
    if (match.file->immutable) file.cacheControl = "public, max-age=31536000, immutable";
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics_->observe(routes_.size(), 200, seconds);
    log(request, "static", 200, seconds, std::nullopt);
    return file;
  }
  std::optional<std::int64_t> userId;
  Response response;
  try {
    response = dispatch(request, match, reader, userId);
  } catch (const std::exception& e) {
    spdlog::error("\"msg\":\"unhandled exception\",\"route\":{},\"error\":{}",
                  jsonQuoted(match.index ? routes_[*match.index].pattern : "?"), jsonQuoted(e.what()));
    response = problem(500, "Internal Server Error", "an internal error occurred; it has been logged");
  }
  localizeProblem(response, request.acceptLanguage);
  // Text stored before every input was checked may not be UTF-8: no answer sends it so (U+FFFD instead).
  if (!isValidUtf8(response.body) && response.contentType.find("json") != std::string::npos)
    response.body = repairUtf8(response.body);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_->observe(match.index.value_or(routes_.size()), response.status, seconds);
  log(request, match.index ? routes_[*match.index].pattern : "unmatched", response.status, seconds, userId);
  return response;
}

void Api::observeUnrouted(const Request& request, int status, double seconds) {
  metrics_->observe(routes_.size(), status, seconds);
  log(request, "unmatched", status, seconds, std::nullopt);
}

Response Api::notRouted(const Request& request, const RouteMatch& m) const {
  if (m.pathKnown) return problem(405, "Method Not Allowed", fmt::format("{} is not allowed here", request.method));
  return problem(404, "Not Found", "there is nothing at this address");
}

Call Api::makeCall(const Request& request, std::vector<std::string> params, Store& store) {
  const CodeLabels* labels = loadedLabels_.load(std::memory_order_acquire);
  if (!labels) {
    std::lock_guard lock(labelsMutex_);
    if (!labels_) {
      if (auto loaded = loadCodeLabels(store))
        labels_ = std::make_unique<const CodeLabels>(std::move(*loaded));
      else
        spdlog::error("\"msg\":\"code labels not loaded\",\"error\":{}", jsonQuoted(loaded.error().message));
    }
    static const CodeLabels kNone;
    labels = labels_ ? labels_.get() : &kNone;
    if (labels_) loadedLabels_.store(labels_.get(), std::memory_order_release);
  }
  Call call{request,      sessions_,
            throttle_,    std::move(params),
            store,        writer_,
            std::nullopt, {},
            {},           std::chrono::system_clock::now(),
            std::nullopt, {},
            std::nullopt, std::nullopt,
            {},           false};
  call.labels = labels;
  call.history = &history_;
  return call;
}

Response Api::dispatch(const Request& request, RouteMatch& m, Store* reader, std::optional<std::int64_t>& userId) {
  if (!m.index) return notRouted(request, m);
  const Route& route = routes_[*m.index];

  std::optional<StorePool::Lease> lease;
  if (!reader) {
    auto acquired = readers_.acquire();
    if (!acquired) {
      spdlog::error("\"msg\":\"cannot open a database connection\",\"error\":{}", jsonQuoted(acquired.error().message));
      return problem(503, "Service Unavailable", "the database is not available");
    }
    lease.emplace(std::move(*acquired));
    reader = &**lease;
  }
  Call call = makeCall(request, std::move(m.params), *reader);
  // Everything a request reads comes from one snapshot (and takes the database's read lock once).
  Response response;
  auto read = reader->readSnapshot([&]() -> std::expected<void, Error> {
    if (auto refused = authorize(route, call, userId)) {
      response = std::move(*refused);
      return {};
    }
    if (bodyOf(route) == Body::json) {
      auto body = parseJsonBody(request.body);
      if (!body) {
        response = std::move(body.error());
        return {};
      }
      call.body = std::move(*body);
    }
    try {
      response = route.handler(call);
    } catch (const std::exception& e) {
      spdlog::error("\"msg\":\"unhandled exception\",\"route\":{},\"error\":{}", jsonQuoted(route.pattern),
                    jsonQuoted(e.what()));
      response = problem(500, "Internal Server Error", "an internal error occurred; it has been logged");
    }
    return {};
  });
  if (!read) response = problem(read.error());
  // What was committed stays committed: the request is not answered as if it had failed.
  if (call.committed && response.status >= 500) {
    spdlog::error("\"msg\":\"the answer to a committed change failed\",\"route\":{},\"status\":{}",
                  jsonQuoted(route.pattern), response.status);
    response =
        jsonResponse(200, json::object{{"saved", true}, {"detail", "the change was saved; read it again to see it"}});
  }
  accessLogged(route, call, response);
  return response;
}

void Api::accessLogged(const Route& route, Call& call, Response& response) {
  if (!call.user) return;
  if (call.refusedPerson) {
    response.access = AccessEntry{call.user->id,
                                  call.user->username,
                                  call.user->roles.text(),
                                  route.method + " " + route.pattern,
                                  {*call.refusedPerson},
                                  0,
                                  call.purpose,
                                  true};
    return;
  }
  // Every answer on a person's case holds their data: the writes are logged too (they are journalled as
  // well, but "who handled this person" is read from the access log), under a grant with its purpose.
  if (!call.accessed && isCaseRoute(route) && response.status < 400)
    if (auto person = pathId(call, 0)) call.accessedPersons({*person});
  if (!call.accessed) return;
  response.access = AccessEntry{call.user->id,
                                call.user->username,
                                call.user->roles.text(),
                                route.method + " " + route.pattern,
                                std::move(call.accessed->first),
                                call.accessed->second,
                                std::move(call.purpose)};
}

std::optional<Response> Api::authorize(const Route& route, Call& call, std::optional<std::int64_t>& userId) {
  const Request& request = call.request;
  if (auto bad = invalidQueryParameter(request.query))
    return problem(400, "Bad Request",
                   fmt::format("the query parameter {} is not UTF-8 text without control characters", printable(*bad)));
  if (route.permission != Permission::open) {
    std::string token = cookieValue(request.cookie, kSessionCookie);
    if (token.empty()) return problem(401, "Unauthorized", "log in first");
    call.sessionTokenHash = tokenHash(token);
    auto found = call.store.session(call.sessionTokenHash);
    if (!found) return problem(found.error());
    if (!*found) return problem(401, "Unauthorized", "the session has ended; log in again");
    auto& [session, user] = **found;
    std::int64_t now = unixSeconds(call.now);
    if (sessionExpired(session, now, sessions_)) {
      writer_.post([hash = call.sessionTokenHash](Store& s) { return s.deleteSession(hash); });
      return problem(401, "Unauthorized", "the session has expired; log in again");
    }
    if (!user.active) return problem(401, "Unauthorized", "the account is not active");
    if (isStateChanging(request.method) && !secretsEqual(request.csrfToken, session.csrfToken))
      return problem(403, "Forbidden", "missing or wrong X-CSRF-Token header", {}, kCsrfType);
    call.csrfToken = std::move(session.csrfToken);  // the record is not needed beyond this request
    call.sessionCreatedAt = session.createdAt;
    if (now - session.lastSeenAt >= kSessionUseNotedEvery.count())
      writer_.post([hash = call.sessionTokenHash, now](Store& s) { return s.touchSession(hash, now); });
    auto roles = parseRoles(user.role);
    if (!roles) return problem(403, "Forbidden", "the account has no valid role; ask an administrator");
    call.user = SignedInUser{user.id, std::move(user.username), *roles,
                             caseloadOf(user.id, *roles, std::move(user.units)), user.readsProtectedAddress};
    userId = user.id;
    if (isCaseRoute(route)) {
      if (auto refused = authorizeCase(route, call)) return refused;
    } else if (!permits(*roles, route.permission) && !(route.orPermission && permits(*roles, *route.orPermission))) {
      return problem(403, "Forbidden",
                     fmt::format("your role may not do this (it needs {})", permissionName(route.permission)));
    }
  }
  Body body = bodyOf(route);
  if (body == Body::json && !isJsonContentType(request.contentType))
    return problem(415, "Unsupported Media Type", "send the body as application/json in UTF-8");
  if (body == Body::upload && !request.contentType.starts_with("multipart/form-data"))
    return problem(415, "Unsupported Media Type", "send the files as multipart/form-data");
  return std::nullopt;
}

// Record-level access to the person in the route: the role's permission and the person in the caseload,
// or a break-the-glass grant, which lets its holder read (an auditor too) and, with a role that
// documents, document — for its time, and never change who is responsible.
std::optional<Response> Api::authorizeCase(const Route& route, Call& call) {
  const SignedInUser& user = *call.user;
  bool byRole = permits(user.roles, route.permission);
  bool readByGrant = route.permission == Permission::read_cases && permits(user.roles, Permission::break_glass);
  if (!byRole && !readByGrant)
    return problem(403, "Forbidden",
                   fmt::format("your role may not do this (it needs {})", permissionName(route.permission)));
  auto id = pathId(call, 0);
  if (!id) return problem(404, "Not Found", "no such person");
  auto registrations = call.registrationsOf(*id);
  if (!registrations) return problem(registrations.error());
  if (byRole && coversAny(user.caseload, *registrations)) return std::nullopt;
  if (route.permission != Permission::assign_cases && permits(user.roles, Permission::break_glass)) {
    auto granted = call.holdsGrant(*id);
    if (!granted) return problem(granted.error());
    if (*granted) return std::nullopt;
  }
  if (registrations->empty()) {
    auto person = call.store.person(*id);
    if (!person) return problem(person.error());
  }
  if (route.permission == Permission::assign_cases) {
    call.refusedPerson = *id;
    return problem(403, "Forbidden", "the case is not in your units");
  }
  return call.refuseOutsideCaseload(*id);
}

std::expected<bool, Error> Call::holdsGrant(std::int64_t personId) {
  auto grant = store.activeGrant(user->id, personId, unixSeconds(now));
  if (!grant) return std::unexpected(grant.error());
  if (*grant) purpose = (*grant)->reason;
  return grant->has_value();
}

Response Call::refuseOutsideCaseload(std::int64_t personId) {
  refusedPerson = personId;
  return problem(403, "Forbidden",
                 "the case is outside your caseload; to open it, state your reason with POST "
                 "/api/v1/persons/{id}/access-grants (break the glass)",
                 {}, kOutsideCaseloadType);
}

void Api::log(const Request& request, std::string_view route, int status, double seconds,
              std::optional<std::int64_t> userId) const {
  // Route patterns only: never the path, the query string or a body, which may hold personal data.
  // The method is an HTTP token (no quotes or backslashes) and the route one of ours, so both are JSON-safe.
  auto micros = static_cast<std::int64_t>(seconds * 1e6);
  if (userId)
    spdlog::info(R"("msg":"request","method":"{}","route":"{}","status":{},"duration_us":{},"user_id":{})",
                 request.method, route, status, micros, *userId);
  else
    spdlog::info(R"("msg":"request","method":"{}","route":"{}","status":{},"duration_us":{})", request.method, route,
                 status, micros);
}

}  // namespace lotsen
