#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <thread>

#include "store/migrations.h"
#include "store/store.h"
#include "store/writer.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

PersonDetails someone(std::string_view pid = "20080312-2381") {
  return PersonDetails{*PersonalId::parse(pid, date("2026-11-22")),
                       "Åsa",
                       "Öberg",
                       "Storgatan 1",
                       "50330",
                       "Borås",
                       "1490",
                       Protection::none};
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("lotsen-store-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    store_ = open();
    ASSERT_TRUE(store_->migrate());
  }
  void TearDown() override {
    store_.reset();
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::unique_ptr<Store> open(StoreOptions options = {}) {
    auto s = openStore(path_.string(), std::move(options));
    EXPECT_TRUE(s);
    return std::move(*s);
  }
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
  Actor actor_{std::nullopt, "system:test"};
};

TEST_F(StoreTest, MigrationFromEmptyDatabaseAppliesEverything) {
  auto fresh = openStore((path_.string() + ".fresh"));
  ASSERT_TRUE(fresh);
  EXPECT_EQ(*(*fresh)->schemaVersion(), 0);
  auto applied = (*fresh)->migrate();
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(*applied, static_cast<int>(embeddedMigrations().size()));
  EXPECT_EQ(*(*fresh)->schemaVersion(), embeddedMigrations().back().version);
  EXPECT_EQ(*(*fresh)->migrate(), 0) << "a second migrate applies nothing";
  fresh->reset();
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ".fresh" + suffix);
}

TEST_F(StoreTest, CreatedPersonHasAnEvent) {
  auto p = store_->createPerson(actor_, someone());
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->version, 1);
  auto events = store_->eventsOf(p->id);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, "person.created");
  EXPECT_EQ((*events)[0].actor, "system:test");
  EXPECT_NE((*events)[0].payload.find("\"before\":null"), std::string::npos);
}

TEST_F(StoreTest, EventAndProjectionAreWrittenTogetherOrNotAtAll) {
  StoreOptions failing;
  failing.beforeEventForTesting = [](std::string_view) -> std::expected<void, Error> {
    return std::unexpected(internalError("injected failure"));
  };
  auto broken = open(failing);
  auto p = broken->createPerson(actor_, someone());
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().message, "injected failure");
  auto found = store_->personByPersonalId(someone().personalId);
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found) << "the person row must be rolled back with the event";

  // And on an update: neither the new row values nor the event survive.
  auto created = store_->createPerson(actor_, someone());
  ASSERT_TRUE(created);
  PersonDetails moved = someone();
  moved.city = "Göteborg";
  ASSERT_FALSE(broken->updatePerson(actor_, created->id, created->version, moved));
  EXPECT_EQ(store_->person(created->id)->details.city, "Borås");
  EXPECT_EQ(store_->eventsOf(created->id)->size(), 1u);
}

