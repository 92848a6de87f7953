// The settings over the API (GET and PATCH /api/v1/settings) and on the command line (`lotsen settings`):
// one rule, one version, one journal event, whichever way they are changed.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/json.hpp>
#include <memory>
#include <set>

#include "harness.h"

namespace lotsen::testing {
namespace {

namespace json = boost::json;

constexpr const char* kPassword = "a-long-password";

// A fresh database with the administrator "chief" and the caseworker "anna" of KAA Norr.
std::string freshDatabase(const std::string& name) {
  std::string db = tempPath(name);
  EXPECT_EQ(runLotsen({"unit", "add", "--db", db, "--name", "KAA Norr"}).exitCode, 0);
  EXPECT_EQ(runLotsen({"user", "add", "--db", db, "--name", "chief", "--role", "admin", "--password-stdin"},
                      std::string(kPassword) + "\n")
                .exitCode,
            0);
  EXPECT_EQ(runLotsen({"user", "add", "--db", db, "--name", "anna", "--role", "caseworker", "--unit", "KAA Norr",
                       "--password-stdin"},
                      std::string(kPassword) + "\n")
                .exitCode,
            0);
  return db;
}

// The payloads of the "setting.changed" events, oldest first.
std::vector<std::string> settingEvents(const std::string& db) {
  sqlite3* handle = nullptr;
  EXPECT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(handle, "SELECT payload FROM events WHERE type = 'setting.changed' ORDER BY id", -1, &stmt,
                     nullptr);
  std::vector<std::string> payloads;
  while (sqlite3_step(stmt) == SQLITE_ROW)
    payloads.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return payloads;
}

class Settings : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = freshDatabase("settings_api.db");
    server_ = std::make_unique<ServerProcess>(db_);
    chief_ = *login(server_->port(), "chief", kPassword);
    anna_ = *login(server_->port(), "anna", kPassword);
  }
  void TearDown() override {
    server_.reset();
    removeDatabase(db_);
  }
  HttpResponse as(const Session& s, const std::string& method, const std::string& body = "",
                  std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {s.cookie, s.csrf, "Content-Type: application/json"});
    return http(server_->port(), method, "/api/v1/settings", body, extra);
  }
  static std::string ifMatch(const HttpResponse& r) { return "If-Match: " + r.headers.at("etag"); }

  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  Session chief_, anna_;
};

TEST_F(Settings, AnAdministratorReadsAndChangesThemAndTheChangeIsJournalled) {
  auto read = as(chief_, "GET");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.headers.at("etag"), "\"settings/1/1\"");
  EXPECT_EQ(json::parse(read.body).at("first_contact_days"), 14);

  auto changed = as(chief_, "PATCH", R"({"first_contact_days":10,"contact_retry_days":5})", {ifMatch(read)});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.headers.at("etag"), "\"settings/1/2\"");
  auto now = json::parse(as(chief_, "GET").body);
  EXPECT_EQ(now.at("first_contact_days"), 10);
  EXPECT_EQ(now.at("contact_retry_days"), 5);
  EXPECT_EQ(now.at("plan_missing_days"), 30) << "the others stay";

  auto same = as(chief_, "PATCH", R"({"first_contact_days":10})", {ifMatch(changed)});
  ASSERT_EQ(same.status, 200);
  EXPECT_EQ(same.headers.at("etag"), "\"settings/1/2\"") << "the same value again is no change";

  server_->stop();
  auto events = settingEvents(db_);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(json::parse(events[0]), json::parse(R"({"before":{"contact_retry_days":"7","first_contact_days":"14"},)"
                                                R"("after":{"contact_retry_days":"5","first_contact_days":"10"}})"));
}

