// Writes a Lotsen database for the report benchmark (bench/report.sh): YOUTHS young people in KAA over two
// years and a half up to --today, with their registrations, contact attempts, occupations, measures,
// individual plans with goals and goal assessments, closures and a few voided records, every one written
// through the Store (so every change is a real event in the journal, stamped on the day it was made, in
// time order). About 20 events per young person. Deterministic for a seed.
// Usage: generate_cases DB [--youths N] [--today YYYY-MM-DD] [--seed N] [--layout FILE]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "domain/casework.h"
#include "domain/person.h"
#include "domain/personal_id.h"
#include "report/half_year_layout.h"
#include "store/case_records.h"
#include "store/store.h"

namespace {

using namespace lotsen;

// What happens to a young person, in the order it happens on one day.
enum class Step : std::uint8_t {
  createPerson,
  createRegistration,
  assign,
  registerOccupation,
  contact,
  contactOccupation,
  contactDetails,
  createMeasure,
  startMeasure,
  endMeasure,
  createPlan,
  agreePlan,
  assess,
  voidContact,
  endRegistration,
};

struct Action {
  std::int32_t day;  // days since 1970-01-01
  std::int32_t youth;
  Step step;
  std::uint8_t registration;
  std::uint16_t index;
};

const CivilDate kSomeDay = *CivilDate::fromParts(2000, 1, 1);  // for members set before they are read

struct MeasurePlan {
  Measure created;                 // as first recorded: planned
  CivilDate createdOn = kSomeDay;  // recorded
  Measure started;                 // at the planned start: started or declined
  std::optional<Measure> ended;
  std::int64_t id = 0, version = 0;
};

struct RegistrationPlan {
  NewRegistration registration{0, std::string(kProgrammeKaa), kSomeDay, ""};
  std::string unit;
  std::optional<CivilDate> end;
  std::string endReason;
  EndedBy endedBy = EndedBy::registers;
  std::vector<ContactAttempt> contacts;
  std::vector<OccupationEntry> occupations;  // from the registers or others, not learnt at a contact
  std::vector<MeasurePlan> measures;
  std::optional<Plan> plan;
  CivilDate agreedOn = kSomeDay;
  std::vector<GoalAssessment> assessments;
  // Written so far.
  std::int64_t id = 0, version = 0, planId = 0;
  std::vector<std::int64_t> contactIds;
};

struct Youth {
  std::optional<PersonDetails> details;
  std::vector<RegistrationPlan> registrations;
  std::int64_t personId = 0, personVersion = 0;
};

constexpr const char* kFirst[] = {"Alice", "Maja",  "Elsa", "Noah", "Hugo", "Liam",
                                  "Åsa",   "Örjan", "Ella", "Omar", "Saga", "Nils"};
constexpr const char* kLast[] = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
                                 "Öberg",     "Åberg",     "Ali",      "Lind",    "Berg",     "Ek"};
constexpr const char* kUnits[] = {"KAA Norr", "KAA Söder"};
constexpr const char* kMeasureTypes[] = {"study_and_career_guidance",
                                         "motivational_talks",
                                         "internship",
                                         "study_visit",
                                         "youth_employment",
                                         "preparatory_course",
                                         "study_support",
                                         "referral_to_other_actor",
                                         "other"};
constexpr const char* kResults[] = {"achieved", "partly", "not_achieved"};

class Generator {
 public:
  Generator(std::uint64_t seed, CivilDate today) : random_(seed), today_(today) {}

