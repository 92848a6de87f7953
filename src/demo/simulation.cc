#include "demo/simulation.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <map>
#include <memory>
#include <queue>
#include <set>
#include <tuple>

#include "casework/casework.h"
#include "clock/swedish_time.h"
#include "demo/random.h"
#include "identify/identify.h"
#include "store/case_records.h"

namespace lotsen {
namespace {

namespace json = boost::json;
using demo_detail::mixSeed;
using demo_detail::Random;
using Clock = std::chrono::system_clock;

constexpr std::string_view kNorr = "KAA Norr";
constexpr std::string_view kSoder = "KAA Söder";

// The routine of the demo municipality: a second attempt within three weeks of one that did not reach.
constexpr std::string_view kContactRetryDays = "21";

// Partners that take responsibility for measures.
constexpr std::array<std::string_view, 5> kInternshipPartners{"Borås Stad, Servicekontoret", "IF Elfsborg",
                                                              "ICA Maxi Borås", "Coop Knalleland",
                                                              "Södra Älvsborgs Räddningstjänstförbund"};
constexpr std::array<std::string_view, 2> kCoursePartners{"Folkuniversitetet Borås", "Navet science center"};

// A day `months` before `day`, on the same day of the month (the 28th at the latest).
CivilDate monthsBefore(CivilDate day, int months) {
  int index = day.year() * 12 + (day.month() - 1) - months;
  return *CivilDate::fromParts(index / 12, index % 12 + 1, std::min(day.day(), 28));
}

bool isWorkday(CivilDate day) {
  std::chrono::weekday w{day.days()};
  return w != std::chrono::Saturday && w != std::chrono::Sunday;
}
CivilDate workdayFrom(CivilDate day) {
  while (!isWorkday(day)) day = day.plusDays(1);
  return day;
}

// `minute` minutes after midnight UTC on `day`. Work is done 06:30–14:30 UTC: office hours in Swedish
// time, winter and summer, on the same date.
Clock::time_point at(CivilDate day, int minute) {
  return std::chrono::time_point_cast<Clock::duration>(day.days() + std::chrono::minutes(minute));
}

Error brokenRule(std::string_view what, const std::vector<Error>& errors) {
  std::string text;
  for (const Error& e : errors) text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", e.field, e.message);
  return internalError(fmt::format("the demo simulation broke a rule ({}): {}", what, text));
}

// One registration the staff work on, with what they know of it.
struct Case {
  std::int64_t registrationId = 0;
  std::int64_t personId = 0;
  const DemoResident* resident = nullptr;
  Random random{0};
  double reach = 0.5;  // the chance that a call, message or visit reaches the young person
  bool reached = false;
  int attempts = 0;
  std::string occupation;                    // as last learnt; empty when unknown
  std::string occupationDetail;              // its detail, e.g. komvux, full_time
  bool declined = false;                     // the young person declined contact and support when reached
  bool lastReached = false;                  // the latest contact attempt reached the young person
  std::optional<std::int64_t> planRecordId;  // the registration's plan
  std::vector<std::int64_t> measureIds;      // the registration's measures
};

struct Task {
  Clock::time_point when;
  std::uint64_t order;
  std::function<std::expected<void, Error>()> act;
};
struct LaterFirst {
  bool operator()(const Task& a, const Task& b) const { return std::tie(a.when, a.order) > std::tie(b.when, b.order); }
};

class Simulation {
 public:
  Simulation(Store& store, SimulatedClock& clock, const DemoMunicipality& demo, std::uint64_t seed)
      : store_(store), clock_(clock), demo_(demo), seed_(seed), random_(mixSeed(seed, 0)) {
    for (const DemoResident& r : demo.residents) residents_.emplace(r.details.personalId.number(), &r);
  }

  std::expected<DemoSummary, Error> run(const std::string& passwordHash) {
    const CivilDate first = monthsBefore(demo_.date, 23);
    clock_.set(at(first, 5 * 60));
    if (auto ok = setUp(passwordHash); !ok) return std::unexpected(ok.error());
    runDays_ = demoRunDays(demo_.date);
    for (CivilDate day = first; day <= demo_.date; day = day.plusDays(1)) {
      today_ = day;
      if (runDays_.contains(day))
        if (auto ok = identifyOn(day); !ok) return std::unexpected(ok.error());
      const Clock::time_point end = at(day.plusDays(1), 0);
      while (!tasks_.empty() && tasks_.top().when < end) {
        Task task = tasks_.top();
        tasks_.pop();
        clock_.set(task.when);
        if (auto ok = task.act(); !ok) return std::unexpected(ok.error());
      }
    }
    summary_.residents = static_cast<int>(demo_.residents.size());
    summary_.openRegistrations = static_cast<int>(open_.size());
    std::set<std::int64_t> persons;
    for (const auto& [id, c] : cases_) persons.insert(c->personId);
    summary_.persons = static_cast<int>(persons.size());
    summary_.closedRegistrations = static_cast<int>(cases_.size() - open_.size());
    return summary_;
  }

 private:
  // Units, staff and the municipality's routine.
  std::expected<void, Error> setUp(const std::string& passwordHash) {
    const Actor system{std::nullopt, "system:demo"};
    for (std::string_view unit : {kNorr, kSoder})
      if (auto ok = store_.createUnit(system, std::string(unit)); !ok) return ok;
    for (const DemoUser& u : demoStaff()) {
      auto created = store_.createUser(system, NewUser{u.username, u.roles, passwordHash, u.units});
      if (!created) return std::unexpected(created.error());
      staff_[u.username] = Actor{created->id, u.username};
      if (!u.fullName.empty())
        if (auto ok = store_.setUserContact(system, created->id, u.fullName, u.phone); !ok) return ok;
    }
    return store_.changeSetting(staff_["demo"], "contact_retry_days", std::string(kContactRetryDays));
  }

