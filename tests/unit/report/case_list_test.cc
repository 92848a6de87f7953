#include "report/case_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace lotsen {
namespace {

TEST(CaseList, AValueReferredToIsReadInPlaceNotCopied) {
  std::vector<std::string> history{"phone", "letter"};
  CaseList<std::string> list;
  for (const std::string& s : history) list.refer(s);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(&list[0], &history[0]);
  EXPECT_EQ(&*std::ranges::find(list, "letter"), &history[1]);
}

// Most lists fit in the list itself; a longer one (a young person with many contacts) keeps every reference, in order.
TEST(CaseList, AListLongerThanItsRoomInPlaceKeepsEveryReferenceInOrder) {
  std::vector<int> history(100);
  for (int i = 0; i < 100; ++i) history[static_cast<std::size_t>(i)] = i;
  CaseList<int> list;
  for (const int& value : history) list.refer(value);
  CaseList<int> copy = list;
  ASSERT_EQ(copy.size(), history.size());
  for (std::size_t i = 0; i < history.size(); ++i) EXPECT_EQ(&copy[i], &history[i]) << i;
}

TEST(CaseList, ACaseMadeByHandOwnsItsValuesAndACopyOutlivesTheOriginal) {
  std::optional<CaseList<std::string>> original(std::in_place, std::initializer_list<std::string>{"a", "b"});
  original->push_back("c");
  CaseList<std::string> copy = *original;
  original.reset();
  EXPECT_EQ(std::vector<std::string>(copy.begin(), copy.end()), (std::vector<std::string>{"a", "b", "c"}));
  copy.push_back("d");  // appending to a copy moves nothing the copy already holds
  EXPECT_EQ(copy[0], "a");
  EXPECT_EQ(copy.size(), 4u);
  copy.clear();
  EXPECT_TRUE(copy.empty());
}

// A record bears on the case of its registration only; one of no registration (id 0) on none, as no registration
// has the id 0.
TEST(ReferToCases, ARecordIsReferredToItsRegistrationsCaseOnlyAndOneOfNoRegistrationToNone) {
  struct TestCase {
    struct {
      std::int64_t id = 0;
    } registration;
    CaseList<ContactFacts> contacts;
  };
  VersionTable<HistoryRecord<ContactFacts>> table;
  auto contact = [](std::int64_t registrationId, const char* day) {
    ContactAttempt attempt{*CivilDate::parse(day), "10:00", "phone", true, "work", "", false, ""};
    return HistoryRecord<ContactFacts>{registrationId, ContactFacts(attempt)};
  };
  table.add(1, 10, contact(5, "2026-02-01"));
  table.add(2, 11, contact(0, "2026-02-02"));
  table.add(3, 12, contact(6, "2026-02-03"));
  std::vector<TestCase> cases(2);
  cases[0].registration.id = 5;
  cases[1].registration.id = 6;
  referToCases(std::span(cases), table, kAfterEveryEvent, &TestCase::contacts);
  ASSERT_EQ(cases[0].contacts.size(), 1u);
  EXPECT_EQ(cases[0].contacts[0].date.iso(), "2026-02-01");
  ASSERT_EQ(cases[1].contacts.size(), 1u);
  EXPECT_EQ(cases[1].contacts[0].date.iso(), "2026-02-03");
}

}  // namespace
}  // namespace lotsen
