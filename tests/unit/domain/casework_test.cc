#include "domain/casework.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }

const CaseContext kContext{date("2026-03-01"), date("2026-01-10"), std::nullopt};
const CodeList kChannels("contact_channel",
                         {Code{"phone", "Telefon", date("1900-01-01"), std::nullopt},
                          Code{"letter", "Brev", date("1900-01-01"), std::nullopt},
                          Code{"via_guardian", "Via vårdnadshavare", date("1900-01-01"), std::nullopt}});
const CodeList kOccupations("occupation", {Code{"work", "Arbete", date("1900-01-01"), std::nullopt}});
const CodeList kSources("occupation_source", {Code{"contact", "Kontakt", date("1900-01-01"), std::nullopt}});
const CodeList kTypes("measure_type", {Code{"internship", "Praktik", date("1900-01-01"), std::nullopt},
                                       Code{"im_studies", "IM", date("1900-01-01"), date("2018-06-30")}});
const CodeList kEndReasons("measure_end_reason", {Code{"completed", "Genomförd", date("1900-01-01"), std::nullopt}});

std::vector<std::string> fields(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.field);
  return out;
}

TEST(ContactAttemptRules, ValidAttemptPasses) {
  EXPECT_TRUE(validateContactAttempt({date("2026-02-01"), "09:30", "phone", true, "work", "", false, "kort"}, kContext,
                                     kChannels, kOccupations)
                  .empty());
}

// Issue 12: a contact later today than now is in the future too (Swedish time).
TEST(ContactAttemptRules, AContactLaterTodayThanNowIsInTheFuture) {
  CaseContext at0930{date("2026-03-01"), date("2026-01-10"), std::nullopt, "09:30"};
  EXPECT_TRUE(validateContactAttempt({date("2026-03-01"), "09:30", "phone", false, "", "", false, ""}, at0930,
                                     kChannels, kOccupations)
                  .empty());
  EXPECT_EQ(fields(validateContactAttempt({date("2026-03-01"), "09:31", "phone", false, "", "", false, ""}, at0930,
                                          kChannels, kOccupations)),
            std::vector<std::string>{"time"});
  EXPECT_TRUE(validateContactAttempt({date("2026-02-28"), "23:00", "phone", false, "", "", false, ""}, at0930,
                                     kChannels, kOccupations)
                  .empty())
      << "yesterday evening is past";
}

TEST(ContactAttemptRules, NotInTheFutureNorBeforeTheRegistration) {
  EXPECT_EQ(fields(validateContactAttempt({date("2026-03-02"), "09:30", "phone", false, "", "", false, ""}, kContext,
                                          kChannels, kOccupations)),
            std::vector<std::string>{"date"});
  EXPECT_EQ(fields(validateContactAttempt({date("2026-01-09"), "09:30", "phone", false, "", "", false, ""}, kContext,
                                          kChannels, kOccupations)),
            std::vector<std::string>{"date"});
  EXPECT_TRUE(validateContactAttempt({date("2026-03-01"), "09:30", "phone", false, "", "", false, ""}, kContext,
                                     kChannels, kOccupations)
                  .empty());
  EXPECT_TRUE(validateContactAttempt({date("2026-01-10"), "09:30", "phone", false, "", "", false, ""}, kContext,
                                     kChannels, kOccupations)
                  .empty());
}

// A date the request's reader could not read (2026-02-30) is its own problem: the codes dated by it are not
// also faulted (the channel was reported invalid "on 0001-01-01").
TEST(ContactAttemptRules, OnADateThatCouldNotBeReadOnlyACodeTheListLacksIsFaulted) {
  EXPECT_EQ(fields(validateContactAttempt({CivilDate::unread(), "10:00", "phone", true, "work", "", false, ""},
                                          kContext, kChannels, kOccupations)),
            std::vector<std::string>{"date"});
  EXPECT_EQ(fields(validateContactAttempt({CivilDate::unread(), "10:00", "telefon", true, "work", "", false, ""},
                                          kContext, kChannels, kOccupations)),
            (std::vector<std::string>{"date", "channel"}))
      << "a code the list does not hold at all is at fault whatever the date";
}