// The committee report's targets and analyses: set, replaced, read back by year and month; each change is
// one event with the value before and after, the same value none, and a failed event rolls the row back.
TEST_F(StoreTest, TargetsAndAnalysesAreReplacedAndEachChangeIsOneEvent) {
  EXPECT_EQ(store_->setMeasureTarget(actor_, {2026, "known_occupation", 0.9}, 0), 1) << "never set: version 0";
  EXPECT_EQ(store_->setMeasureTarget(actor_, {2026, "known_occupation", 0.95}, 1), 2);
  EXPECT_EQ(store_->setMeasureTarget(actor_, {2026, "known_occupation", 0.95}, std::nullopt), 2) << "no change";
  auto stale = store_->setMeasureTarget(actor_, {2026, "known_occupation", 0.8}, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  ASSERT_TRUE(store_->setMeasureTarget(actor_, {2025, "with_plan", 0.5}, std::nullopt));
  auto targets = store_->measureTargets(2026);
  ASSERT_TRUE(targets);
  ASSERT_EQ(targets->size(), 1u);
  EXPECT_EQ((*targets)[0].value, 0.95);
  EXPECT_EQ((*targets)[0].version, 2);
  EXPECT_FALSE(store_->setMeasureTarget(actor_, {2026, "known_occupation", 95}, std::nullopt)) << "a share is 0–1";
  EXPECT_FALSE(store_->setMeasureTarget(actor_, {2026, "no_such_measure", 1}, std::nullopt));

  ASSERT_TRUE(store_->setMeasureAnalysis(actor_, {"2026-10", "with_plan", "Fler planer."}, 0));
  ASSERT_EQ(store_->measureAnalyses("2026-10")->size(), 1u);
  EXPECT_EQ(store_->setMeasureAnalysis(actor_, {"2026-10", "with_plan", ""}, 1), 2);
  auto removed = store_->measureAnalyses("2026-10");
  ASSERT_EQ(removed->size(), 1u) << "the row stays, so that its version goes on rising";
  EXPECT_EQ((*removed)[0].text, "") << "an empty text removes the analysis";
  EXPECT_FALSE(store_->setMeasureAnalysis(actor_, {"2026-10", "with_plan", "Gammal text."}, 1)) << "stale";

  StoreOptions failing;
  failing.beforeEventForTesting = [](std::string_view) -> std::expected<void, Error> {
    return std::unexpected(internalError("injected failure"));
  };
  EXPECT_FALSE(open(failing)->setMeasureTarget(actor_, {2026, "in_measure", 0.3}, std::nullopt));
  EXPECT_TRUE(store_->measureTargets(2026)->size() == 1u) << "the row is rolled back with the event";

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.string().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT type, payload FROM events WHERE type LIKE 'activity_%' ORDER BY id", -1, &s, nullptr);
  std::vector<std::string> events;
  while (sqlite3_step(s) == SQLITE_ROW)
    events.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) + " " +
                     reinterpret_cast<const char*>(sqlite3_column_text(s, 1)));
  sqlite3_finalize(s);
  sqlite3_close(db);
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0],
            R"(activity_target.set {"before":null,"after":{"year":2026,"measure":"known_occupation","value":9E-1}})");
  EXPECT_NE(events[1].find(R"("before":{"year":2026,"measure":"known_occupation","value":9E-1})"), std::string::npos)
      << events[1];
  EXPECT_EQ(events[3].rfind("activity_analysis.set", 0), 0u);
}

TEST_F(StoreTest, StaleVersionIsRefused) {
  auto p = store_->createPerson(actor_, someone());
  PersonDetails changed = someone();
  changed.streetAddress = "Lillgatan 2";
  auto first = store_->updatePerson(actor_, p->id, 1, changed);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->version, 2);
  changed.streetAddress = "Mellangatan 3";
  auto stale = store_->updatePerson(actor_, p->id, 1, changed);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(store_->person(p->id)->details.streetAddress, "Lillgatan 2");
  auto events = store_->eventsOf(p->id);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].type, "person.updated");
  EXPECT_NE((*events)[1].payload.find("Storgatan 1"), std::string::npos) << "before is kept";
}

