#include "report/kpi.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>

#include "report/kpi_output.h"

namespace lotsen {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse(iso); }

KpiCase registered(std::int64_t id, const char* unit, const char* reason, LegalGender gender, const char* born,
                   const char* start, std::optional<const char*> end = std::nullopt) {
  std::optional<CivilDate> ended;
  if (end) ended = d(*end);
  Registration r{id, id, "kaa", d(start), reason, ended, std::nullopt, 1, std::nullopt, unit, false, "", false};
  return KpiCase{r, d(born), gender, {}, {}, {}, {}};
}

ContactAttempt contact(const char* on, std::optional<bool> reached) {
  return ContactAttempt{d(on), "", reached ? "phone" : "letter", reached, "", "", false, ""};
}

OccupationEntry occupation(const char* from, const char* kind, bool planned = false) {
  return OccupationEntry{d(from), kind, "", "contact", planned};
}

Measure measure(const char* start, std::optional<const char*> end = std::nullopt,
                std::optional<const char*> declined = std::nullopt) {
  std::optional<CivilDate> ended, declinedOn;
  if (end) ended = d(*end);
  if (declined) declinedOn = d(*declined);
  return Measure{"internship", "Praktik", "municipality", "",           std::nullopt, d(start),
                 ended,        "",        std::nullopt,   std::nullopt, declinedOn};
}

// A unit's half-year, worked out by hand below (2026H1, first-contact deadline 7 days, reported on
// 2026-11-30, so as of 2026-06-30).
std::vector<KpiCase> halfYear() {
  const auto female = LegalGender::female, male = LegalGender::male;
  KpiCase a = registered(1, "KAA Norr", "never_started", female, "2009-03-01", "2026-01-10");
  a.contacts = {contact("2026-01-12", std::nullopt), contact("2026-01-20", true)};  // a letter, then a call
  a.occupations = {occupation("2026-01-20", "studies")};
  a.plans = {Plan{d("2026-02-01"), std::nullopt, {}, {}}};
  a.measures = {measure("2026-03-01")};
  KpiCase b = registered(2, "KAA Norr", "dropout_national_programme", male, "2008-05-05", "2026-02-01");
  KpiCase c = registered(3, "KAA Söder", "never_started", female, "2007-08-01", "2025-09-01", "2026-03-15");
  c.contacts = {contact("2025-09-03", true)};
  c.occupations = {occupation("2025-09-03", "work")};
  KpiCase dd = registered(4, "KAA Söder", "never_started", male, "2008-01-01", "2026-06-28");
  dd.occupations = {occupation("2026-06-28", "unknown")};
  KpiCase h = registered(8, "KAA Norr", "never_started", female, "2009-06-01", "2026-04-01");
  h.contacts = {contact("2026-03-30", false), contact("2026-04-04", true)};  // the first before the start
  h.occupations = {occupation("2026-04-04", "no_occupation"), occupation("2026-08-01", "studies", true)};
  h.measures = {measure("2026-04-10", "2026-05-01"), measure("2026-05-01", std::nullopt, "2026-05-02")};
  // Outside the period: ended before it (the end date is the first day outside), ended on its first day,
  // started after it.
  KpiCase e = registered(5, "KAA Norr", "never_started", male, "2008-02-02", "2025-01-01", "2025-12-31");
  KpiCase f = registered(6, "KAA Norr", "never_started", male, "2008-02-03", "2025-02-01", "2026-01-01");
  KpiCase g = registered(7, "KAA Norr", "never_started", male, "2008-02-04", "2026-07-02");
  return {a, b, c, dd, e, f, g, h};
}

KpiReport report(KpiDimension by) {
  return computeKpis(halfYear(), d("2026-01-01"), d("2026-06-30"), d("2026-11-30"), by, 7);
}

TEST(Kpi, ThePeriodsCasesAreThoseOpenOnAnyOfItsDaysTheEndDateBeingTheFirstDayOutside) {
  KpiReport r = report(KpiDimension::all);
  EXPECT_EQ(r.asOf, d("2026-06-30"));
  EXPECT_EQ(r.all.targetGroup, 5);  // a, b, c, d, h
  EXPECT_EQ(r.all.openAtEnd, 4);    // c ended in March
}

