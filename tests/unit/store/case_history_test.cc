// The journal folded into the typed, versioned history the reports read (store/case_history.h).
#include "store/case_history.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <stop_token>
#include <tuple>

#include "database_test.h"
#include "store/case_records.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

// A store whose clock the test sets: every event is stamped with `now`.
class CaseHistoryTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    store_.reset();
    StoreOptions options;
    options.clock = [now = now_] { return *now; };
    store_ = std::move(*openStore(path_, options));
  }
  void at(std::string_view instant) {
    auto ms = storedInstant(instant);
    ASSERT_TRUE(ms) << instant;
    *now_ = std::chrono::system_clock::time_point(std::chrono::milliseconds(*ms));
  }
  Person person(std::string_view pid, const char* first) {
    return *store_->createPerson(actor_, PersonDetails{*PersonalId::parse(pid, date("2026-01-01")), first, "Öberg",
                                                       "Storgatan 1", "50330", "Borås", "1490", Protection::none});
  }
  static ContactAttempt contact(std::string_view day, std::string note = "") {
    return ContactAttempt{date(day), "10:00", "phone", true, "work", "", false, std::move(note)};
  }
  // The person's live contacts as the history says they stood before `instant`.
  static std::vector<ContactFacts> contactsBefore(const CaseHistory& history, std::int64_t personId,
                                                  std::string_view instant) {
    std::vector<ContactFacts> found;
    for (const PersonHistory& p : history.persons())
      if (p.id == personId)
        p.contacts.eachBefore(*storedInstant(instant),
                              [&](const HistoryRecord<ContactFacts>& r) { found.push_back(r.data); });
    return found;
  }

  std::shared_ptr<std::chrono::system_clock::time_point> now_ =
      std::make_shared<std::chrono::system_clock::time_point>(std::chrono::system_clock::now());
  Actor actor_{std::nullopt, "system:test"};
};

TEST(StoredInstant, ReadsTheJournalsTimestampsToTheMillisecond) {
  EXPECT_EQ(storedInstant("1970-01-01T00:00:00.000Z"), 0);
  EXPECT_EQ(storedInstant("1970-01-02T00:00:01.250Z"), 86'401'250);
  EXPECT_EQ(storedInstant("2026-06-30T22:00:00Z"), *storedInstant("2026-06-30T22:00:00.000Z"));
  EXPECT_LT(*storedInstant("2026-06-30T21:59:59.999Z"), *storedInstant("2026-06-30T22:00:00.000Z"));
  for (const char* bad : {"", "2026-06-30", "2026-02-30T10:00:00.000Z", "2026-06-30T2x:00:00.000Z"})
    EXPECT_FALSE(storedInstant(bad)) << bad;
}

TEST_F(CaseHistoryTest, CatchingUpFoldsOnlyWhatWasAppendedAndEndsAsReadingTheWholeJournal) {
  at("2026-02-01T09:00:00.000Z");
  Person alva = person("20080312-2381", "Alva");
  auto r = store_->createRegistration(actor_, {alva.id, "kaa", date("2026-02-01"), "never_started"});
  ASSERT_TRUE(r);
  auto first = store_->createCaseRecord(actor_, kContactAttemptKind, alva.id, r->id, toJson(contact("2026-02-01")));
  ASSERT_TRUE(first);
  auto history = CaseHistory::read(*store_);
  ASSERT_TRUE(history) << history.error().message;
  std::int64_t seen = history->lastEvent();
  EXPECT_GT(seen, 0);

  at("2026-03-01T09:00:00.000Z");
  ASSERT_TRUE(store_->createCaseRecord(actor_, kContactAttemptKind, alva.id, r->id, toJson(contact("2026-03-01"))));
  ASSERT_TRUE(history->catchUp(*store_, 1)) << "in batches of one event";
  EXPECT_GT(history->lastEvent(), seen);
  EXPECT_EQ(contactsBefore(*history, alva.id, "2026-02-15T00:00:00.000Z").size(), 1u);
  EXPECT_EQ(contactsBefore(*history, alva.id, "2026-03-15T00:00:00.000Z").size(), 2u);
  ASSERT_TRUE(history->catchUp(*store_)) << "nothing new: nothing folded twice";
  EXPECT_EQ(contactsBefore(*history, alva.id, "2026-03-15T00:00:00.000Z").size(), 2u);

  auto whole = CaseHistory::read(*store_);
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->lastEvent(), history->lastEvent());
  auto dates = [&](const CaseHistory& h) {
    std::vector<CivilDate> found;
    for (const ContactFacts& a : contactsBefore(h, alva.id, "2026-03-15T00:00:00.000Z")) found.push_back(a.date);
    return found;
  };
  EXPECT_EQ(dates(*whole), dates(*history));
}