TEST(ContactAttemptRules, EachViolationNamesItsField) {
  auto errors =
      validateContactAttempt({date("2026-02-01"), "9.30", "fax", false, "work", "", false, std::string(501, 'x')},
                             kContext, kChannels, kOccupations);
  EXPECT_EQ(fields(errors), (std::vector<std::string>{"time", "channel", "occupation", "note"}));
}

// Issue 12: a letter is an attempt without a time and never reaches anyone by itself.
TEST(ContactAttemptRules, ALetterNeedsNoTimeAndNoReached) {
  ContactAttempt letter{date("2026-02-01"), "", "letter", std::nullopt, "", "", false, ""};
  EXPECT_TRUE(validateContactAttempt(letter, kContext, kChannels, kOccupations).empty());
  letter.reached = true;
  EXPECT_EQ(fields(validateContactAttempt(letter, kContext, kChannels, kOccupations)),
            std::vector<std::string>{"reached"});
  ContactAttempt call{date("2026-02-01"), "", "phone", false, "", "", false, ""};
  EXPECT_EQ(fields(validateContactAttempt(call, kContext, kChannels, kOccupations)), std::vector<std::string>{"time"})
      << "a call has a time";
}

TEST(ContactAttemptRules, AContactViaAGuardianSaysWhetherTheYoungPersonWasReached) {
  ContactAttempt c{date("2026-02-01"), "10:00", "via_guardian", std::nullopt, "", "", false, ""};
  EXPECT_EQ(fields(validateContactAttempt(c, kContext, kChannels, kOccupations)), std::vector<std::string>{"reached"});
  c.reached = false;
  EXPECT_TRUE(validateContactAttempt(c, kContext, kChannels, kOccupations).empty());
}

TEST(ContactAttemptRules, DecliningAndTheOccupationsDetailNeedAReachedYoungPerson) {
  ContactAttempt c{date("2026-02-01"), "10:00", "phone", false, "", "komvux", true, ""};
  EXPECT_EQ(fields(validateContactAttempt(c, kContext, kChannels, kOccupations)),
            (std::vector<std::string>{"occupation_detail", "declined"}));
  c = ContactAttempt{date("2026-02-01"), "10:00", "phone", true, "work", "deltid", false, ""};
  EXPECT_TRUE(validateContactAttempt(c, kContext, kChannels, kOccupations).empty());
  c = ContactAttempt{date("2026-02-01"), "10:00", "phone", true, "", "", true, ""};
  EXPECT_TRUE(validateContactAttempt(c, kContext, kChannels, kOccupations).empty()) << "declined is an outcome";
}

TEST(OccupationRules, APlannedOccupationMayLieAheadAnActualOneMayNot) {
  OccupationEntry o{date("2026-08-15"), "work", "", "contact", false};
  EXPECT_EQ(fields(validateOccupation(o, kContext, kOccupations, kSources)),
            std::vector<std::string>{"effective_date"});
  o.planned = true;
  EXPECT_TRUE(validateOccupation(o, kContext, kOccupations, kSources).empty());
}

// Issue 12: the plan is a document: drawn up on a day, agreed to (or not yet) by the young person, and
// each follow-up and evaluation held is recorded with what was concluded.
TEST(PlanRules, APlanIsAgreedToAfterItIsDrawnUpAndEachReviewHeldSaysWhatWasConcluded) {
  Plan plan{date("2026-01-20"), date("2026-01-22"), {}, {PlanReview{date("2026-02-10"), "follow_up", 7, "Går bra"}}};
  EXPECT_TRUE(validatePlan(plan, kContext, {7}).empty());
  plan.agreedOn = date("2026-01-19");
  EXPECT_EQ(fields(validatePlan(plan, kContext, {7})), std::vector<std::string>{"agreed_on"});
  plan.drawnUpOn.reset();
  EXPECT_EQ(fields(validatePlan(plan, kContext, {7})), std::vector<std::string>{"drawn_up_on"});
  plan = Plan{date("2026-01-20"), std::nullopt, {}, {PlanReview{date("2026-01-15"), "chat", 8, ""}}};
  EXPECT_EQ(fields(validatePlan(plan, kContext, {7})),
            (std::vector<std::string>{"reviews[0].held_on", "reviews[0].kind", "reviews[0].measure_id",
                                      "reviews[0].conclusion"}));
  plan = Plan{date("2026-03-02"), std::nullopt, {}, {}};
  EXPECT_EQ(fields(validatePlan(plan, kContext, {})), std::vector<std::string>{"drawn_up_on"}) << "not in the future";
}

