// Case records written, revised and voided through the casework service: the occupation learnt at a
// contact follows that contact.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "../store/database_test.h"
#include "casework/casework.h"
#include "store/case_records.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

class RecordService : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    auto p =
        store_->createPerson(actor_, PersonDetails{*PersonalId::parse("20080312-2381", date("2026-01-01")), "Märta",
                                                   "Öberg", "Storgatan 1", "50330", "Borås", "1490", Protection::none});
    person_ = p->id;
    registration_ = store_->createRegistration(actor_, {person_, "kaa", date("2026-01-01"), "never_started"})->id;
  }
  std::string contact(std::string_view occupation, std::string_view detail) {
    return toJson(ContactAttempt{date("2026-02-02"), "10:00", "phone", true, std::string(occupation),
                                 std::string(detail), false, ""});
  }
  std::vector<OccupationEntry> occupations() {
    auto records = store_->caseRecordsOf(person_, kOccupationKind);
    std::vector<OccupationEntry> list;
    for (const CaseRecord& r : *records) list.push_back(*parseOccupation(r.data));
    return list;
  }
  RecordTarget target() {
    return RecordTarget{caseContext(date("2026-02-03"), "12:00", std::nullopt), person_, registration_};
  }

  Actor actor_{std::int64_t{1}, "anna"};
  std::int64_t person_ = 0, registration_ = 0;
};

// Issue 12's replay: a contact voided or corrected left the occupation it had recorded as it was.
TEST_F(RecordService, TheOccupationLearntAtAContactIsCorrectedAndVoidedWithTheContact) {
  const RecordKind& kind = *recordKind(kContactAttemptKind);
  auto written = writeRecord(*store_, actor_, kind, target(), contact("studies", "komvux"));
  ASSERT_TRUE(written) << written.error().message;
  ASSERT_EQ(occupations().size(), 1u);
  EXPECT_EQ(occupations()[0].contactId, written->id);

  auto corrected = reviseRecord(*store_, actor_, *written, written->version, contact("work", "part_time"));
  ASSERT_TRUE(corrected) << corrected.error().message;
  ASSERT_EQ(occupations().size(), 1u) << "changed, not added";
  EXPECT_EQ(occupations()[0].kind, "work");
  EXPECT_EQ(occupations()[0].detail, "part_time");

  auto unsaid = reviseRecord(*store_, actor_, *corrected, corrected->version, contact("", ""));
  ASSERT_TRUE(unsaid);
  EXPECT_TRUE(occupations().empty()) << "the contact names no occupation any more";
  auto said = reviseRecord(*store_, actor_, *unsaid, unsaid->version, contact("internship", ""));
  ASSERT_TRUE(said);
  ASSERT_EQ(occupations().size(), 1u);

  ASSERT_TRUE(voidRecord(*store_, actor_, *said, said->version, "Fel person"));
  EXPECT_TRUE(occupations().empty()) << "voided with its contact";
}

TEST_F(RecordService, TheLinkToTheContactIsLotsensToSetNotTheClients) {
  auto own = writeRecord(*store_, actor_, *recordKind(kOccupationKind), target(),
                         toJson(OccupationEntry{date("2026-02-02"), "work", "", "contact", false, 99}));
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().field, "contact_id");
  auto contactRecord = writeRecord(*store_, actor_, *recordKind(kContactAttemptKind), target(), contact("work", ""));
  ASSERT_TRUE(contactRecord);
  auto learnt = store_->caseRecordsOf(person_, kOccupationKind)->at(0);
  OccupationEntry changed = *parseOccupation(learnt.data);
  changed.detail = "full_time";
  auto alone = reviseRecord(*store_, actor_, learnt, learnt.version, toJson(changed));
  ASSERT_FALSE(alone) << "it would contradict its contact, and the contact's next correction would undo it";
  EXPECT_EQ(alone.error().field, "contact_id");
  EXPECT_FALSE(voidRecord(*store_, actor_, learnt, learnt.version, "Fel")) << "void the contact instead";
}

