// The HTTP server as a client sees it: a real `lotsen serve` on a free loopback port over demo data.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "domain/date.h"
#include "harness.h"
#include "store/store.h"

namespace lotsen::testing {
namespace {

namespace json = boost::json;

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string(tempPath("server.db"));
    auto demo = runLotsen({"demo", "--db", *db_, "--date", "2026-11-22"});
    ASSERT_EQ(demo.exitCode, 0) << demo.err;
    server_ = new ServerProcess(*db_);
  }
  static void TearDownTestSuite() {
    delete server_;
    removeDatabase(*db_);
    delete db_;
  }
  static int port() { return server_->port(); }
  static Session signIn() {
    auto s = login(port(), "demo", "lotsen-demo-2026");
    EXPECT_TRUE(s);
    return s.value_or(Session{});
  }
  static std::vector<Person> allPersons() {
    auto store = openStore(*db_);
    return (*store)->searchPersons({{}, "", 0, 100000, {}})->persons;
  }
  static void expectProblem(const HttpResponse& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.headers.at("content-type"), "application/problem+json");
    auto body = json::parse(r.body);
    EXPECT_EQ(body.at("status").as_int64(), status);
    EXPECT_TRUE(body.as_object().contains("title"));
    EXPECT_TRUE(body.as_object().contains("detail"));
  }

  static std::string* db_;
  static ServerProcess* server_;
};
std::string* ServerTest::db_ = nullptr;
ServerProcess* ServerTest::server_ = nullptr;

