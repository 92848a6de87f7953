#include "domain/access.h"

#include <gtest/gtest.h>

#include "domain/text.h"

namespace lotsen {
namespace {

TEST(Text, SplitListKeepsEmptyPartsButNotAnEmptyText) {
  EXPECT_TRUE(splitList("", ',').empty());
  EXPECT_EQ(splitList("a", ','), (std::vector<std::string_view>{"a"}));
  EXPECT_EQ(splitList("a,b", ','), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(splitList("a,", ','), (std::vector<std::string_view>{"a", ""}));
}

TEST(Roles, ParseToOneCanonicalText) {
  EXPECT_EQ(parseRoles("caseworker,admin")->text(), "admin,caseworker");
  EXPECT_EQ(parseRoles("auditor")->text(), "auditor");
  EXPECT_FALSE(parseRoles(""));
  EXPECT_FALSE(parseRoles("caseworker,"));
  EXPECT_EQ(parseRoles("boss").error().field, "role");
}

TEST(Caseload, CaseworkersReachOwnAndUnassignedUnitCasesManagersTheirUnitsAndIntake) {
  auto registration = [](std::optional<std::int64_t> caseworker, std::string unit) {
    Registration r{
        1, 1,          "kaa",          *CivilDate::parse("2026-01-01"), "never_started", std::nullopt, std::nullopt,
        1, caseworker, std::move(unit)};
    return r;
  };
  Caseload anna = caseloadOf(7, {Role::caseworker}, {"Norr"});
  EXPECT_TRUE(covers(anna, registration(7, "Söder"))) << "assigned to her, wherever";
  EXPECT_TRUE(covers(anna, registration(std::nullopt, "Norr")));
  EXPECT_FALSE(covers(anna, registration(8, "Norr")));
  EXPECT_FALSE(covers(anna, registration(std::nullopt, "")));
  Caseload manager = caseloadOf(9, {Role::unit_manager}, {"Norr"});
  EXPECT_TRUE(covers(manager, registration(8, "Norr")));
  EXPECT_TRUE(covers(manager, registration(std::nullopt, "")));
  EXPECT_FALSE(covers(manager, registration(9, "Söder")));
  EXPECT_FALSE(covers(caseloadOf(9, {Role::admin, Role::auditor}, {"Norr"}), registration(9, "Norr")));
}

TEST(AccessReason, IsTenToFiveHundredCharacters) {
  EXPECT_FALSE(validateAccessReason("för kort"));
  EXPECT_TRUE(validateAccessReason("Ringde in: åäö"));
  EXPECT_FALSE(validateAccessReason(std::string(501, 'x')));
}

}  // namespace
}  // namespace lotsen

namespace lotsen {
namespace {

TEST(UserContact, ANameIsOneShortLineAndAWorkPhoneFollowsTheRuleForAPersonsPhone) {
  EXPECT_TRUE(validateUserContact("", "").empty()) << "both may be left empty";
  EXPECT_TRUE(validateUserContact("Anna Ödmark", "033-35 71 12").empty());
  EXPECT_TRUE(validateUserContact(std::string(kMaxUserFullName, 'a'), "+46 33 35 71 12").empty());
  auto fields = [](const std::vector<Error>& errors) {
    std::vector<std::string> out;
    for (const Error& e : errors) out.push_back(e.field);
    return out;
  };
  EXPECT_EQ(fields(validateUserContact(std::string(kMaxUserFullName + 1, 'a'), "")),
            std::vector<std::string>{"full_name"});
  EXPECT_EQ(fields(validateUserContact("Anna\nÖdmark", "ring mig")), (std::vector<std::string>{"full_name", "phone"}));
  EXPECT_EQ(fields(validateUserContact("Anna \x1b[2J", "12")), (std::vector<std::string>{"full_name", "phone"}));
}

}  // namespace
}  // namespace lotsen