// Replay of issue 12's week, and of the UI's: a voided measure stayed named in the plan's goals and in
// its follow-ups held, and the plan as GET answered it could no longer be saved.
TEST_F(RecordService, AVoidedMeasureLeavesThePlansGoalsAndItsFollowUpsStayAsHeld) {
  Measure m{"internship", "Praktik", "municipality", "",           std::nullopt, date("2026-02-01"),
            std::nullopt, "",        std::nullopt,   std::nullopt, std::nullopt};
  auto measure = writeRecord(*store_, actor_, *recordKind(kMeasureKind), target(), toJson(m));
  ASSERT_TRUE(measure) << measure.error().message;
  Plan plan{
      date("2026-02-02"),
      std::nullopt,
      {PlanGoal{
          "g1", "Arbete", std::nullopt, {measure->id}, {PlanGoal{"g1.1", "Praktik", std::nullopt, {measure->id}, {}}}}},
      {PlanReview{date("2026-02-03"), "follow_up", measure->id, "Går bra"}}};
  ASSERT_TRUE(writeRecord(*store_, actor_, *recordKind(kPlanKind), target(), toJson(plan)));
  ASSERT_TRUE(voidRecord(*store_, actor_, *measure, measure->version, "Fel person"));
  auto record = store_->caseRecordsOf(person_, kPlanKind)->at(0);
  auto stored = parsePlan(record.data);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->goals[0].measureIds.empty());
  EXPECT_TRUE(stored->goals[0].subGoals[0].measureIds.empty());
  ASSERT_EQ(stored->reviews.size(), 1u) << "the follow-up was held";
  EXPECT_FALSE(stored->reviews[0].measureId);
  RecordTarget again = target();
  again.corrected = &record;
  auto check = recordKind(kPlanKind)->check(boost::json::parse(record.data), *store_, again);
  EXPECT_TRUE(check) << "what is stored is accepted back: " << check.error().front().message;
}

// Found by the UI's helper: a voided plan's assessments stayed, and a new plan reusing a goal id took
// them over as that goal's latest.
TEST_F(RecordService, AVoidedPlanTakesItsGoalAssessmentsWithItSoANewPlanStartsUnassessed) {
  Plan plan{date("2026-02-02"), std::nullopt, {PlanGoal{"g1", "Arbete", std::nullopt, {}, {}}}, {}};
  auto written = writeRecord(*store_, actor_, *recordKind(kPlanKind), target(), toJson(plan));
  ASSERT_TRUE(written);
  auto assessed = writeRecord(*store_, actor_, *recordKind(kGoalAssessmentKind), target(),
                              toJson(GoalAssessment{"g1", date("2026-02-03"), "partly", ""}));
  ASSERT_TRUE(assessed) << assessed.error().message;
  ASSERT_TRUE(voidRecord(*store_, actor_, *written, written->version, "Upprättad för fel person"));
  EXPECT_TRUE(store_->caseRecordsOf(person_, kGoalAssessmentKind)->empty());
  auto kept = store_->caseRecord(assessed->id);
  ASSERT_TRUE(kept);
  EXPECT_TRUE(kept->voided) << "voided, not deleted: it stays in the history";
  ASSERT_TRUE(writeRecord(*store_, actor_, *recordKind(kPlanKind), target(), toJson(plan))) << "a new plan";
  EXPECT_TRUE(store_->caseRecordsOf(person_, kGoalAssessmentKind)->empty()) << "g1 of the new plan is unassessed";
}

// Found by the UI's helper: an assessment of a sub-goal the plan later dropped could not be corrected.
TEST_F(RecordService, ACorrectionKeepsTheGoalItAssessedThoughThePlanHasDroppedIt) {
  Plan plan{date("2026-02-02"),
            std::nullopt,
            {PlanGoal{"g1", "Arbete", std::nullopt, {}, {PlanGoal{"g1.1", "Cv", std::nullopt, {}, {}}}}},
            {}};
  auto written = writeRecord(*store_, actor_, *recordKind(kPlanKind), target(), toJson(plan));
  ASSERT_TRUE(written);
  const RecordKind& assessments = *recordKind(kGoalAssessmentKind);
  auto assessed = writeRecord(*store_, actor_, assessments, target(),
                              toJson(GoalAssessment{"g1.1", date("2026-02-03"), "partly", ""}));
  ASSERT_TRUE(assessed) << assessed.error().message;
  plan.goals[0].subGoals.clear();
  ASSERT_TRUE(reviseRecord(*store_, actor_, *written, written->version, toJson(plan)));

  auto body = boost::json::parse(toJson(GoalAssessment{"g1.1", date("2026-02-03"), "achieved", "Klar"}));
  EXPECT_FALSE(assessments.check(body, *store_, target())) << "a new assessment needs a goal of the plan";
  RecordTarget correction = target();
  correction.corrected = &*assessed;
  auto check = assessments.check(body, *store_, correction);
  EXPECT_TRUE(check) << check.error().front().message;
}

// Replay of issue 12's week: a plan put back exactly as it was got a new version and an event.
TEST_F(RecordService, TheSameDataAgainIsNoChange) {
  auto written = writeRecord(*store_, actor_, *recordKind(kContactAttemptKind), target(), contact("work", ""));
  ASSERT_TRUE(written);
  std::size_t events = store_->eventsOf(person_)->size();
  auto again = reviseRecord(*store_, actor_, *written, written->version, written->data);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->version, written->version);
  EXPECT_EQ(store_->eventsOf(person_)->size(), events);
  EXPECT_FALSE(reviseRecord(*store_, actor_, *written, written->version + 1, written->data)) << "a wrong version is";
}

}  // namespace
}  // namespace lotsen
