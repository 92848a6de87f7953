#include "identify/identify.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../store/database_test.h"
#include "domain/text.h"
#include "identify/options.h"
#include "register_builder.h"
#include "store/case_records.h"

namespace lotsen::testing {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }
const Actor kActor{std::nullopt, "system:test"};

class IdentifyTest : public DatabaseTest {
 protected:
  IdentificationResult run(const RegisterBuilder& b, std::string_view when, bool dryRun = false,
                           std::string municipality = "1490") {
    Diagnostics diagnostics;
    Registers registers = b.read(date(when), diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    // The large-change guard has tests of its own; these runs are confirmed.
    auto result = identify(*store_, registers,
                           IdentifyOptions{date(when), municipality, dryRun, {}, TextEncoding::utf8, true}, kActor);
    EXPECT_TRUE(result) << (result ? "" : result.error().message);
    return result.value_or(IdentificationResult{date(when), municipality, dryRun, {}, std::nullopt});
  }
  std::vector<RegisteredPerson> open() { return *store_->openRegistrations(kProgrammeKaa, ""); }
  std::optional<Registration> registrationOf(const std::string& pid) {
    auto person = *store_->personByPersonalId(*PersonalId::parse(pid, date("2026-01-01")));
    if (!person) return std::nullopt;
    auto regs = *store_->registrationsOf(person->id);
    if (regs.empty()) return std::nullopt;
    return regs.back();
  }
  std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

TEST_F(IdentifyTest, RegistersTheTargetGroupWithReasonsAndOneEventEach) {
  RegisterBuilder b;
  std::string dropout = pnr("20080101", 1), never = pnr("20090505", 3), student = pnr("20080707", 5);
  b.person(dropout).person(never).person(student);
  b.enrol(dropout, "GY", "NA", "2024-08-20", "2025-02-01", "ja").enrol(student, "GY", "TE", "2024-08-20");
  auto result = run(b, "2026-03-01");
  auto total = result.total();
  EXPECT_EQ(total.targetGroup, 2u);
  EXPECT_EQ(total.registeredByReason["dropout_national_programme"], 1u);
  EXPECT_EQ(total.registeredByReason["never_started"], 1u);
  EXPECT_TRUE(result.runId);
  auto r = registrationOf(dropout);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->startDate, date("2026-03-01"));
  EXPECT_EQ(r->reason, "dropout_national_programme");
  EXPECT_FALSE(registrationOf(student));
  auto person = *store_->personByPersonalId(*PersonalId::parse(dropout, date("2026-01-01")));
  auto events = *store_->eventsOf(person->id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type, "registration.created");
}

TEST_F(IdentifyTest, RunningAgainWithTheSameInputsChangesNothing) {
  RegisterBuilder b;
  b.person(pnr("20080101", 1)).person(pnr("20090505", 3));
  run(b, "2026-03-01");
  auto eventsBefore = store_->eventsOf(1)->size() + store_->eventsOf(2)->size();
  auto again = run(b, "2026-03-01").total();
  EXPECT_EQ(again.registeredByReason.size(), 0u);
  EXPECT_EQ(again.deregisteredByReason.size(), 0u);
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(again.detailsUpdated, 0u);
  EXPECT_EQ(store_->eventsOf(1)->size() + store_->eventsOf(2)->size(), eventsBefore);
  EXPECT_EQ(store_->identificationRuns(10)->size(), 2u) << "each run is recorded";
}

TEST_F(IdentifyTest, LeaversAreDeregisteredWithTheirReason) {
  RegisterBuilder before;
  std::string moves = pnr("20080101", 1), leaves = pnr("20080202", 3), ages = pnr("20060401", 5),
              graduates = pnr("20080303", 7), starts = pnr("20080404", 9), startsIm = pnr("20080505", 11);
  for (const auto& p : {moves, leaves, ages, graduates, starts, startsIm}) before.person(p);
  run(before, "2026-03-01");
  ASSERT_EQ(open().size(), 6u);

  RegisterBuilder after;
  after.person(moves, "1401").person(ages).person(graduates).person(starts).person(startsIm);
  after.complete(graduates, "gymnasieexamen", "2026-03-15");
  after.enrol(starts, "GY", "EK", "2026-03-20").enrol(startsIm, "GY", "IMA", "2026-03-20");
  auto result = run(after, "2026-04-02").total();
  EXPECT_EQ(result.deregisteredByReason["moved_out"], 1u);
  EXPECT_EQ(result.deregisteredByReason["left_population_register"], 1u);
  EXPECT_EQ(result.deregisteredByReason["turned_20"], 1u);
  EXPECT_EQ(result.deregisteredByReason["completed_degree"], 1u);
  EXPECT_EQ(result.deregisteredByReason["started_national_programme"], 1u);
  EXPECT_EQ(result.deregisteredByReason["started_introduction_programme"], 1u);
  EXPECT_TRUE(open().empty());
  auto r = registrationOf(moves);
  EXPECT_EQ(r->endReason, "moved_out");
}

// Issue 12: turned_20 was dated on the run's day for 229 of 234. Every deregistration is dated when its
// fact happened, never before the registration started nor after the run.
TEST_F(IdentifyTest, DeregistrationsAreDatedWhenTheirFactHappened) {
  RegisterBuilder before;
  std::string moves = pnr("20080101", 1), leaves = pnr("20080202", 3), ages = pnr("20060320", 5),
              graduates = pnr("20080303", 7), starts = pnr("20080404", 9), startsIm = pnr("20080505", 11),
              graduatedEarlier = pnr("20080606", 13);
  for (const auto& p : {moves, leaves, ages, graduates, starts, startsIm, graduatedEarlier}) before.person(p);
  run(before, "2026-03-01");

  RegisterBuilder after;
  after.person(moves, "1401", "", "Alva", "Storgatan 1", "2026-03-10");
  after.person(ages).person(graduates).person(starts).person(startsIm).person(graduatedEarlier);
  after.complete(graduates, "gymnasieexamen", "2026-03-15").complete(graduatedEarlier, "gymnasieexamen", "2025-06-10");
  after.enrol(starts, "GY", "EK", "2026-03-20").enrol(startsIm, "GY", "IMA", "2026-03-21");
  run(after, "2026-04-02");
  auto endedOn = [&](const std::string& pid) { return registrationOf(pid)->endDate.value().iso(); };
  EXPECT_EQ(endedOn(moves), "2026-03-10") << "registered in the other municipality from then";
  EXPECT_EQ(endedOn(leaves), "2026-04-02") << "the register does not say when: the run's day";
  EXPECT_EQ(endedOn(graduates), "2026-03-15");
  EXPECT_EQ(endedOn(starts), "2026-03-20");
  EXPECT_EQ(endedOn(startsIm), "2026-03-21");
  EXPECT_EQ(endedOn(graduatedEarlier), "2026-03-01") << "never before the registration started";
}

// Issue 12: a registration closed by hand (moved abroad, reported by the young person) was registered
// again by the next run for the same day. It stands until the registers show something new after it.
TEST_F(IdentifyTest, AClosureByHandStandsUntilTheRegistersShowSomethingNew) {
  RegisterBuilder b;
  std::string abroad = pnr("20080101", 1);
  b.person(abroad);
  run(b, "2026-03-01");
  auto r = registrationOf(abroad);
  Actor caseworker{std::int64_t{1}, "anna"};
  ASSERT_TRUE(
      store_->endRegistration(caseworker, r->id, r->version, date("2026-03-05"), "moved_abroad", EndedBy::hand));
  auto again = run(b, "2026-03-10");
  EXPECT_EQ(again.total().closuresRespected, 1u);
  EXPECT_EQ(again.total().registeredByReason.size(), 0u);
  ASSERT_EQ(again.municipalities[0].changes.size(), 1u);
  EXPECT_EQ(again.municipalities[0].changes[0].change, IdentificationChange::Kind::closure_respected);
  EXPECT_FALSE(registrationOf(abroad)->endDate == std::nullopt) << "still closed";

  // Back, and enrolled on a national programme that she left: the registers show something new.
  b.enrol(abroad, "GY", "NA", "2026-03-15", "2026-04-01", "ja");
  auto back = run(b, "2026-04-10");
  EXPECT_EQ(back.total().closuresRespected, 0u);
  EXPECT_EQ(back.total().registeredByReason["dropout_national_programme"], 1u);
  EXPECT_FALSE(registrationOf(abroad)->endDate) << "registered again";
}

// Issue 12: a young person registered by hand before the registers know them stands while they are in
// no population register; then the registers decide, and the run says what it did with each.
TEST_F(IdentifyTest, ARegistrationByHandStandsUntilTheRegistersKnowThePersonThenTheyDecide) {
  std::string called = pnr("20080101", 1), reported = pnr("20080202", 3), other = pnr("20080303", 5);
  Actor caseworker{std::int64_t{1}, "anna"};
  for (const std::string& pid : {called, reported}) {
    auto person =
        store_->createPerson(caseworker, PersonDetails{*PersonalId::parse(pid, date("2026-01-01")), "Åsa", "Öst",
                                                       "Storgatan 1", "50330", "Borås", "1490", Protection::none});
    ASSERT_TRUE(person);
    ASSERT_TRUE(store_->createRegistration(
        caseworker, {person->id, std::string(kProgrammeKaa), date("2026-03-02"), "never_started", "called_in"}));
  }
  RegisterBuilder none;
  none.person(other);
  auto first = run(none, "2026-03-05").total();
  EXPECT_EQ(first.byHandAwaiting, 2u);
  EXPECT_EQ(first.deregisteredByReason.size(), 0u) << "not folkbokförd yet is no reason to end them";
  EXPECT_TRUE(registrationOf(called)->awaitingRegisters);

  RegisterBuilder b;
  b.person(other).person(called).person(reported).enrol(reported, "GY", "NA", "2026-03-04");
  auto dry = run(b, "2026-03-10", true).total();
  EXPECT_EQ(dry.byHandConfirmed, 1u);
  EXPECT_TRUE(registrationOf(called)->awaitingRegisters) << "a dry run writes nothing";
  auto second = run(b, "2026-03-10");
  EXPECT_EQ(second.total().byHandConfirmed, 1u);
  EXPECT_EQ(second.total().byHandEnded, 1u);
  EXPECT_FALSE(registrationOf(called)->awaitingRegisters);
  EXPECT_FALSE(registrationOf(called)->endDate) << "confirmed";
  EXPECT_EQ(registrationOf(reported)->endReason, "started_national_programme");
  EXPECT_EQ(registrationOf(reported)->endDate, date("2026-03-04")) << "the day the enrolment started";
  bool listed = false;
  for (const IdentificationChange& c : second.municipalities[0].changes)
    listed |= c.byHand && c.change == IdentificationChange::Kind::confirmed;
  EXPECT_TRUE(listed);
  EXPECT_EQ(run(b, "2026-03-11").total().byHandConfirmed, 0u) << "confirmed once";
}

// Replay of issue 12's week: a young person who called in to say she had dropped out was registered by
// hand, and the next run ended it as "started a national programme" on the run's date, because the
// enrolment register did not show the dropout yet.
TEST_F(IdentifyTest, ARegistrationByHandStandsWhileTheRegistersShowNothingNewAfterItThenTheyDecide) {
  std::string dropout = pnr("20080512", 1);
  RegisterBuilder enrolled;
  enrolled.person(dropout).enrol(dropout, "GY", "NA", "2025-08-20");
  Actor caseworker{std::int64_t{1}, "anna"};
  auto person =
      store_->createPerson(caseworker, PersonDetails{*PersonalId::parse(dropout, date("2026-01-01")), "Maja", "Ek",
                                                     "Storgatan 1", "50330", "Borås", "1490", Protection::none});
  ASSERT_TRUE(person);
  ASSERT_TRUE(store_->createRegistration(caseworker, {person->id, std::string(kProgrammeKaa), date("2026-03-02"),
                                                      "dropout_national_programme", "called_in"}));
  auto stands = run(enrolled, "2026-03-10").total();
  EXPECT_EQ(stands.byHandAwaiting, 1u);
  EXPECT_EQ(stands.byHandEnded, 0u);
  EXPECT_FALSE(registrationOf(dropout)->endDate);

  RegisterBuilder shown;
  shown.person(dropout).enrol(dropout, "GY", "NA", "2025-08-20", "2026-02-27");
  EXPECT_EQ(run(shown, "2026-04-01").total().byHandConfirmed, 1u) << "the register shows the dropout now";
  EXPECT_FALSE(registrationOf(dropout)->endDate);
  EXPECT_FALSE(registrationOf(dropout)->awaitingRegisters);
}

// Issue 14: a half-year file must not report a registration reason the registers contradict. Each run notes
// the reason the registers give for the registration's start, and lists each contradiction while it remains:
// a caseworker's reason chosen by hand, or the registers corrected after the run that registered.
TEST_F(IdentifyTest, ARegistrationReasonTheRegistersContradictIsNotedAndListedUntilCorrected) {
  std::string called = pnr("20080101", 1), late = pnr("20080202", 3);
  Actor caseworker{std::int64_t{1}, "anna"};
  auto person =
      store_->createPerson(caseworker, PersonDetails{*PersonalId::parse(called, date("2026-01-01")), "Åsa", "Öst",
                                                     "Storgatan 1", "50330", "Borås", "1490", Protection::none});
  ASSERT_TRUE(person);
  ASSERT_TRUE(store_->createRegistration(
      caseworker, {person->id, std::string(kProgrammeKaa), date("2026-03-02"), "never_started", "called_in"}));
  RegisterBuilder b;
  b.person(called).enrol(called, "GY", "NA", "2025-08-20", "2026-02-20", "ja").person(late);
  auto first = run(b, "2026-03-10");
  EXPECT_EQ(first.total().reasonsContradicted, 1u);
  auto contradicted = [](const IdentificationResult& r) {
    std::vector<std::string> reasons;
    for (const IdentificationChange& c : r.municipalities[0].changes)
      if (c.change == IdentificationChange::Kind::reason_contradicted) reasons.push_back(c.reason);
    return reasons;
  };
  EXPECT_EQ(contradicted(first), std::vector<std::string>{"dropout_national_programme"});
  EXPECT_EQ(registrationOf(called)->registersReason, "dropout_national_programme");
  EXPECT_TRUE(reasonContradictsRegisters(*registrationOf(called)));
  EXPECT_EQ(registrationOf(late)->registersReason, "never_started") << "a registration the registers made agrees";
  EXPECT_FALSE(reasonContradictsRegisters(*registrationOf(late)));
  EXPECT_EQ(run(b, "2026-03-11").total().reasonsContradicted, 1u) << "listed while it remains";

  auto r = registrationOf(called);
  ASSERT_TRUE(store_->correctRegistrationReason(caseworker, r->id, r->version, "dropout_national_programme"));
  EXPECT_FALSE(reasonContradictsRegisters(*registrationOf(called)));
  EXPECT_EQ(run(b, "2026-03-12").total().reasonsContradicted, 0u) << "corrected";
  EXPECT_EQ(store_->correctRegistrationReason(caseworker, r->id, r->version, "studiebevis").error().kind,
            ErrorKind::conflict)
      << "a stale version";
  r = registrationOf(called);
  EXPECT_EQ(store_->correctRegistrationReason(caseworker, r->id, r->version, "moved_out").error().field, "reason");

  // The enrolment register reports late that she had left a national programme before she was registered.
  b.enrol(late, "GY", "EK", "2025-08-20", "2026-03-01", "ja");
  auto corrected = run(b, "2026-04-01");
  EXPECT_EQ(contradicted(corrected), std::vector<std::string>{"dropout_national_programme"});
  EXPECT_TRUE(reasonContradictsRegisters(*registrationOf(late)));
}

// A run started by a user (the API passes the signed-in administrator) ends registrations from the
// registers: no closure by hand, which would keep the person out of later runs.
TEST_F(IdentifyTest, ARunStartedByAUserEndsRegistrationsByTheRegistersNotByHand) {
  RegisterBuilder b;
  std::string leaves = pnr("20080101", 1);
  b.person(leaves);
  run(b, "2026-03-01");
  RegisterBuilder after;
  after.person(pnr("20080202", 3));
  Diagnostics diagnostics;
  Registers registers = after.read(date("2026-03-05"), diagnostics);
  auto result =
      identify(*store_, registers, IdentifyOptions{date("2026-03-05"), "1490", false, {}, TextEncoding::utf8, true},
               Actor{std::int64_t{1}, "admin"});
  ASSERT_TRUE(result);
  EXPECT_EQ(registrationOf(leaves)->endReason, "left_population_register");
  EXPECT_FALSE(registrationOf(leaves)->closedByHand);
}

TEST_F(IdentifyTest, AClosureByIdentificationDoesNotStandInTheWay) {
  RegisterBuilder b;
  std::string back = pnr("20080101", 1);
  b.person(back);
  run(b, "2026-03-01");
  RegisterBuilder away;
  away.person(pnr("20080202", 3));
  run(away, "2026-03-05");
  EXPECT_EQ(registrationOf(back)->endReason, "left_population_register");
  EXPECT_FALSE(registrationOf(back)->closedByHand);
  EXPECT_EQ(run(b, "2026-03-10").total().registeredByReason.size(), 1u);
}

TEST_F(IdentifyTest, TurnedTwentyIsDatedOnTheBirthday) {
  RegisterBuilder b;
  std::string ages = pnr("20060320", 5);
  b.person(ages);
  run(b, "2026-03-01");
  run(b, "2026-11-22");
  EXPECT_EQ(registrationOf(ages)->endReason, "turned_20");
  EXPECT_EQ(registrationOf(ages)->endDate, date("2026-03-20"));
}

TEST_F(IdentifyTest, IntroductionProgrammeStudentsWereInsideBeforeJuly2018) {
  RegisterBuilder b;
  std::string im = pnr("20010101", 1);
  b.person(im).enrol(im, "GY", "IMIND", "2017-08-20");
  EXPECT_EQ(run(b, "2018-06-30").total().registeredByReason["introduction_programme_student"], 1u);
  EXPECT_EQ(run(b, "2018-07-01").total().deregisteredByReason["started_introduction_programme"], 1u);
}

TEST_F(IdentifyTest, NamesAddressesAndProtectionAreUpdated) {
  RegisterBuilder b;
  std::string p = pnr("20080101", 1);
  b.person(p);
  run(b, "2026-03-01");
  RegisterBuilder moved;
  moved.person(p, "1490", "skyddad_folkbokforing", "Alva", "Nygatan 9");
  EXPECT_EQ(run(moved, "2026-04-01").total().detailsUpdated, 1u);
  auto person = *store_->personByPersonalId(*PersonalId::parse(p, date("2026-01-01")));
  EXPECT_EQ(person->details.streetAddress, "Nygatan 9");
  EXPECT_EQ(person->details.protection, Protection::protected_registration);
}

TEST_F(IdentifyTest, AdultEducationIsRecordedAsStudiesOnce) {
  RegisterBuilder b;
  std::string p = pnr("20080101", 1);
  b.person(p).enrol(p, "VUX", "", "2026-01-10");
  EXPECT_EQ(run(b, "2026-03-01").total().occupationsRecorded, 1u);
  EXPECT_EQ(run(b, "2026-03-02").total().occupationsRecorded, 0u);
  auto person = *store_->personByPersonalId(*PersonalId::parse(p, date("2026-01-01")));
  auto occupation = occupationOf(*store_, person->id)->current;
  ASSERT_TRUE(occupation);
  EXPECT_EQ(occupation->kind, "studies");
  EXPECT_EQ(occupation->detail, "komvux");
  EXPECT_EQ(occupation->source, "enrolment_register");
}

TEST_F(IdentifyTest, DryRunWritesNothing) {
  RegisterBuilder b;
  b.person(pnr("20080101", 1)).person(pnr("20090505", 3));
  store_.reset();
  std::string before = fileBytes(path_);
  store_ = std::move(*openStore(path_));
  auto result = run(b, "2026-03-01", true);
  EXPECT_EQ(result.total().registeredByReason["never_started"], 2u);
  EXPECT_TRUE(result.dryRun);
  EXPECT_FALSE(result.runId);
  EXPECT_TRUE(open().empty());
  EXPECT_TRUE(store_->identificationRuns(10)->empty());
  store_.reset();
  EXPECT_EQ(fileBytes(path_), before);
}

TEST_F(IdentifyTest, OtherMunicipalitiesAreLeftAlone) {
  RegisterBuilder b;
  b.person(pnr("20080101", 1), "1401").person(pnr("20090505", 3));
  EXPECT_EQ(run(b, "2026-03-01").total().targetGroup, 1u);
  ASSERT_EQ(open().size(), 1u);
  EXPECT_EQ(open()[0].person.details.municipalityCode, "1490");
}

TEST_F(IdentifyTest, AllMunicipalitiesAtOnce) {
  RegisterBuilder b;
  b.person(pnr("20080101", 1), "1401").person(pnr("20090505", 3)).person(pnr("20090606", 5), "0180");
  auto result = run(b, "2026-03-01", false, "all");
  ASSERT_EQ(result.municipalities.size(), 3u);
  EXPECT_EQ(result.municipalities[0].municipality, "0180");
  EXPECT_EQ(result.total().targetGroup, 3u);
  auto summary = boost::json::parse(summaryJson(result));
  EXPECT_EQ(summary.at("target_group").as_int64(), 3);
  EXPECT_EQ(summary.at("municipalities").as_array().size(), 3u);
}

TEST_F(IdentifyTest, MovingBetweenMunicipalitiesOfOneHostEndsTheOldRegistration) {
  RegisterBuilder b;
  std::string p = pnr("20080101", 1);
  b.person(p, "1490");
  run(b, "2026-03-01", false, "all");
  RegisterBuilder moved;
  moved.person(p, "1401");
  run(moved, "2026-04-01", false, "1401");
  auto regs = open();
  ASSERT_EQ(regs.size(), 1u);
  EXPECT_EQ(regs[0].person.details.municipalityCode, "1401");
  EXPECT_EQ(regs[0].registration.startDate, date("2026-04-01"));
}

TEST_F(IdentifyTest, SummaryJsonHasTheDocumentedShape) {
  RegisterBuilder b;
  b.person(pnr("20080101", 1));
  auto summary = boost::json::parse(summaryJson(run(b, "2026-03-01", true))).as_object();
  EXPECT_EQ(summary.at("date").as_string(), "2026-03-01");
  EXPECT_EQ(summary.at("municipality").as_string(), "1490");
  EXPECT_EQ(summary.at("target_group").as_int64(), 1);
  EXPECT_EQ(summary.at("registered").at("total").as_int64(), 1);
  EXPECT_EQ(summary.at("registered").at("by_reason").at("never_started").as_int64(), 1);
  EXPECT_EQ(summary.at("deregistered").at("total").as_int64(), 0);
  EXPECT_EQ(summary.at("unchanged").as_int64(), 0);
  EXPECT_TRUE(summary.at("dry_run").as_bool());
}

TEST_F(IdentifyTest, RefusesADateBeforeAnOpenRegistration) {
  RegisterBuilder b;
  b.person(pnr("20080101", 1));
  run(b, "2026-03-01");
  Diagnostics diagnostics;
  Registers registers = b.read(date("2026-02-01"), diagnostics);
  auto result = identify(*store_, registers,
                         IdentifyOptions{date("2026-02-01"), "1490", false, {}, TextEncoding::utf8, false}, kActor);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::invalid_input);
  EXPECT_FALSE(identify(*store_, registers,
                        IdentifyOptions{date("2026-03-01"), "14", false, {}, TextEncoding::utf8, false}, kActor));
}

// The field an unknown option's error names is cut between characters: a name cut inside "ö" would put a
// broken UTF-8 sequence in the API's problem+json.
TEST(IdentifyOptions, AnUnknownOptionsFieldIsCutBetweenCharacters) {
  std::string name = std::string(39, 'x') + "öööö";
  auto options = identifyOptionsFrom({{name, "1"}}, *CivilDate::parse("2026-11-30"));
  ASSERT_FALSE(options);
  EXPECT_TRUE(isValidUtf8(options.error().field)) << options.error().field;
  EXPECT_TRUE(options.error().field.starts_with(std::string(39, 'x') + "ö")) << options.error().field;
}

}  // namespace
}  // namespace lotsen::testing