  void schedule(CivilDate day, std::function<std::expected<void, Error>()> act) {
    day = workdayFrom(day);
    if (day > demo_.date) return;  // after the demo's today: not done yet
    int minute = random_.between(6 * 60 + 30, 14 * 60 + 30);
    if (day == today_) {
      int now =
          static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(clock_.now() - at(today_, 0)).count());
      minute = std::max(minute, std::min(now + 5, 23 * 60));
    }
    tasks_.push(Task{at(day, minute), ++order_, std::move(act)});
  }
  // Schedules `act` for the case's registration, run only while it is open.
  void scheduleForCase(CivilDate day, std::int64_t registrationId,
                       std::function<std::expected<void, Error>(Case&)> act) {
    schedule(day, [this, registrationId, act = std::move(act)]() -> std::expected<void, Error> {
      if (!open_.contains(registrationId)) return {};
      return act(*cases_.at(registrationId));
    });
  }

  // The identification run of `day` on the registers as they stood then.
  std::expected<void, Error> identifyOn(CivilDate day) {
    clock_.set(at(day, 5 * 60 + 30));
    DemoRegisterFiles files = demoRegisterFiles(demo_, day);
    auto population = RegisterFile::fromBytes("population.csv", std::move(files.population));
    auto enrolments = RegisterFile::fromBytes("enrolments.csv", std::move(files.enrolments));
    auto completions = RegisterFile::fromBytes("completions.csv", std::move(files.completions));
    if (!population || !enrolments || !completions) return std::unexpected(internalError("demo registers unreadable"));
    Diagnostics diagnostics;
    Registers registers = readRegisters(*population, *enrolments, *completions, day, diagnostics);
    if (!diagnostics.empty())
      return std::unexpected(internalError("the demo registers are bad: " + diagnostics.messages().front()));
    // The first days of a school term end many registrations at once: the unit knows why, and confirms.
    IdentifyOptions options{day, demo_.code, false, {}, TextEncoding::utf8, true};
    // As `lotsen identify` run monthly by the municipality's job (the CLI's actor).
    auto result = identify(store_, registers, options, Actor{std::nullopt, "system:identify"});
    if (!result) return std::unexpected(result.error());
    ++summary_.identificationRuns;
    auto open = store_.openRegistrations(kProgrammeKaa, demo_.code);
    if (!open) return std::unexpected(open.error());
    std::set<std::int64_t> nowOpen;
    for (const RegisteredPerson& rp : *open) {
      nowOpen.insert(rp.registration.id);
      if (!cases_.contains(rp.registration.id)) openCase(rp);
    }
    for (std::int64_t id : open_)
      if (!nowOpen.contains(id)) endedByRegisters(id);
    open_ = std::move(nowOpen);
    planRegistrationsByHand(day);
    return {};
  }

  // The registers' facts about a resident as they stand on `day`.
  static PersonFacts factsOn(const DemoResident& r, CivilDate day) {
    return PersonFacts{!r.emigrated || *r.emigrated > day,
                       r.registeredSince <= day && (!r.movedOut || *r.movedOut > day), r.details.personalId.birthDate(),
                       r.enrolments, r.completions};
  }

  // In the last year, now and then a young person who has just left school calls in, or the school reports
  // them, before the next run would register them: the unit registers them by hand (called_in,
  // school_report), and the next run confirms it. Near the demo's date, a young person who has moved back
  // from abroad calls in before the population register knows them again: registered by hand, awaiting.
  void planRegistrationsByHand(CivilDate day) {
    if (day < demo_.date.plusDays(-365)) return;
    auto next = runDays_.upper_bound(day);
    if (next == runDays_.end()) return;
    const CivilDate nextRun = *next;
    std::set<std::int64_t> openPersons;
    for (std::int64_t id : open_)
      if (const Case& c = *cases_.at(id); c.resident) openPersons.insert(c.resident->details.personalId.number());
    if (nextRun == demo_.date) {  // the last month: the one who has moved back
      std::vector<std::pair<const DemoResident*, std::string>> returning;
      for (const DemoResident& r : demo_.residents) {
        CivilDate birth = r.details.personalId.birthDate();
        if (r.details.protection != Protection::none || !r.emigrated || *r.emigrated > day.plusDays(-90) ||
            r.movedOut || ageScopeEnd(birth) < demo_.date.plusDays(90) ||
            openPersons.contains(r.details.personalId.number()))
          continue;
        PersonFacts back = factsOn(r, day);
        back.inPopulationRegister = true;  // as they will be once folkbokförda again
        if (TargetGroupDecision d = decideTargetGroup(back, day); d.inGroup)
          returning.emplace_back(&r, std::string(d.reason));
      }
      if (!returning.empty()) {
        auto [r, reason] = returning[byHandRandom_.below(returning.size())];
        CivilDate on = workdayFrom(day.plusDays(byHandRandom_.between(3, 14)));
        if (on < demo_.date)
          schedule(on, [this, r, reason] {
            return registerByHandOn(*r, "called_in", reason, "Har flyttat hem från utlandet, väntar på folkbokföring");
          });
      }
    }
    if (!byHandRandom_.chance(0.6)) return;
    // Those the next run will register: in the group then, not now, and not registered.
    std::vector<std::pair<const DemoResident*, CivilDate>> joining;
    for (const DemoResident& r : demo_.residents) {
      if (r.details.protection != Protection::none || openPersons.contains(r.details.personalId.number())) continue;
      TargetGroupDecision then = decideTargetGroup(factsOn(r, nextRun), nextRun);
      if (!then.inGroup ||
          (then.reason != "dropout_national_programme" && then.reason != "dropout_introduction_programme"))
        continue;
      if (decideTargetGroup(factsOn(r, day), day).inGroup) continue;
      std::optional<CivilDate> left;  // the day after the school ended
      for (const EnrolmentFact& e : r.enrolments)
        if (e.end && *e.end >= day && *e.end < nextRun && (!left || e.end->plusDays(1) > *left))
          left = e.end->plusDays(1);
      if (!left) continue;
      CivilDate on = workdayFrom(left->plusDays(3));
      if (on < nextRun && on < demo_.date && ageScopeStart(r.details.personalId.birthDate()) <= on)
        joining.emplace_back(&r, on);
    }
    if (joining.empty()) return;
    auto [r, on] = joining[byHandRandom_.below(joining.size())];
    TargetGroupDecision then = decideTargetGroup(factsOn(*r, nextRun), nextRun);
    bool school = byHandRandom_.chance(0.5);
    schedule(on, [this, r, reason = std::string(then.reason), school] {
      return registerByHandOn(*r, school ? "school_report" : "called_in", reason,
                              school ? "Skolan anmäler att eleven har slutat" : "Hörde själv av sig efter avbrott");
    });
  }