TEST(Kpi, KnownOccupationPlanAndMeasureAreCountedOnTheReportsDayAmongThoseOpenThen) {
  KpiReport r = report(KpiDimension::all);
  EXPECT_EQ(r.all.knownOccupation, 2) << "a studies, h no occupation; b none, d unknown, h's planned not yet";
  EXPECT_EQ(r.all.withPlan, 1);
  EXPECT_EQ(r.all.inMeasure, 1) << "h's measure ended and the other was declined";
}

TEST(Kpi, DaysToFirstContactCountFromTheStartAndOnlyTheDueAreMeasuredAgainstTheDeadline) {
  KpiReport r = report(KpiDimension::all);
  const DaysToContact& attempt = r.all.firstAttempt;
  EXPECT_EQ(attempt.started, 4);  // a, b, d, h
  EXPECT_EQ(attempt.due, 3) << "d started two days before the period's end: not due yet";
  EXPECT_EQ(attempt.contacted, 2);
  EXPECT_EQ(attempt.withinDeadline, 2);
  EXPECT_EQ(attempt.median, 2.5) << "a after 2 days, h after 3 (its attempt before the start does not count)";
  EXPECT_EQ(attempt.p90, 3);
  const DaysToContact& reached = r.all.firstReached;
  EXPECT_EQ(reached.contacted, 2);
  EXPECT_EQ(reached.withinDeadline, 1) << "a was reached only after 10 days";
  EXPECT_EQ(reached.median, 6.5);
  EXPECT_EQ(reached.p90, 10);
}

TEST(Kpi, ABreakdownGroupsByTheRegistrationsUnitAndAddsUpToTheWhole) {
  KpiReport r = report(KpiDimension::unit);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].key, "KAA Norr");
  EXPECT_EQ(r.groups[0].targetGroup, 3);
  EXPECT_EQ(r.groups[0].knownOccupation, 2);
  EXPECT_EQ(r.groups[0].firstAttempt.median, 2.5);
  EXPECT_EQ(r.groups[1].key, "KAA Söder");
  EXPECT_EQ(r.groups[1].targetGroup, 2);
  EXPECT_EQ(r.groups[1].openAtEnd, 1);
  EXPECT_EQ(r.groups[1].firstAttempt.started, 1);
  EXPECT_EQ(r.groups[1].firstAttempt.median, std::nullopt) << "nobody contacted: no median, not 0";
  EXPECT_EQ(r.groups[0].targetGroup + r.groups[1].targetGroup, r.all.targetGroup);
}

TEST(Kpi, AgeIsTheAgeOnTheRegistrationsStartAndGenderTheLegalGender) {
  KpiReport byAge = report(KpiDimension::age);
  ASSERT_EQ(byAge.groups.size(), 3u);
  EXPECT_EQ(byAge.groups[0].key, "16");
  EXPECT_EQ(byAge.groups[0].targetGroup, 2);  // a, h
  EXPECT_EQ(byAge.groups[2].key, "18");
  EXPECT_EQ(byAge.groups[2].targetGroup, 2);  // c, d (turned 18 on 1 January)
  KpiReport byGender = report(KpiDimension::gender);
  ASSERT_EQ(byGender.groups.size(), 2u);
  EXPECT_EQ(byGender.groups[0].key, "female");
  EXPECT_EQ(byGender.groups[0].targetGroup, 3);
}

TEST(Kpi, TheCaseworkerBreakdownIsByTheResponsibleCaseworkerTheUnassignedTogether) {
  std::vector<KpiCase> cases = halfYear();
  cases[0].registration.caseworkerId = 7;  // a
  cases[1].registration.caseworkerId = 7;  // b
  KpiReport r = computeKpis(cases, d("2026-01-01"), d("2026-06-30"), d("2026-11-30"), KpiDimension::caseworker, 7);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].key, "") << "nobody responsible: c, d, h";
  EXPECT_EQ(r.groups[0].targetGroup, 3);
  EXPECT_EQ(r.groups[1].key, "7");
  EXPECT_EQ(r.groups[1].targetGroup, 2);
  EXPECT_EQ(r.groups[1].knownOccupation, 1);
}

