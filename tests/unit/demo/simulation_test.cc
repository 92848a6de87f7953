// The demo's two years of work: built through identification and the casework service, deterministic,
// and with the figures of a working unit.
#include "demo/simulation.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <set>

#include "demo/figures.h"
#include "store/case_records.h"

namespace lotsen {
namespace {

const CivilDate kDate = *CivilDate::parse("2026-11-22");
constexpr std::uint64_t kSeed = 1490;

std::string tempDatabase(const std::string& name) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("lotsen-sim-" + std::to_string(::getpid()) + "-" + name + ".db"))
          .string();
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

void removeDatabase(const std::string& path) {
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// Simulates the demo into a new database at `path`; the clock outlives the store.
struct SimulatedDatabase {
  SimulatedClock clock;
  std::unique_ptr<Store> store;
  DemoSummary summary;
};
std::unique_ptr<SimulatedDatabase> simulate(const DemoMunicipality& demo, std::uint64_t seed, const std::string& path) {
  auto db = std::make_unique<SimulatedDatabase>();
  StoreOptions options;
  options.clock = db->clock.reader();
  db->store = std::move(*openStore(path, options));
  EXPECT_TRUE(db->store->migrate());
  auto summary = simulateDemo(*db->store, db->clock, demo, seed, "not-a-real-hash");
  EXPECT_TRUE(summary) << summary.error().message;
  if (summary) db->summary = *summary;
  return db;
}

// Every row of the tables the simulation writes, as text, in id order.
std::string dump(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::string text;
  for (const char* query :
       {"SELECT * FROM persons ORDER BY id", "SELECT * FROM registrations ORDER BY id",
        "SELECT * FROM case_records ORDER BY id",
        "SELECT id, time, actor, user_id, person_id, type, payload FROM events ORDER BY id",
        "SELECT ran_at, actor, date, municipality, files, summary FROM identification_runs ORDER BY id",
        "SELECT * FROM settings ORDER BY key"}) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, query, -1, &s, nullptr), SQLITE_OK) << query;
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const unsigned char* v = sqlite3_column_text(s, i);
        text += v ? reinterpret_cast<const char*>(v) : "NULL";
        text += '|';
      }
      text += '\n';
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return text;
}

class DemoSimulation : public ::testing::Test {
 public:  // for the helpers below
  static void SetUpTestSuite() {
    demo_ = new DemoMunicipality(generateDemoMunicipality(kSeed, kDate));
    path_ = new std::string(tempDatabase("main"));
    db_ = simulate(*demo_, kSeed, *path_).release();
    auto figures = demoFigures(*db_->store, kDate);
    ASSERT_TRUE(figures);
    figures_ = new DemoFigures(*figures);
  }
  static void TearDownTestSuite() {
    delete db_;
    removeDatabase(*path_);
    delete path_;
    delete figures_;
    delete demo_;
  }
  static Store& store() { return *db_->store; }
  static const DemoResident* resident(const Person& p) {
    for (const DemoResident& r : demo_->residents)
      if (r.details.personalId == p.details.personalId) return &r;
    return nullptr;
  }
  static std::vector<Person> persons() { return store().searchPersons({{}, "", 0, 1'000'000, {}})->persons; }
  static std::size_t overdue(std::string_view list) {
    for (const WorklistFigures& w : figures_->worklists)
      if (w.name == list) return w.overdue;
    ADD_FAILURE() << "no worklist " << list;
    return 0;
  }

  static DemoMunicipality* demo_;
  static std::string* path_;
  static SimulatedDatabase* db_;
  static DemoFigures* figures_;
};
DemoMunicipality* DemoSimulation::demo_ = nullptr;
std::string* DemoSimulation::path_ = nullptr;
SimulatedDatabase* DemoSimulation::db_ = nullptr;
DemoFigures* DemoSimulation::figures_ = nullptr;

