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

}  // namespace
}  // namespace lotsen