  // Registers `r` by hand today, as a caseworker of one unit (responsible at once), through the casework
  // service and the API's rules; then the casework begins as for a registration the registers made.
  std::expected<void, Error> registerByHandOn(const DemoResident& r, std::string_view how, std::string_view reason,
                                              std::string_view note) {
    auto known = store_.personByPersonalId(r.details.personalId);
    if (!known) return std::unexpected(known.error());
    std::optional<PersonDetails> details;
    if (!*known) {
      details = r.details;
    } else {
      auto registrations = store_.registrationsOf((*known)->id);
      if (!registrations) return std::unexpected(registrations.error());
      for (const Registration& g : *registrations)
        if (g.programme == kProgrammeKaa && !g.endDate) return {};  // registered since: nothing to do
    }
    const Actor& caseworker = staff_[byHandRandom_.chance(0.5) ? "anna" : "bengt"];
    auto registered = registerByHand(
        store_, caseworker,
        RegistrationByHand{r.details.personalId, std::move(details), today_, std::string(reason), std::string(how),
                           today_},
        caseworker.userId, caseworker.userId == staff_["anna"].userId ? std::string(kNorr) : std::string(kSoder));
    if (!registered) return std::unexpected(registered.error());
    ++summary_.registeredByHand;
    open_.insert(registered->registration.id);
    openCase(*registered, how == "called_in" ? std::string(note) : std::string());
    return {};
  }

  // A new registration: assigned within a week (those of the demo's last day wait in intake), a letter
  // within days, then calls until the young person is reached.
  // A registration by hand (`calledIn`: the young person's own call, noted) is assigned already.
  void openCase(const RegisteredPerson& rp, std::string calledIn = "") {
    auto c = std::make_unique<Case>();
    c->registrationId = rp.registration.id;
    c->personId = rp.person.id;
    c->random = Random(mixSeed(seed_, static_cast<std::uint64_t>(rp.registration.id) + 1'000'000));
    if (auto it = residents_.find(rp.person.details.personalId.number()); it != residents_.end())
      c->resident = it->second;
    Random person(mixSeed(seed_, static_cast<std::uint64_t>(rp.person.details.personalId.number())));
    std::uint64_t kind = person.below(100);
    c->reach = kind < 45 ? 0.5 : kind < 75 ? 0.25 : 0.04;
    Case& k = *c;
    cases_.emplace(rp.registration.id, std::move(c));
    const CivilDate start = rp.registration.startDate;
    const std::int64_t id = k.registrationId;
    const bool byHand = !rp.registration.byHand.empty();
    if (!byHand) scheduleForCase(start.plusDays(k.random.between(1, 5)), id, [this](Case& c) { return assign(c); });
    int firstLetter = k.random.chance(0.92) ? k.random.between(1, 8) : k.random.between(15, 35);
    // Not reached within weeks: the caseworker draws up a plan of the municipality's own efforts, and asks
    // others what the young person does.
    scheduleForCase(start.plusDays(k.random.between(18, 28)), id, [this](Case& c) -> std::expected<void, Error> {
      if (auto ok = askOthers(c); !ok) return ok;
      return c.reached || c.planRecordId || !c.random.chance(0.95) ? std::expected<void, Error>{}
                                                                   : planWithoutThem(c, false);
    });
    if (!calledIn.empty())  // the call that brought the registration about: the young person is reached
      schedule(today_, [this, id, note = std::move(calledIn)] { return attempt(*cases_.at(id), "phone", note, true); });
    else
      scheduleForCase(start.plusDays(byHand ? 1 : firstLetter), id, [this](Case& c) { return attempt(c, "letter"); });
    if (!k.resident) return;
    const DemoResident& r = *k.resident;
    // A letter before the 20th birthday, about when the turning_20 list shows the young person (30 days).
    CivilDate twenty = ageScopeEnd(r.details.personalId.birthDate());
    if (twenty.plusDays(-22) > start.plusDays(14) && k.random.chance(0.9))
      scheduleForCase(twenty.plusDays(-k.random.between(12, 30)), id,
                      [this](Case& c) { return attempt(c, "letter", "Brev inför 20-årsdagen"); });
    // Moving abroad: the young person tells the caseworker, who closes the registration on the day.
    if (r.emigrated && *r.emigrated > start)
      scheduleForCase(r.emigrated->plusDays(k.random.between(0, 4)), id, [this, day = *r.emigrated](Case& c) {
        return c.reached && c.random.chance(0.7) ? close(c, day, "moved_abroad") : std::expected<void, Error>{};
      });
    // Starting school: a young person in contact tells before the enrolment register shows it.
    for (const EnrolmentFact& e : r.enrolments)
      if (e.start > start && e.schoolType == SchoolType::GY)
        scheduleForCase(e.start.plusDays(k.random.between(0, 3)), id, [this, e](Case& c) -> std::expected<void, Error> {
          if (!c.reached || !c.random.chance(0.6)) return {};
          return close(c, e.start,
                       e.introductionProgramme ? "started_introduction_programme" : "started_national_programme");
        });
  }