// After a fold the tables are packed into one array per kind (VersionTable::packInto); a table changed later
// takes its rows back, a table not changed stays packed, and both read as a history of the whole journal does.
TEST(VersionTable, APackedTableChangedLaterTakesItsRowsBackInOrder) {
  VersionTable<int> table;
  table.add(1, 10, 100);
  table.add(2, 20, 200);
  table.add(1, 30, std::nullopt);
  std::vector<VersionTable<int>::Row> packed;
  packed.reserve(8);
  table.packInto(packed);
  EXPECT_EQ(table.rows().data(), packed.data()) << "refers to the packed array";
  ASSERT_EQ(table.rows().size(), 3u);
  table.add(3, 40, 300);
  EXPECT_NE(table.rows().data(), packed.data()) << "changed: an array of its own again";
  std::vector<std::tuple<std::int64_t, std::int64_t, std::optional<int>>> rows;
  for (const auto& r : table.rows()) rows.emplace_back(r.id, r.recorded, r.value);
  EXPECT_EQ(rows, (decltype(rows){{1, 10, 100}, {1, 30, std::nullopt}, {2, 20, 200}, {3, 40, 300}}));
  VersionTable<int> moved = std::move(table);
  EXPECT_EQ(moved.rows().size(), 4u);
  EXPECT_TRUE(moved.contains(3));
}

TEST_F(CaseHistoryTest, TablesChangedAfterThePackingAndThoseNotReadAsTheWholeJournal) {
  at("2026-02-01T09:00:00.000Z");
  Person alva = person("20080312-2381", "Alva");
  Person bo = person("20090101-1122", "Bo");
  auto ra = store_->createRegistration(actor_, {alva.id, "kaa", date("2026-02-01"), "never_started"});
  auto rb = store_->createRegistration(actor_, {bo.id, "kaa", date("2026-02-01"), "never_started"});
  ASSERT_TRUE(ra && rb);
  for (int day = 1; day <= 9; ++day) {
    std::string d = fmt::format("2026-02-{:02}", day);
    ASSERT_TRUE(store_->createCaseRecord(actor_, kContactAttemptKind, alva.id, ra->id, toJson(contact(d))));
    ASSERT_TRUE(store_->createCaseRecord(actor_, kContactAttemptKind, bo.id, rb->id, toJson(contact(d))));
  }
  auto history = CaseHistory::read(*store_);  // packed
  ASSERT_TRUE(history);
  at("2026-03-01T09:00:00.000Z");
  ASSERT_TRUE(store_->createCaseRecord(actor_, kContactAttemptKind, alva.id, ra->id, toJson(contact("2026-03-01"))));
  ASSERT_TRUE(history->catchUp(*store_)) << "one event of twenty: not packed again, Alva's contacts her own";
  auto whole = CaseHistory::read(*store_);
  ASSERT_TRUE(whole);
  for (std::int64_t id : {alva.id, bo.id}) {
    auto dates = [&](const CaseHistory& h) {
      std::vector<CivilDate> found;
      for (const ContactFacts& a : contactsBefore(h, id, "2026-04-01T00:00:00.000Z")) found.push_back(a.date);
      return found;
    };
    EXPECT_EQ(dates(*history), dates(*whole)) << id;
    EXPECT_EQ(dates(*history).size(), id == alva.id ? 10u : 9u);
  }
}