TEST(Kpi, WhileThePeriodRunsTheFiguresAreAsOfToday) {
  KpiReport r = computeKpis(halfYear(), d("2026-01-01"), d("2026-06-30"), d("2026-01-15"), KpiDimension::all, 7);
  EXPECT_EQ(r.asOf, d("2026-01-15"));
  EXPECT_EQ(r.all.targetGroup, 2) << "c, and a who started on the 10th";
  EXPECT_EQ(r.all.firstAttempt.contacted, 1) << "a's letter of the 12th";
  EXPECT_EQ(r.all.firstReached.contacted, 0) << "the call of the 20th is after the report's day";
}

// The further figures, each on a few cases of its own, worked out by hand (2026H1, reported on 2026-11-30,
// so as of 2026-06-30).
KpiReport firstHalf(const std::vector<KpiCase>& cases) {
  return computeKpis(cases, d("2026-01-01"), d("2026-06-30"), d("2026-11-30"), KpiDimension::all, 7);
}

KpiCase youth(std::int64_t id, const char* start, std::optional<const char*> end = std::nullopt) {
  return registered(id, "KAA Norr", "never_started", LegalGender::female, "2009-03-01", start, end);
}

Measure planned(const char* plannedStart, std::optional<const char*> declined = std::nullopt) {
  Measure m = measure("2000-01-01", std::nullopt, declined);
  m.start = std::nullopt;
  m.plannedStart = d(plannedStart);
  return m;
}

TEST(Kpi, DeclinedFirstMeasuresAreOfThoseOfferedOneTheFirstBeingTheEarliestOffered) {
  KpiCase p = youth(1, "2026-01-10");  // declined the first (planned for February), then began another
  p.measures = {measure("2026-03-01"), planned("2026-02-01", "2026-01-25")};
  KpiCase q = youth(2, "2026-01-10");  // began the first, declined the second
  q.measures = {measure("2026-02-01"), measure("2026-04-01", std::nullopt, "2026-04-01")};
  KpiCase r = youth(3, "2026-01-10");  // offered nothing
  KpiCase s = youth(4, "2026-01-10");  // a measure planned after the report's day: not offered yet
  s.measures = {planned("2026-08-01")};
  KpiCase t = youth(5, "2026-01-10");  // offered in May, declined only after the report's day
  t.measures = {planned("2026-05-01", "2026-07-15")};
  KpiCase u = youth(6, "2026-01-10");  // planned for after the report's day, but declined already
  u.measures = {planned("2026-09-01", "2026-06-15"), measure("2026-06-20")};
  KpiReport k = firstHalf({p, q, r, s, t, u});
  EXPECT_EQ(k.all.offeredMeasure, 4) << "p, q, t, u";
  EXPECT_EQ(k.all.declinedFirst, 2) << "p, u (offered by the day she declined)";
}

TEST(Kpi, GoalFulfilmentCountsTheLatestAssessmentOfEachGoalByTheReportsDay) {
  KpiCase a = youth(1, "2026-01-10");
  a.assessments = {GoalAssessment{"g1", d("2026-02-01"), "partly", ""},
                   GoalAssessment{"g2", d("2026-03-01"), "not_achieved", ""},
                   GoalAssessment{"g1", d("2026-05-01"), "achieved", ""},
                   GoalAssessment{"g2", d("2026-08-01"), "achieved", ""},  // after the report's day
                   GoalAssessment{"g3", d("2026-04-01"), "partly", ""},
                   GoalAssessment{"g3", d("2026-04-01"), "achieved", ""}};  // the same day, recorded later
  KpiCase b = youth(2, "2026-01-10");                                       // another plan's g1 is another goal
  b.assessments = {GoalAssessment{"g1", d("2026-06-01"), "partly", ""}};
  KpiCase c = youth(3, "2026-01-10");  // no goal assessed
  KpiReport k = firstHalf({a, b, c});
  EXPECT_EQ(k.all.goals.achieved, 2) << "a's g1 and g3";
  EXPECT_EQ(k.all.goals.partly, 1) << "b's g1";
  EXPECT_EQ(k.all.goals.notAchieved, 1) << "a's g2, achieved only after the report's day";
  EXPECT_EQ(k.all.goals.assessed(), 4);
}

