// Lotsen http: the route table and the request pipeline (route → session → CSRF → handler → metrics and
// log), independent of the network code in server.cc.
#pragma once

#include <atomic>
#include <boost/json/value.hpp>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/access.h"
#include "http/login_throttle.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/server.h"
#include "http/static_files.h"
#include "store/case_history.h"
#include "store/writer.h"

namespace lotsen {

// Hands out database connections for reading, one per concurrent request, opening more as needed.
class StorePool {
 public:
  using Opener = std::function<std::expected<std::unique_ptr<Store>, Error>()>;
  explicit StorePool(Opener open) : open_(std::move(open)) {}

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_.giveBack(std::move(store_));
    }
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_.get(); }

   private:
    StorePool& pool_;
    std::unique_ptr<Store> store_;
  };

  // Errors: internal when a new connection cannot be opened.
  std::expected<Lease, Error> acquire();

 private:
  void giveBack(std::unique_ptr<Store> store);
  Opener open_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

struct SignedInUser {
  std::int64_t id = 0;
  std::string username;
  RoleSet roles;
  Caseload caseload;
  bool readsProtectedAddress = false;
};

// What a handler gets: the request, path parameters, a read connection, the writer and the user.
struct Call {
  const Request& request;
  const SessionPolicy& sessions;
  LoginThrottle& throttle;
  std::vector<std::string> params;  // values of {…} in the route pattern, in order
  Store& store;
  Writer& writer;
  std::optional<SignedInUser> user;
  std::string sessionTokenHash;
  std::string csrfToken;  // the session's
  std::chrono::system_clock::time_point now;
  // Set by handlers whose answer holds personal data that they read: the persons it holds, or how many
  // for bulk answers. Writes are not logged here: the event journal records who wrote what.
  std::optional<std::pair<std::vector<std::int64_t>, std::int64_t>> accessed;
  // The break-the-glass reason under which this request reads a case outside the caseload, if any.
  std::string purpose;
  // The person whose case authorisation refused to open (the refusal is access-logged).
  std::optional<std::int64_t> refusedPerson;
  // The route's person and their registrations, once read (by authorisation, for case routes).
  std::optional<std::pair<std::int64_t, std::vector<Registration>>> registrations;
  // The JSON object the request sent, for routes that take one (read by the pipeline, never by a handler).
  boost::json::value body;
  // Set when this request's write committed: from then on the request must be answered 2xx.
  bool committed = false;
  // The Swedish labels of the codes answers carry (loaded once per process: codes change by migration).
  const CodeLabels* labels = nullptr;
  // The cases as the journal has recorded them, kept in memory for the reports (the server's one copy).
  SharedCaseHistory* history = nullptr;
  std::int64_t sessionCreatedAt = 0;  // the session's login, unix seconds (set with csrfToken)

  // The body's JSON object (routes that take JSON only).
  const boost::json::object& json() const { return body.as_object(); }

  // Runs `work` through the writer (Writer::run) and notes when it committed: from then on the request
  // is answered 2xx, even if building the answer fails (Api answers that the change was saved).
  template <class T>
  std::expected<T, Error> write(std::function<std::expected<T, Error>(Store&)> work) {
    auto result = writer.run<T>(std::move(work));
    if (result) committed = true;
    return result;
  }

  // The registrations of `personId`, read at most once per request.
  std::expected<std::vector<Registration>, Error> registrationsOf(std::int64_t personId);

  // True when the signed-in user holds a grant for `personId` now (break the glass); its reason then becomes this
  // request's purpose, which the access log keeps. Errors: the store's.
  std::expected<bool, Error> holdsGrant(std::int64_t personId);

  // The 403 for a case outside the caller's caseload (type outside-caseload, with the hint to break the glass); the
  // refusal is access-logged with `personId`.
  Response refuseOutsideCaseload(std::int64_t personId);

  void accessedPersons(std::vector<std::int64_t> ids) {
    std::int64_t n = static_cast<std::int64_t>(ids.size());
    accessed.emplace(std::move(ids), n);
  }
};

