// Worklist membership at its boundaries (deadline day and the day after).
#include <gtest/gtest.h>

#include <filesystem>

#include "database_test.h"
#include "store/case_records.h"
#include "store/store.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

class WorklistTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    auto p =
        store_->createPerson(actor_, PersonDetails{*PersonalId::parse("20080312-2381", date("2026-01-01")), "Alva",
                                                   "Ek", "Storgatan 1", "50330", "Borås", "1490", Protection::none});
    person_ = p->id;
    registration_ = store_->createRegistration(actor_, {person_, "kaa", date("2026-01-01"), "never_started"})->id;
  }
  std::vector<WorklistEntry> list(std::string_view name, std::string_view today) {
    auto entries = store_->worklist(name, WorklistFilter{date(today), std::nullopt, "", std::nullopt});
    EXPECT_TRUE(entries) << (entries ? "" : entries.error().message);
    return entries.value_or(std::vector<WorklistEntry>{});
  }
  void add(std::string_view kind, const std::string& data) {
    ASSERT_TRUE(store_->createCaseRecord(actor_, kind, person_, registration_, data));
  }
  ContactAttempt contact(std::string_view day, bool reached) {
    return ContactAttempt{date(day), "10:00", "phone", reached, "", "", false, ""};
  }

  Actor actor_{std::nullopt, "system:test"};
  std::int64_t person_ = 0, registration_ = 0;
};

TEST_F(WorklistTest, FirstContactIsDueFourteenDaysAfterRegistrationUntilAnAttempt) {
  auto entries = list("first_contact", "2026-01-15");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].due, date("2026-01-15"));  // on the deadline day it is due, the day after overdue
  add(kContactAttemptKind, toJson(contact("2026-01-20", false)));
  EXPECT_TRUE(list("first_contact", "2026-01-21").empty());
}

TEST_F(WorklistTest, TheFirstContactDeadlineIsTheMunicipalitysSetting) {
  ASSERT_TRUE(store_->changeSetting(actor_, "first_contact_days", "10"));
  EXPECT_EQ(list("first_contact", "2026-01-02").at(0).due, date("2026-01-11"));
  EXPECT_FALSE(store_->changeSetting(actor_, "first_contact_days", "ten"));
  EXPECT_FALSE(store_->changeSetting(actor_, "first_contact_days", "0"));
  EXPECT_FALSE(store_->changeSetting(actor_, "no_such_setting", "5"));
  EXPECT_EQ(store_->settings()->at("first_contact_days"), "10");
}

TEST_F(WorklistTest, UnreachedContactIsRetriedUntilReached) {
  add(kContactAttemptKind, toJson(contact("2026-01-20", false)));
  auto entries = list("contact_retry", "2026-01-21");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].due, date("2026-01-27"));
  add(kContactAttemptKind, toJson(contact("2026-01-27", true)));
  EXPECT_TRUE(list("contact_retry", "2026-01-28").empty());
}

TEST_F(WorklistTest, FollowUpShowsWithinSevenDaysAndWhenOverdue) {
  Measure m{"internship",       "Praktik på verkstad", "municipality", "",
            std::nullopt,       date("2026-02-01"),    std::nullopt,   "",
            date("2026-03-10"), std::nullopt,          std::nullopt};
  add(kMeasureKind, toJson(m));
  EXPECT_TRUE(list("follow_up", "2026-03-02").empty()) << "eight days ahead";
  ASSERT_EQ(list("follow_up", "2026-03-03").size(), 1u) << "seven days ahead";
  ASSERT_EQ(list("follow_up", "2026-04-01").size(), 1u) << "overdue";
}

// Issue 12: the follow-up item names the measure (its content) and links to it, and every item carries
// the birth date.
TEST_F(WorklistTest, TheFollowUpItemNamesTheMeasureNotItsId) {
  Measure m{"internship",       "Praktik på verkstad", "municipality", "",
            std::nullopt,       date("2026-02-01"),    std::nullopt,   "",
            date("2026-03-10"), std::nullopt,          std::nullopt};
  auto record = store_->createCaseRecord(actor_, kMeasureKind, person_, registration_, toJson(m));
  ASSERT_TRUE(record);
  auto entries = list("follow_up", "2026-03-10");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].detail, "Praktik på verkstad");
  EXPECT_EQ(entries[0].recordId, record->id);
  EXPECT_EQ(entries[0].birthDate, date("2008-03-12"));
}