// An attacker's finding: a goal linked to one measure three times, and goal ids "../g" and "g" with a
// combining accent, were saved.
TEST(PlanRules, AGoalLinksAMeasureOnceAndItsIdIsLettersDigitsDotsDashesAndUnderscores) {
  PlanGoal goal{"g1", "Komvux", std::nullopt, {7, 7}, {PlanGoal{"g1.1", "Studiebesök", std::nullopt, {7}, {}}}};
  Plan plan{date("2026-01-20"), std::nullopt, {goal}, {}};
  EXPECT_EQ(fields(validatePlan(plan, kContext, {7})), std::vector<std::string>{"goals[0].measure_ids"})
      << "twice in one goal; once in a goal and once in its sub-goal is fine";
  for (const char* id : {"../g", "g\u0301", "g 1", "g/1"}) {
    plan.goals[0] = PlanGoal{id, "Komvux", std::nullopt, {7}, {}};
    EXPECT_EQ(fields(validatePlan(plan, kContext, {7})), std::vector<std::string>{"goals[0].id"}) << id;
  }
  plan.goals[0].id = "mål_2-b.1";
  EXPECT_EQ(fields(validatePlan(plan, kContext, {7})), std::vector<std::string>{"goals[0].id"}) << "a-z only";
  plan.goals[0].id = "G_2-b.1";
  EXPECT_TRUE(validatePlan(plan, kContext, {7}).empty());
}

TEST(MeasureRules, DatesInOrderAndPartnerForOtherActor) {
  Measure m{"internship",       "Praktik",   "other_actor",      "",           std::nullopt, date("2026-02-01"),
            date("2026-01-31"), "completed", date("2026-01-15"), std::nullopt, std::nullopt};
  EXPECT_EQ(fields(validateMeasure(m, kContext, kTypes, kEndReasons)),
            (std::vector<std::string>{"partner", "end", "follow_up"}));
}

TEST(MeasureRules, CodeMustBeValidOnTheStartDate) {
  Measure m{"im_studies", "IM", "municipality", "",           std::nullopt, date("2026-02-01"),
            std::nullopt, "",   std::nullopt,   std::nullopt, std::nullopt};
  EXPECT_EQ(fields(validateMeasure(m, kContext, kTypes, kEndReasons)), std::vector<std::string>{"type"});
}

TEST(MeasureRules, EndReasonNeedsAnEnd) {
  Measure m{"internship", "Praktik",   "individual", "",           std::nullopt, date("2026-02-01"),
            std::nullopt, "completed", std::nullopt, std::nullopt, std::nullopt};
  EXPECT_EQ(fields(validateMeasure(m, kContext, kTypes, kEndReasons)), std::vector<std::string>{"end_reason"});
}

TEST(OccupationRules, CodesAndDate) {
  EXPECT_TRUE(
      validateOccupation({date("2026-02-01"), "work", "", "contact"}, kContext, kOccupations, kSources).empty());
  EXPECT_EQ(fields(validateOccupation({date("2026-03-02"), "flying", "", "rumour"}, kContext, kOccupations, kSources)),
            (std::vector<std::string>{"effective_date", "kind", "source"}));
}

TEST(FreeText, CountsCharactersNotBytes) { EXPECT_EQ(characterCount("åäö"), 3u); }

// Found by the attacker of issue 14's first part: a void's reason of 10,000 characters was journalled (and
// copied to every assessment voided with a plan); an absent reason was reported twice.
TEST(Casework, AReasonIsRequiredOneLineAndAtMost500Characters) {
  EXPECT_TRUE(checkReason("Skrivet i fel ärende").empty());
  auto empty = checkReason("");
  ASSERT_EQ(empty.size(), 1u) << "said once";
  EXPECT_EQ(empty[0].field, "reason");
  EXPECT_FALSE(checkReason("\u00a0").empty()) << "a no-break space shows nothing";
  EXPECT_FALSE(checkReason("rad 1\nrad 2").empty());
  EXPECT_TRUE(checkReason(std::string(500, 'x')).empty());
  auto tooLong = checkReason(std::string(501, 'x'));
  ASSERT_EQ(tooLong.size(), 1u);
  EXPECT_EQ(tooLong[0].field, "reason");
}

}  // namespace
}  // namespace lotsen
