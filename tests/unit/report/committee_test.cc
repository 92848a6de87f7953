#include "report/committee.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse(iso); }
YearMonth m(const char* text) { return *YearMonth::parse(text); }

KpiCase registered(std::int64_t id, const char* start, std::optional<const char*> end = std::nullopt) {
  std::optional<CivilDate> ended;
  if (end) ended = d(*end);
  Registration r{id,         id,    "kaa", d(start), "never_started", ended, std::nullopt, 1, std::nullopt,
                 "KAA Norr", false, "",    false};
  return KpiCase{r, d("2008-01-01"), LegalGender::female, {}, {}, {}, {}};
}

ContactAttempt contact(const char* on) { return ContactAttempt{d(on), "", "phone", true, "", "", false, ""}; }

OccupationEntry occupation(const char* from, const char* kind) {
  return OccupationEntry{d(from), kind, "", "contact", false};
}

Measure measure(const char* start, std::optional<const char*> end = std::nullopt) {
  std::optional<CivilDate> ended;
  if (end) ended = d(*end);
  return Measure{"internship", "Praktik", "municipality", "",           std::nullopt, d(start),
                 ended,        "",        std::nullopt,   std::nullopt, std::nullopt};
}

// A unit worked out by hand (first-contact deadline 7 days). October 2026, reported on 2026-11-30 (so as of
// 2026-10-31): a, b and c are new in the month, d has been there since 2025; e left in November 2025.
std::vector<KpiCase> unit() {
  KpiCase a = registered(1, "2026-10-05");
  a.contacts = {contact("2026-10-08")};  // 3 days: within the deadline
  a.occupations = {occupation("2026-10-08", "studies")};
  a.plans = {Plan{d("2026-10-20"), std::nullopt, {}, {}}};
  a.measures = {measure("2026-10-25")};
  KpiCase b = registered(2, "2026-10-10");
  b.contacts = {contact("2026-10-20")};  // 10 days: late
  b.occupations = {occupation("2026-10-10", "unknown")};
  KpiCase c = registered(3, "2026-10-28");  // not contacted, still within its deadline on 2026-10-31
  KpiCase dd = registered(4, "2025-09-01");
  dd.contacts = {contact("2025-09-02")};
  dd.occupations = {occupation("2025-09-05", "work")};
  dd.plans = {Plan{d("2025-09-10"), std::nullopt, {}, {}}};
  dd.measures = {measure("2025-09-15", "2025-12-31")};
  KpiCase e = registered(5, "2025-06-01", "2025-11-01");
  e.occupations = {occupation("2025-06-01", "unknown")};
  return {a, b, c, dd, e};
}

const std::vector<MeasureTarget> kTargets{{2026, "known_occupation", 0.9}, {2025, "known_occupation", 0.8}};
const std::vector<MeasureAnalysis> kAnalyses{{"2026-10", "known_occupation", "Fler kontakter via skolan."},
                                             {"2026-09", "known_occupation", "Septembers text."}};

CommitteeReport october() {
  auto report = computeCommitteeReport(unit(), m("2026-10"), d("2026-11-30"), 7, kTargets, kAnalyses);
  EXPECT_TRUE(report);
  return *report;
}

const CommitteeLine& line(const CommitteeReport& r, std::string_view code) {
  for (const CommitteeLine& l : r.lines)
    if (l.measure.code == code) return l;
  throw std::runtime_error("no line " + std::string(code));
}

TEST(Committee, EveryMeasureHasALineInTheFixedOrderWithItsDirection) {
  CommitteeReport r = october();
  ASSERT_EQ(r.lines.size(), activityMeasures().size());
  EXPECT_EQ(r.asOf, d("2026-10-31"));
  EXPECT_EQ(r.lines[0].measure.code, "target_group");
  EXPECT_EQ(line(r, "known_occupation").measure.direction, Direction::up);
  EXPECT_EQ(line(r, "first_contact_median_days").measure.direction, Direction::down);
  EXPECT_EQ(directionArrow(Direction::up), "↗");
  EXPECT_EQ(directionArrow(Direction::down), "↘");
}

TEST(Committee, ThisMonthsSharesAreOfThoseOpenOnItsLastDay) {
  CommitteeReport r = october();
  EXPECT_EQ(line(r, "target_group").thisMonth, 4.0) << "a, b, c, d";
  EXPECT_EQ(line(r, "known_occupation").thisMonth, 0.5) << "a studies, d work; b unknown, c none";
  EXPECT_EQ(line(r, "with_plan").thisMonth, 0.5) << "a and d";
  EXPECT_EQ(line(r, "in_measure").thisMonth, 0.25) << "a; d's ended in 2025";
}

TEST(Committee, ShareWithinDeadlineUsesTheMonthsRegistrationsThatAreDue) {
  CommitteeReport r = october();
  EXPECT_EQ(line(r, "first_contact_within_deadline").thisMonth, 0.5) << "a in 3 days, b in 10; c not due yet";
  EXPECT_EQ(line(r, "first_contact_median_days").thisMonth, 6.5) << "the mean of 3 and 10";
}

