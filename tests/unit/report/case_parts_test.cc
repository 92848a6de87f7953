// A report's cases given part by part, person by person (report/case_parts.h).
#include "report/case_parts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "../store/database_test.h"

namespace lotsen {
namespace {

// What partsOf reads of a case: its registration's person.
struct TestCase {
  struct {
    std::int64_t personId = 0, id = 0;
  } registration;
};

TestCase caseOf(std::int64_t personId, std::int64_t registrationId) { return {{personId, registrationId}}; }

// Every part walked in turn: each person's registration ids, as given.
template <class Case, class IdOf>
std::vector<std::vector<std::int64_t>> walked(const CaseParts<Case>& parts, IdOf idOf) {
  std::vector<std::vector<std::int64_t>> persons;
  for (std::size_t part = 0; part < parts.parts; ++part)
    parts.each(part, [&](std::span<const Case* const> cases) {
      persons.emplace_back();
      for (const Case* c : cases) persons.back().push_back(idOf(*c));
    });
  return persons;
}

TEST(CaseParts, EachPersonsCasesComeTogetherOnceInPersonOrderWhateverTheParts) {
  std::vector<TestCase> cases{caseOf(3, 30), caseOf(1, 10), caseOf(3, 31), caseOf(2, 20),
                              caseOf(1, 11), caseOf(2, 21), caseOf(2, 22)};
  const std::vector<std::vector<std::int64_t>> byPerson{{10, 11}, {20, 21, 22}, {30, 31}};
  for (std::size_t perPart : {1, 2, 3, 100}) {
    EXPECT_EQ(walked(partsOf(cases, perPart), [](const TestCase& c) { return c.registration.id; }), byPerson)
        << perPart;
  }
}

TEST(CaseParts, NoCasesGiveOnePartWithNoPerson) {
  CaseParts<TestCase> parts = partsOf(std::vector<TestCase>{}, 1);
  EXPECT_EQ(walked(parts, [](const TestCase& c) { return c.registration.id; }),
            std::vector<std::vector<std::int64_t>>{});
}

// A report walks the history part by part: every person once, in person order, whatever the parts; of the persons
// listed only, when a list is given.
class HistoryParts : public DatabaseTest {};

TEST_F(HistoryParts, EveryPersonsCasesComeTogetherOnceInPersonOrderWhateverTheParts) {
  for (const char* pid : {"20080312-2381", "20090101-1122", "20080620-4566", "20090315-1231", "20100210-7892"})
    ASSERT_TRUE(
        store_->createPerson(Actor{std::nullopt, "system:test"},
                             PersonDetails{*PersonalId::parse(pid, *CivilDate::parse("2026-01-01")), "Åsa", "Öberg",
                                           "Storgatan 1", "50330", "Borås", "1490", Protection::none}));
  auto history = CaseHistory::read(*store_);
  ASSERT_TRUE(history);
  // Two "cases" for each person: its id, and its id negated.
  auto addCases = [](const PersonHistory& p, std::vector<std::int64_t>& out) {
    out.push_back(p.id);
    out.push_back(-p.id);
  };
  auto ids = [](const std::int64_t& id) { return id; };
  std::vector<std::vector<std::int64_t>> every = walked(partsOf<std::int64_t>(*history, addCases), ids);
  ASSERT_EQ(every.size(), 5u);
  EXPECT_TRUE(std::ranges::is_sorted(every));
  for (const auto& person : every) EXPECT_EQ(person, (std::vector{person[0], -person[0]}));
  for (std::size_t perPart : {1, 2, 3})
    EXPECT_EQ(walked(partsOf<std::int64_t>(*history, addCases, perPart), ids), every) << perPart;
  std::vector<std::int64_t> listed{every[1][0], every[3][0], 999};
  for (std::size_t perPart : {1, 2, 3, 20000})
    EXPECT_EQ(walked(partsOf<std::int64_t>(*history, addCases, listed, perPart), ids),
              (std::vector{every[1], every[3]}))
        << "a listed id no person has is left out; " << perPart;
}

}  // namespace
}  // namespace lotsen