TEST_F(DemoSimulation, TheSimulationIsTheSameForTheSameSeed) {
  std::string again = tempDatabase("again");
  { auto db = simulate(*demo_, kSeed, again); }
  std::string first = dump(*path_);
  EXPECT_GT(first.size(), 100'000u);
  EXPECT_TRUE(first == dump(again)) << "same seed and date, same database content";
  removeDatabase(again);
}

// A caseworker's day on a demo made on 2 December: the runs fell on the 2nd, and the one of 2 August, before the
// autumn term's enrolments were in the register, registered some 800 young persons whom September's run ended.
TEST(DemoRunDays, NoRunFromJulyUntilTheAutumnTermStarts) {
  auto on = [](std::string_view iso) { return *CivilDate::parse(iso); };
  std::set<CivilDate> second = demoRunDays(on("2026-12-02"));
  EXPECT_EQ(second.size(), 20u) << "24 months, less two Julys and two Augusts before the 20th";
  for (std::string_view summer : {"2025-07-02", "2025-08-02", "2026-07-02", "2026-08-02"})
    EXPECT_FALSE(second.contains(on(summer))) << summer;
  for (std::string_view run : {"2025-01-02", "2025-09-02", "2026-06-02", "2026-09-02", "2026-12-02"})
    EXPECT_TRUE(second.contains(on(run))) << run;
  std::set<CivilDate> late = demoRunDays(on("2026-11-22"));
  EXPECT_TRUE(late.contains(on("2026-08-22"))) << "after the term has started";
  EXPECT_FALSE(late.contains(on("2026-07-22")));
  EXPECT_EQ(late.size(), 22u);
}

TEST_F(DemoSimulation, AnIdentificationRunEachMonthButJulyUpToTheDate) {
  auto runs = store().identificationRuns(100);
  ASSERT_TRUE(runs);
  EXPECT_EQ(runs->size(), 22u);  // 24 months, the two Julys skipped
  EXPECT_EQ(runs->front().date, kDate) << "the last run is on the demo's day";
  for (const IdentificationRun& r : *runs) {
    EXPECT_LE(r.date, kDate);
    EXPECT_NE(r.date.month(), 7);
    EXPECT_EQ(r.ranAt.substr(0, 10), r.date.iso()) << "journalled on its day";
  }
}

TEST_F(DemoSimulation, OverdueItemsOnEveryWorklistAreAHandful) {
  EXPECT_LE(overdue("first_contact"), 8u);
  EXPECT_LE(overdue("contact_retry"), 10u);
  EXPECT_LE(overdue("follow_up"), 10u);
  EXPECT_EQ(overdue("measure_end_reason"), 0u);
  EXPECT_EQ(overdue("plan_without_goals"), 0u);
  EXPECT_GT(figures_->openRegistrations, 250);
  EXPECT_LE(overdue("registration_without_plan"), 12u);
  EXPECT_LT(overdue("occupation"), static_cast<std::size_t>(figures_->openRegistrations / 10))
      << "those not reached of late: their occupation is asked of others";
}

// Occupations go stale after occupation_stale_months (6): a unit whose occupation list is a handful overdue
// hears from most of its young people each half-year, in person or from others.
TEST_F(DemoSimulation, HalfOrMoreAreContactedEachHalfYearAFifthAreInAMeasureAndMostOccupationsAreKnown) {
  for (const PeriodFigures& p : figures_->periods) {
    SCOPED_TRACE(p.period.toString());
    ASSERT_GT(p.inKaa, 200);
    double contacted = static_cast<double>(p.contacted) / p.inKaa,
           inMeasure = static_cast<double>(p.inMeasure) / p.inKaa;
    EXPECT_GT(contacted, 0.45);
    EXPECT_LT(contacted, 0.85);
    EXPECT_GT(inMeasure, 0.1);
    EXPECT_LT(inMeasure, 0.3);
  }
  double known = static_cast<double>(figures_->occupationKnown) / figures_->openRegistrations;
  EXPECT_GT(known, 0.5);
  EXPECT_LT(known, 0.95);
}

TEST_F(DemoSimulation, ContactedYouthsHavePlansMeasuresAndGoalAssessments) {
  int reached = 0, withPlan = 0, assessments = 0, linkedSubGoals = 0, declined = 0, otherActor = 0;
  for (const Person& p : persons()) {
    auto records = store().caseRecordsOf(p.id, "");
    ASSERT_TRUE(records);
    bool wasReached = false, hasPlan = false;
    for (const CaseRecord& r : *records) {
      if (r.kind == kContactAttemptKind)
        wasReached = wasReached || parseContactAttempt(r.data)->reached.value_or(false);
      if (r.kind == kPlanKind) {
        hasPlan = true;
        auto plan = parsePlan(r.data);
        ASSERT_TRUE(plan);
        for (const PlanGoal& g : plan->goals)
          for (const PlanGoal& s : g.subGoals) linkedSubGoals += !s.measureIds.empty();
      }
      if (r.kind == kGoalAssessmentKind) ++assessments;
      if (r.kind == kMeasureKind) {
        auto m = parseMeasure(r.data);
        declined += m->declined.has_value();
        otherActor += m->responsible == "other_actor";
      }
    }
    reached += wasReached;
    withPlan += wasReached && hasPlan;
  }
  EXPECT_GT(withPlan, reached * 6 / 10) << "plans for most of those contacted";
  EXPECT_GT(assessments, 50);
  EXPECT_GT(linkedSubGoals, 50);
  EXPECT_GT(declined, 3);
  EXPECT_GT(otherActor, 20);
}

TEST_F(DemoSimulation, EveryClosureReasonOccursAtItsTrueDate) {
  std::map<std::string, int> seen;
  for (const Person& p : persons()) {
    const DemoResident* r = resident(p);
    ASSERT_TRUE(r) << p.details.personalId.canonical();
    auto registrations = store().registrationsOf(p.id);
    ASSERT_TRUE(registrations);
    for (const Registration& reg : *registrations) {
      if (!reg.endDate) continue;
      const std::string& reason = *reg.endReason;
      const CivilDate end = *reg.endDate;
      ++seen[reason];
      SCOPED_TRACE(reason + " " + end.iso() + " " + p.details.personalId.canonical());
      EXPECT_GE(end, reg.startDate);
      EXPECT_LE(end, kDate);
      auto enrolmentStarted = [&](bool introduction) {
        for (const EnrolmentFact& e : r->enrolments)
          if (e.start == end && e.introductionProgramme == introduction) return true;
        return false;
      };
      if (reason == "turned_20") {
        EXPECT_EQ(end, ageScopeEnd(p.details.personalId.birthDate()));
      } else if (reason == "moved_out") {
        EXPECT_EQ(end, *r->movedOut);
      } else if (reason == "moved_abroad") {
        EXPECT_TRUE(reg.closedByHand);
        EXPECT_EQ(end, *r->emigrated);
      } else if (reason == "left_population_register") {
        ASSERT_TRUE(r->emigrated);
        EXPECT_GE(end, *r->emigrated);
        EXPECT_LE(end, r->emigrated->plusDays(62)) << "the first run after the emigration";
      } else if (reason == "completed_degree") {
        bool found = false;
        for (const CompletionFact& c : r->completions) found = found || c.date == end;
        EXPECT_TRUE(found);
      } else if (reason == "started_national_programme") {
        EXPECT_TRUE(enrolmentStarted(false));
      } else if (reason == "started_introduction_programme") {
        EXPECT_TRUE(enrolmentStarted(true));
      } else {
        EXPECT_EQ(reason, "other");
        EXPECT_TRUE(reg.closedByHand);
      }
    }
  }
  for (const char* reason : {"turned_20", "moved_out", "moved_abroad", "left_population_register", "completed_degree",
                             "started_national_programme", "started_introduction_programme", "other"})
    EXPECT_GT(seen[reason], 0) << reason;
}

TEST_F(DemoSimulation, AFewClosuresByHandAndACoupleOfReopenings) {
  EXPECT_GE(figures_->handClosures, 5);
  EXPECT_LE(figures_->handClosures, 60);
  EXPECT_GE(figures_->reopenings, 1);
  EXPECT_LE(figures_->reopenings, 8);
}

TEST_F(DemoSimulation, EventsAreJournalledInTheOrderOfTheirDates) {
  for (const Person& p : persons()) {
    std::string last;
    auto events = store().eventsOf(p.id);
    ASSERT_TRUE(events);
    for (const Event& e : *events) {
      EXPECT_LE(last, e.time) << "as_of reads the journal in id order";
      last = e.time;
    }
    EXPECT_LT(last, kDate.plusDays(1).iso());
  }
}

TEST_F(DemoSimulation, NewCasesWaitInIntakeAndTheOthersAreAssigned) {
  auto open = store().openRegistrations(kProgrammeKaa, "");
  ASSERT_TRUE(open);
  int intake = 0, caseworker = 0, unitOnly = 0;
  for (const RegisteredPerson& rp : *open) {
    if (rp.registration.startDate == kDate && rp.registration.byHand.empty()) {
      EXPECT_TRUE(rp.registration.unit.empty());
      ++intake;
    } else {
      EXPECT_FALSE(rp.registration.unit.empty());
      (rp.registration.caseworkerId ? caseworker : unitOnly) += 1;
    }
  }
  EXPECT_GT(intake, 0);
  EXPECT_GT(caseworker, 0);
  EXPECT_GT(unitOnly, 0);
}

// Every case record of `kind`, parsed by `parse`, of every person.
template <class Parse>
auto allRecords(std::string_view kind, Parse parse) {
  std::vector<std::pair<CaseRecord, typename decltype(parse(std::string_view()))::value_type>> all;
  for (const Person& p : DemoSimulation::persons()) {
    auto records = DemoSimulation::store().caseRecordsOf(p.id, std::string(kind));
    EXPECT_TRUE(records);
    if (!records) continue;
    for (const CaseRecord& r : *records) {
      auto parsed = parse(r.data);
      EXPECT_TRUE(parsed) << r.data;
      if (parsed) all.emplace_back(r, *parsed);
    }
  }
  return all;
}
std::vector<std::pair<CaseRecord, ContactAttempt>> contacts() {
  return allRecords(kContactAttemptKind, [](std::string_view d) { return parseContactAttempt(d); });
}

TEST_F(DemoSimulation, LettersHaveNoTimeAndReachNoOneAndContactsThroughOthersSayWhether) {
  int letters = 0, throughOthers = 0, throughOthersReached = 0;
  for (const auto& [record, c] : contacts()) {
    if (c.channel == kLetterChannel) {
      ++letters;
      EXPECT_EQ(c.time, "") << record.data;
      EXPECT_FALSE(c.reached.value_or(false)) << record.data;
      EXPECT_EQ(c.occupation, "") << record.data;
    } else {
      EXPECT_NE(c.time, "") << record.data;
    }
    if (isContactThroughSomeoneElse(c.channel)) {
      ++throughOthers;
      ASSERT_TRUE(c.reached.has_value()) << record.data;
      throughOthersReached += *c.reached;
    }
  }
  EXPECT_GT(letters, 300);
  EXPECT_GT(throughOthers, 10);
  EXPECT_GT(throughOthersReached, 0);
  EXPECT_LT(throughOthersReached, throughOthers);
}

TEST_F(DemoSimulation, OccupationsLearntAtContactsKeepTheirDetailAndAFewDecline) {
  int reached = 0, declined = 0, studies = 0, studiesWithDetail = 0, work = 0, workWithDetail = 0;
  for (const auto& [record, c] : contacts()) {
    SCOPED_TRACE(record.data);
    EXPECT_NE(c.occupation, "declined_contact") << "declining is a contact's outcome now";
    EXPECT_NE(c.occupation, "sick_leave_or_care");
    EXPECT_TRUE(c.occupationDetail.empty() || !c.occupation.empty());
    if (!c.reached.value_or(false)) continue;
    ++reached;
    if (c.declined) {
      ++declined;
      EXPECT_EQ(c.occupation, "") << "one who declines tells nothing";
    }
    if (c.occupation == "studies") ++studies, studiesWithDetail += !c.occupationDetail.empty();
    if (c.occupation == "work") ++work, workWithDetail += !c.occupationDetail.empty();
  }
  EXPECT_GT(declined, 5) << "a few decline";
  EXPECT_LT(declined, reached / 15) << "only a few";
  EXPECT_GT(studies, 20);
  EXPECT_EQ(studiesWithDetail, studies) << "komvux or folkhögskola";
  EXPECT_GT(workWithDetail, work * 8 / 10) << "full or part time";
  for (const auto& [record, o] : allRecords(kOccupationKind, [](std::string_view d) { return parseOccupation(d); })) {
    EXPECT_NE(o.kind, "declined_contact") << record.data;
    EXPECT_NE(o.kind, "sick_leave_or_care") << record.data;
  }
}

TEST_F(DemoSimulation, AFewOccupationsArePlannedAheadAndDoNotCountAsKnown) {
  int planned = 0, plannedStudies = 0;
  for (const auto& [record, o] : allRecords(kOccupationKind, [](std::string_view d) { return parseOccupation(d); })) {
    if (!o.planned) {
      EXPECT_LE(o.effectiveDate, kDate) << record.data;
      continue;
    }
    ++planned;
    plannedStudies += o.kind == "studies";
    EXPECT_FALSE(o.detail.empty()) << record.data;
  }
  EXPECT_GE(planned, 3);
  EXPECT_LE(planned, 80);
  EXPECT_GT(plannedStudies, 0) << "a course ahead that the registers show once it starts";
}

TEST_F(DemoSimulation, PlansAreAgreedAndTheirFollowUpsHeld) {
  int plans = 0, agreed = 0, reviews = 0, evaluations = 0, forMeasures = 0;
  for (const auto& [record, plan] : allRecords(kPlanKind, [](std::string_view d) { return parsePlan(d); })) {
    SCOPED_TRACE(record.data);
    ++plans;
    ASSERT_TRUE(plan.drawnUpOn) << "every plan says when it was drawn up";
    if (plan.agreedOn) {
      ++agreed;
      EXPECT_GE(*plan.agreedOn, *plan.drawnUpOn);
    }
    for (const PlanReview& r : plan.reviews) {
      ++reviews;
      evaluations += r.kind == "evaluation";
      forMeasures += r.measureId.has_value();
      EXPECT_FALSE(r.conclusion.empty());
      EXPECT_GE(r.heldOn, *plan.drawnUpOn);
      EXPECT_LE(r.heldOn, kDate);
    }
  }
  EXPECT_GT(agreed, plans * 6 / 10) << "most plans are agreed to";
  EXPECT_LT(agreed, plans) << "some are not (yet): drawn up before the young person was reached";
  EXPECT_GT(reviews, 100);
  EXPECT_GT(evaluations, 20);
  EXPECT_EQ(forMeasures, reviews) << "each held for a measure";
  EXPECT_LE(overdue("follow_up"), 10u) << "the reviews held take the follow-ups off the list";
}

TEST_F(DemoSimulation, AFewAreRegisteredByHandAndTheRegistersConfirmThem) {
  EXPECT_GE(figures_->registeredByHand, 3);
  EXPECT_LE(figures_->registeredByHand, 15);
  EXPECT_EQ(figures_->registeredByHand, db_->summary.registeredByHand);
  EXPECT_EQ(figures_->byHandAwaiting, 1) << "the one who has moved back, not yet folkbokförd";
  EXPECT_GE(figures_->byHandConfirmed, figures_->registeredByHand - figures_->byHandAwaiting - 1)
      << "most confirmed by the next run";
  std::set<std::string> how;
  auto open = store().openRegistrations(kProgrammeKaa, "");
  ASSERT_TRUE(open);
  for (const Person& p : persons()) {
    auto registrations = store().registrationsOf(p.id);
    ASSERT_TRUE(registrations);
    for (const Registration& r : *registrations) {
      if (r.byHand.empty()) continue;
      how.insert(r.byHand);
      EXPECT_FALSE(r.unit.empty()) << "the registering caseworker's unit is responsible at once";
      EXPECT_TRUE(r.caseworkerId.has_value());
      auto contacts = store().caseRecordsOf(p.id, kContactAttemptKind);
      ASSERT_TRUE(contacts);
      bool contacted = false;
      for (const CaseRecord& c : *contacts) contacted = contacted || c.registrationId == r.id;
      EXPECT_TRUE(contacted || r.startDate == kDate) << "the casework begins at once";
    }
  }
  EXPECT_TRUE(how.contains("called_in"));
  EXPECT_TRUE(how.contains("school_report"));
}

TEST_F(DemoSimulation, MostAboutToTurn20HaveHadALetter) {
  EXPECT_GT(figures_->turning20, 3);
  EXPECT_GT(figures_->turning20Letters, figures_->turning20 * 6 / 10);
  for (const WorklistFigures& w : figures_->worklists)
    if (w.name == "turning_20") {
      EXPECT_LE(static_cast<int>(w.entries), figures_->turning20 - figures_->turning20Letters)
          << "the letter (or any contact) takes them off the list";
    }
}

TEST_F(DemoSimulation, ADatabaseWithPersonsIsRefused) {
  auto again = simulateDemo(store(), db_->clock, *demo_, kSeed, "x");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

}  // namespace
}  // namespace lotsen