  std::uint64_t below(std::uint64_t n) { return random_() % n; }
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1))); }

  // One young person's story.
  Youth youth(std::map<int, int>& serials) {
    Youth y;
    CivilDate windowStart = today_.plusDays(-2 * 365 - 180);
    CivilDate lastStart = today_.plusDays(-7);
    CivilDate birth = today_, start = today_;
    for (;;) {
      birth = today_.plusDays(-between(15 * 365 + 200, 21 * 365 + 300));
      CivilDate scopeStart = *CivilDate::fromParts(birth.year() + 16, 7, 1);
      CivilDate scopeEnd = birthdayOfAge(birth, 20).plusDays(-1);
      CivilDate from = std::max(windowStart, scopeStart), to = std::min(lastStart, scopeEnd);
      if (from > to) continue;
      start = from.plusDays(static_cast<int>(below(static_cast<std::uint64_t>((to.days() - from.days()).count() + 1))));
      break;
    }
    int serial = serials[static_cast<int>(birth.days().time_since_epoch().count())]++ % 1000;
    std::string nine = fmt::format("{:02}{:02}{:02}{:03}", birth.year() % 100, birth.month(), birth.day(), serial);
    std::string pnr = fmt::format("{:04}{}{}", birth.year(), nine.substr(2), luhnCheckDigit(nine));
    y.details = PersonDetails{*PersonalId::parse(pnr, today_),
                              kFirst[below(std::size(kFirst))],
                              kLast[below(std::size(kLast))],
                              fmt::format("Storgatan {}", 1 + below(99)),
                              fmt::format("{:03} {:02}", 500 + below(10), below(100)),
                              "Borås",
                              "1490",
                              Protection::none};
    CivilDate twenty = birthdayOfAge(birth, 20);
    for (;;) {
      RegistrationPlan r = registration(start, twenty);
      std::optional<CivilDate> recorded = r.end ? std::optional(recordedEnd(r)) : std::nullopt;
      y.registrations.push_back(std::move(r));
      // A few come back: a new registration some months after the last ended (about 3 % in all).
      if (!recorded || y.registrations.size() >= 3 || !chance(18)) break;
      start = recorded->plusDays(between(20, 300));
      if (start > lastStart || start >= twenty) break;
    }
    return y;
  }

  // The day an end is recorded: a caseworker's closure that day; the registers' at the next monthly run.
  CivilDate recordedEnd(const RegistrationPlan& r) const {
    if (r.endedBy == EndedBy::hand) return *r.end;
    CivilDate run = *CivilDate::fromParts(r.end->year(), r.end->month(), 5);
    if (run < *r.end) run = run.plusDays(32), run = *CivilDate::fromParts(run.year(), run.month(), 5);
    return std::min(run, today_);
  }

  RegistrationPlan registration(CivilDate start, CivilDate twenty) {
    RegistrationPlan r;
    constexpr const char* kReasons[] = {"studiebevis",
                                        "dropout_national_programme",
                                        "dropout_national_programme",
                                        "dropout_introduction_programme",
                                        "never_started",
                                        "never_started"};
    r.registration = NewRegistration{0, std::string(kProgrammeKaa), start, kReasons[below(std::size(kReasons))]};
    r.unit = kUnits[below(std::size(kUnits))];
    if (chance(60)) {
      CivilDate end = start.plusDays(between(14, 540));
      constexpr const char* kEnds[] = {"started_national_programme",
                                       "started_national_programme",
                                       "started_introduction_programme",
                                       "moved_out",
                                       "completed_degree",
                                       "left_population_register",
                                       "other"};
      r.endReason = kEnds[below(std::size(kEnds))];
      if (r.endReason == "other") r.endedBy = EndedBy::hand;
      if (end < today_ && end < twenty) r.end = end;
    }
    if (!r.end && twenty <= today_) r.end = twenty, r.endReason = "turned_20", r.endedBy = EndedBy::registers;
    CivilDate last = r.end ? recordedEnd(r) : today_;  // casework goes on until the end is known

    // Contact attempts: the first within days of the start (mostly), then every one to eight weeks.
    int firstDelay = chance(60) ? between(0, 14) : chance(75) ? between(15, 40) : between(41, 120);
    int count = 1 + static_cast<int>(below(40));
    CivilDate day = start.plusDays(firstDelay);
    bool reachedOnce = false;
    std::optional<CivilDate> firstReached;
    for (int i = 0; i < count && day < last; ++i) {
      ContactAttempt a{day, fmt::format("{:02}:{:02}", between(8, 16), 5 * below(12)), "", std::nullopt, "", "", false,
                       ""};
      int channel = between(0, 99);
      if (channel < 20) {
        a.channel = "letter", a.time = "";
      } else if (channel < 65) {
        a.channel = "phone", a.reached = chance(55);
      } else if (channel < 75) {
        a.channel = "sms", a.reached = chance(45);
      } else if (channel < 87) {
        a.channel = "via_guardian", a.reached = chance(40);
      } else {
        a.channel = "meeting", a.reached = true;
      }
      if (a.reached.value_or(false)) {
        reachedOnce = true;
        if (!firstReached) firstReached = day;
        if (chance(55)) {
          constexpr const char* kKinds[] = {
              "studies",       "studies",       "work",    "work",           "internship",
              "no_occupation", "no_occupation", "unknown", "parental_leave", "employment_service_programme",
              "unavailable"};
          a.occupation = kKinds[below(std::size(kKinds))];
          if (a.occupation == "studies") a.occupationDetail = chance(50) ? "komvux" : "folkhogskola";
        }
      }
      r.contacts.push_back(std::move(a));
      day = day.plusDays(between(4, 36));
    }

    // Occupations from the registers or from others: at the start, and now and then after.
    if (chance(45))
      r.occupations.push_back(
          OccupationEntry{start, chance(30) ? "unknown" : "no_occupation", "", "enrolment_register"});
    if (chance(25)) {
      CivilDate on = start.plusDays(between(30, 300));
      if (on < last)
        r.occupations.push_back(OccupationEntry{on, chance(50) ? "studies" : "work", "", "other", chance(10)});
    }

    // Measures, for most of those reached: planned, then started (or declined), then ended.
    if (reachedOnce && chance(65)) {
      int measures = 1 + static_cast<int>(below(3));
      CivilDate on = firstReached->plusDays(between(3, 30));
      for (int i = 0; i < measures && on < last; ++i) {
        MeasurePlan m;
        m.createdOn = on;
        m.created.type = kMeasureTypes[below(std::size(kMeasureTypes))];
        m.created.content = "Vägledningssamtal och praktik";
        m.created.responsible = chance(70) ? "municipality" : "individual";
        CivilDate planned = on.plusDays(between(3, 30));
        m.created.plannedStart = planned;
        m.created.followUp = planned.plusDays(30);
        m.started = m.created;
        if (planned < last) {
          if (chance(12))
            m.started.declined = planned;
          else
            m.started.start = planned;
        }
        if (m.started.start) {
          CivilDate end = planned.plusDays(between(20, 200));
          if (end < last && chance(75)) {
            Measure e = m.started;
            e.end = end;
            constexpr const char* kEndReasons[] = {
                "completed", "completed", "started_studies", "started_work", "discontinued_by_individual", "other"};
            e.endReason = kEndReasons[below(std::size(kEndReasons))];
            m.ended = std::move(e);
          }
        }
        r.measures.push_back(std::move(m));
        on = on.plusDays(between(20, 120));
      }
    }

    // The individual plan, for about two in three, weeks after the start; its goals assessed later.
    if (chance(65)) {
      CivilDate drawn = (firstReached ? *firstReached : start).plusDays(between(5, 45));
      if (drawn < last) {
        Plan p;
        p.drawnUpOn = drawn;
        int goals = 1 + static_cast<int>(below(3));
        for (int g = 1; g <= goals; ++g) {
          PlanGoal goal{fmt::format("g{}", g), "Börja studera eller arbeta", drawn.plusDays(180), {}, {}};
          if (chance(40))
            goal.subGoals.push_back(PlanGoal{fmt::format("g{}.1", g), "Delmål", drawn.plusDays(90), {}, {}});
          p.goals.push_back(std::move(goal));
        }
        r.plan = std::move(p);
        r.agreedOn = drawn.plusDays(between(0, 14));
        std::vector<std::string> ids = goalIds(*r.plan);
        int assessments = static_cast<int>(below(4));
        CivilDate on = drawn.plusDays(between(30, 120));
        for (int i = 0; i < assessments && on < last; ++i) {
          r.assessments.push_back(GoalAssessment{ids[below(ids.size())], on, kResults[below(std::size(kResults))], ""});
          on = on.plusDays(between(30, 120));
        }
      }
    }
    return r;
  }

 private:
  std::mt19937_64 random_;
  CivilDate today_;
};