TEST_F(CaseHistoryTest, AFoldToldToStopEndsBetweenBatchesAndTheNextGoesOnFromThere) {
  at("2026-02-01T09:00:00.000Z");
  Person alva = person("20080312-2381", "Alva");
  auto r = store_->createRegistration(actor_, {alva.id, "kaa", date("2026-02-01"), "never_started"});
  ASSERT_TRUE(r);
  ASSERT_TRUE(store_->createCaseRecord(actor_, kContactAttemptKind, alva.id, r->id, toJson(contact("2026-02-01"))));
  std::stop_source stop;
  stop.request_stop();
  CaseHistory history;
  ASSERT_TRUE(history.catchUp(*store_, 1, stop.get_token()));
  EXPECT_EQ(history.lastEvent(), 0) << "told to stop before the first batch";
  ASSERT_TRUE(history.catchUp(*store_, 1));
  EXPECT_EQ(history.lastEvent(), CaseHistory::read(*store_)->lastEvent());
  EXPECT_EQ(contactsBefore(history, alva.id, "2026-03-15T00:00:00.000Z").size(), 1u);
}

// A large history is collected on every core (CaseHistory::collect), a range of persons each: in the same
// order, with the same values, as on one.
TEST_F(CaseHistoryTest, CollectingOnSeveralThreadsGivesWhatOneThreadGivesInPersonOrder) {
  const char* pids[] = {"20080312-2381", "20090101-1122", "20080620-4566", "20090315-1231", "20100210-7892"};
  for (const char* pid : pids) person(pid, "Åsa");
  auto history = CaseHistory::read(*store_);
  ASSERT_TRUE(history);
  auto ids = [](const PersonHistory& p, std::vector<std::int64_t>& out) { out.push_back(p.id); };
  std::vector<std::int64_t> one = history->collect<std::int64_t>(ids);
  ASSERT_EQ(one.size(), 5u);
  EXPECT_TRUE(std::ranges::is_sorted(one));
  for (std::size_t perThread : {1, 2, 3}) EXPECT_EQ(history->collect<std::int64_t>(ids, perThread), one) << perThread;
}

TEST_F(CaseHistoryTest, ACorrectionOrAVoidingCountsFromTheInstantItWasRecorded) {
  at("2026-02-01T09:00:00.000Z");
  Person alva = person("20080312-2381", "Alva");
  auto r = store_->createRegistration(actor_, {alva.id, "kaa", date("2026-02-01"), "never_started"});
  auto c = store_->createCaseRecord(actor_, kContactAttemptKind, alva.id, r->id, toJson(contact("2026-02-01")));
  ASSERT_TRUE(c);
  at("2026-03-01T09:00:00.000Z");
  auto corrected = store_->updateCaseRecord(actor_, c->id, c->version, toJson(contact("2026-01-31")));
  ASSERT_TRUE(corrected) << corrected.error().message;
  at("2026-04-01T09:00:00.000Z");
  ASSERT_TRUE(store_->voidCaseRecord(actor_, c->id, corrected->version, "fel person"));

  auto history = CaseHistory::read(*store_);
  ASSERT_TRUE(history);
  EXPECT_TRUE(contactsBefore(*history, alva.id, "2026-02-01T09:00:00.000Z").empty()) << "not recorded yet";
  EXPECT_EQ(contactsBefore(*history, alva.id, "2026-02-15T00:00:00.000Z").at(0).date, date("2026-02-01"));
  EXPECT_EQ(contactsBefore(*history, alva.id, "2026-03-15T00:00:00.000Z").at(0).date, date("2026-01-31"));
  EXPECT_TRUE(contactsBefore(*history, alva.id, "2026-04-15T00:00:00.000Z").empty()) << "voided";
}