  const Actor& caseworkerOf(const Case& c) {
    auto r = store_.registration(c.registrationId);
    if (r && r->caseworkerId) {
      for (const auto& [name, actor] : staff_)
        if (actor.userId == r->caseworkerId) return actor;
    }
    if (r && r->unit == kNorr) return staff_["anna"];
    if (r && r->unit == kSoder) return staff_["bengt"];
    return staff_["demo"];
  }

  std::expected<void, Error> assign(Case& c) {
    auto r = store_.registration(c.registrationId);
    if (!r) return std::unexpected(r.error());
    std::string_view unit = c.personId % 2 ? kNorr : kSoder;
    std::optional<std::int64_t> caseworker;
    if (c.personId % 3 != 0) caseworker = staff_[unit == kNorr ? "anna" : "bengt"].userId;
    auto assigned = store_.assignRegistration(staff_["demo"], r->id, r->version, caseworker, std::string(unit));
    if (!assigned) return std::unexpected(assigned.error());
    return {};
  }

  // Swedish local time now, "HH:MM".
  std::string timeNow() const {
    auto local = swedishLocalTime(std::chrono::floor<std::chrono::seconds>(clock_.now()));
    std::chrono::hh_mm_ss time(local - std::chrono::floor<std::chrono::days>(local));
    return fmt::format("{:02}:{:02}", time.hours().count(), time.minutes().count());
  }

  std::expected<RecordTarget, Error> targetOf(const Case& c) {
    auto registration = store_.registration(c.registrationId);
    if (!registration) return std::unexpected(registration.error());
    return RecordTarget{caseContext(today_, timeNow(), *registration), c.personId, c.registrationId};
  }

  // Writes a new record of `kind` through the casework service, as the case's caseworker.
  template <class Value>
  std::expected<CaseRecord, Error> write(Case& c, std::string_view kind, const Value& value) {
    const RecordKind* k = recordKind(kind);
    auto target = targetOf(c);
    if (!target) return std::unexpected(target.error());
    auto data = k->check(json::parse(toJson(value)), store_, *target);
    if (!data) return std::unexpected(brokenRule(kind, data.error()));
    auto written = writeRecord(store_, caseworkerOf(c), *k, *target, *data);
    if (written) ++summary_.caseRecords;
    return written;
  }

  // Revises a record through the casework service's checks, as the case's caseworker.
  template <class Value>
  std::expected<CaseRecord, Error> revise(Case& c, const CaseRecord& record, const Value& value) {
    const RecordKind* k = recordKind(record.kind);
    auto target = targetOf(c);
    if (!target) return std::unexpected(target.error());
    auto data = k->check(json::parse(toJson(value)), store_, *target);
    if (!data) return std::unexpected(brokenRule(record.kind, data.error()));
    return reviseRecord(store_, caseworkerOf(c), record, record.version, *data);
  }

  // What the young person does now, as they tell it at `contact` (kept as the case's occupation), with its
  // detail where there is one; none when they would not say.
  void learnOccupation(Case& c, ContactAttempt& contact) {
    std::string detail;
    const EnrolmentFact* studying = nullptr;  // in the enrolment register: adult education or a folk high school
    if (c.resident)
      for (const EnrolmentFact& e : c.resident->enrolments)
        if (e.isOngoingOn(today_) && (isAdultEducation(e.schoolType) || e.schoolType == SchoolType::FHS)) studying = &e;
    if (studying) {
      c.occupation = "studies";
      detail = studying->schoolType == SchoolType::FHS ? "folkhogskola" : "komvux";
    } else if (!c.occupation.empty() && c.random.chance(0.7)) {
      detail = c.occupationDetail;
    } else {
      std::uint64_t n = c.random.below(100);
      c.occupation = n < 22   ? "work"
                     : n < 28 ? "studies"
                     : n < 31 ? "internship"
                     : n < 39 ? "employment_service_programme"
                     : n < 41 ? "parental_leave"
                     : n < 42 ? "abroad"
                     : n < 44 ? "unavailable"
                     : n < 87 ? "no_occupation"
                              : "";
      if (c.occupation == "work")
        detail = c.random.chance(0.6) ? "full_time" : "part_time";
      else if (c.occupation == "studies")
        detail = c.random.chance(0.7) ? "komvux" : "folkhogskola";
    }
    c.occupationDetail = detail;
    contact.occupation = c.occupation;
    contact.occupationDetail = c.occupation.empty() ? "" : detail;
  }

  // What a young person without occupation will do, as they tell it at a meeting: a course ahead that the
  // registers will show once it starts, or now and then a job from a day agreed.
  std::expected<void, Error> planOccupation(Case& c) {
    if (c.occupation != "no_occupation" && !c.occupation.empty()) return {};
    std::optional<OccupationEntry> planned;
    if (c.resident)
      for (const EnrolmentFact& e : c.resident->enrolments)
        if (e.start > today_ && e.start <= today_.plusDays(120) &&
            (isAdultEducation(e.schoolType) || e.schoolType == SchoolType::FHS))
          planned = OccupationEntry{e.start, "studies", e.schoolType == SchoolType::FHS ? "folkhogskola" : "komvux",
                                    "contact", true};
    if (!planned && c.random.chance(0.04))
      planned = OccupationEntry{today_.plusDays(c.random.between(10, 60)), "work",
                                c.random.chance(0.5) ? "full_time" : "part_time", "contact", true};
    if (!planned) return {};
    if (auto ok = write(c, kOccupationKind, *planned); !ok) return std::unexpected(ok.error());
    return {};
  }