TEST_F(StoreTest, DuplicatePersonalIdIsAConflict) {
  ASSERT_TRUE(store_->createPerson(actor_, someone()));
  auto again = store_->createPerson(actor_, someone());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST_F(StoreTest, RegistrationReasonMustBeValidOnStartDate) {
  auto p = store_->createPerson(actor_, someone());
  auto before =
      store_->createRegistration(actor_, {p->id, "kaa", date("2018-06-30"), "introduction_programme_student"});
  ASSERT_TRUE(before) << before.error().message;
  auto after = store_->createRegistration(actor_, {p->id, "kaa", date("2018-07-01"), "introduction_programme_student"});
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(after.error().field, "reason");
}

TEST_F(StoreTest, EndingARegistrationKeepsHistory) {
  auto p = store_->createPerson(actor_, someone());
  auto r = store_->createRegistration(actor_, {p->id, "kaa", date("2026-01-10"), "never_started"});
  ASSERT_TRUE(r);
  EXPECT_FALSE(store_->endRegistration(actor_, r->id, r->version, date("2026-01-09"), "moved_out", EndedBy::registers));
  EXPECT_FALSE(
      store_->endRegistration(actor_, r->id, r->version, date("2026-02-01"), "no_such_reason", EndedBy::registers));
  EXPECT_EQ(store_->endRegistration(actor_, r->id, r->version + 1, date("2026-02-01"), "moved_out", EndedBy::registers)
                .error()
                .kind,
            ErrorKind::conflict);
  auto ended = store_->endRegistration(actor_, r->id, r->version, date("2026-02-01"), "moved_out", EndedBy::registers);
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_EQ(ended->endReason, "moved_out");
  auto regs = store_->registrationsOf(p->id);
  ASSERT_EQ(regs->size(), 1u);
  EXPECT_EQ((*regs)[0].endDate, date("2026-02-01"));
  EXPECT_EQ(store_->eventsOf(p->id)->back().type, "registration.ended");
}

TEST_F(StoreTest, SearchFindsByNamePrefixIgnoringCaseAndById) {
  ASSERT_TRUE(store_->createPerson(actor_, someone()));
  PersonDetails other = someone("20071231-0002");
  other.firstName = "Erik";
  other.lastName = "Andersson";
  ASSERT_TRUE(store_->createPerson(actor_, other));
  EXPECT_EQ(store_->searchPersons({{"öb"}, "", 0, 50, {}})->total, 1);
  EXPECT_EQ(store_->searchPersons({{"ÅSA", "öberg"}, "", 0, 50, {}})->total, 1);
  EXPECT_EQ(store_->searchPersons({{"and"}, "", 0, 50, {}})->persons.at(0).details.firstName, "Erik");
  EXPECT_EQ(store_->searchPersons({{}, "2007", 0, 50, {}})->total, 1);
  EXPECT_EQ(store_->searchPersons({{"%"}, "", 0, 50, {}})->total, 0) << "LIKE wildcards are literal";
  auto page = store_->searchPersons({{}, "", 1, 1, {}});
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->persons.size(), 1u);
  EXPECT_EQ(page->persons[0].details.lastName, "Öberg");
}

TEST_F(StoreTest, CodeListsAreLoadedWithDates) {
  auto list = store_->codeList("registration_reason");
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->isValid("never_started", date("2026-01-01")));
  EXPECT_EQ(store_->codeList("nope").error().kind, ErrorKind::not_found);
}

TEST_F(StoreTest, WriterGroupsConcurrentWritesAndIsolatesFailures) {
  Writer writer(open());
  std::vector<std::thread> threads;
  std::atomic<int> ok = 0;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      PersonDetails d = someone();
      if (i != 3) {
        std::string nine = "0801" + std::to_string(10 + i) + "123";
        int check = luhnCheckDigit(nine);
        d.personalId = *PersonalId::parse(nine + std::to_string(check), date("2026-11-22"));
      }
      auto r = writer.run<Person>([&](Store& s) { return s.createPerson(actor_, d); });
      if (r) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 8);
  auto dup = writer.run<Person>([&](Store& s) { return s.createPerson(actor_, someone()); });
  EXPECT_FALSE(dup) << "the same person twice is a conflict";
  EXPECT_EQ(store_->searchPersons({})->total, 8);
}

TEST_F(StoreTest, WriterSurvivesAJobThatThrows) {
  Writer writer(open());
  auto thrown = writer.run<void>([](Store&) -> std::expected<void, Error> { throw std::runtime_error("boom"); });
  ASSERT_FALSE(thrown);
  EXPECT_NE(thrown.error().message.find("boom"), std::string::npos);
  auto next = writer.run<Person>([&](Store& s) { return s.createPerson(actor_, someone()); });
  EXPECT_TRUE(next) << "the writer keeps running";
}

