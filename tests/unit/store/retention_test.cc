// Retention (gallring): who is due, what is removed, what is kept.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "database_test.h"
#include "store/case_records.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

class RetentionTest : public DatabaseTest {
 protected:
  // A person registered from `start`, ended on `end` unless empty, with a contact note.
  std::int64_t person(const char* pid, const char* first, std::string_view start, std::string_view end) {
    auto p = store_->createPerson(actor_, PersonDetails{*PersonalId::parse(pid, date("2026-01-01")), first, "Ek",
                                                        "Hemliga vägen 7", "50330", "Borås", "1490", Protection::none});
    auto r = store_->createRegistration(actor_, {p->id, "kaa", date(start), "never_started"});
    auto record = store_->createCaseRecord(actor_, "contact_attempt", p->id, r->id,
                                           toJson(ContactAttempt{date(start), "10:00", "phone", true, "work", "", false,
                                                                 std::string("Anteckning om ") + first}));
    EXPECT_TRUE(record) << record.error().message;
    if (!end.empty()) {
      auto ended = store_->endRegistration(actor_, r->id, r->version, date(end), "moved_out", EndedBy::registers);
      EXPECT_TRUE(ended) << ended.error().message;
    }
    return p->id;
  }
  Actor actor_{std::nullopt, "system:test"};
};

TEST_F(RetentionTest, RemovesIdentityAndFreeTextTwentyFourMonthsAfterTheLastRegistrationEnded) {
  std::int64_t old = person("20050312-2384", "Alva", "2023-01-10", "2024-01-10");
  std::int64_t open = person("20080312-2381", "Bodil", "2023-01-10", "");
  std::int64_t recent = person("20070101-2387", "Cilla", "2023-01-10", "2024-01-11");

  EXPECT_TRUE(store_->retentionCandidates(date("2026-01-09"))->empty()) << "the day before 24 months";
  auto dryRun = store_->retentionCandidates(date("2026-01-10"));
  ASSERT_EQ(dryRun->size(), 1u);
  EXPECT_EQ(dryRun->at(0).personId, old);
  EXPECT_EQ(dryRun->at(0).lastEnded, date("2024-01-10"));

  auto applied = store_->applyRetention(actor_, date("2026-01-10"));
  ASSERT_TRUE(applied) << applied.error().message;
  ASSERT_EQ(applied->size(), dryRun->size()) << "the dry run lists exactly what the run removes";
  EXPECT_EQ(applied->at(0).personId, dryRun->at(0).personId);

  EXPECT_EQ(store_->person(old).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store_->searchPersons({{"alva"}, "", 0, 10, {}})->total, 0);
  EXPECT_TRUE(store_->person(open)) << "an open registration is never touched";
  EXPECT_TRUE(store_->person(recent));
  EXPECT_EQ(store_->registrationsOf(old)->size(), 1u) << "registrations stay for statistics";
  auto records = store_->caseRecordsOf(old, "");
  ASSERT_EQ(records->size(), 1u);
  for (const CaseRecord& r : *records) {
    EXPECT_EQ(r.data.find("Anteckning"), std::string::npos) << r.data;
    EXPECT_NE(r.data.find("\"channel\":\"phone\""), std::string::npos) << "codes stay";
  }
  auto events = *store_->eventsOf(old);
  ASSERT_FALSE(events.empty());
  for (const Event& e : events)
    for (const char* secret : {"Alva", "Hemliga", "20050312", "Anteckning"})
      EXPECT_EQ(e.payload.find(secret), std::string::npos) << e.type << ": " << e.payload;
  EXPECT_EQ(events.back().type, "person.deidentified");
  EXPECT_NE(events.back().payload.find("2005-03"), std::string::npos) << "the birth month stays";
  auto openEvents = store_->eventsOf(open);
  for (const Event& e : *openEvents)
    if (e.type == "person.created") {
      EXPECT_NE(e.payload.find("Bodil"), std::string::npos);
    }
  EXPECT_TRUE(store_->retentionCandidates(date("2026-01-10"))->empty()) << "done once";
}

TEST_F(RetentionTest, FollowsTheSettingAndIsLogged) {
  person("20050312-2384", "Alva", "2023-01-10", "2025-01-10");
  ASSERT_TRUE(store_->changeSetting(actor_, "retention_months", "12"));
  EXPECT_EQ(store_->applyRetention(actor_, date("2026-01-10"))->size(), 1u);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT payload FROM events WHERE type = 'retention.run'", -1, &s, nullptr);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  std::string payload = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  EXPECT_NE(payload.find("\"persons\":1"), std::string::npos) << payload;
  sqlite3_finalize(s);
  // Only retention's de-identified form may replace a payload; anything else is refused.
  EXPECT_NE(sqlite3_exec(db, "UPDATE events SET type = 'x' WHERE id = 1", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE events SET payload = '{}' WHERE id = 1", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM events WHERE id = 1", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace
}  // namespace lotsen