// Issue 12: the plan records each follow-up held; a planned follow-up held leaves the list, the measure's
// evaluation stays due.
TEST_F(WorklistTest, AFollowUpHeldLeavesTheListTheEvaluationStaysDue) {
  Measure m{"internship",       "Praktik på verkstad", "municipality", "",
            std::nullopt,       date("2026-02-01"),    std::nullopt,   "",
            date("2026-03-10"), date("2026-05-10"),    std::nullopt};
  auto measure = store_->createCaseRecord(actor_, kMeasureKind, person_, registration_, toJson(m));
  ASSERT_TRUE(measure);
  EXPECT_EQ(list("follow_up", "2026-03-12").at(0).due, date("2026-03-10"));
  Plan plan{date("2026-01-20"),
            date("2026-01-20"),
            {},
            {PlanReview{date("2026-03-03"), "follow_up", measure->id, "Går bra"}}};
  add(kPlanKind, toJson(plan));
  EXPECT_TRUE(list("follow_up", "2026-03-12").empty()) << "held a week early counts";
  auto entries = list("follow_up", "2026-05-05");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].due, date("2026-05-10")) << "the evaluation is still to be held";
}

// Issue 12: a letter before the 20th birthday; the list is due on the birthday and holds the person from
// turning_20_days before it while the registration is open.
TEST_F(WorklistTest, ThoseWhoTurnTwentyWithinThirtyDaysAreListedDueOnTheBirthday) {
  EXPECT_TRUE(list("turning_20", "2028-02-10").empty()) << "31 days before";
  auto entries = list("turning_20", "2028-02-11");
  ASSERT_EQ(entries.size(), 1u) << "30 days before";
  EXPECT_EQ(entries[0].due, date("2028-03-12"));
  ASSERT_TRUE(store_->changeSetting(actor_, "turning_20_days", "45"));
  EXPECT_EQ(list("turning_20", "2028-01-27").size(), 1u) << "the municipality's setting";
}

// Replay of issue 12's week: every one of those about to turn 20 had had their letter, and the list still
// showed all of them.
TEST_F(WorklistTest, TheLetterBeforeTheTwentiethBirthdayTakesThePersonOffTheList) {
  add(kContactAttemptKind, toJson(ContactAttempt{date("2028-02-10"), "", "letter", std::nullopt, "", "", false, ""}));
  EXPECT_EQ(list("turning_20", "2028-02-11").size(), 1u) << "a letter before the window opened does not count";
  add(kContactAttemptKind, toJson(ContactAttempt{date("2028-02-11"), "", "letter", std::nullopt, "", "", false, ""}));
  EXPECT_TRUE(list("turning_20", "2028-02-12").empty());
}

TEST_F(WorklistTest, EndedMeasureLeavesFollowUpButWithoutReasonIsListed) {
  Measure m{"internship",       "Praktik", "municipality",     "",           std::nullopt, date("2026-02-01"),
            date("2026-02-20"), "",        date("2026-03-10"), std::nullopt, std::nullopt};
  add(kMeasureKind, toJson(m));
  EXPECT_TRUE(list("follow_up", "2026-03-09").empty());
  ASSERT_EQ(list("measure_end_reason", "2026-03-09").size(), 1u);
  m.endReason = "completed";
  auto records = *store_->caseRecordsOf(person_, kMeasureKind);
  ASSERT_TRUE(store_->updateCaseRecord(actor_, records[0].id, records[0].version, toJson(m)));
  EXPECT_TRUE(list("measure_end_reason", "2026-03-09").empty());
}

TEST_F(WorklistTest, OccupationIsDueWhenUnknownOrSixMonthsOld) {
  ASSERT_EQ(list("occupation", "2026-01-02").size(), 1u) << "unknown from the start";
  add(kOccupationKind, toJson(OccupationEntry{date("2025-09-01"), "work", "", "contact", false}));
  EXPECT_TRUE(list("occupation", "2026-02-28").empty());
  auto entries = list("occupation", "2026-03-01");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].due, date("2026-03-01"));
  EXPECT_EQ(entries[0].detail, "work");
}

// Replay of issue 12's week: a person registered again today showed 482 days overdue for an occupation
// learnt during an earlier registration.
TEST_F(WorklistTest, AnOccupationFromBeforeTheRegistrationIsDueWhenTheRegistrationStartsNotEarlier) {
  add(kOccupationKind, toJson(OccupationEntry{date("2025-03-01"), "work", "", "contact", false}));
  auto entries = list("occupation", "2026-01-01");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].due, date("2026-01-01")) << "stale since 2025-09-01, due from the registration's start";
}