TEST(Kpi, OccupationAfterAMeasureIsTheFirstRecordedFromItsEndByCategory) {
  KpiCase a = youth(1, "2025-12-01");
  a.occupations = {occupation("2026-02-01", "internship"), occupation("2026-04-20", "studies"),
                   occupation("2026-04-20", "work"),  // the same day, recorded later
                   occupation("2026-05-01", "work", true), occupation("2026-06-10", "no_occupation")};
  a.measures = {measure("2026-02-01", "2026-04-15"),                 // then studies: education
                measure("2026-05-01", "2026-06-10"),                 // no occupation from its last day: other
                measure("2025-12-05", "2025-12-20"),                 // ended before the period
                measure("2026-06-01", "2026-06-20"),                 // nothing recorded since: unknown
                measure("2026-05-01", "2026-05-01", "2026-05-01")};  // declined: not a measure ended
  KpiCase b = youth(2, "2026-01-10");
  b.occupations = {occupation("2026-03-10", "work")};
  b.measures = {measure("2026-02-01", "2026-03-01"), measure("2026-06-01", "2026-07-10")};  // the second runs on
  KpiReport k = firstHalf({a, b});
  const OccupationAfterMeasure& after = k.all.afterMeasure;
  EXPECT_EQ(after.ended, 4) << "a's first, second and fourth, b's first";
  EXPECT_EQ(after.education, 1);
  EXPECT_EQ(after.work, 1) << "b's";
  EXPECT_EQ(after.other, 1);
  EXPECT_EQ(after.unknown, 1) << "a's measure that ended on 20 June";
}

TEST(Kpi, OutcomesCountOnlyRegistrationsStartedAtLeastSixOrTwelveMonthsBeforeTheReportsDay) {
  KpiCase u = youth(1, "2025-06-30");  // twelve months exactly: studies after four
  u.occupations = {occupation("2025-11-01", "studies")};
  KpiCase v = youth(2, "2025-05-15");  // work after almost eight months
  v.occupations = {occupation("2026-01-10", "work")};
  KpiCase w = youth(3, "2025-12-31", "2026-03-01");  // left for a national programme within six months
  w.registration.endReason = InternedCode("started_national_programme");
  KpiCase x = youth(4, "2026-01-05");  // not six months yet
  x.occupations = {occupation("2026-02-01", "work")};
  KpiCase y = youth(5, "2025-08-31");  // six months end on the last of February; the planned does not count
  y.occupations = {occupation("2025-10-01", "studies", true), occupation("2026-02-28", "studies")};
  KpiCase z = youth(6, "2025-10-01");  // something else than education or work
  z.occupations = {occupation("2025-11-01", "internship")};
  KpiReport k = firstHalf({u, v, w, x, y, z});
  EXPECT_EQ(k.all.within6Months.measured, 5) << "u, v, w, y, z";
  EXPECT_EQ(k.all.within6Months.educationOrWork, 3) << "u, w, y";
  EXPECT_EQ(k.all.within12Months.measured, 2) << "u, v";
  EXPECT_EQ(k.all.within12Months.educationOrWork, 2);
}

TEST(Kpi, ReRegistrationCountsOnlyWithinTwelveMonthsOfLeaving) {
  RegistrationFacts left = youth(90, "2024-09-01", "2025-03-01").registration;
  KpiCase r1 = youth(1, "2026-02-01");  // left eleven months before
  r1.earlier = {left};
  KpiCase r2 = youth(2, "2026-03-10");  // left twelve months and a day before
  r2.earlier = {youth(91, "2024-09-01", "2025-03-09").registration};
  KpiCase r3 = youth(3, "2026-04-01");  // the first registration
  KpiCase r4 = youth(4, "2025-10-01");  // re-registered, but before the period
  r4.earlier = {youth(92, "2025-01-01", "2025-09-01").registration};
  KpiReport k = firstHalf({r1, r2, r3, r4});
  EXPECT_EQ(k.all.firstAttempt.started, 3) << "r1, r2, r3";
  EXPECT_EQ(k.all.reRegistered, 1) << "r1";
}