// Where a handler runs: on the network thread (fast reads only) or on a worker (writes, hashing).
enum class Execution { inline_read, worker };

// What a route takes as its body: a JSON object, an upload (multipart/form-data), or nothing. By default
// POST and PUT take a JSON object and other methods nothing.
enum class Body { by_method, none, json, upload };

// Where a route is served: on the API's address, on the operations address (metrics), or on both.
enum class Listener { api, operations, both };

// A route declares the permission it needs (domain/access.h); there is no default. Routes under
// /api/v1/persons/{id} that need read_cases, write_cases or assign_cases are also checked against the
// person's case: in the user's caseload, or opened by breaking the glass (Api::authorize).
struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/persons/{id}"
  Permission permission;
  Execution execution;
  std::function<Response(Call&)> handler;
  Body body = Body::by_method;
  Listener listener = Listener::api;
  // A second permission that also lets a user in (the handler tells the two apart); none for most routes.
  std::optional<Permission> orPermission = std::nullopt;
};

class Api {
 public:
  // `web`: the browser UI's files, served to anyone (they hold no data).
  Api(StorePool& readers, Writer& writer, SessionPolicy sessions, StaticFiles web = {}, BodyLimits limits = {});

  // The route for a method and path: found (index and the values of its {…} parameters), or only the
  // path is known (405), or nothing (404). The server matches once, as soon as the headers are read.
  struct RouteMatch {
    std::optional<std::size_t> index;
    std::vector<std::string> params;
    bool pathKnown = false;
    const StaticFiles::File* file = nullptr;  // a file of the UI (GET and HEAD only)
  };
  // `listener`: the address the request came to (api or operations).
  RouteMatch match(std::string_view method, std::string_view path, Listener listener = Listener::api) const;
  // True when the route must not run on a network thread.
  bool runsOnWorker(const RouteMatch& match) const;

  // Whether the body of a request may be read, decided from its headers (`head` has no body) before a
  // byte of the body is: `refusal` is the answer when not (no such route, a route that takes no body, not
  // logged in, not allowed, the wrong Content-Type), otherwise `bodyLimit` is how large the body may be.
  // Runs on `reader`.
  struct Admission {
    std::optional<Response> refusal;
    std::size_t bodyLimit = 0;
    bool upload = false;  // a register upload: it may come slowly while it makes progress
  };
  Admission admit(const Request& head, const RouteMatch& match, Store& reader);

  // Runs the whole pipeline for one request on `reader` (a connection owned by the calling thread), or on
  // one from the pool when `reader` is null: route, session, CSRF, permission, record-level access, the
  // body, the handler. Never throws.
  Response handle(const Request& request, RouteMatch match, Store* reader = nullptr);
  // Counts and logs a response the server produced itself (e.g. 413 before routing).
  void observeUnrouted(const Request& request, int status, double seconds);

  // Folds the whole journal into the reports' history on a thread of its own, so that the first report after
  // a start does not wait for it (a report asked meanwhile waits for the fold to end). Logs how long it took,
  // or a warning on an error (the first report then tries again). Call once; the Api stops the fold between
  // batches and joins the thread when it is destroyed, so that a server told to stop does not wait for it.
  void warmUp();

 private:
  Response dispatch(const Request& request, RouteMatch& match, Store* reader, std::optional<std::int64_t>& userId);
  Call makeCall(const Request& request, std::vector<std::string> params, Store& store);
  Response notRouted(const Request& request, const RouteMatch& match) const;
  // Sets the response's access-log entry: the persons a handler read, or the person a refusal names.
  void accessLogged(const Route& route, Call& call, Response& response);
  // Everything that decides from the headers whether the request may go on; the answer when not.
  std::optional<Response> authorize(const Route& route, Call& call, std::optional<std::int64_t>& userId);
  std::optional<Response> authorizeCase(const Route& route, Call& call);
  std::size_t bodyLimit(const Route& route) const;
  void log(const Request& request, std::string_view route, int status, double seconds,
           std::optional<std::int64_t> userId) const;

