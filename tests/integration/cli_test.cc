// The `lotsen` command's exit codes: 0 ok, 2 bad usage or bad input (nothing written), 1 internal error.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "harness.h"
#include "store/store.h"

namespace lotsen::testing {
namespace {

std::int64_t personCount(const std::string& db) {
  auto store = openStore(db);
  return (*store)->searchPersons({{}, "", 0, 1, {}})->total;
}

// Adds the caseworker anna, password "a-long-password", to `db`.
bool addAnna(const std::string& db) {
  return runLotsen({"user", "add", "--db", db, "--name", "anna", "--role", "caseworker", "--password-stdin"},
                   "a-long-password\n")
             .exitCode == 0;
}

TEST(Cli, NoSubcommandOrUnknownOptionIsBadUsage) {
  EXPECT_EQ(runLotsen({}).exitCode, 2);
  EXPECT_EQ(runLotsen({"frobnicate"}).exitCode, 2);
  EXPECT_EQ(runLotsen({"serve", "--no-such-option"}).exitCode, 2);
}

TEST(Cli, HelpAndVersionSucceed) {
  auto help = runLotsen({"--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("serve"), std::string::npos);
  EXPECT_EQ(runLotsen({"--version"}).exitCode, 0);
}

TEST(Cli, MigrateCreatesTheSchemaOnce) {
  std::string db = tempPath("migrate.db");
  auto first = runLotsen({"migrate", "--db", db});
  EXPECT_EQ(first.exitCode, 0) << first.err;
  EXPECT_EQ(first.out.find("Genomförda migreringar: 0."), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("Genomförda migreringar: "), std::string::npos) << first.out;
  EXPECT_NE(runLotsen({"migrate", "--db", db}).out.find("Genomförda migreringar: 0."), std::string::npos);
  removeDatabase(db);
}

// The command answers in Swedish, its errors too; LOTSEN_LANGUAGE=en gives the English texts.
TEST(Cli, AnswersInSwedishOrInEnglishWithLotsenLanguageEn) {
  std::string db = tempPath("language.db");
  EXPECT_EQ(runLotsen({"unit", "add", "--db", db, "--name", "KAA Norr"}).out, "Enheten 'KAA Norr' är tillagd.\n");
  EXPECT_EQ(runLotsen({"unit", "add", "--db", db, "--name", "KAA Norr"}).err,
            "lotsen: Det finns redan en enhet som heter 'KAA Norr'.\n");
  EXPECT_EQ(runLotsen({"audit", "verify", "--db", db}).out, "Åtkomstloggen är intakt: 0 poster.\n");
  ::setenv("LOTSEN_LANGUAGE", "en", 1);
  auto added = runLotsen({"unit", "add", "--db", db, "--name", "KAA Söder"});
  auto taken = runLotsen({"unit", "add", "--db", db, "--name", "KAA Norr"});
  auto verified = runLotsen({"audit", "verify", "--db", db});
  ::unsetenv("LOTSEN_LANGUAGE");
  EXPECT_EQ(added.out, "unit KAA Söder added\n");
  EXPECT_EQ(taken.err, "lotsen: there is already a unit named 'KAA Norr'\n");
  EXPECT_EQ(verified.out, "access log intact: 0 entries\n");
  removeDatabase(db);
}

// Replay of issue 12's week: `audit verify` on a mistyped path created an empty database there and
// reported an intact log.
TEST(Cli, ACommandThatReadsTheDatabaseRefusesAPathWithNoneAndCreatesNothing) {
  std::string db = tempPath("mistyped.db");
  for (std::vector<std::string> args : {std::vector<std::string>{"audit", "verify", "--db", db},
                                        {"audit", "head", "--db", db},
                                        {"user", "list", "--db", db},
                                        {"settings", "--db", db}}) {
    auto r = runLotsen(args);
    EXPECT_EQ(r.exitCode, 2) << args[0] << " " << args[1];
    EXPECT_NE(r.err.find("finns inte"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(db));
  auto usage = runLotsen({"audit", "review", "--db", db, "--from", "2026-01-01"});
  EXPECT_EQ(usage.err, "lotsen: --to måste anges.\nKör med --help för mer information.\n") << "usage errors in Swedish";
}

// An attacker's finding: --many-searches 0 answered with a range of 300 digits, and 2^63 was taken as the
// largest 64-bit number without a word.
TEST(Cli, AThresholdIsAWholeNumberFromOneUpSaidInSwedish) {
  std::string db = tempPath("thresholds.db");
  for (const char* wrong : {"0", "-1", "0.5", "abc", "9223372036854775808"}) {
    auto r = runLotsen({"audit", "review", "--db", db, "--from", "2026-01-01", "--to", "2026-01-31", "--many-searches",
                        wrong});
    EXPECT_EQ(r.exitCode, 2) << wrong;
    EXPECT_EQ(r.err, fmt::format("lotsen: --many-searches: '{}' är inget heltal från 1 och uppåt.\n"
                                 "Kör med --help för mer information.\n",
                                 wrong));
  }
  EXPECT_FALSE(std::filesystem::exists(db)) << "refused before the database is opened";
}

TEST(Cli, UnopenableDatabaseIsAnInternalError) {
  EXPECT_EQ(runLotsen({"migrate", "--db", "/nonexistent-directory/x.db"}).exitCode, 1);
}

TEST(Cli, UserAddChecksPasswordRoleAndDuplicates) {
  std::string db = tempPath("users.db");
  auto shortPassword =
      runLotsen({"user", "add", "--db", db, "--name", "anna", "--role", "admin", "--password-stdin"}, "short\n");
  EXPECT_EQ(shortPassword.exitCode, 2);
  EXPECT_NE(shortPassword.err.find("minst 12 tecken"), std::string::npos) << shortPassword.err;
  EXPECT_EQ(runLotsen({"user", "add", "--db", db, "--name", "anna", "--role", "boss", "--password-stdin"},
                      "a-long-password\n")
                .exitCode,
            2);
  EXPECT_EQ(runLotsen({"user", "add", "--db", db, "--name", "Anna Svensson", "--role", "admin", "--password-stdin"},
                      "a-long-password\n")
                .exitCode,
            2);
  EXPECT_EQ(runLotsen({"user", "add", "--db", db, "--name", "anna", "--role", "caseworker"}).exitCode, 2)
      << "--password-stdin is required";
  auto ok = runLotsen({"user", "add", "--db", db, "--name", "anna", "--role", "caseworker", "--password-stdin"},
                      "a-long-password\n");
  EXPECT_EQ(ok.exitCode, 0) << ok.err;
  EXPECT_EQ(runLotsen({"user", "add", "--db", db, "--name", "anna", "--role", "admin", "--password-stdin"},
                      "another-long-one\n")
                .exitCode,
            2);

  ServerProcess server(db);
  EXPECT_TRUE(login(server.port(), "anna", "a-long-password"));
  EXPECT_FALSE(login(server.port(), "anna", "another-long-one"));
  removeDatabase(db);
}

TEST(Cli, PasswordChangeAndDeactivationEndEverySessionAtOnce) {
  std::string db = tempPath("revoke.db");
  ASSERT_TRUE(addAnna(db));
  ServerProcess server(db);
  auto first = login(server.port(), "anna", "a-long-password");
  ASSERT_TRUE(first);
  ASSERT_EQ(
      runLotsen({"user", "passwd", "--db", db, "--name", "anna", "--password-stdin"}, "another-long-one\n").exitCode,
      0);
  EXPECT_EQ(http(server.port(), "GET", "/api/v1/session", "", {first->cookie}).status, 401);
  auto second = login(server.port(), "anna", "another-long-one");
  ASSERT_TRUE(second);
  ASSERT_EQ(runLotsen({"user", "deactivate", "--db", db, "--name", "anna"}).exitCode, 0);
  EXPECT_EQ(http(server.port(), "GET", "/api/v1/session", "", {second->cookie}).status, 401);
  EXPECT_FALSE(login(server.port(), "anna", "another-long-one"));
  ASSERT_EQ(runLotsen({"user", "activate", "--db", db, "--name", "anna"}).exitCode, 0);
  auto third = login(server.port(), "anna", "another-long-one");
  ASSERT_TRUE(third);
  // Changing one's own password over the API ends that session too.
  auto changed = http(server.port(), "PUT", "/api/v1/session/password",
                      R"({"current_password":"another-long-one","new_password":"a-third-long-one"})",
                      {third->cookie, third->csrf, "Content-Type: application/json"});
  EXPECT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(http(server.port(), "GET", "/api/v1/session", "", {third->cookie}).status, 401);
  EXPECT_TRUE(login(server.port(), "anna", "a-third-long-one"));
  EXPECT_EQ(runLotsen({"user", "deactivate", "--db", db, "--name", "nobody"}).exitCode, 2);
  removeDatabase(db);
}

TEST(Cli, RepeatedWrongPasswordsLockTheAccountWithRetryAfter) {
  std::string db = tempPath("throttle.db");
  ASSERT_TRUE(addAnna(db));
  ServerProcess server(db);
  auto attempt = [&](const std::string& password) {
    return http(server.port(), "POST", "/api/v1/session", R"({"username":"anna","password":")" + password + "\"}",
                {"Content-Type: application/json"});
  };
  for (int i = 0; i < 5; ++i) EXPECT_EQ(attempt("wrong-password").status, 401);
  auto locked = attempt("a-long-password");
  EXPECT_EQ(locked.status, 429) << "even the right password waits";
  // 30 seconds from the fifth failure; a slow machine may already have used one of them.
  int retryAfter = std::stoi(locked.headers["retry-after"]);
  EXPECT_TRUE(retryAfter == 30 || retryAfter == 29) << retryAfter;
  removeDatabase(db);
}

// Behind a reverse proxy the throttle counts the client's address from X-Forwarded-For, but only when the
// proxy is trusted: from anyone else the header is ignored, so that it cannot dodge the limit.
TEST(Cli, TheAddressThrottleSeesTheClientBehindATrustedProxy) {
  std::string db = tempPath("proxy.db");
  ASSERT_TRUE(addAnna(db));
  auto fail20 = [](int port, const std::string& from) {
    for (int i = 0; i < 20; ++i)  // four tries each for five unknown accounts: no account is locked
      http(port, "POST", "/api/v1/session",
           R"({"username":"nobody)" + std::to_string(i % 5) + R"(","password":"wrong-password"})",
           {"Content-Type: application/json", "X-Forwarded-For: 192.0.2.1, " + from});
  };
  auto login = [](int port, const std::string& from) {
    return http(port, "POST", "/api/v1/session", R"({"username":"anna","password":"a-long-password"})",
                {"Content-Type: application/json", "X-Forwarded-For: " + from})
        .status;
  };
  {
    ServerProcess proxied(db, {"--trusted-proxy", "127.0.0.1"});
    fail20(proxied.port(), "10.0.0.1");
    EXPECT_EQ(login(proxied.port(), "10.0.0.1"), 429) << "the client that failed";
    EXPECT_EQ(login(proxied.port(), "10.0.0.2"), 200) << "another client behind the same proxy";
  }
  ServerProcess direct(db);
  fail20(direct.port(), "10.0.0.1");
  EXPECT_EQ(login(direct.port(), "10.0.0.2"), 429) << "an untrusted peer's header changes nothing";
  removeDatabase(db);
}

TEST(Cli, UserListShowsAccountsUnusedForDays) {
  std::string db = tempPath("userlist.db");
  for (std::string name : {"anna", "bertil"})
    ASSERT_EQ(runLotsen({"user", "add", "--db", db, "--name", name, "--role", "caseworker", "--password-stdin"},
                        "a-long-password\n")
                  .exitCode,
              0);
  {
    ServerProcess server(db);
    ASSERT_TRUE(login(server.port(), "anna", "a-long-password"));
  }
  auto all = runLotsen({"user", "list", "--db", db});
  ASSERT_EQ(all.exitCode, 0);
  EXPECT_NE(all.out.find("anna"), std::string::npos);
  EXPECT_EQ(all.out.find("Användarnamn"), 0u) << all.out;
  EXPECT_NE(all.out.find("Aldrig"), std::string::npos) << "bertil never logged in";
  auto inactive = runLotsen({"user", "list", "--db", db, "--inactive-days", "90"});
  EXPECT_EQ(inactive.out.find("anna"), std::string::npos) << "logged in today";
  EXPECT_NE(inactive.out.find("bertil"), std::string::npos) << "never logged in";
  removeDatabase(db);
}

TEST(CliDemo, IsDeterministicAndOnlyFillsAnEmptyDatabase) {
  std::string a = tempPath("demo-a.db"), b = tempPath("demo-b.db");
  std::string ra = tempPath("regs-a"), rb = tempPath("regs-b");
  auto first = runLotsen({"demo", "--db", a, "--seed", "7", "--date", "2026-03-01", "--registers", ra});
  ASSERT_EQ(first.exitCode, 0) << first.err;
  ASSERT_EQ(runLotsen({"demo", "--db", b, "--seed", "7", "--date", "2026-03-01", "--registers", rb}).exitCode, 0);
  for (auto name : {"population.csv", "enrolments.csv", "completions.csv"}) {
    std::string one = readFile((std::filesystem::path(ra) / name).string());
    EXPECT_GT(one.size(), 1000u) << name;
    EXPECT_EQ(one, readFile((std::filesystem::path(rb) / name).string())) << name;
  }
  std::int64_t persons = personCount(a);
  EXPECT_GT(persons, 0);
  EXPECT_EQ(persons, personCount(b));

  auto again = runLotsen({"demo", "--db", a});
  EXPECT_EQ(again.exitCode, 2);
  EXPECT_EQ(personCount(a), persons) << "nothing written";
  EXPECT_EQ(runLotsen({"demo", "--db", tempPath("demo-c.db"), "--date", "2026-02-30"}).exitCode, 2);
  for (auto& p : {a, b}) removeDatabase(p);
  std::filesystem::remove_all(ra);
  std::filesystem::remove_all(rb);
}

TEST(Cli, UnitsAndTheUnitsAndRolesOfAUser) {
  std::string db = tempPath("units.db");
  EXPECT_EQ(runLotsen({"unit", "add", "--db", db, "--name", "KAA Norr"}).exitCode, 0);
  EXPECT_EQ(runLotsen({"unit", "add", "--db", db, "--name", "KAA Norr"}).exitCode, 2) << "taken";
  EXPECT_EQ(runLotsen({"unit", "add", "--db", db, "--name", ""}).exitCode, 2);
  EXPECT_EQ(runLotsen({"unit", "list", "--db", db}).out, "KAA Norr\n");
  auto add = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args{"user", "add", "--db", db, "--name", "anna", "--password-stdin"};
    args.insert(args.end(), extra.begin(), extra.end());
    return runLotsen(args, "a-long-password\n").exitCode;
  };
  EXPECT_EQ(add({"--role", "caseworker", "--unit", "KAA Söder"}), 2) << "no such unit";
  EXPECT_EQ(add({"--role", "caseworker,boss"}), 2);
  EXPECT_EQ(add({"--role", "caseworker,unit_manager", "--unit", "KAA Norr"}), 0);
  auto list = runLotsen({"user", "list", "--db", db}).out;
  EXPECT_NE(list.find("unit_manager,caseworker"), std::string::npos) << list;
  EXPECT_NE(list.find("KAA Norr"), std::string::npos) << list;
  EXPECT_EQ(runLotsen({"user", "units", "--db", db, "--name", "anna"}).exitCode, 0);
  EXPECT_EQ(runLotsen({"user", "list", "--db", db}).out.find("KAA Norr"), std::string::npos);
  EXPECT_EQ(runLotsen({"user", "roles", "--db", db, "--name", "anna", "--role", "boss"}).exitCode, 2);
  auto roles = runLotsen({"user", "roles", "--db", db, "--name", "anna", "--role", "auditor"});
  EXPECT_EQ(roles.exitCode, 0) << roles.err;
  list = runLotsen({"user", "list", "--db", db}).out;
  EXPECT_NE(list.find("auditor"), std::string::npos) << list;
  EXPECT_EQ(list.find("caseworker"), std::string::npos) << list;
  EXPECT_EQ(runLotsen({"user", "protected-address", "--db", db, "--name", "anna"}).exitCode, 2)
      << "--allow or --withdraw";
  removeDatabase(db);
}

TEST(Cli, RetentionDryRunListsWhatTheRunRemoves) {
  std::string db = tempPath("retention.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  auto dry = runLotsen({"retention", "--db", db, "--dry-run", "--date", "2028-06-01"});
  ASSERT_EQ(dry.exitCode, 0) << dry.err;
  EXPECT_EQ(dry.out.find("Provkörning: "), 0u) << dry.out;
  EXPECT_EQ(runLotsen({"retention", "--db", db, "--dry-run", "--date", "2028-06-01"}).out, dry.out)
      << "a dry run changes nothing";
  std::size_t before = personCount(db);
  auto run = runLotsen({"retention", "--db", db, "--date", "2028-06-01"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  std::string listed = dry.out.substr(dry.out.find('\n') + 1), removed = run.out.substr(run.out.find('\n') + 1);
  EXPECT_EQ(listed, removed) << "the same persons";
  std::size_t n = static_cast<std::size_t>(std::count(removed.begin(), removed.end(), '\n'));
  EXPECT_GT(n, 0u);
  EXPECT_EQ(personCount(db), before - n);
  EXPECT_EQ(runLotsen({"retention", "--db", db, "--date", "2028-13-01"}).exitCode, 2);
  removeDatabase(db);
}

TEST(Cli, BackupCopiesALiveDatabaseAndNeverOverwrites) {
  std::string db = tempPath("live.db"), copy = tempPath("copy.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  ServerProcess server(db);  // the database is in use
  auto backup = runLotsen({"backup", "--db", db, "--out", copy});
  EXPECT_EQ(backup.exitCode, 0) << backup.err;
  EXPECT_EQ(personCount(copy), personCount(db));
  EXPECT_EQ(runLotsen({"backup", "--db", db, "--out", copy}).exitCode, 2) << "the copy exists";
  EXPECT_EQ(runLotsen({"backup", "--db", tempPath("missing.db"), "--out", tempPath("x.db")}).exitCode, 2);
  removeDatabase(db);
  removeDatabase(copy);
}

TEST(Cli, SettingsAreListedAndChangedAllOrNothing) {
  std::string db = tempPath("settings.db");
  ASSERT_EQ(runLotsen({"migrate", "--db", db}).exitCode, 0);
  auto list = runLotsen({"settings", "--db", db});
  ASSERT_EQ(list.exitCode, 0) << list.err;
  EXPECT_NE(list.out.find("first_contact_days=14"), std::string::npos);
  EXPECT_EQ(runLotsen({"settings", "--db", db, "first_contact_days=10", "contact_retry_days=0"}).exitCode, 2);
  EXPECT_NE(runLotsen({"settings", "--db", db}).out.find("first_contact_days=14"), std::string::npos)
      << "nothing changed";
  auto changed = runLotsen({"settings", "--db", db, "first_contact_days=10"});
  EXPECT_EQ(changed.exitCode, 0);
  EXPECT_NE(changed.out.find("first_contact_days=10"), std::string::npos);
  removeDatabase(db);
}

TEST(Cli, ServeRefusesABadListenAddress) {
  std::string db = tempPath("listen.db");
  EXPECT_EQ(runLotsen({"serve", "--db", db, "--listen", "nowhere"}).exitCode, 2);
  EXPECT_EQ(runLotsen({"serve", "--db", db, "--listen", "127.0.0.1:99999"}).exitCode, 2);
  removeDatabase(db);
}

TEST(Cli, SecureCookieFlagMarksTheSessionCookieSecure) {
  std::string db = tempPath("secure.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);  // --demo finds persons and loads nothing
  ServerProcess server(db, {"--demo", "--secure-cookie"});
  auto r = http(server.port(), "POST", "/api/v1/session", R"({"username":"demo","password":"lotsen-demo-2026"})",
                {"Content-Type: application/json"});
  EXPECT_NE(r.headers["set-cookie"].find("; Secure"), std::string::npos);
  removeDatabase(db);
}

TEST(Cli, ServeDemoPrintsTheDemoLogin) {
  std::string db = tempPath("serve-demo.db");
  ServerProcess server(db, {"--demo"});
  std::string output = server.output();
  EXPECT_NE(output.find("Logga in som \"demo\""), std::string::npos) << output;
  EXPECT_TRUE(login(server.port(), "demo", "lotsen-demo-2026"));
  EXPECT_EQ(server.stop(), 0);
  removeDatabase(db);
}

TEST(Cli, ServeReadsTheReportsHistoryAtStartNotAtTheFirstReport) {
  std::string db = tempPath("serve-warm.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  ServerProcess server(db, {"--demo"});
  std::string output;
  for (int i = 0; i < 100 && output.find("reports' history read") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    output = server.output();
  }
  EXPECT_NE(output.find(R"("msg":"reports' history read","events":)"), std::string::npos) << output;
  EXPECT_EQ(output.find(R"("msg":"request")"), std::string::npos) << "before any request";
  EXPECT_EQ(server.stop(), 0);
  removeDatabase(db);
}

class CliIdentify : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registers_ = new std::string(tempPath("identify-registers"));
    std::string scratch = tempPath("identify-scratch.db");
    ASSERT_EQ(seededDemo(scratch, *registers_).exitCode, 0);
    removeDatabase(scratch);
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*registers_);
    delete registers_;
  }
  void SetUp() override {
    db_ = tempPath("identify.db");
    ASSERT_EQ(runLotsen({"migrate", "--db", db_}).exitCode, 0);
  }
  void TearDown() override { removeDatabase(db_); }
  std::string file(const std::string& name) const { return (std::filesystem::path(*registers_) / name).string(); }
  std::vector<std::string> args(std::vector<std::string> extra = {}) const {
    std::vector<std::string> a{"identify",
                               "--db",
                               db_,
                               "--date",
                               "2026-11-22",
                               "--municipality",
                               "1490",
                               "--population",
                               file("population.csv"),
                               "--enrolments",
                               file("enrolments.csv"),
                               "--completions",
                               file("completions.csv")};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }

  static std::string* registers_;
  std::string db_;
};
std::string* CliIdentify::registers_ = nullptr;

TEST_F(CliIdentify, JsonIsExactlyOneObjectAndRerunChangesNothing) {
  auto first = runLotsen(args({"--json"}));
  ASSERT_EQ(first.exitCode, 0) << first.err;
  EXPECT_EQ(first.err, "") << "no progress bar when standard error is not a terminal";
  auto summary = boost::json::parse(first.out).as_object();
  std::int64_t group = summary.at("target_group").as_int64();
  EXPECT_GT(group, 100);
  EXPECT_EQ(summary.at("registered").at("total").as_int64(), group);
  EXPECT_FALSE(summary.at("dry_run").as_bool());
  EXPECT_EQ(personCount(db_), group);

  auto again = boost::json::parse(runLotsen(args({"--json"})).out).as_object();
  EXPECT_EQ(again.at("registered").at("total").as_int64(), 0);
  EXPECT_EQ(again.at("deregistered").at("total").as_int64(), 0);
  EXPECT_EQ(again.at("unchanged").as_int64(), group);
}

TEST_F(CliIdentify, HumanSummaryIsSwedish) {
  auto r = runLotsen(args({"--dry-run"}));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("I målgruppen"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("provkörning"), std::string::npos);
  EXPECT_EQ(personCount(db_), 0);
}

TEST_F(CliIdentify, BadRowAnywhereLeavesTheDatabaseByteForByteUnchanged) {
  ASSERT_EQ(runLotsen(args()).exitCode, 0);
  std::string before = readFile(db_);
  std::string broken = tempPath("broken-enrolments.csv");
  {
    std::ofstream out(broken);
    out << readFile(file("enrolments.csv")) << "20080312-2384;GY;NA;14900011;kommunal;2024-08-20;;\n";
  }
  std::vector<std::string> a = args();
  a[4] = "2026-11-29";
  a[10] = broken;
  auto r = runLotsen(a);
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find(broken + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Kontrollsiffran är fel."), std::string::npos) << r.err;
  EXPECT_EQ(readFile(db_), before);
  std::filesystem::remove(broken);
}

// Issue 12: a run dated a year ahead wrote 792 future registrations and stopped later runs for earlier
// days. A run that writes is dated today or earlier; a dry run may look ahead.
TEST_F(CliIdentify, ARunThatWritesIsDatedTodayOrEarlier) {
  std::vector<std::string> ahead = args();
  ahead[4] = "2099-01-15";
  auto refused = runLotsen(ahead);
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find("dateras i dag"), std::string::npos) << refused.err;
  ahead.push_back("--dry-run");
  EXPECT_EQ(runLotsen(ahead).exitCode, 0);
}

TEST_F(CliIdentify, BadArgumentsExitTwo) {
  std::vector<std::string> badDate = args(), badMunicipality = args();
  badDate[4] = "2026-02-30";
  badMunicipality[6] = "14";
  EXPECT_EQ(runLotsen(badDate).exitCode, 2);
  EXPECT_EQ(runLotsen(badMunicipality).exitCode, 2);
  std::vector<std::string> missing = args();
  missing[8] = "/nonexistent/population.csv";
  EXPECT_EQ(runLotsen(missing).exitCode, 2);
}

// What the file for Excel says is what the JSON says; a mistaken option writes nothing.
TEST(Cli, KpiReportGivesTheSameFiguresAsCsvAndJsonAndABadOptionWritesNoFile) {
  std::string db = tempPath("kpi.db"), csv = tempPath("kpi.csv"), notWritten = tempPath("not-written.csv");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  std::vector<std::string> args{"report", "kpi",  "--db", db,        "--period",
                                "2026H2", "--by", "unit", "--today", "2026-11-22"};
  auto asJson = args;
  asJson.insert(asJson.end(), {"--format", "json"});
  auto json = runLotsen(asJson);
  ASSERT_EQ(json.exitCode, 0) << json.err;
  auto report = boost::json::parse(json.out).as_object();
  const auto& all = report.at("all").as_object();
  std::int64_t targetGroup = all.at("target_group").as_int64(), inUnits = 0;
  EXPECT_GT(targetGroup, 0);
  for (const auto& g : report.at("groups").as_array()) inUnits += g.at("target_group").as_int64();
  EXPECT_EQ(inUnits, targetGroup) << "the units' groups add up to the municipality";
  // The further figures, read from the demo's cases: goals assessed at follow-ups, measures offered and
  // ended, persons first registered in the period.
  EXPECT_GT(all.at("goals").at("assessed").as_int64(), 0);
  EXPECT_GT(all.at("offered_measure").as_int64(), 0);
  EXPECT_LE(all.at("declined_first").as_int64(), all.at("offered_measure").as_int64());
  EXPECT_GT(all.at("after_measure").at("ended").as_int64(), 0);
  EXPECT_GT(all.at("cohort").at("persons").as_int64(), 0);
  EXPECT_LE(all.at("cohort").at("persons").as_int64(), all.at("first_attempt").at("started").as_int64());
  EXPECT_GT(all.at("outcome_6_months").at("measured").as_int64(), 0);
  EXPECT_TRUE(all.at("suppressed").as_array().empty()) << "the command's figures are not suppressed";

  auto toFile = args;
  toFile.insert(toFile.end(), {"--out", csv});
  auto written = runLotsen(toFile);
  ASSERT_EQ(written.exitCode, 0) << written.err;
  EXPECT_EQ(written.out, "Nyckeltalen för 2026H2 är sparade i '" + csv + "'.\n");
  std::ifstream in(csv, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::string file = text.str();
  EXPECT_EQ(file.rfind("\xEF\xBB\xBFGrupp;", 0), 0u) << "a byte-order mark, then the headings";
  std::string second = file.substr(file.find("\r\n") + 2);
  EXPECT_EQ(second.rfind(fmt::format("Hela kommunen;{};{};{};", targetGroup, all.at("open_at_end").as_int64(),
                                     all.at("known_occupation").as_int64()),
                         0),
            0u)
      << second.substr(0, 80);

  auto badPeriod = runLotsen({"report", "kpi", "--db", db, "--period", "2026H3", "--out", notWritten});
  EXPECT_EQ(badPeriod.exitCode, 2);
  EXPECT_NE(badPeriod.err.find("--period: Halvår anges som ÅÅÅÅH1 eller ÅÅÅÅH2"), std::string::npos) << badPeriod.err;
  auto badBy = runLotsen({"report", "kpi", "--db", db, "--period", "2026H2", "--by", "kommun", "--out", notWritten});
  EXPECT_EQ(badBy.exitCode, 2);
  EXPECT_NE(badBy.err.find("Nedbrytningen är all"), std::string::npos) << badBy.err;
  EXPECT_FALSE(std::filesystem::exists(notWritten));
  removeDatabase(db);
  std::filesystem::remove(csv);
}

// A committee report value as the PDF prints it, without its unit ("82,5" for 0.825, "6,5" days, "214").
std::string printed(const boost::json::value& measure, const char* key) {
  const boost::json::value& v = measure.at(key);
  if (v.is_null()) return "–";
  double value = v.to_number<double>();
  std::string unit(measure.at("unit").as_string());
  std::string text = unit == "share"  ? fmt::format("{:.1f}", value * 100)
                     : unit == "days" ? fmt::format("{:.1f}", value)
                                      : fmt::format("{:.0f}", value);
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

// The committee report of October 2026 on the demo: the JSON's figures are in the PDF's text (headings,
// measures, outcomes, the target and the analysis written with `lotsen targets`) and in the workbook's
// cells; a mistaken option writes no file.
TEST(Cli, CommitteeReportPdfAndXlsxHoldTheJsonsFiguresAndABadOptionWritesNoFile) {
  std::string db = tempPath("committee.db"), pdf = tempPath("committee.pdf"), xlsx = tempPath("committee.xlsx"),
              notWritten = tempPath("not-written.pdf");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  auto set =
      runLotsen({"targets", "--db", db, "set", "--year", "2026", "--measure", "known_occupation", "--value", "0.9"});
  ASSERT_EQ(set.exitCode, 0) << set.err;
  EXPECT_EQ(set.out, "Målet för 'known_occupation' år 2026 är 90,0\u00a0%.\n");
  auto analysis = runLotsen({"targets", "--db", db, "analysis", "--month", "2026-10", "--measure", "known_occupation",
                             "--text", "Skolornas anmälningar gav fler kontakter."});
  ASSERT_EQ(analysis.exitCode, 0) << analysis.err;
  auto listed = runLotsen({"targets", "--db", db, "list", "--year", "2026"});
  ASSERT_EQ(listed.exitCode, 0) << listed.err;
  EXPECT_NE(listed.out.find("Andel med känd sysselsättning"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("90,0"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("Inget mål"), std::string::npos) << listed.out;

  std::vector<std::string> args{"report", "committee", "--db", db, "--month", "2026-10", "--today", "2026-11-22"};
  auto asJson = args;
  asJson.insert(asJson.end(), {"--format", "json"});
  auto json = runLotsen(asJson);
  ASSERT_EQ(json.exitCode, 0) << json.err;
  auto report = boost::json::parse(json.out).as_object();
  EXPECT_EQ(report.at("as_of"), "2026-10-31");
  const auto& measures = report.at("measures").as_array();
  ASSERT_EQ(measures.size(), 6u);
  EXPECT_GT(measures[0].at("this_month").to_number<double>(), 0) << "the demo's target group";

  auto toPdf = args;
  toPdf.insert(toPdf.end(), {"--format", "pdf", "--out", pdf});
  auto wrote = runLotsen(toPdf);
  ASSERT_EQ(wrote.exitCode, 0) << wrote.err;
  EXPECT_EQ(wrote.out, "Nämndrapporten för 2026-10 är sparad i '" + pdf + "'.\n");
  std::string info = outputOf("pdfinfo '" + pdf + "'");
  EXPECT_NE(info.find("Nämndrapport – verksamhetsmått oktober 2026"), std::string::npos) << "the title: " << info;
  EXPECT_NE(info.find("pts (A4)"), std::string::npos) << info;
  std::string text = outputOf("pdftotext -layout '" + pdf + "' -");
  for (const char* heading : {"Nämndrapport", "Verksamhetsmått oktober 2026", "Önskad riktning", "Utfall okt 2025",
                              "Mål 2026", "Utfall okt 2026", "Utveckling de senaste tolv månaderna", "Analys",
                              "Skolornas anmälningar gav fler kontakter.", "Sida 1 av "})
    EXPECT_NE(text.find(heading), std::string::npos) << heading << " in\n" << text;
  for (const auto& m : measures) {
    std::string label(m.at("label").as_string());
    std::size_t row = text.find(label);
    ASSERT_NE(row, std::string::npos) << label;
    std::string line = text.substr(row, text.find('\n', row) - row);  // the table's row comes first
    for (const char* key : {"same_month_last_year", "target", "this_month"})
      EXPECT_NE(line.find(printed(m, key)), std::string::npos) << label << " " << key << ": " << line;
  }
  EXPECT_NE(text.find("90,0"), std::string::npos) << "the target";

  auto toXlsx = args;
  toXlsx.insert(toXlsx.end(), {"--format", "xlsx", "--out", xlsx});
  ASSERT_EQ(runLotsen(toXlsx).exitCode, 0);
  EXPECT_NE(outputOf("unzip -t '" + xlsx + "'").find("No errors detected"), std::string::npos) << "a whole zip";
  std::string contents = outputOf("unzip -l '" + xlsx + "'");
  EXPECT_NE(contents.find("xl/charts/chart6.xml"), std::string::npos) << "a trend chart per measure: " << contents;
  EXPECT_NE(outputOf("unzip -p '" + xlsx + "' xl/charts/chart1.xml").find("Trend!$B$1:$M$1"), std::string::npos)
      << "the chart's months are the Trend sheet's";
  std::string strings = outputOf("unzip -p '" + xlsx + "' xl/sharedStrings.xml");
  std::string sheet = outputOf("unzip -p '" + xlsx + "' xl/worksheets/sheet1.xml");
  std::vector<double> numbers;
  for (std::size_t at = sheet.find("<v>"); at != std::string::npos; at = sheet.find("<v>", at + 1))
    numbers.push_back(std::stod(sheet.substr(at + 3, sheet.find("</v>", at) - at - 3)));
  for (const auto& m : measures) {
    EXPECT_NE(strings.find(std::string(m.at("label").as_string())), std::string::npos) << m.at("label");
    for (const char* key : {"same_month_last_year", "target", "this_month"}) {
      if (m.at(key).is_null()) continue;
      double value = m.at(key).to_number<double>();
      EXPECT_TRUE(std::ranges::any_of(numbers, [&](double n) { return std::abs(n - value) < 1e-9; }))
          << m.at("code") << " " << key << " " << value;
    }
  }
  EXPECT_NE(strings.find("Skolornas anmälningar gav fler kontakter."), std::string::npos);

  auto badMonth = runLotsen({"report", "committee", "--db", db, "--month", "2026-13", "--out", notWritten});
  EXPECT_EQ(badMonth.exitCode, 2);
  EXPECT_NE(badMonth.err.find("--month: Månad anges som ÅÅÅÅ-MM"), std::string::npos) << badMonth.err;
  auto badFormat =
      runLotsen({"report", "committee", "--db", db, "--month", "2026-10", "--format", "docx", "--out", notWritten});
  EXPECT_EQ(badFormat.exitCode, 2);
  EXPECT_NE(badFormat.err.find("--format är pdf, xlsx eller json"), std::string::npos) << badFormat.err;
  auto future = runLotsen({"report", "committee", "--db", db, "--month", "2099-01", "--out", notWritten});
  EXPECT_EQ(future.exitCode, 2);
  EXPECT_NE(future.err.find("Månaden 2099-01 har inte börjat"), std::string::npos) << future.err;
  auto noOut = runLotsen({"report", "committee", "--db", db, "--month", "2026-10"});
  EXPECT_EQ(noOut.exitCode, 2);
  EXPECT_FALSE(std::filesystem::exists(notWritten));
  auto badTarget =
      runLotsen({"targets", "--db", db, "set", "--year", "2026", "--measure", "known_occupation", "--value", "90"});
  EXPECT_EQ(badTarget.exitCode, 2);
  EXPECT_NE(badTarget.err.find("från 0 till 1"), std::string::npos) << badTarget.err;
  removeDatabase(db);
  std::filesystem::remove(pdf);
  std::filesystem::remove(xlsx);
}

// `lotsen codes import` reads the whole layout before it stores any of it: a file that is missing, empty,
// truncated, not UTF-8, larger than 1 MB, or wrong in a field is refused (exit 2) with the file and the
// place in it, and the layout imported before stays.
TEST(Cli, ABadLayoutFileIsRefusedWithItsPlaceAndTheImportedLayoutStays) {
  std::string db = tempPath("codes.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  std::string before = outputOf("sqlite3 '" + db + "' 'SELECT content FROM report_layouts'");
  ASSERT_FALSE(before.empty());
  std::string good = readFile(std::string(LOTSEN_SOURCE_DIR) + "/docs/examples/scb-halvar-demo.json");
  ASSERT_FALSE(good.empty());
  std::string path = tempPath("layout.json");
  auto import = [&](const std::string& bytes) {
    writeFile(path, bytes);
    return runLotsen({"codes", "import", "--db", db, path});
  };
  struct Case {
    std::string name, bytes, said;
  };
  std::string latin1 = good;
  latin1.replace(latin1.find("aktivitetsansvar"), 16, "aktivitetsansvar \xe5r");
  std::string unmapped = good;
  unmapped.replace(unmapped.find("\"work\""), 6, "\"arbete\"");
  std::string twice = good;  // a key given twice: which value was meant cannot be known
  twice.replace(twice.find("\"work\""), 6, "\"work\": \"9\", \"work\"");
  std::string separator = good;  // SCB's code holding the file's separator would split the line
  separator.replace(separator.find("\"work\": \""), 9, "\"work\": \";");
  std::vector<Case> cases{
      {"empty", "", path},
      {"a key twice", twice, "'work'"},
      {"the separator in a code", separator, "codes.occupation.work"},
      {"truncated", good.substr(0, good.size() / 2), path},
      {"latin-1", latin1, path},
      {"larger than 1 MB", std::string(1'100'000, ' ') + good, "1 MB"},
      {"not an object", "[1, 2]", path},
      {"an unknown Lotsen code", unmapped, "codes.occupation"},
  };
  for (const Case& c : cases) {
    auto run = import(c.bytes);
    EXPECT_EQ(run.exitCode, 2) << c.name << ": " << run.err;
    EXPECT_NE(run.err.find(c.said), std::string::npos) << c.name << ": " << run.err;
    EXPECT_EQ(run.err.find("internal"), std::string::npos) << c.name << ": " << run.err;
  }
  auto missing = runLotsen({"codes", "import", "--db", db, tempPath("no-such-layout.json")});
  EXPECT_EQ(missing.exitCode, 2) << missing.err;
  EXPECT_NE(missing.err.find("no-such-layout.json"), std::string::npos) << missing.err;
  EXPECT_EQ(outputOf("sqlite3 '" + db + "' 'SELECT content FROM report_layouts'"), before)
      << "nothing stored from a refused file";

  EXPECT_EQ(import(good).exitCode, 0) << "the same file whole is taken";
  // What `codes show` prints is the file as imported, and imports again to the same.
  auto shown = runLotsen({"codes", "show", "--db", db});
  ASSERT_EQ(shown.exitCode, 0) << shown.err;
  EXPECT_EQ(shown.out, good);
  EXPECT_EQ(import(shown.out).exitCode, 0);
  EXPECT_EQ(runLotsen({"codes", "show", "--db", db}).out, good);
  std::string empty = tempPath("no-layout.db");
  ASSERT_EQ(runLotsen({"migrate", "--db", empty}).exitCode, 0);
  auto none = runLotsen({"codes", "show", "--db", empty});
  EXPECT_EQ(none.exitCode, 2) << none.err;
  EXPECT_NE(none.err.find("lotsen codes import"), std::string::npos) << "says how to import one: " << none.err;
  removeDatabase(empty);
  auto noOut = runLotsen({"report", "half-year", "--db", db, "--period", "2026H1", "--format", "xlsx"});
  EXPECT_EQ(noOut.exitCode, 2);
  EXPECT_NE(noOut.err.find("Ange --out FIL för en XLSX-fil"), std::string::npos) << noOut.err;
  removeDatabase(db);
  std::filesystem::remove(path);
}

// First-contact letters on the demo: `lotsen letters` writes a PDF with a letter for each young person on
// the first-contact list with an address, and lists a protected person apart without their address;
// `confirm` records the letters as contact attempts by letter, after which nobody is left to write to.
TEST(Cli, LettersPrintTheListsNamesAndAProtectedPersonsAddressIsNeverPrinted) {
  std::string db = tempPath("letters.db"), pdf = tempPath("letters.pdf");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  auto overview = runLotsen({"letters", "--db", db, "--format", "json"});
  ASSERT_EQ(overview.exitCode, 0) << overview.err;
  auto listed = boost::json::parse(overview.out).as_object();
  const auto& letters = listed.at("letters").as_array();
  ASSERT_GE(letters.size(), 2u) << overview.out;
  // The first on the list becomes protected (as the population register can say at any run).
  std::int64_t hidden = letters.at(0).at("person_id").as_int64();
  std::string address;
  {
    auto store = openStore(db);
    ASSERT_TRUE(store);
    auto person = (*store)->person(hidden);
    ASSERT_TRUE(person);
    address = person->details.streetAddress;
    PersonDetails details = person->details;
    details.protection = Protection::protected_registration;
    ASSERT_TRUE((*store)->updatePerson(Actor{std::nullopt, "test"}, hidden, person->version, details));
  }
  ASSERT_FALSE(address.empty());
  auto made = runLotsen({"letters", "--db", db, "--out", pdf});
  ASSERT_EQ(made.exitCode, 0) << made.err;
  EXPECT_NE(made.out.find(fmt::format("{} brev är spara", letters.size() - 1)), std::string::npos) << made.out;
  EXPECT_NE(made.out.find("1 person med skyddade personuppgifter står på en egen lista"), std::string::npos)
      << made.out;
  std::string text = outputOf("pdftotext -layout '" + pdf + "' -");
  std::string second(letters.at(1).at("name").as_string());
  EXPECT_NE(text.find(second), std::string::npos) << text;
  EXPECT_NE(text.find(std::string(letters.at(0).at("name").as_string())), std::string::npos) << "listed apart";
  EXPECT_NE(text.find("skickas via Skatteverkets vidarebefordran"), std::string::npos) << text;
  EXPECT_EQ(text.find(address), std::string::npos) << "the protected person's address: " << address;
  EXPECT_EQ(outputOf("sqlite3 '" + db + "' \"SELECT username, count >= " + std::to_string(letters.size()) +
                     " FROM access_log WHERE route = 'lotsen letters' ORDER BY id DESC LIMIT 1\""),
            "system:cli|1\n")
      << "the letters are logged as the command's read of every person named";

  // Confirmed: the letters become contact attempts, and the list is empty of them.
  auto after = boost::json::parse(runLotsen({"letters", "--db", db, "--format", "json"}).out).as_object();
  std::vector<std::string> ids;
  for (const auto& l : after.at("letters").as_array()) ids.push_back(std::to_string(l.at("person_id").as_int64()));
  ids.push_back(std::to_string(hidden));
  std::string persons = fmt::format("{}", fmt::join(ids, ","));
  auto outsider = runLotsen({"letters", "confirm", "--db", db, "--persons", persons + ",999999"});
  EXPECT_EQ(outsider.exitCode, 2) << "one person not on the list: nothing recorded";
  EXPECT_NE(outsider.err.find("Person 999999 finns inte på din lista"), std::string::npos) << outsider.err;
  auto confirmed = runLotsen({"letters", "confirm", "--db", db, "--persons", persons, "--as", "anna"});
  ASSERT_EQ(confirmed.exitCode, 0) << confirmed.err;
  EXPECT_NE(confirmed.out.find(fmt::format("{} brev är registrerade som kontaktförsök med brev", ids.size())),
            std::string::npos)
      << confirmed.out;
  {
    auto store = openStore(db);
    auto attempts = (*store)->caseRecordsOf(hidden, "contact_attempt");
    ASSERT_TRUE(attempts);
    ASSERT_FALSE(attempts->empty());
    auto last = boost::json::parse(attempts->back().data).as_object();
    EXPECT_EQ(last.at("channel"), "letter");
  }
  auto twice = runLotsen({"letters", "confirm", "--db", db, "--persons", persons});
  EXPECT_EQ(twice.exitCode, 2) << "confirmed twice: they are no longer on the list";
  auto empty = boost::json::parse(runLotsen({"letters", "--db", db, "--format", "json"}).out).as_object();
  EXPECT_EQ(empty.at("count").to_number<int>(), 0) << boost::json::serialize(empty);
}

// The template: shown, replaced from a file, and a file with an unknown field or control characters is
// refused in Swedish, naming the field, with nothing saved.
constexpr std::size_t kHugeTemplate = 100000;  // more than 5,000 characters of any width

TEST(Cli, ALetterTemplateWithAnUnknownFieldIsRefusedAndNothingIsSaved) {
  std::string db = tempPath("letter-template.db"), file = tempPath("mall.txt");
  ASSERT_EQ(runLotsen({"migrate", "--db", db}).exitCode, 0);
  auto shown = runLotsen({"letters", "template", "show", "--db", db});
  ASSERT_EQ(shown.exitCode, 0) << shown.err;
  EXPECT_NE(shown.out.find("Hej {namn}!"), std::string::npos) << shown.out;
  std::ofstream(file) << "Hej {namn}, din {adress}\r\n";
  auto bad = runLotsen({"letters", "template", "set", "--db", db, file});
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("Brevet använder fältet {adress}, som inte finns."), std::string::npos) << bad.err;
  std::ofstream(file) << "Hej {namn}\x1b[2J\n";
  EXPECT_EQ(runLotsen({"letters", "template", "set", "--db", db, file}).exitCode, 2);
  std::ofstream(file) << "Hej {namn}!\r\nRing {telefon}.\r\n";
  auto set = runLotsen({"letters", "template", "set", "--db", db, file, "--phone", "033-99 99 99"});
  ASSERT_EQ(set.exitCode, 0) << set.err;
  EXPECT_EQ(set.out, "Brevmallen är sparad.\n");
  shown = runLotsen({"letters", "template", "show", "--db", db});
  EXPECT_EQ(shown.out, "Hej {namn}!\nRing {telefon}.\n\n{telefon} = 033-99 99 99\n");
  EXPECT_EQ(runLotsen({"letters", "--db", db}).exitCode, 2) << "a PDF needs --out";
  EXPECT_EQ(runLotsen({"letters", "--db", db, "--format", "docx"}).exitCode, 2);
  EXPECT_EQ(runLotsen({"letters", "--db", db, "--format", "json", "--as", "nobody"}).exitCode, 2);
  EXPECT_EQ(runLotsen({"letters", "confirm", "--db", db, "--persons", "1,x"}).exitCode, 2);
  auto help = runLotsen({"letters", "--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("confirm"), std::string::npos) << help.out;
  std::ofstream(file) << std::string(kHugeTemplate, 'a');
  auto huge = runLotsen({"letters", "template", "set", "--db", db, file});
  EXPECT_EQ(huge.exitCode, 2);
  EXPECT_NE(huge.err.find("Brevets text är högst 5000 tecken."), std::string::npos) << huge.err;
}

}  // namespace
}  // namespace lotsen::testing