TEST(Kpi, TheCohortIsFirstRegistrationsInThePeriodFollowedThroughThePersonsLaterOnes) {
  KpiCase a1 = youth(1, "2026-01-15", "2026-02-01");  // a's first, a letter only
  a1.contacts = {contact("2026-01-16", std::nullopt)};
  KpiCase a2 = youth(2, "2026-03-01");  // a again, reached
  a2.registration.personId = 1;
  a2.earlier = {a1.registration};
  a2.contacts = {contact("2026-03-05", true)};
  KpiCase b = youth(3, "2026-02-01");  // first, reached only after the report's day
  b.contacts = {contact("2026-02-02", false), contact("2026-07-01", true)};
  KpiCase c = youth(4, "2026-05-01");  // not the first
  c.earlier = {youth(93, "2023-01-01", "2024-01-01").registration};
  c.contacts = {contact("2026-05-02", true)};
  KpiCase e = youth(5, "2025-11-01");  // first, before the period
  e.contacts = {contact("2026-01-02", true)};
  KpiReport k = firstHalf({a1, a2, b, c, e});
  EXPECT_EQ(k.all.cohort.persons, 2) << "a (once), b";
  EXPECT_EQ(k.all.cohort.contacted, 1) << "a, in her second registration";
  EXPECT_EQ(k.all.reRegistered, 1) << "a's second";
}

TEST(Kpi, TheFurtherFiguresOfABreakdownAddUpToTheWhole) {
  std::vector<KpiCase> cases = halfYear();
  cases[0].assessments = {GoalAssessment{"g1", d("2026-03-01"), "achieved", ""}};  // a, KAA Norr
  KpiReport r = computeKpis(cases, d("2026-01-01"), d("2026-06-30"), d("2026-11-30"), KpiDimension::unit, 7);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].goals.achieved, 1);
  EXPECT_EQ(r.groups[1].goals.assessed(), 0);
  EXPECT_EQ(r.groups[0].offeredMeasure + r.groups[1].offeredMeasure, r.all.offeredMeasure);
  EXPECT_EQ(r.all.offeredMeasure, 2) << "a, h";
  EXPECT_EQ(r.all.declinedFirst, 0) << "h declined her second";
  EXPECT_EQ(r.all.afterMeasure.ended, 1) << "h's first, then no occupation in effect from before: unknown";
  EXPECT_EQ(r.all.afterMeasure.unknown, 1);
  EXPECT_EQ(r.groups[0].cohort.persons + r.groups[1].cohort.persons, r.all.cohort.persons);
  EXPECT_EQ(r.all.cohort.persons, 4) << "a, b, d, h: nobody has an earlier registration";
  EXPECT_EQ(r.all.cohort.contacted, 2) << "a, h";
}

// Tallied on several threads (a range of cases each, the tallies added up), every figure of the whole and of each
// group is what one thread gives: the JSON names them all.
TEST(Kpi, TalliedOnSeveralThreadsEveryFigureIsWhatOneThreadGives) {
  std::vector<KpiCase> cases;
  for (int copy = 0; copy < 5; ++copy)
    for (KpiCase& c : halfYear()) cases.push_back(std::move(c));
  cases[0].assessments = {GoalAssessment{"g1", d("2026-03-01"), "achieved", ""}};
  cases[33].assessments = {GoalAssessment{"g1", d("2026-03-01"), "partly", ""}};  // in the second range
  CodeLabels codes;
  KpiNames names{codes, {}};
  for (KpiDimension by : {KpiDimension::all, KpiDimension::unit, KpiDimension::age}) {
    auto json = [&](std::size_t casesPerThread) {
      KpiReport r = computeKpis(cases, d("2026-01-01"), d("2026-06-30"), d("2026-11-30"), by, 7, casesPerThread);
      return boost::json::serialize(kpiJson(r, names, "Hela kommunen"));
    };
    EXPECT_EQ(json(1), json(cases.size() + 1)) << toString(by);
  }
}