  StorePool& readers_;
  Writer& writer_;
  SessionPolicy sessions_;
  StaticFiles web_;
  BodyLimits limits_;
  LoginThrottle throttle_;
  std::vector<Route> routes_;
  std::unique_ptr<Metrics> metrics_;
  // The code labels, loaded by the first request that can (tried again while loading fails).
  std::mutex labelsMutex_;
  std::unique_ptr<const CodeLabels> labels_;
  std::atomic<const CodeLabels*> loadedLabels_{nullptr};
  SharedCaseHistory history_;
  std::jthread warming_;  // after history_: joined before it is destroyed
};

// Handlers of the identification routes (identification_routes.cc).
Response postIdentificationRun(Call& call);
Response listIdentificationRuns(Call& call);

// Casework routes (casework_routes.cc).
std::vector<Route> caseworkRoutes();
// The access log and its review (audit_routes.cc).
std::vector<Route> auditRoutes();
// Aggregate statistics (statistics_routes.cc).
std::vector<Route> statisticsRoutes();
std::vector<Route> reportRoutes();
// The committee report, its targets and analyses (committee_routes.cc).
std::vector<Route> committeeRoutes();
// First-contact letters and their template (letter_routes.cc).
std::vector<Route> letterRoutes();
// User administration (user_routes.cc).
std::vector<Route> userRoutes();
// The code lists with their labels (code_list_routes.cc).
std::vector<Route> codeListRoutes();
// The municipality's settings (settings_routes.cc).
std::vector<Route> settingsRoutes();
// The person as GET /api/v1/persons/{id} answers them to this call's user: identity, contact details,
// registrations, current and planned occupation, with labels. Errors from the store.
std::expected<std::string, Error> personAnswer(Call& call, const Person& person);
// The usernames of the responsible caseworkers an answer names, each user read once per request; a user no
// longer there (or that the store cannot read) is named "". Not thread-safe: one per request.
class CaseworkerNames {
 public:
  explicit CaseworkerNames(Call& call) : call_(call) {}
  const std::string& of(std::int64_t userId);
  // Every name read so far, by user id.
  const std::map<std::int64_t, std::string>& read() const { return names_; }

 private:
  Call& call_;
  std::map<std::int64_t, std::string> names_;
};
// GET /api/v1/persons/{id}?as_of=YYYY-MM-DD: the case as it stood at the end of that day.
Response caseAsOf(Call& call, std::int64_t personId);
// The id in path parameter `index`, or nothing when it is not a positive number.
std::optional<std::int64_t> pathId(const Call& call, std::size_t index);
// The day of the request in Swedish time (Europe/Stockholm).
CivilDate todayOf(const Call& call);
// Nothing when a unit named `unit` exists; else the 400 naming query parameter "unit", or the store's error.
std::expected<void, Response> checkUnitParameter(const Call& call, const std::string& unit);
// The ETag of version `version` of resource `resource` `id`: "registration/12/4". Each resource has its
// own, so that one sent to another resource's change is told apart from a stale one.
std::string etagOf(std::string_view resource, std::int64_t id, std::int64_t version);
// The version in If-Match for resource `resource` `id`: its ETag ("registration/12/4", W/ allowed) or a
// bare version ("4"). 428 when missing, 400 when not a version, 412 for another resource's ETag.
std::expected<std::int64_t, Response> ifMatchVersion(const Call& call, std::string_view resource, std::int64_t id);

// A session's last use is noted in the database at most this often (each note is a write).
inline constexpr std::chrono::seconds kSessionUseNotedEvery{15};
// True when the session has been idle for the policy's idle timeout, or lived past its lifetime. Never
// early: the last use may lie up to kSessionUseNotedEvery after the noted one.
bool sessionExpired(const SessionRecord& session, std::int64_t now, const SessionPolicy& policy);

// True when the route reads or changes one person's case (record-level access applies).
bool isCaseRoute(const Route& route);
// The body the route takes (Body::by_method resolved).
Body bodyOf(const Route& route);

// The route table. Every /api/v1 route except login requires a session.
std::vector<Route> apiRoutes(const std::function<std::string()>& renderMetrics);

}  // namespace lotsen