  // The follow-up or evaluation of a measure held at a meeting, recorded in the plan with its conclusion
  // (which takes the planned one off the follow_up worklist); a plan not yet agreed to is agreed now by some.
  std::expected<void, Error> recordReview(Case& c, std::int64_t measureId, std::string_view kind,
                                          std::string_view result, const std::string& content) {
    if (!c.planRecordId) return {};
    auto record = store_.caseRecord(*c.planRecordId);
    if (!record) return std::unexpected(record.error());
    auto plan = parsePlan(record->data);
    if (!plan) return std::unexpected(brokenRule("stored plan", plan.error()));
    std::string conclusion = kind == "evaluation"
                                 ? fmt::format("{} utvärderad och avslutad", content)
                                 : fmt::format("{}: {}", content,
                                               result == "achieved" ? "delmålet nått, fortsätter som planerat"
                                               : result == "partly" ? "på god väg, fortsätter"
                                               : result.empty()     ? "fortsätter"
                                                                : "går trögt, fler samtal inför nästa uppföljning");
    plan->reviews.push_back(PlanReview{today_, std::string(kind), measureId, std::move(conclusion)});
    if (!plan->agreedOn && c.random.chance(0.6)) plan->agreedOn = today_;
    if (plan->reviews.size() > kMaxReviews) plan->reviews.erase(plan->reviews.begin());
    if (auto ok = revise(c, *record, *plan); !ok) return std::unexpected(ok.error());
    return {};
  }

  // A contact attempt: letters inform; calls, messages and visits reach the young person by chance.
  // A letter has no time and reaches no one (an answer is a contact of its own); a contact through a
  // guardian or the school states whether the young person was reached. `surelyReached`: they were (a call
  // they made themselves).
  std::expected<void, Error> attempt(Case& c, std::string_view channel, std::string note = "",
                                     bool surelyReached = false) {
    const bool letter = channel == kLetterChannel;
    bool reached = surelyReached || (!letter && c.random.chance(channel == "home_visit" ? std::max(c.reach, 0.5)
                                                                : isContactThroughSomeoneElse(channel) ? c.reach / 2
                                                                                                       : c.reach));
    ContactAttempt contact{
        today_, letter ? "" : timeNow(), std::string(channel), letter ? std::nullopt : std::optional(reached), "", "",
        false,  std::move(note)};
    // Reached, a few decline contact and support (more often at the first contact); the others tell
    // what they do.
    if (reached && c.random.chance(c.reached ? (c.declined ? 0.3 : 0.01) : 0.04))
      contact.declined = c.declined = true;
    else if (reached)
      c.declined = false, learnOccupation(c, contact);
    if (auto ok = write(c, kContactAttemptKind, contact); !ok) return std::unexpected(ok.error());
    ++c.attempts;
    c.lastReached = reached;
    if (reached && !c.reached) {
      c.reached = true;
      return firstReached(c);
    }
    if (c.reached) return {};
    // Not reached yet: try again, often at first, then within the routine's three weeks (now and then late).
    int days = c.attempts <= 3         ? c.random.between(2, 7)
               : c.random.chance(0.96) ? c.random.between(7, 18)
                                       : c.random.between(24, 45);
    std::string next = c.attempts == 5 && c.random.chance(0.5) ? "home_visit"
                       : c.random.chance(0.6)                  ? "phone"
                       : c.random.chance(0.6)                  ? "sms"
                                                               : "social_media";
    if (next == "phone" && c.resident && ageOn(c.resident->details.personalId.birthDate(), today_) < 18 &&
        c.random.chance(0.2))
      next = c.random.chance(0.75) ? "via_guardian" : "via_school";
    scheduleForCase(today_.plusDays(days), c.registrationId,
                    [this, next](Case& c) { return c.reached ? std::expected<void, Error>{} : attempt(c, next); });
    return {};
  }

  // Reached for the first time: the young person's phone, then a meeting and a plan for most.
  std::expected<void, Error> firstReached(Case& c) {
    if (c.declined) {  // the offer stands, in the municipality's plan: a call again in some months
      scheduleCheckIn(c);
      return c.planRecordId ? std::expected<void, Error>{} : planWithoutThem(c, true);
    }
    if (c.random.chance(0.7)) {
      auto person = store_.person(c.personId);
      if (!person) return std::unexpected(person.error());
      ContactDetails contact{fmt::format("07{}-{:03} {:02} {:02}", c.random.between(0, 9), c.random.between(0, 999),
                                         c.random.between(0, 99), c.random.between(0, 99)),
                             ""};
      if (auto errors = validateContactDetails(contact); !errors.empty())
        return std::unexpected(brokenRule("contact details", errors));
      if (auto ok = store_.setContactDetails(caseworkerOf(c), c.personId, person->version, contact); !ok)
        return std::unexpected(ok.error());
    }
    if (c.random.chance(0.008)) {  // tells of a school start that then never happens: closed, and reopened
      scheduleForCase(today_.plusDays(c.random.between(5, 20)), c.registrationId, [this](Case& c) {
        // Undone within the demo's two years (the school tells within days).
        if (today_.plusDays(14) > demo_.date) return std::expected<void, Error>{};
        if (auto ok = close(c, today_, "started_national_programme"); !ok) return ok;
        std::int64_t id = c.registrationId;
        schedule(today_.plusDays(c.random.between(4, 12)), [this, id] { return reopen(*cases_.at(id)); });
        return std::expected<void, Error>{};
      });
    }
    if (c.random.chance(0.85))
      scheduleForCase(today_.plusDays(c.random.between(3, 15)), c.registrationId, [this](Case& c) { return meet(c); });
    else  // no time for a meeting now: a call within weeks to set one
      scheduleForCase(today_.plusDays(c.random.between(20, 40)), c.registrationId,
                      [this](Case& c) { return checkIn(c); });
    return {};
  }