TEST_F(Settings, ACaseworkerReadsThemButMayNotChangeThem) {
  auto read = as(anna_, "GET");
  ASSERT_EQ(read.status, 200) << "the worklists follow them";
  EXPECT_EQ(as(anna_, "PATCH", R"({"first_contact_days":10})", {ifMatch(read)}).status, 403);
  EXPECT_EQ(json::parse(as(anna_, "GET").body).at("first_contact_days"), 14);
}

TEST_F(Settings, BadValuesAre422NamingEveryFieldAndChangeNothing) {
  auto read = as(chief_, "GET");
  auto bad =
      as(chief_, "PATCH", R"({"first_contact_days":0,"contact_retry_days":"ten","colour":5,"plan_missing_days":20})",
         {ifMatch(read)});
  ASSERT_EQ(bad.status, 422) << bad.body;
  auto errors = json::parse(bad.body).at("errors").as_array();
  std::set<std::string> fields;
  for (const auto& e : errors) fields.insert(std::string(e.at("field").as_string()));
  EXPECT_EQ(fields, (std::set<std::string>{"first_contact_days", "contact_retry_days", "colour"}));
  EXPECT_NE(bad.body.find("Första kontakt (dagar) är ett heltal från 1 till 3650"), std::string::npos) << bad.body;
  EXPECT_EQ(as(chief_, "PATCH", "{}", {ifMatch(read)}).status, 422);

  auto after = as(chief_, "GET");
  EXPECT_EQ(after.body, read.body) << "nothing changed, the valid plan_missing_days neither";
  EXPECT_EQ(after.headers.at("etag"), read.headers.at("etag"));
}

TEST_F(Settings, AStaleIfMatchIs409WithTheSettingsAsTheyAreNow) {
  auto read = as(chief_, "GET");
  ASSERT_EQ(as(chief_, "PATCH", R"({"first_contact_days":10})", {ifMatch(read)}).status, 200);
  auto stale = as(chief_, "PATCH", R"({"first_contact_days":20})", {ifMatch(read)});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(json::parse(stale.body).at("current").at("first_contact_days"), 10);
  EXPECT_EQ(as(chief_, "PATCH", R"({"first_contact_days":20})").status, 428);
  EXPECT_EQ(as(chief_, "PATCH", R"({"first_contact_days":20})", {"If-Match: \"user/1/1\""}).status, 412);
  EXPECT_EQ(json::parse(as(chief_, "GET").body).at("first_contact_days"), 10);
}

// The same input given to `lotsen settings` and to PATCH leaves the same settings and the same event, and
// the same bad input is refused with the same message.
TEST_F(Settings, TheCommandLineAndTheApiGiveTheSameResultForTheSameInput) {
  std::string other = freshDatabase("settings_cli.db");
  auto cli = runLotsen({"settings", "--db", other, "turning_20_days=45", "retention_months=012"});
  ASSERT_EQ(cli.exitCode, 0) << cli.err;
  auto api = as(chief_, "PATCH", R"({"turning_20_days":45,"retention_months":12})", {ifMatch(as(chief_, "GET"))});
  ASSERT_EQ(api.status, 200) << api.body;
  server_->stop();
  EXPECT_EQ(runLotsen({"settings", "--db", db_}).out, cli.out);
  EXPECT_EQ(settingEvents(db_), settingEvents(other));

  auto refused = runLotsen({"settings", "--db", other, "turning_20_days=0"});
  EXPECT_EQ(refused.exitCode, 2);
  ServerProcess again(db_);
  auto chief = *login(again.port(), "chief", kPassword);
  auto bad = http(again.port(), "PATCH", "/api/v1/settings", R"({"turning_20_days":0})",
                  {chief.cookie, chief.csrf, "Content-Type: application/json", "If-Match: 2"});
  ASSERT_EQ(bad.status, 422);
  std::string detail(json::parse(bad.body).at("errors").at(0).at("detail").as_string());
  EXPECT_EQ(refused.err, "lotsen: " + detail + "\n");
  removeDatabase(other);
}

}  // namespace
}  // namespace lotsen::testing
