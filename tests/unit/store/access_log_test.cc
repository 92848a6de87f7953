// The access log's hash chain detects each kind of tampering and names the first bad entry.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "database_test.h"
#include "store/store.h"

namespace lotsen {
namespace {

class AccessLogTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    for (int i = 1; i <= 5; ++i)
      ASSERT_TRUE(store_->appendAccess(AccessEntry{1, "anna", "caseworker", "GET /api/v1/persons/{id}", {i}, 1, ""}));
  }
  // What someone with the database file could do: drop the guards and change rows.
  void tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    std::string all = "DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete; " + sql;
    ASSERT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  AccessLogCheck check() { return *store_->verifyAccessLog(); }
};

TEST_F(AccessLogTest, IntactChainVerifies) {
  auto c = check();
  EXPECT_EQ(c.entries, 5);
  EXPECT_FALSE(c.firstBadId);
}

TEST_F(AccessLogTest, TheLogRefusesUpdatesAndDeletes) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE access_log SET username = 'x'", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM access_log", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST_F(AccessLogTest, EditedEntryIsNamed) {
  tamper("UPDATE access_log SET person_ids = '99' WHERE id = 3");
  EXPECT_EQ(check().firstBadId, 3);
}

TEST_F(AccessLogTest, DeletedEntryIsNamedByTheOneAfterIt) {
  tamper("DELETE FROM access_log WHERE id = 3");
  EXPECT_EQ(check().firstBadId, 4);
}

TEST_F(AccessLogTest, DeletedLastEntriesAreNotDetectableByTheChainAlone) {
  // The chain proves what is there; a cut-off tail needs the head hash kept elsewhere (docs/security).
  tamper("DELETE FROM access_log WHERE id = 5");
  EXPECT_FALSE(check().firstBadId);
}

TEST_F(AccessLogTest, InsertedEntryIsNamed) {
  tamper(
      "UPDATE access_log SET id = id + 1000 WHERE id >= 3; UPDATE access_log SET id = id - 999 WHERE id >= 1000; "
      "INSERT INTO access_log (id, time, user_id, username, role, route, person_ids, count, purpose, prev_hash, hash) "
      "SELECT 3, time, user_id, 'mallory', role, route, '7', 1, '', prev_hash, hash FROM access_log WHERE id = 2");
  EXPECT_EQ(check().firstBadId, 3);
}

TEST_F(AccessLogTest, ReorderedEntriesAreNamed) {
  tamper(
      "UPDATE access_log SET id = 100 WHERE id = 2; UPDATE access_log SET id = 2 WHERE id = 3; "
      "UPDATE access_log SET id = 3 WHERE id = 100");
  EXPECT_EQ(check().firstBadId, 2);
}

}  // namespace
}  // namespace lotsen