std::int32_t dayNumber(CivilDate d) { return static_cast<std::int32_t>(d.days().time_since_epoch().count()); }

// Every change of every young person, by day; within a day a person's changes together, in story order.
std::vector<Action> schedule(std::vector<Youth>& youths, Generator& random, CivilDate today) {
  std::vector<Action> actions;
  for (std::size_t i = 0; i < youths.size(); ++i) {
    Youth& y = youths[i];
    auto at = [&](CivilDate day, Step step, std::size_t r, std::size_t index = 0) {
      actions.push_back(Action{dayNumber(day), static_cast<std::int32_t>(i), step, static_cast<std::uint8_t>(r),
                               static_cast<std::uint16_t>(index)});
    };
    at(y.registrations[0].registration.startDate, Step::createPerson, 0);
    bool detailsChanged = false;
    for (std::size_t r = 0; r < y.registrations.size(); ++r) {
      RegistrationPlan& p = y.registrations[r];
      CivilDate start = p.registration.startDate;
      at(start, Step::createRegistration, r);
      at(std::min(start.plusDays(random.between(0, 4)), today), Step::assign, r);
      for (std::size_t k = 0; k < p.occupations.size(); ++k)
        at(p.occupations[k].planned ? p.occupations[k].effectiveDate.plusDays(-20) : p.occupations[k].effectiveDate,
           Step::registerOccupation, r, k);
      for (std::size_t k = 0; k < p.contacts.size(); ++k) {
        const ContactAttempt& a = p.contacts[k];
        at(a.date, Step::contact, r, k);
        if (!a.occupation.empty()) at(a.date, Step::contactOccupation, r, k);
        if (a.reached.value_or(false) && !detailsChanged && random.chance(30)) {
          detailsChanged = true;
          at(a.date, Step::contactDetails, r, k);
        }
        if (a.occupation.empty() && random.chance(2) && a.date.plusDays(3) < today)
          at(a.date.plusDays(random.between(1, 3)), Step::voidContact, r, k);
      }
      for (std::size_t k = 0; k < p.measures.size(); ++k) {
        const MeasurePlan& m = p.measures[k];
        at(m.createdOn, Step::createMeasure, r, k);
        if (m.started.start || m.started.declined) at(*m.created.plannedStart, Step::startMeasure, r, k);
        if (m.ended) at(*m.ended->end, Step::endMeasure, r, k);
      }
      if (p.plan) {
        at(*p.plan->drawnUpOn, Step::createPlan, r);
        if (p.agreedOn <= today) at(p.agreedOn, Step::agreePlan, r);
        for (std::size_t k = 0; k < p.assessments.size(); ++k) at(p.assessments[k].assessedOn, Step::assess, r, k);
      }
      if (p.end) at(random.recordedEnd(p), Step::endRegistration, r);
    }
  }
  // Persons take turns through the day (a pseudo-random minute each day), their own changes in order.
  auto minute = [](const Action& a) {
    return (static_cast<std::uint32_t>(a.youth) * 7919u + static_cast<std::uint32_t>(a.day) * 104729u) % 480u;
  };
  std::ranges::stable_sort(actions, [&](const Action& a, const Action& b) {
    return std::tuple(a.day, minute(a), a.youth, a.step) < std::tuple(b.day, minute(b), b.youth, b.step);
  });
  return actions;
}