  void scheduleCheckIn(Case& c) {
    scheduleForCase(today_.plusDays(c.random.between(60, 150)), c.registrationId,
                    [this](Case& c) { return checkIn(c); });
  }

  // A call now and then to hear how things are (another within weeks when it does not reach them); one
  // who has no plan yet is asked to a meeting to draw it up.
  std::expected<void, Error> checkIn(Case& c) {
    if (auto ok = attempt(c, c.random.chance(0.8) ? "phone" : "sms"); !ok) return ok;
    if (!c.lastReached) {
      scheduleForCase(today_.plusDays(c.random.between(7, 21)), c.registrationId,
                      [this](Case& c) { return checkIn(c); });
      return {};
    }
    if (c.random.chance(0.01)) return close(c, today_, "other");
    if (!c.planRecordId && !c.declined && c.random.chance(0.9)) return meet(c);
    scheduleCheckIn(c);
    return {};
  }

  // Not reached of late, or declining: what the young person does, as a guardian, the school or
  // Arbetsförmedlingen knows it (for most), asked again every three to five months; the caseworker
  // keeps trying to reach them.
  std::expected<void, Error> askOthers(Case& c) {
    if ((!c.lastReached || c.declined) && c.random.chance(0.7)) {
      std::uint64_t n = c.random.below(100);
      OccupationEntry told{today_,
                           n < 35   ? "work"
                           : n < 55 ? "employment_service_programme"
                                    : "no_occupation",
                           "", "other", false};
      if (told.kind == "work") told.detail = c.random.chance(0.5) ? "full_time" : "part_time";
      if (auto ok = write(c, kOccupationKind, told); !ok) return std::unexpected(ok.error());
    }
    scheduleForCase(today_.plusDays(c.random.between(90, 150)), c.registrationId,
                    [this](Case& c) { return askOthers(c); });
    return {};
  }

  // A plan of the municipality's own efforts, drawn up without the young person (so not agreed to): to
  // reach one who has not been reached, or to offer support again to one who declined it.
  std::expected<void, Error> planWithoutThem(Case& c, bool declined) {
    PlanGoal goal{"g1", "Få kontakt och ta reda på sysselsättning", today_.plusDays(90), {}, {}};
    PlanGoal step{"g1.1", "Hembesök eller möte via skolan", today_.plusDays(45), {}, {}};
    if (declined) {
      goal.title = "Erbjuda stöd igen";
      goal.targetDate = today_.plusDays(180);
      step.title = "Samtal om hur det går varje kvartal";
      step.targetDate = today_.plusDays(90);
    }
    goal.subGoals.push_back(std::move(step));
    Plan plan{today_, std::nullopt, {std::move(goal)}, {}};
    auto written = write(c, kPlanKind, plan);
    if (!written) return std::unexpected(written.error());
    c.planRecordId = written->id;
    return {};
  }

  // A meeting: occupation, measures with a responsible party and the individual plan linking them.
  std::expected<void, Error> meet(Case& c) {
    ContactAttempt meeting{today_, timeNow(), "meeting", true, "", "", false, ""};
    learnOccupation(c, meeting);
    if (auto ok = write(c, kContactAttemptKind, meeting); !ok) return std::unexpected(ok.error());
    if (auto ok = planOccupation(c); !ok) return ok;
    const std::string& o = c.occupation;
    double measureChance = o == "no_occupation" || o.empty()     ? 0.9
                           : o == "employment_service_programme" ? 0.25
                           : o == "parental_leave"               ? 0.1
                                                                 : 0.2;
    std::vector<std::int64_t> started;
    std::string goal = o == "work"      ? "Behålla och utveckla sitt arbete"
                       : o == "studies" ? "Slutföra sina studier"
                                        : "Påbörja studier eller arbete";
    // Drawn up at the meeting, and agreed to there by most; the others agree at a follow-up, or never.
    Plan plan{today_, c.random.chance(0.85) ? std::optional(today_) : std::nullopt, {}, {}};
    plan.goals.push_back(PlanGoal{"g1", goal, today_.plusDays(180), {}, {}});
    if (c.random.chance(measureChance)) {
      Measure m = chooseMeasure(c);
      auto written = write(c, kMeasureKind, m);
      if (!written) return std::unexpected(written.error());
      c.measureIds.push_back(written->id);
      if (m.start) started.push_back(written->id);
      plan.goals[0].subGoals.push_back(PlanGoal{"g1.1", m.content, today_.plusDays(90), {written->id}, {}});
      if (c.random.chance(0.3)) {  // something the young person does themselves
        Measure own{"other",
                    "Söka tre jobb eller utbildningar i veckan",
                    "individual",
                    "",
                    std::nullopt,
                    today_,
                    std::nullopt,
                    "",
                    today_.plusDays(c.random.between(21, 35)),
                    std::nullopt,
                    std::nullopt};
        auto mine = write(c, kMeasureKind, own);
        if (!mine) return std::unexpected(mine.error());
        c.measureIds.push_back(mine->id);
        started.push_back(mine->id);
        plan.goals[0].subGoals.push_back(PlanGoal{"g1.2", own.content, today_.plusDays(60), {mine->id}, {}});
      }
    } else {
      plan.goals[0].subGoals.push_back(PlanGoal{"g1.1", "Uppföljning varje kvartal", today_.plusDays(90), {}, {}});
    }
    if (!c.planRecordId) {
      auto written = write(c, kPlanKind, plan);
      if (!written) return std::unexpected(written.error());
      c.planRecordId = written->id;
    } else if (c.planRecordId) {  // the plan drawn up before the young person was reached: now with them
      auto record = store_.caseRecord(*c.planRecordId);
      if (!record) return std::unexpected(record.error());
      auto before = parsePlan(record->data);
      if (!before) return std::unexpected(brokenRule("stored plan", before.error()));
      if (!before->agreedOn) {
        plan.drawnUpOn = before->drawnUpOn;
        plan.reviews = std::move(before->reviews);
        if (auto ok = revise(c, *record, plan); !ok) return std::unexpected(ok.error());
      }
    }
    for (std::int64_t measure : started) scheduleFollowUp(c, measure);
    if (started.empty()) scheduleCheckIn(c);
    return {};
  }