TEST_F(ServerTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const auto& r :
       {http(port(), "GET", "/"), http(port(), "GET", "/api/v1/persons"), http(port(), "GET", "/nowhere")}) {
    EXPECT_EQ(r.headers.at("x-content-type-options"), "nosniff");
    EXPECT_NE(r.headers.at("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(r.headers.at("content-security-policy").find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(r.headers.at("referrer-policy"), "no-referrer");
    EXPECT_EQ(r.headers.at("cache-control"), "no-store");
  }
}

// Issue 13: the UI's hashed assets are kept by the browser for a year; its page, every screen's URL and
// every API answer never.
TEST_F(ServerTest, HashedAssetsAreCachedForGoodThePageAndTheApiNever) {
  auto dir = std::filesystem::temp_directory_path() / ("lotsen-web-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<!doctype html><title>Lotsen</title>";
  std::ofstream(dir / "assets" / "index-1a2b.js") << "console.log(1)";
  ServerProcess web(*db_, {"--web", dir.string()});
  auto asset = http(web.port(), "GET", "/assets/index-1a2b.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.headers.at("cache-control"), "public, max-age=31536000, immutable");
  auto screen = http(web.port(), "GET", "/personer/12");
  EXPECT_EQ(screen.status, 200) << "a bookmarked screen loads the UI";
  EXPECT_EQ(screen.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(screen.headers.at("cache-control"), "no-store");
  auto api = http(web.port(), "GET", "/api/v1/nowhere");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.headers.at("cache-control"), "no-store");
  EXPECT_EQ(http(web.port(), "GET", "/assets/gone-9f9f.js").status, 404);
  std::filesystem::remove_all(dir);
}

// Framing on one keep-alive connection: HEAD gets the length without the body, and the next answer
// follows at once; "Connection: close" is answered in kind; HTTP/1.0 gets HTTP/1.0.
TEST_F(ServerTest, AnswersAreFramedForKeepAliveHeadAndHttp10) {
  Connection c(port());
  c.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string raw = c.receiveAll();
  std::string body = R"({"status":"ok"})";
  std::size_t second = raw.find("HTTP/1.1 200 OK", 1);
  ASSERT_NE(second, std::string::npos) << raw;
  std::string head = raw.substr(0, second), get = raw.substr(second);
  EXPECT_TRUE(head.starts_with("HTTP/1.1 200 OK\r\n")) << raw;
  EXPECT_NE(head.find("Content-Length: " + std::to_string(body.size()) + "\r\n"), std::string::npos) << raw;
  EXPECT_TRUE(head.ends_with("\r\n\r\n")) << "no body after HEAD: " << raw;
  EXPECT_NE(get.find("Connection: close\r\n"), std::string::npos) << raw;
  EXPECT_TRUE(get.ends_with("\r\n\r\n" + body)) << raw;

  Connection old(port());
  old.send("GET /healthz HTTP/1.0\r\n\r\n");
  std::string answer = old.receiveAll();
  EXPECT_TRUE(answer.starts_with("HTTP/1.0 200 OK\r\n")) << answer;
  EXPECT_TRUE(answer.ends_with(body)) << answer;
}

TEST_F(ServerTest, HealthAndReadinessNeedNoSession) {
  EXPECT_EQ(http(port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(http(port(), "GET", "/readyz").status, 200);
}

TEST_F(ServerTest, MetricsAreServedOnlyOnTheOperationsAddress) {
  http(port(), "GET", "/healthz");
  EXPECT_EQ(http(port(), "GET", "/metrics").status, 404);
  ASSERT_NE(server_->metricsPort(), 0);
  EXPECT_EQ(http(server_->metricsPort(), "GET", "/healthz").status, 200);
  EXPECT_EQ(http(server_->metricsPort(), "GET", "/api/v1/session").status, 404);
  auto r = http(server_->metricsPort(), "GET", "/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("lotsen_http_requests_total{route=\"GET /healthz\",status=\"2xx\"}"), std::string::npos);
  EXPECT_NE(r.body.find("lotsen_http_request_duration_seconds_bucket{route=\"GET /healthz\",le=\"+Inf\"}"),
            std::string::npos);
}

TEST_F(ServerTest, EveryApiRouteButLoginAnswers401WithoutSession) {
  expectProblem(http(port(), "GET", "/api/v1/persons"), 401);
  expectProblem(http(port(), "GET", "/api/v1/persons/1"), 401);
  expectProblem(http(port(), "GET", "/api/v1/session"), 401);
  expectProblem(http(port(), "DELETE", "/api/v1/session"), 401);
  expectProblem(http(port(), "GET", "/api/v1/persons", "", {"Cookie: lotsen_session=forged"}), 401);
}

TEST_F(ServerTest, LoginRefusesWrongPasswordAndUnknownUserAlike) {
  auto wrong = http(port(), "POST", "/api/v1/session", R"({"username":"demo","password":"not-the-password"})",
                    {"Content-Type: application/json"});
  auto unknown = http(port(), "POST", "/api/v1/session", R"({"username":"nobody","password":"not-the-password"})",
                      {"Content-Type: application/json"});
  expectProblem(wrong, 401);
  expectProblem(unknown, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.headers.count("set-cookie"), 0u);
}

TEST_F(ServerTest, MalformedLoginBodiesGetProblemJson) {
  expectProblem(http(port(), "POST", "/api/v1/session", "{not json", {"Content-Type: application/json"}), 400);
  expectProblem(http(port(), "POST", "/api/v1/session", R"({"username":"demo"})", {"Content-Type: application/json"}),
                422);
  expectProblem(http(port(), "POST", "/api/v1/session", R"(["demo"])", {"Content-Type: application/json"}), 422);
  expectProblem(
      http(port(), "POST", "/api/v1/session", "username=demo", {"Content-Type: application/x-www-form-urlencoded"}),
      415);
}

TEST_F(ServerTest, LoginSetsAStrictHttpOnlyCookieAndReturnsCsrfToken) {
  auto r = http(port(), "POST", "/api/v1/session", R"({"username":"demo","password":"lotsen-demo-2026"})",
                {"Content-Type: application/json"});
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string& cookie = r.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_GE(json::parse(r.body).at("csrf_token").as_string().size(), 40u);
}

// The session answer says when the session ends, so that the UI can warn before: the idle limit and the
// hard end (login + --session-max-hours), as the server was started.
TEST_F(ServerTest, TheSessionAnswerSaysWhenTheSessionEnds) {
  ServerProcess shortLived(*db_, {"--session-idle-minutes", "7", "--session-max-hours", "3"});
  auto before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto login = http(shortLived.port(), "POST", "/api/v1/session",
                    R"({"username":"anna","password":"lotsen-demo-2026"})", {"Content-Type: application/json"});
  auto after = std::chrono::ceil<std::chrono::seconds>(std::chrono::system_clock::now());
  ASSERT_EQ(login.status, 200) << login.body;
  auto answer = json::parse(login.body).as_object();
  EXPECT_EQ(answer.at("idle_timeout_seconds").as_int64(), 7 * 60);
  std::string endsAt(answer.at("expires_at").as_string());
  EXPECT_GE(endsAt, formatUtcTimestamp(before + std::chrono::hours(3))) << endsAt;
  EXPECT_LE(endsAt, formatUtcTimestamp(after + std::chrono::hours(3))) << endsAt;

  std::string cookie = "Cookie: " + login.headers["set-cookie"].substr(0, login.headers["set-cookie"].find(';'));
  auto again = json::parse(http(shortLived.port(), "GET", "/api/v1/session", "", {cookie}).body).as_object();
  EXPECT_EQ(again.at("expires_at").as_string(), endsAt) << "the hard end does not move with use";
  EXPECT_EQ(again.at("idle_timeout_seconds").as_int64(), 7 * 60);

  auto usual = json::parse(http(port(), "GET", "/api/v1/session", "", {signIn().cookie}).body).as_object();
  EXPECT_EQ(usual.at("idle_timeout_seconds").as_int64(), 30 * 60) << "the default";
}

TEST_F(ServerTest, StateChangingRequestWithoutCsrfTokenIs403) {
  Session s = signIn();
  expectProblem(http(port(), "DELETE", "/api/v1/session", "", {s.cookie}), 403);
  expectProblem(http(port(), "DELETE", "/api/v1/session", "", {s.cookie, "X-CSRF-Token: wrong"}), 403);
  EXPECT_EQ(http(port(), "GET", "/api/v1/session", "", {s.cookie}).status, 200) << "the session survived";
}

TEST_F(ServerTest, LogoutEndsTheSession) {
  Session s = signIn();
  EXPECT_EQ(http(port(), "DELETE", "/api/v1/session", "", {s.cookie, s.csrf}).status, 204);
  expectProblem(http(port(), "GET", "/api/v1/persons", "", {s.cookie}), 401);
}

TEST_F(ServerTest, SearchFindsPersonsByNameAndPersonalIdPaged) {
  Session s = signIn();
  Person someone = allPersons().at(7);
  auto byName = http(port(), "GET", "/api/v1/persons?query=" + someone.details.lastName.substr(0, 3), "", {s.cookie});
  ASSERT_EQ(byName.status, 200) << byName.body;
  auto body = json::parse(byName.body);
  EXPECT_GE(body.at("total").as_int64(), 1);
  EXPECT_EQ(body.at("page").as_int64(), 1);

  std::string pid = someone.details.personalId.canonical();
  auto byId = http(port(), "GET", "/api/v1/persons?query=" + pid, "", {s.cookie});
  auto items = json::parse(byId.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("id").as_int64(), someone.id);
  // The ten-digit form finds the same person.
  auto tenDigits = http(port(), "GET", "/api/v1/persons?query=" + pid.substr(2), "", {s.cookie});
  EXPECT_EQ(json::parse(tenDigits.body).at("total").as_int64(), 1);

  auto all = json::parse(http(port(), "GET", "/api/v1/persons?page=2", "", {s.cookie}).body);
  EXPECT_EQ(all.at("items").as_array().size(), 50u);
  EXPECT_EQ(all.at("page").as_int64(), 2);
  expectProblem(http(port(), "GET", "/api/v1/persons?page=0", "", {s.cookie}), 400);
  expectProblem(http(port(), "GET", "/api/v1/persons?page=x", "", {s.cookie}), 400);
}

TEST_F(ServerTest, PersonComesWithRegistrationsAndVersion) {
  Session s = signIn();
  Person someone = allPersons().at(3);
  auto r = http(port(), "GET", "/api/v1/persons/" + std::to_string(someone.id), "", {s.cookie});
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = json::parse(r.body);
  EXPECT_EQ(body.at("personal_id").as_string(), someone.details.personalId.canonical());
  EXPECT_GE(body.at("registrations").as_array().size(), 1u);
  EXPECT_EQ(r.headers["etag"], "\"person/" + std::to_string(someone.id) + "/" + std::to_string(someone.version) + "\"");
  EXPECT_TRUE(body.at("occupation").is_object()) << "known, or {kind: unknown}";
  expectProblem(http(port(), "GET", "/api/v1/persons/99999999", "", {s.cookie}), 404);
  expectProblem(http(port(), "GET", "/api/v1/persons/abc", "", {s.cookie}), 404);
}

TEST_F(ServerTest, ProtectedPersonsAddressIsNeverSent) {
  Session s = signIn();
  int checked = 0;
  for (const Person& p : allPersons()) {
    if (p.details.protection == Protection::none) continue;
    auto r = http(port(), "GET", "/api/v1/persons/" + std::to_string(p.id), "", {s.cookie});
    ASSERT_EQ(r.status, 200);
    auto body = json::parse(r.body);
    EXPECT_TRUE(body.at("protected").as_bool());
    EXPECT_TRUE(body.at("address").is_null());
    EXPECT_EQ(r.body.find(p.details.streetAddress), std::string::npos);
    EXPECT_EQ(r.body.find(p.details.postalCode), std::string::npos);
    ++checked;
  }
  EXPECT_GT(checked, 0) << "the demo has protected persons";
}

TEST_F(ServerTest, UnknownRoutesAndMethodsGetProblemJson) {
  expectProblem(http(port(), "GET", "/api/v1/nothing-here"), 404);
  expectProblem(http(port(), "GET", "/nothing-here.js"), 404);  // a file that is not there
  expectProblem(http(port(), "PUT", "/healthz"), 405);
}

TEST_F(ServerTest, TooLargeBodyIs413) {
  std::string big(2 * 1024 * 1024, 'x');
  expectProblem(http(port(), "POST", "/api/v1/session", big, {"Content-Type: application/json"}), 413);
}

TEST_F(ServerTest, TooLargeHeaderIs431) {
  expectProblem(http(port(), "GET", "/healthz", "", {"X-Filler: " + std::string(64 * 1024, 'y')}), 431);
}

TEST_F(ServerTest, EveryReadOfPersonalDataIsInTheAccessLog) {
  Session s = signIn();
  auto before = runLotsen({"audit", "verify", "--db", *db_});
  ASSERT_EQ(before.exitCode, 0) << before.out << before.err;
  Person someone = allPersons().at(5);
  ASSERT_EQ(http(port(), "GET", "/api/v1/persons/" + std::to_string(someone.id), "", {s.cookie}).status, 200);
  ASSERT_EQ(http(port(), "GET", "/api/v1/persons?query=a", "", {s.cookie}).status, 200);
  auto after = runLotsen({"audit", "verify", "--db", *db_});
  EXPECT_EQ(after.exitCode, 0) << after.out;
  auto count = [](const std::string& out) { return std::stoi(out.substr(out.find(": ") + 2)); };
  EXPECT_EQ(count(after.out), count(before.out) + 2) << "one entry per read, on disk before the answer";
  EXPECT_EQ(http(port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(count(runLotsen({"audit", "verify", "--db", *db_}).out), count(after.out)) << "no personal data, no entry";
}

TEST_F(ServerTest, RequestLogHoldsNoPersonalData) {
  Session s = signIn();
  Person someone = allPersons().at(11);
  std::string pid = someone.details.personalId.canonical();
  http(port(), "GET", "/api/v1/persons?query=" + pid, "", {s.cookie});
  http(port(), "GET", "/api/v1/persons?query=" + someone.details.lastName, "", {s.cookie});
  http(port(), "GET", "/api/v1/persons/" + std::to_string(someone.id), "", {s.cookie});
  std::string log;
  for (int i = 0; i < 50 && log.find("/api/v1/persons/{id}") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the log is flushed every second
    log = server_->output();
  }
  EXPECT_NE(log.find("\"route\":\"/api/v1/persons/{id}\""), std::string::npos) << "requests are logged";
  EXPECT_EQ(log.find(pid), std::string::npos);
  EXPECT_EQ(log.find(pid.substr(0, 8)), std::string::npos);
  EXPECT_EQ(log.find(someone.details.lastName), std::string::npos);
  EXPECT_EQ(log.find("query="), std::string::npos);
}

// Shutdown: a request that is still arriving when SIGTERM comes is answered, then the server exits 0.
TEST(ServerShutdown, FinishesInFlightRequestThenExitsCleanly) {
  std::string db = tempPath("shutdown.db");
  ASSERT_EQ(runLotsen({"migrate", "--db", db}).exitCode, 0);
  ServerProcess server(db);
  Connection idle(server.port());  // an idle keep-alive connection must not hold the shutdown up
  Connection busy(server.port());
  std::string body = R"({"username":"nobody","password":"whatever-password"})";
  busy.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
            std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(server.pid(), SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  busy.send(body.substr(10));
  HttpResponse r = parseResponse(busy.receiveAll());
  EXPECT_EQ(r.status, 401) << "the in-flight login was answered";
  EXPECT_EQ(r.headers["connection"], "close");
  EXPECT_EQ(server.waitForExit(), 0) << "exits by itself once the request is answered";
  removeDatabase(db);
}

}  // namespace
}  // namespace lotsen::testing