TEST_F(WorklistTest, RegistrationWithoutPlanAfterThirtyDaysAndPlanWithoutGoals) {
  EXPECT_TRUE(list("registration_without_plan", "2026-01-30").empty());
  ASSERT_EQ(list("registration_without_plan", "2026-01-31").size(), 1u);
  add(kPlanKind, toJson(Plan{}));
  EXPECT_TRUE(list("registration_without_plan", "2026-02-01").empty());
  ASSERT_EQ(list("plan_without_goals", "2026-02-01").size(), 1u);
  auto plans = *store_->caseRecordsOf(person_, kPlanKind);
  ASSERT_TRUE(store_->updateCaseRecord(
      actor_, plans[0].id, plans[0].version,
      toJson(Plan{std::nullopt, std::nullopt, {PlanGoal{"g1", "Börja studera", std::nullopt, {}, {}}}, {}})));
  EXPECT_TRUE(list("plan_without_goals", "2026-02-01").empty());
}

TEST_F(WorklistTest, FiltersByCaseworkerAndUnitAndSkipsClosedRegistrations) {
  ASSERT_TRUE(store_->createUnit(actor_, "Norr"));
  auto user = store_->createUser(actor_, NewUser{"anna", "caseworker", "x", {"Norr"}});
  auto r = *store_->registration(registration_);
  EXPECT_EQ(store_->assignRegistration(actor_, registration_, r.version, user->id, "Söder").error().kind,
            ErrorKind::not_found)
      << "only existing units";
  ASSERT_TRUE(store_->assignRegistration(actor_, registration_, r.version, user->id, "Norr"));
  EXPECT_EQ(store_->worklist("first_contact", {date("2026-01-02"), user->id, "", std::nullopt})->size(), 1u);
  EXPECT_EQ(store_->worklist("first_contact", {date("2026-01-02"), user->id + 1, "", std::nullopt})->size(), 0u);
  EXPECT_EQ(store_->worklist("first_contact", {date("2026-01-02"), std::nullopt, "Söder", std::nullopt})->size(), 0u);
  r = *store_->registration(registration_);
  ASSERT_TRUE(
      store_->endRegistration(actor_, registration_, r.version, date("2026-01-05"), "moved_abroad", EndedBy::hand));
  EXPECT_TRUE(list("first_contact", "2026-01-06").empty());
  EXPECT_FALSE(store_->worklist("no_such_list", {date("2026-01-02"), std::nullopt, "", std::nullopt}));
}

// The caseload in SQL (worklists and search) agrees with domain covers().
TEST_F(WorklistTest, KeepsToTheCaseload) {
  ASSERT_TRUE(store_->createUnit(actor_, "Norr"));
  auto anna = store_->createUser(actor_, NewUser{"anna", "caseworker", "x", {"Norr"}});
  auto bo = store_->createUser(actor_, NewUser{"bo", "caseworker", "x", {"Norr"}});
  auto count = [&](const Caseload& c) {
    auto listed = store_->worklist("first_contact", {date("2026-01-02"), std::nullopt, "", c});
    auto found = store_->searchPersons({{}, "", 0, 50, c});
    EXPECT_EQ(listed->size(), static_cast<std::size_t>(found->total));
    EXPECT_EQ(static_cast<bool>(found->total), coversAny(c, *store_->registrationsOf(person_)));
    return listed->size();
  };
  Caseload annas = caseloadOf(anna->id, {Role::caseworker}, {"Norr"});
  Caseload bos = caseloadOf(bo->id, {Role::caseworker}, {"Norr"});
  Caseload manager = caseloadOf(99, {Role::unit_manager}, {"Norr"});
  Caseload elsewhere = caseloadOf(98, {Role::unit_manager, Role::caseworker}, {"Söder"});
  EXPECT_EQ(count(annas), 0u) << "no unit yet: intake";
  EXPECT_EQ(count(manager), 1u) << "unit managers see the intake";
  EXPECT_EQ(count(elsewhere), 1u);
  auto r = *store_->registration(registration_);
  ASSERT_TRUE(store_->assignRegistration(actor_, registration_, r.version, std::nullopt, "Norr"));
  EXPECT_EQ(count(annas), 1u) << "unassigned in own unit";
  EXPECT_EQ(count(bos), 1u);
  EXPECT_EQ(count(elsewhere), 0u);
  r = *store_->registration(registration_);
  ASSERT_TRUE(store_->assignRegistration(actor_, registration_, r.version, anna->id, "Norr"));
  EXPECT_EQ(count(annas), 1u);
  EXPECT_EQ(count(bos), 0u) << "assigned to a colleague";
  EXPECT_EQ(count(manager), 1u);
  EXPECT_EQ(count(Caseload{}), 0u);
  auto person = *store_->person(person_);
  std::string digits;
  for (char c : person.details.personalId.canonical())
    if (c != '-') digits += c;
  EXPECT_EQ(store_->searchPersons({{}, digits, 0, 50, bos})->total, 1) << "a whole personnummer finds anyone";
  EXPECT_EQ(store_->searchPersons({{}, digits.substr(0, 8), 0, 50, bos})->total, 0);
}

}  // namespace
}  // namespace lotsen