// A grant may be ended early, and nothing else: the log review shows each grant as it was given.
TEST_F(StoreTest, AGrantCanOnlyBeEndedEarly) {
  auto user = store_->createUser(actor_, NewUser{"anna", "caseworker", "hash", {}});
  auto person = store_->createPerson(actor_, someone());
  ASSERT_TRUE(user && person);
  ASSERT_TRUE(
      store_->grantAccess(AccessGrant{0, user->id, person->id, "the caseworker is ill", 1000, 1000 + 8 * 3600}));
  EXPECT_EQ(store_->endGrants(user->id, person->id, 2000), 1);
  EXPECT_FALSE(*store_->activeGrant(user->id, person->id, 2001));
  EXPECT_EQ(store_->endGrants(user->id, person->id, 2001), 0) << "nothing left to end";

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  for (const char* sql : {"UPDATE access_grants SET expires_at = expires_at + 3600",
                          "UPDATE access_grants SET reason = 'something else'", "DELETE FROM access_grants"})
    EXPECT_NE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  sqlite3_close(db);
  auto grants = store_->accessGrants(0, 100000);
  ASSERT_TRUE(grants);
  ASSERT_EQ(grants->size(), 1u);
  EXPECT_EQ(grants->front().first.expiresAt, 2000);
  EXPECT_EQ(grants->front().first.reason, "the caseworker is ill");
}

// A server keeps the sessions it has read (see migration 0008); every change by another connection, the
// CLI's say, must still show on the next lookup.
TEST_F(StoreTest, ASessionReadBeforeShowsEveryLaterChangeToItsUserOrItself) {
  ASSERT_TRUE(store_->createUnit(actor_, "north"));
  ASSERT_TRUE(store_->createUnit(actor_, "south"));
  auto user = store_->createUser(actor_, NewUser{"anna", "caseworker", "hash", {"north"}});
  ASSERT_TRUE(user);
  ASSERT_TRUE(store_->createSession(SessionRecord{"token", user->id, "csrf", 100, 100}));
  auto server = open();
  auto read = [&] {
    auto found = server->session("token");
    EXPECT_TRUE(found);
    return found ? *found : std::nullopt;
  };
  ASSERT_TRUE(read());
  EXPECT_EQ(read()->second.role, "caseworker") << "read twice: the second from what the server kept";

  ASSERT_TRUE(store_->setUserRoles(actor_, user->id, "unit_manager"));
  EXPECT_EQ(read()->second.role, "unit_manager");
  ASSERT_TRUE(store_->setUserUnits(actor_, user->id, {"south"}));
  EXPECT_EQ(read()->second.units, std::vector<std::string>{"south"});
  ASSERT_TRUE(store_->setProtectedAddressAccess(actor_, user->id, true));
  EXPECT_TRUE(read()->second.readsProtectedAddress);
  ASSERT_TRUE(store_->touchSession("token", 160));
  EXPECT_EQ(read()->first.lastSeenAt, 160);
  ASSERT_TRUE(store_->setUserActive(actor_, user->id, false));
  EXPECT_FALSE(read()) << "deactivation ends the session";

  ASSERT_TRUE(store_->setUserActive(actor_, user->id, true));
  ASSERT_TRUE(store_->createSession(SessionRecord{"token", user->id, "csrf", 200, 200}));
  ASSERT_TRUE(read());
  ASSERT_TRUE(store_->changePassword(actor_, user->id, "new hash"));
  EXPECT_FALSE(read()) << "a password change ends the session";
  ASSERT_TRUE(store_->createSession(SessionRecord{"token", user->id, "csrf", 300, 300}));
  ASSERT_TRUE(read());
  ASSERT_TRUE(store_->deleteSession("token"));
  EXPECT_FALSE(read()) << "logout";
}

}  // namespace
}  // namespace lotsen