// A group as suppression sees it: everyone open at the end, every registration new in the period.
KpiGroup counted(const char* key, std::int64_t registrations, std::int64_t known, std::int64_t contacted) {
  KpiGroup g;
  g.key = key;
  g.targetGroup = g.openAtEnd = g.firstAttempt.started = g.firstAttempt.due = registrations;
  g.knownOccupation = known;
  g.firstAttempt.contacted = g.firstAttempt.withinDeadline = contacted;
  if (contacted > 0) g.firstAttempt.median = 3;
  g.firstReached = g.firstAttempt;
  return g;
}

bool hidden(const KpiGroup& g, const char* figure) { return g.suppressed.contains(figure); }

KpiReport reportOf(KpiGroup all, std::vector<KpiGroup> groups = {}) {
  return KpiReport{
      d("2026-01-01"), d("2026-06-30"),  d("2026-06-30"), groups.empty() ? KpiDimension::all : KpiDimension::unit, 7,
      std::move(all),  std::move(groups)};
}

TEST(KpiSuppression, SmallCountsAndTheCountsTheyCouldBeWorkedOutFromAreHidden) {
  KpiReport r = reportOf(counted("", 40, 34, 30), {counted("A", 20, 18, 20), counted("B", 7, 6, 4),
                                                   counted("C", 3, 0, 0), counted("D", 10, 10, 6)});
  suppressKpis(r);
  const KpiGroup &a = r.groups[0], &b = r.groups[1], &c = r.groups[2], &d = r.groups[3];
  EXPECT_TRUE(hidden(c, "target_group")) << "3";
  EXPECT_TRUE(hidden(b, "target_group")) << "else 40 - 20 - 10 - 7 would give C's 3";
  EXPECT_FALSE(hidden(a, "target_group") || hidden(d, "target_group") || hidden(r.all, "target_group"));
  EXPECT_TRUE(hidden(a, "known_occupation")) << "20 - 18 would give the 2 of unknown occupation";
  EXPECT_TRUE(hidden(a, "known_occupation_share"));
  EXPECT_TRUE(hidden(b, "known_occupation")) << "else 34 - 6 - 0 - 10 would give A's 18, and 20 - 18 its 2";
  EXPECT_FALSE(hidden(d, "known_occupation")) << "all known: nobody to single out";
  EXPECT_FALSE(hidden(r.all, "known_occupation")) << "6 unknown in all";
  EXPECT_FALSE(hidden(c, "known_occupation")) << "0 is shown";
  EXPECT_TRUE(hidden(b, "first_attempt.contacted")) << "4";
  EXPECT_TRUE(hidden(b, "first_attempt.median_days")) << "a median of 4";
  EXPECT_TRUE(hidden(d, "first_attempt.contacted")) << "else 30 - 20 - 0 - 6 would give B's 4";
  EXPECT_TRUE(hidden(d, "first_attempt.p90_days"));
  EXPECT_FALSE(hidden(a, "first_attempt.contacted") || hidden(a, "first_attempt.median_days"));
  EXPECT_TRUE(hidden(b, "first_reached.contacted")) << "the same counts for reached contacts";
  EXPECT_FALSE(hidden(r.all, "first_attempt.median_days"));
}