  Measure chooseMeasure(Case& c) {
    Measure m{"",
              "",
              "municipality",
              "",
              std::nullopt,
              today_,
              std::nullopt,
              "",
              today_.plusDays(c.random.between(21, 35)),
              today_.plusDays(c.random.between(80, 110)),
              std::nullopt};
    std::uint64_t n = c.random.below(100);
    if (n < 30) {
      m.type = "study_and_career_guidance", m.content = "Vägledningssamtal om utbildningsval";
    } else if (n < 55) {
      m.type = "motivational_talks", m.content = "Regelbundna samtal varannan vecka";
    } else if (n < 70) {
      m.type = "internship", m.content = "Praktik fyra veckor", m.responsible = "other_actor",
      m.partner = c.random.pick(kInternshipPartners);
    } else if (n < 80) {
      m.type = "preparatory_course", m.content = "Förberedande kurs inför studier", m.responsible = "other_actor",
      m.partner = c.random.pick(kCoursePartners);
    } else if (n < 90) {
      m.type = "referral_to_other_actor", m.content = "Inskrivning hos Arbetsförmedlingen",
      m.responsible = "other_actor", m.partner = "Arbetsförmedlingen";
    } else if (n < 95) {
      m.type = "study_visit", m.content = "Studiebesök på gymnasieskola";
    } else {
      m.type = "youth_employment", m.content = "Ungdomsanställning", m.responsible = "other_actor",
      m.partner = "Borås Stad";
    }
    if (c.random.chance(0.1)) {  // offered, planned and declined
      m.plannedStart = m.start;
      m.start.reset();
      m.followUp.reset();
      m.evaluation.reset();
      m.declined = today_;
    }
    return m;
  }

  void scheduleFollowUp(Case& c, std::int64_t measureId) {
    auto record = store_.caseRecord(measureId);
    if (!record) return;
    auto m = parseMeasure(record->data);
    if (!m || !m->followUp) return;
    int late = c.random.chance(0.95) ? c.random.between(-3, 2) : c.random.between(9, 20);
    scheduleForCase(m->followUp->plusDays(late), c.registrationId,
                    [this, measureId](Case& c) { return followUp(c, measureId); });
  }

  // The plan's goal or sub-goal that a measure serves.
  std::optional<std::string> goalOf(Case& c, std::int64_t measureId) {
    if (!c.planRecordId) return std::nullopt;
    auto record = store_.caseRecord(*c.planRecordId);
    if (!record) return std::nullopt;
    auto plan = parsePlan(record->data);
    if (!plan) return std::nullopt;
    for (const PlanGoal& g : plan->goals) {
      for (const PlanGoal& s : g.subGoals)
        if (std::find(s.measureIds.begin(), s.measureIds.end(), measureId) != s.measureIds.end()) return s.id;
      if (std::find(g.measureIds.begin(), g.measureIds.end(), measureId) != g.measureIds.end()) return g.id;
    }
    return plan->goals.empty() ? std::nullopt : std::optional(plan->goals.front().id);
  }

  // A follow-up of a measure: a meeting, the goal assessed, and the measure ended or followed up again.
  std::expected<void, Error> followUp(Case& c, std::int64_t measureId) {
    auto record = store_.caseRecord(measureId);
    if (!record) return std::unexpected(record.error());
    auto m = parseMeasure(record->data);
    if (!m) return std::unexpected(brokenRule("stored measure", m.error()));
    if (m->end || record->voided) return {};
    ContactAttempt meeting{today_, timeNow(), "meeting", true, "", "", false, ""};
    learnOccupation(c, meeting);
    if (auto ok = write(c, kContactAttemptKind, meeting); !ok) return std::unexpected(ok.error());
    const bool evaluation = m->evaluation && today_ >= m->evaluation->plusDays(-10);
    std::string result;
    if (auto goal = goalOf(c, measureId)) {
      std::uint64_t n = c.random.below(100);
      result = n < 30 ? "achieved" : n < 75 ? "partly" : "not_achieved";
      GoalAssessment assessment{*goal, today_, result, ""};
      if (auto ok = write(c, kGoalAssessmentKind, assessment); !ok) return std::unexpected(ok.error());
    }
    if (auto ok = recordReview(c, measureId, evaluation ? "evaluation" : "follow_up", result, m->content); !ok)
      return ok;
    if (evaluation) {
      std::uint64_t n = c.random.below(100);
      m->end = today_;
      m->endReason = n < 45   ? "completed"
                     : n < 65 ? "started_work"
                     : n < 80 ? "started_studies"
                              : "discontinued_by_individual";
      if (auto ok = revise(c, *record, *m); !ok) return std::unexpected(ok.error());
      if (m->endReason == "started_work" || m->endReason == "started_studies") {
        c.occupation = m->endReason == "started_work" ? "work" : "studies";
        c.occupationDetail = c.occupation == "studies" ? "komvux" : c.random.chance(0.6) ? "full_time" : "part_time";
        OccupationEntry now{today_, c.occupation, c.occupationDetail, "contact", false};
        if (auto ok = write(c, kOccupationKind, now); !ok) return std::unexpected(ok.error());
      }
      scheduleCheckIn(c);
      return {};
    }
    m->followUp = today_.plusDays(c.random.between(25, 40));
    if (m->evaluation && *m->followUp > *m->evaluation) m->followUp = m->evaluation;
    if (auto ok = revise(c, *record, *m); !ok) return std::unexpected(ok.error());
    scheduleFollowUp(c, measureId);
    return {};
  }

