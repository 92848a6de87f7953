#include "report/kpi.h"

#include <gtest/gtest.h>

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

TEST(Kpi, TheBreakdownIsNamedAsTheCliAndApiTakeIt) {
  EXPECT_EQ(parseKpiDimension("unit"), KpiDimension::unit);
  EXPECT_EQ(toString(KpiDimension::age), "age");
  EXPECT_EQ(parseKpiDimension("kommun").error().field, "by");
}

}  // namespace
}  // namespace lotsen