template <class T>
T check(std::expected<T, Error> result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "generate_cases: %s: %s\n", what, result.error().message.c_str());
    std::exit(1);
  }
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: generate_cases DB [--youths N] [--today YYYY-MM-DD] [--seed N] [--layout FILE]\n");
    return 2;
  }
  std::string path = argv[1];
  long count = 100'000;
  CivilDate today = *CivilDate::parse("2026-11-22");
  std::uint64_t seed = 1490;
  std::string layoutFile = LOTSEN_SOURCE_DIR "/docs/examples/scb-halvar-demo.json";
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--youths"))
      count = std::stol(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--today"))
      today = *CivilDate::parse(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed"))
      seed = std::stoull(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--layout"))
      layoutFile = argv[i + 1];
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");

  Generator random(seed, today);
  std::map<int, int> serials;
  std::vector<Youth> youths;
  youths.reserve(static_cast<std::size_t>(count));
  for (long i = 0; i < count; ++i) youths.push_back(random.youth(serials));
  std::vector<Action> actions = schedule(youths, random, today);

  // Every event is stamped with the day of its action, in the order of the actions.
  std::chrono::system_clock::time_point now;
  StoreOptions options;
  options.clock = [&] { return now; };
  auto store = check(openStore(path, std::move(options)), "open");
  check(store->migrate(), "migrate");
  const Actor system{std::nullopt, "system:bench"};
  const Actor caseworker{std::nullopt, "bench"};
  now = std::chrono::sys_days(today.plusDays(-3 * 365).days()) + std::chrono::hours(7);
  std::ifstream in(layoutFile);
  std::stringstream layout;
  layout << in.rdbuf();
  if (!parseHalfYearLayout(layout.str())) {
    std::fprintf(stderr, "generate_cases: cannot read the layout %s\n", layoutFile.c_str());
    return 1;
  }
  check(store->saveReportLayout(system, kHalfYearLayoutName, layout.str()), "layout");
  for (const char* unit : kUnits) check(store->createUnit(system, unit), "unit");

  long events = 0;
  auto run = [&](const Action& a) -> std::expected<void, Error> {
    Youth& y = youths[static_cast<std::size_t>(a.youth)];
    RegistrationPlan& r = y.registrations[a.registration];
    auto record = [&](std::string_view kind, const std::string& data) -> std::expected<std::int64_t, Error> {
      auto created = store->createCaseRecord(caseworker, kind, y.personId, r.id, data);
      if (!created) return std::unexpected(created.error());
      ++events;
      return created->id;
    };
    auto update = [&](std::int64_t id, std::int64_t version, const std::string& data) -> std::expected<void, Error> {
      auto updated = store->updateCaseRecord(caseworker, id, version, data);
      if (!updated) return std::unexpected(updated.error());
      ++events;
      return {};
    };
    switch (a.step) {
      case Step::createPerson: {
        auto p = store->createPerson(system, *y.details);
        if (!p) return std::unexpected(p.error());
        y.personId = p->id, y.personVersion = p->version;
        break;
      }
      case Step::createRegistration: {
        NewRegistration n = r.registration;
        n.personId = y.personId;
        auto created = store->createRegistration(system, n);
        if (!created) return std::unexpected(created.error());
        r.id = created->id, r.version = created->version;
        break;
      }
      case Step::assign: {
        auto assigned = store->assignRegistration(system, r.id, r.version, std::nullopt, r.unit);
        if (!assigned) return std::unexpected(assigned.error());
        r.version = assigned->version;
        break;
      }
      case Step::registerOccupation: {
        auto id = record(kOccupationKind, toJson(r.occupations[a.index]));
        if (!id) return std::unexpected(id.error());
        return {};
      }
      case Step::contact: {
        auto id = record(kContactAttemptKind, toJson(r.contacts[a.index]));
        if (!id) return std::unexpected(id.error());
        r.contactIds.resize(r.contacts.size());
        r.contactIds[a.index] = *id;
        return {};
      }
      case Step::contactOccupation: {
        const ContactAttempt& c = r.contacts[a.index];
        OccupationEntry o{c.date, c.occupation, c.occupationDetail, "contact", false, r.contactIds[a.index]};
        auto id = record(kOccupationKind, toJson(o));
        if (!id) return std::unexpected(id.error());
        return {};
      }
      case Step::contactDetails: {
        auto p = store->setContactDetails(caseworker, y.personId, y.personVersion,
                                          ContactDetails{fmt::format("070-{:07}", a.youth), ""});
        if (!p) return std::unexpected(p.error());
        y.personVersion = p->version;
        break;
      }
      case Step::voidContact: {
        auto voided = store->voidCaseRecord(caseworker, r.contactIds[a.index], 1, "Fel person");
        if (!voided) return std::unexpected(voided.error());
        break;
      }
      case Step::createMeasure: {
        MeasurePlan& m = r.measures[a.index];
        auto id = record(kMeasureKind, toJson(m.created));
        if (!id) return std::unexpected(id.error());
        m.id = *id, m.version = 1;
        return {};
      }
      case Step::startMeasure:
      case Step::endMeasure: {
        MeasurePlan& m = r.measures[a.index];
        if (auto ok = update(m.id, m.version, toJson(a.step == Step::startMeasure ? m.started : *m.ended)); !ok)
          return ok;
        ++m.version;
        return {};
      }
      case Step::createPlan: {
        Plan p = *r.plan;  // its goals served by the measures recorded by now
        for (std::size_t g = 0; g < p.goals.size(); ++g)
          for (std::size_t k = g; k < r.measures.size(); k += p.goals.size())
            if (r.measures[k].id) p.goals[g].measureIds.push_back(r.measures[k].id);
        auto id = record(kPlanKind, toJson(p));
        if (!id) return std::unexpected(id.error());
        r.planId = *id;
        r.plan = std::move(p);
        return {};
      }
      case Step::agreePlan: {
        Plan p = *r.plan;
        p.agreedOn = r.agreedOn;
        return update(r.planId, 1, toJson(p));
      }
      case Step::assess: {
        auto id = record(kGoalAssessmentKind, toJson(r.assessments[a.index]));
        if (!id) return std::unexpected(id.error());
        return {};
      }
      case Step::endRegistration: {
        auto ended = store->endRegistration(r.endedBy == EndedBy::hand ? caseworker : system, r.id, r.version, *r.end,
                                            r.endReason, r.endedBy);
        if (!ended) return std::unexpected(ended.error());
        r.version = ended->version;
        break;
      }
    }
    ++events;
    return {};
  };

  // Many changes to a transaction (they nest as savepoints): generating is not what is measured.
  constexpr std::size_t kBatch = 20'000;
  std::int32_t day = 0;
  std::int64_t second = 0;
  for (std::size_t from = 0; from < actions.size(); from += kBatch) {
    check(store->transaction([&]() -> std::expected<void, Error> {
      for (std::size_t i = from; i < std::min(actions.size(), from + kBatch); ++i) {
        const Action& a = actions[i];
        if (a.day != day) day = a.day, second = 0;  // 07:00 UTC on, a second apart: in order
        now = std::chrono::sys_days(std::chrono::days(a.day)) + std::chrono::hours(7) + std::chrono::seconds(second++);
        if (auto ok = run(a); !ok) {
          std::fprintf(stderr, "generate_cases: youth %d step %d: %s\n", a.youth, static_cast<int>(a.step),
                       ok.error().message.c_str());
          return ok;
        }
      }
      return {};
    }),
          "write");
  }
  std::fprintf(stderr, "generate_cases: %ld youths, %ld events in %s\n", count, events, path.c_str());
  return 0;
}
