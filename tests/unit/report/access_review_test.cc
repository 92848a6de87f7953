#include "report/access_review.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.h"

namespace lotsen {
namespace {

LoggedAccess entry(std::int64_t id, std::string time, std::string user, std::vector<std::int64_t> persons,
                   std::string purpose = "") {
  auto n = static_cast<std::int64_t>(persons.size());
  return LoggedAccess{id, std::move(time),
                      AccessEntry{1, std::move(user), "caseworker", "GET /api/v1/persons/{id}", std::move(persons), n,
                                  std::move(purpose)}};
}

TEST(AccessReview, OfficeHoursAreWeekdaysSevenToEighteenSwedishTime) {
  AccessReviewOptions o;
  EXPECT_FALSE(outsideOfficeHours("2026-11-23T06:00:00.000Z", o)) << "Monday 07:00 CET";
  EXPECT_TRUE(outsideOfficeHours("2026-11-23T05:59:59.000Z", o)) << "Monday 06:59 CET";
  EXPECT_TRUE(outsideOfficeHours("2026-11-23T17:00:00.000Z", o)) << "Monday 18:00 CET";
  EXPECT_FALSE(outsideOfficeHours("2026-06-01T15:59:00.000Z", o)) << "Monday 17:59 CEST";
  EXPECT_TRUE(outsideOfficeHours("2026-06-01T16:00:00.000Z", o)) << "Monday 18:00 CEST";
  EXPECT_TRUE(outsideOfficeHours("2026-11-22T10:00:00.000Z", o)) << "Sunday";
  EXPECT_TRUE(outsideOfficeHours("garbage", o));
}

TEST(AccessReview, FindsEachKindOfEntryToLookAt) {
  AccessReviewOptions o;
  o.bulkThreshold = 2;
  o.manyPersonsThreshold = 3;
  std::vector<LoggedAccess> entries{
      entry(1, "2026-11-23T09:00:00.000Z", "anna", {1}),
      entry(2, "2026-11-23T09:01:00.000Z", "anna", {2}, "Ringde in, akut ärende"),
      entry(3, "2026-11-23T09:02:00.000Z", "bo", {3, 4, 5}),
      entry(4, "2026-11-23T22:00:00.000Z", "bo", {6}),
  };
  AccessGrant grant{7, 1, 2, "Ringde in, akut ärende", 1795424400, 1795453200};
  AccessReview r = reviewAccess(entries, {{grant, "anna"}}, o);
  EXPECT_EQ(r.entries, 4);
  ASSERT_EQ(r.breakGlass.size(), 1u);
  ASSERT_EQ(r.outsideCaseload.size(), 1u);
  EXPECT_EQ(r.outsideCaseload[0].id, 2);
  ASSERT_EQ(r.bulk.size(), 1u);
  EXPECT_EQ(r.bulk[0].id, 3);
  ASSERT_EQ(r.offHours.size(), 1u);
  EXPECT_EQ(r.offHours[0].id, 4);
  ASSERT_EQ(r.manyPersons.size(), 1u);
  EXPECT_EQ(r.manyPersons[0].username, "bo");
  EXPECT_EQ(r.manyPersons[0].persons, 4);
  auto json = accessReviewJson(r, o, 0);
  EXPECT_EQ(json["bulk"].as_object()["count"].as_uint64(), 1u);
  EXPECT_TRUE(json["bulk"].as_object()["truncated"].as_bool());

  // The persons the review names, for the auditor's own access-log entry: those in the items shown.
  EXPECT_EQ(personsNamed(r, 1000), (std::set<std::int64_t>{2, 3, 4, 5, 6}));
  EXPECT_TRUE(personsNamed(r, 0).empty()) << "nothing shown, nobody named";
}

// Issue 12: every caseworker was flagged for a bulk read every day by reading their own worklists, and
// the auditor's reviews counted as bulk reads of 391 persons.
TEST(AccessReview, ListsOfOnesOwnCaseloadAreNoBulkReadAndAuditorsReviewsStandApart) {
  AccessReviewOptions o;
  o.bulkThreshold = 2;
  o.manyPersonsThreshold = 2;
  auto at = [](LoggedAccess e, std::string route, std::string role = "caseworker") {
    e.entry.route = std::move(route);
    e.entry.role = std::move(role);
    return e;
  };
  std::vector<LoggedAccess> entries{
      at(entry(1, "2026-11-23T09:00:00.000Z", "anna", {1, 2, 3, 4}), "GET /api/v1/worklists/{name}"),
      at(entry(2, "2026-11-23T09:01:00.000Z", "anna", {1, 2, 3}), "GET /api/v1/persons"),
      at(entry(3, "2026-11-23T09:02:00.000Z", "revisor", {1, 2, 3, 4, 5}), "GET /api/v1/access-log/review", "auditor"),
      at(entry(4, "2026-11-23T09:03:00.000Z", "admin", {1, 2, 3}), "POST /api/v1/identification-runs", "admin"),
  };
  AccessReview r = reviewAccess(entries, {}, o);
  ASSERT_EQ(r.bulk.size(), 1u);
  EXPECT_EQ(r.bulk[0].id, 4) << "an identification run's answer is an export of persons";
  ASSERT_EQ(r.auditorReads.size(), 1u);
  EXPECT_EQ(r.auditorReads[0].id, 3);
  ASSERT_EQ(r.manyPersons.size(), 1u);
  EXPECT_EQ(r.manyPersons[0].username, "admin") << "lists of anna's caseload do not count as persons read";
}

// An attacker's finding: 1,000 searches, one personnummer after another, in 34 seconds found who is in the
// register; no finding showed it (searches are lists of one's own caseload, neither bulk nor persons read).
TEST(AccessReview, AUsersDayWithMoreSearchesOrRegistrationsByHandThanTheThresholdIsListed) {
  AccessReviewOptions o;
  o.manySearchesThreshold = 3;
  auto search = [](std::int64_t id, std::string time, std::string user, std::vector<std::int64_t> found) {
    LoggedAccess e = entry(id, std::move(time), std::move(user), std::move(found));
    e.entry.route = "GET /api/v1/persons";
    return e;
  };
  std::vector<LoggedAccess> entries{
      // bo: four searches on Monday 23 November (Swedish time), two of them finding nobody.
      search(1, "2026-11-23T09:00:00.000Z", "bo", {1}),
      search(2, "2026-11-23T09:00:01.000Z", "bo", {}),
      search(3, "2026-11-23T09:00:02.000Z", "bo", {2}),
      search(4, "2026-11-23T22:59:00.000Z", "bo", {}),
      // 23:30 UTC is 00:30 on Tuesday in Stockholm: another day.
      search(5, "2026-11-23T23:30:00.000Z", "bo", {3}),
      // anna: three searches, not more than the threshold; and reads that are not searches.
      search(6, "2026-11-23T09:00:00.000Z", "anna", {1}),
      search(7, "2026-11-23T09:10:00.000Z", "anna", {1}),
      search(8, "2026-11-23T09:20:00.000Z", "anna", {4}),
      entry(9, "2026-11-23T09:30:00.000Z", "anna", {4}),
  };
  entries[3].entry.route = "POST /api/v1/registrations";  // a registration by hand looks the personnummer up too
  AccessReview r = reviewAccess(entries, {}, o);
  ASSERT_EQ(r.manySearches.size(), 1u);
  EXPECT_EQ(r.manySearches[0].username, "bo");
  EXPECT_EQ(r.manySearches[0].day, "2026-11-23");
  EXPECT_EQ(r.manySearches[0].searches, 4) << "a search that finds nobody counts";
  EXPECT_EQ(r.manySearches[0].persons, 2);
  EXPECT_TRUE(r.bulk.empty());
  auto json = accessReviewJson(r, o, 1000);
  const auto& found = json["many_searches"].as_object();
  EXPECT_EQ(found.at("threshold").as_int64(), 3);
  EXPECT_EQ(found.at("items").as_array()[0].as_object().at("searches").as_int64(), 4);
}

// The CI run at 00:40 Swedish time (23:40 UTC): the auditor's link to today's entries found none, the
// days being read as UTC days while "today" is the Swedish day.
TEST(AccessReview, ADayIsTheSwedishDayFromMidnightInStockholm) {
  auto path =
      (std::filesystem::temp_directory_path() / ("lotsen-review-" + std::to_string(::getpid()) + ".db")).string();
  auto now = std::make_shared<std::chrono::system_clock::time_point>();
  StoreOptions options;
  options.clock = [now] { return *now; };
  {
    auto store = std::move(*openStore(path, options));
    ASSERT_TRUE(store->migrate());
    using namespace std::chrono_literals;
    auto read = [&](std::string_view utcDay, std::chrono::seconds utcTime, std::int64_t person) {
      *now = CivilDate::parse(utcDay)->days() + utcTime;
      ASSERT_TRUE(
          store->appendAccess(AccessEntry{1, "anna", "caseworker", "GET /api/v1/export", {person, 8, 9}, 3, ""}));
    };
    read("2026-11-30", 22h + 59min + 59s, 1);  // 23:59:59 on 30 November in Stockholm
    read("2026-11-30", 23h, 2);                // 00:00 on 1 December
    read("2026-12-01", 22h + 59min + 59s, 3);  // 23:59:59 on 1 December
    read("2026-12-01", 23h, 4);                // 2 December
    AccessReviewOptions o;
    o.bulkThreshold = 2;
    auto day = *CivilDate::parse("2026-12-01");
    auto review = reviewAccessLog(*store, day, day, o);
    ASSERT_TRUE(review);
    std::vector<std::int64_t> first;
    for (const auto& e : review->bulk) first.push_back(e.entry.personIds.front());
    EXPECT_EQ(first, (std::vector<std::int64_t>{2, 3}));
  }
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace lotsen