  // Closes the registration by hand, as the young person reported.
  std::expected<void, Error> close(Case& c, CivilDate day, std::string_view reason) {
    auto registration = store_.registration(c.registrationId);
    if (!registration) return std::unexpected(registration.error());
    if (registration->endDate || day < registration->startDate) return {};
    if (auto ok = checkHandClosure(reason, day, c.resident ? c.resident->details.personalId.birthDate() : day); !ok)
      return std::unexpected(brokenRule("closure", {ok.error()}));
    auto closed =
        closeRegistration(store_, caseworkerOf(c), *registration, registration->version, day, std::string(reason));
    if (!closed) return std::unexpected(closed.error());
    open_.erase(c.registrationId);
    ++summary_.handClosures;
    return {};
  }

  // Undoes a closure that proved wrong.
  std::expected<void, Error> reopen(Case& c) {
    auto registration = store_.registration(c.registrationId);
    if (!registration) return std::unexpected(registration.error());
    if (!registration->endDate || !registration->closedByHand) return {};
    auto reopened = reopenRegistration(store_, caseworkerOf(c), *registration, registration->version,
                                       "Skolan meddelar att den unga aldrig började; avslutet var fel");
    if (!reopened) return std::unexpected(reopened.error());
    open_.insert(c.registrationId);
    ++summary_.reopenings;
    scheduleCheckIn(c);
    return {};
  }

  // A registration the registers ended: its measures under way end too, within days.
  void endedByRegisters(std::int64_t registrationId) {
    Case& c = *cases_.at(registrationId);
    if (c.measureIds.empty()) return;
    schedule(today_.plusDays(c.random.between(1, 6)), [this, registrationId]() -> std::expected<void, Error> {
      Case& c = *cases_.at(registrationId);
      auto registration = store_.registration(registrationId);
      if (!registration) return std::unexpected(registration.error());
      if (!registration->endDate) return {};
      const std::string& why = registration->endReason.value_or("");
      for (std::int64_t id : c.measureIds) {
        auto record = store_.caseRecord(id);
        if (!record) return std::unexpected(record.error());
        auto m = parseMeasure(record->data);
        if (!m || !m->start || m->end) continue;
        m->end = std::max(*m->start, *registration->endDate);
        m->endReason =
            why.starts_with("started_") || why == "completed_degree" ? "started_studies" : "registration_ended";
        if (auto ok = revise(c, *record, *m); !ok) return std::unexpected(ok.error());
      }
      return {};
    });
  }

  Store& store_;
  SimulatedClock& clock_;
  const DemoMunicipality& demo_;
  std::uint64_t seed_;
  Random random_;                           // the times of day
  Random byHandRandom_{mixSeed(seed_, 2)};  // who is registered by hand, when and by whom
  std::set<CivilDate> runDays_;             // the days of the identification runs
  CivilDate today_ = *CivilDate::fromParts(1900, 1, 1);
  std::map<std::int64_t, const DemoResident*> residents_;  // by personal id
  std::map<std::string, Actor> staff_;
  std::map<std::int64_t, std::unique_ptr<Case>> cases_;  // by registration id
  std::set<std::int64_t> open_;                          // the open registrations
  std::priority_queue<Task, std::vector<Task>, LaterFirst> tasks_;
  std::uint64_t order_ = 0;
  DemoSummary summary_;
};

}  // namespace

std::set<CivilDate> demoRunDays(CivilDate date) {
  // None in the summer: the new school year's enrolments are not in the register until the autumn term starts,
  // so a run from July until then would register everyone who has just left compulsory school, for a month (the
  // unit waits, as units do). With the runs on the 2nd of each month, an August run registered some 800 young
  // persons and the September run ended them again.
  std::set<CivilDate> days{date};
  for (int m = 1; m <= 23; ++m) {
    CivilDate day = monthsBefore(date, m);
    if (day < *CivilDate::fromParts(day.year(), 7, 1) || day >= autumnTermStart(day.year())) days.insert(day);
  }
  return days;
}

std::expected<DemoSummary, Error> simulateDemo(Store& store, SimulatedClock& clock, const DemoMunicipality& demo,
                                               std::uint64_t seed, const std::string& passwordHash) {
  std::expected<DemoSummary, Error> summary = std::unexpected(internalError("not run"));
  auto done = store.transaction([&]() -> std::expected<void, Error> {
    auto existing = store.searchPersons({{}, "", 0, 1, {}});
    if (!existing) return std::unexpected(existing.error());
    if (existing->total > 0)
      return std::unexpected(conflict("the database already holds persons; demo data goes into an empty database"));
    Simulation simulation(store, clock, demo, seed);
    summary = simulation.run(passwordHash);
    if (!summary) return std::unexpected(summary.error());
    return {};
  });
  if (!done) return std::unexpected(done.error());
  return summary;
}

}  // namespace lotsen