// Found by an attack on the statistician's KPIs by unit: a group's count hidden to protect that group's small
// rest (open but without a plan: 3) was the whole's count minus the other groups', and so gave the 3 away. With
// the whole shown, a figure is hidden in no group or in at least two.
TEST(KpiSuppression, AFigureHiddenInOneGroupIsNeverTheWholeMinusTheOthers) {
  std::mt19937 random(14);
  for (int round = 0; round < 300; ++round) {
    std::uniform_int_distribution<std::int64_t> size(0, 60);
    std::vector<KpiGroup> groups;
    KpiGroup all = counted("", 0, 0, 0);
    std::size_t n = 2 + round % 4;
    for (std::size_t i = 0; i < n; ++i) {
      std::int64_t registrations = size(random);
      std::int64_t known = registrations - std::min<std::int64_t>(registrations, size(random) % 6);
      std::int64_t contacted = registrations - std::min<std::int64_t>(registrations, size(random) % 8);
      groups.push_back(counted(i % 2 ? "A" : "B", registrations, known, contacted));
      groups.back().key += std::to_string(i);
      all.targetGroup += registrations;
      all.knownOccupation += known;
      all.firstAttempt.contacted += contacted;
    }
    all = counted("", all.targetGroup, all.knownOccupation, all.firstAttempt.contacted);
    KpiReport r = reportOf(all, groups);
    suppressKpis(r);
    for (const char* figure : {"target_group", "known_occupation", "first_attempt.contacted"}) {
      if (hidden(r.all, figure)) continue;
      auto hiddenIn = std::ranges::count_if(r.groups, [&](const KpiGroup& g) { return hidden(g, figure); });
      EXPECT_NE(hiddenIn, 1) << figure << " in round " << round;
    }
  }
}

TEST(KpiSuppression, AWholeOfFewerThanFiveHidesEveryCountButZero) {
  KpiReport r = reportOf(counted("", 3, 2, 0));
  suppressKpis(r);
  EXPECT_TRUE(hidden(r.all, "target_group"));
  EXPECT_TRUE(hidden(r.all, "known_occupation"));
  EXPECT_TRUE(hidden(r.all, "known_occupation_share"));
  EXPECT_FALSE(hidden(r.all, "first_attempt.contacted")) << "0";
  EXPECT_FALSE(hidden(r.all, "goals.assessed")) << "0";
}

TEST(KpiSuppression, TheResultsOfTheGoalsAssessedAreOneBreakdown) {
  KpiReport r = reportOf(counted("", 50, 50, 0));
  r.all.goals = GoalFulfilment{20, 7, 3};  // not achieved: 3
  suppressKpis(r);
  EXPECT_TRUE(hidden(r.all, "goals.not_achieved"));
  EXPECT_TRUE(hidden(r.all, "goals.partly")) << "else 30 - 20 - 7 would give the 3";
  EXPECT_TRUE(hidden(r.all, "goals.partly_share"));
  EXPECT_FALSE(hidden(r.all, "goals.achieved") || hidden(r.all, "goals.assessed"));
}

TEST(KpiSuppression, AHiddenFigureIsNullAndNamedInTheJsonAndSaysDoltInTheCsv) {
  KpiReport r = reportOf(counted("", 50, 50, 0));
  r.all.goals = GoalFulfilment{20, 7, 3};
  suppressKpis(r);
  CodeLabels codes;
  KpiNames names{codes, {}};
  boost::json::object json = kpiJson(r, names, kWholeSuppressed);
  const boost::json::object& all = json.at("all").as_object();
  EXPECT_TRUE(all.at("goals").at("partly").is_null());
  EXPECT_TRUE(all.at("goals").at("partly_share").is_null());
  EXPECT_EQ(all.at("goals").at("achieved"), 20);
  EXPECT_DOUBLE_EQ(all.at("goals").at("achieved_share").as_double(), 20.0 / 30);
  EXPECT_EQ(all.at("goals").at("assessed"), 30);
  const boost::json::array& hidden = all.at("suppressed").as_array();
  EXPECT_NE(std::ranges::find(hidden, boost::json::value("goals.not_achieved")), hidden.end());
  EXPECT_TRUE(all.at("cohort").at("contacted_share").is_null()) << "nobody in the cohort: null, not 0";
  std::string csv = kpiCsv(r, names, kWholeSuppressed);
  EXPECT_NE(csv.find("\r\nHela kommunen (små tal dolda);50;50;50;100,0;"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";30;20;66,7;dolt;dolt;dolt;dolt;"), std::string::npos) << "assessed, achieved, partly, not";
}

TEST(Kpi, TheBreakdownIsNamedAsTheCliAndApiTakeIt) {
  EXPECT_EQ(parseKpiDimension("unit"), KpiDimension::unit);
  EXPECT_EQ(toString(KpiDimension::age), "age");
  EXPECT_EQ(parseKpiDimension("kommun").error().field, "by");
}

}  // namespace
}  // namespace lotsen