TEST_F(CaseHistoryTest, KeepsNoNamesAndNoFreeText) {
  at("2026-02-01T09:00:00.000Z");
  Person alva = person("20080312-2381", "Alva");
  auto r = store_->createRegistration(actor_, {alva.id, "kaa", date("2026-02-01"), "never_started"});
  ASSERT_TRUE(store_->createCaseRecord(actor_, kContactAttemptKind, alva.id, r->id,
                                       toJson(contact("2026-02-01", "Mår dåligt"))));
  Plan plan{
      date("2026-02-01"),
      std::nullopt,
      {PlanGoal{"g1", "Börja på Komvux", std::nullopt, {}, {PlanGoal{"g1.1", "Söka kurs", std::nullopt, {}, {}}}}},
      {PlanReview{date("2026-02-01"), "follow_up", std::nullopt, "Går bra"}}};
  ASSERT_TRUE(store_->createCaseRecord(actor_, kPlanKind, alva.id, r->id, toJson(plan)));
  auto history = CaseHistory::read(*store_);
  ASSERT_TRUE(history);
  const Plan* kept = nullptr;
  history->persons().at(0).plans.eachBefore(kAfterEveryEvent, [&](const HistoryRecord<Plan>& p) { kept = &p.data; });
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->goals.at(0).id, "g1") << "ids stay";
  EXPECT_EQ(kept->goals.at(0).title, "");
  EXPECT_EQ(kept->goals.at(0).subGoals.at(0).title, "");
  EXPECT_EQ(kept->reviews.at(0).conclusion, "");
  auto contacts = contactsBefore(*history, alva.id, "9999-01-01T00:00:00.000Z");
  ASSERT_EQ(contacts.size(), 1u);
  // The note is not in the history at all: ContactFacts has no field for it.
  EXPECT_EQ(contacts[0].channel, "phone") << "codes stay";
  EXPECT_EQ(contacts[0].occupation, "work") << "codes stay";
  EXPECT_EQ(history->persons().at(0).identity.latest()->personalId.canonical(), "20080312-2381");
}

// Retention rewrites the person's journal without identity: a history read afterwards and one kept in memory
// from before agree that the person is in no report, at any instant.
TEST_F(CaseHistoryTest, RetentionTakesThePersonOutAtEveryInstantInMemoryAsInTheJournal) {
  at("2023-01-10T09:00:00.000Z");
  Person alva = person("20050312-2384", "Alva");
  auto r = store_->createRegistration(actor_, {alva.id, "kaa", date("2023-01-10"), "never_started"});
  ASSERT_TRUE(store_->createCaseRecord(actor_, kContactAttemptKind, alva.id, r->id, toJson(contact("2023-01-10"))));
  ASSERT_TRUE(store_->endRegistration(actor_, r->id, r->version, date("2024-01-10"), "moved_out", EndedBy::registers));
  auto kept = CaseHistory::read(*store_);
  ASSERT_TRUE(kept);
  ASSERT_NE(kept->persons().at(0).identity.before(*storedInstant("2023-06-01T00:00:00.000Z")), nullptr);

  at("2026-01-10T09:00:00.000Z");
  auto applied = store_->applyRetention(actor_, date("2026-01-10"));
  ASSERT_TRUE(applied);
  ASSERT_EQ(applied->size(), 1u);
  ASSERT_TRUE(kept->catchUp(*store_));
  auto fresh = CaseHistory::read(*store_);
  ASSERT_TRUE(fresh) << fresh.error().message;
  for (const CaseHistory* h : {&*kept, &*fresh})
    for (const PersonHistory& p : h->persons()) {
      EXPECT_EQ(p.identity.before(*storedInstant("2023-06-01T00:00:00.000Z")), nullptr);
      EXPECT_EQ(p.identity.latest(), nullptr);
    }
}

}  // namespace
}  // namespace lotsen