TEST(Committee, TheSameMonthLastYearIsComputedAsOfItsOwnLastDay) {
  CommitteeReport r = october();
  EXPECT_EQ(line(r, "target_group").sameMonthLastYear, 2.0) << "d, and e (who left on 2025-11-01)";
  EXPECT_EQ(line(r, "known_occupation").sameMonthLastYear, 0.5);
  EXPECT_EQ(line(r, "in_measure").sameMonthLastYear, 0.5);
  EXPECT_EQ(line(r, "first_contact_within_deadline").sameMonthLastYear, std::nullopt) << "nobody new: no share";
  EXPECT_EQ(line(r, "first_contact_median_days").sameMonthLastYear, std::nullopt) << "never 0";
}

TEST(Committee, TheTrendIsTheTwelveMonthsUpToThisOneOldestFirst) {
  CommitteeReport r = october();
  const auto& trend = line(r, "target_group").trend;
  ASSERT_EQ(trend.size(), 12u);
  EXPECT_EQ(trend.front().first, m("2025-11"));
  EXPECT_EQ(trend.front().second, 1.0) << "e left on 2025-11-01";
  EXPECT_EQ(trend.back().first, m("2026-10"));
  EXPECT_EQ(trend.back().second, line(r, "target_group").thisMonth);
  EXPECT_EQ(line(r, "known_occupation").trend[10].second, 1.0) << "September 2026: d alone, working";
}

TEST(Committee, TargetAndAnalysisAreThoseOfTheMonthsYearAndMonth) {
  CommitteeReport r = october();
  EXPECT_EQ(line(r, "known_occupation").target, 0.9);
  EXPECT_EQ(line(r, "known_occupation").analysis, "Fler kontakter via skolan.");
  EXPECT_EQ(line(r, "with_plan").target, std::nullopt);
  EXPECT_EQ(line(r, "with_plan").analysis, "");
}

TEST(Committee, WhileTheMonthRunsItIsReportedAsOfTodayAndAMonthNotBegunHasNone) {
  auto running = computeCommitteeReport(unit(), m("2026-10"), d("2026-10-15"), 7, {}, {});
  ASSERT_TRUE(running);
  EXPECT_EQ(running->asOf, d("2026-10-15"));
  EXPECT_EQ(running->lines[0].thisMonth, 3.0) << "a, b, d; c starts later";
  auto future = computeCommitteeReport(unit(), m("2026-12"), d("2026-11-30"), 7, {}, {});
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().field, "month");
}

TEST(ActivityMeasures, ATargetIsCheckedAgainstItsMeasuresUnitEveryMistakeAtOnce) {
  EXPECT_TRUE(checkMeasureTarget({2026, "known_occupation", 0.9}));
  EXPECT_TRUE(checkMeasureTarget({2026, "first_contact_median_days", 7}));
  EXPECT_TRUE(checkMeasureTarget({2026, "target_group", 250}));
  EXPECT_FALSE(checkMeasureTarget({2026, "known_occupation", 90}));
  EXPECT_FALSE(checkMeasureTarget({2026, "target_group", 2.5}));
  auto wrong = checkMeasureTarget({1999, "nope", 1});
  ASSERT_FALSE(wrong);
  ASSERT_EQ(wrong.error().size(), 2u);
  EXPECT_EQ(wrong.error()[0].field, "measure");
  EXPECT_EQ(wrong.error()[1].field, "year");
  EXPECT_FALSE(checkMeasureAnalysis({"2026-13", "known_occupation", ""}));
  EXPECT_TRUE(checkMeasureAnalysis({"2026-10", "known_occupation", "Två rader\nav text."}));
  EXPECT_FALSE(checkMeasureAnalysis({"2026-10", "known_occupation", std::string(4001, 'x')}));
  CivilDate today = *CivilDate::parse("2026-11-30");
  EXPECT_TRUE(checkMeasureAnalysis({"2026-11", "known_occupation", "Månaden pågår."}, today));
  auto future = checkMeasureAnalysis({"2026-12", "known_occupation", "Skriven i förväg."}, today);
  ASSERT_FALSE(future) << "an analysis is of a month that has begun";
  EXPECT_EQ(future.error().front().field, "month");
}

TEST(ActivityMeasures, AMonthCountsAcrossTheYearsEnd) {
  EXPECT_EQ(m("2026-01").plusMonths(-1).toString(), "2025-12");
  EXPECT_EQ(m("2026-10").plusMonths(-12), m("2025-10"));
  EXPECT_EQ(m("2024-02").last(), d("2024-02-29"));
  EXPECT_FALSE(YearMonth::parse("2026-1"));
  EXPECT_FALSE(YearMonth::parse("2026-00"));
}

}  // namespace
}  // namespace lotsen
