// SCB's half-year file: the layout read as data, the records block by block, each check, and a past
// period's file made again from the journal as it stood at the period's end.
#include "report/half_year.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "demo/demo_layout.h"
#include "report/half_year_cases.h"
#include "store/case_records.h"

namespace lotsen {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }
HalfYear half(std::string_view text) { return *HalfYear::parse(text); }

// A small layout with every block and list; dates in ISO form to read easily.
constexpr std::string_view kLayout = R"({
  "collection": "Test", "municipality": "1490", "separator": ";", "date_format": "YYYY-MM-DD",
  "blocks": [
    {"block": "registration", "record_type": "1", "fields": ["record_type", "personal_id", "registration_date", "registration_reason"]},
    {"block": "contact", "record_type": "2", "fields": ["record_type", "personal_id", "contact_date", "in_measure", "occupation"]},
    {"block": "measure_started", "record_type": "3", "fields": ["record_type", "personal_id", "measure_start", "measure_type"]},
    {"block": "measure_ended", "record_type": "4", "fields": ["record_type", "personal_id", "measure_end", "measure_end_reason"]},
    {"block": "responsibility_ended", "record_type": "5", "fields": ["record_type", "personal_id", "registration_end", "deregistration_reason"]}
  ],
  "codes": {
    "registration_reason": {"dropout_national_programme": "2", "never_started": "5"},
    "deregistration_reason": {"turned_20": "1", "started_national_programme": "2"},
    "occupation": {"studies": "11", "work": "21", "unknown": "99"},
    "occupation_in_measure": {"studies": "61", "work": "62", "unknown": "99"},
    "in_measure": {"yes": "J", "no": "N"},
    "measure_type": {"internship": "3"},
    "measure_end_reason": {"completed": "1"}
  }
})";

HalfYearLayout layout() { return *parseHalfYearLayout(kLayout); }

// Alva, born 2008-03-12, registered 2026-01-10 for dropping out.
HalfYearCase alva() {
  Registration r{.id = 7,
                 .personId = 3,
                 .programme = "kaa",
                 .startDate = date("2026-01-10"),
                 .reason = "dropout_national_programme",
                 .endDate = std::nullopt,
                 .endReason = std::nullopt,
                 .version = 1,
                 .caseworkerId = std::nullopt,
                 .unit = "KAA Norr",
                 .closedByHand = false,
                 .byHand = "",
                 .awaitingRegisters = false};
  return HalfYearCase{*PersonalId::parse("20080312-2381", date("2026-01-01")), date("2008-03-12"), r, {}, {}, {}};
}

ContactAttempt reached(std::string_view day, std::string occupation = "") {
  return ContactAttempt{date(day), "10:00", "phone", true, std::move(occupation), "", false, ""};
}

Measure internship(std::string_view start, std::optional<std::string_view> end = std::nullopt,
                   std::string reason = "") {
  return Measure{"internship",
                 "Praktik på verkstad",
                 "municipality",
                 "",
                 std::nullopt,
                 date(start),
                 end ? std::optional(date(*end)) : std::nullopt,
                 end ? std::move(reason) : "",
                 std::nullopt,
                 std::nullopt,
                 std::nullopt};
}

std::vector<std::string> checks(const HalfYearFile& file) {
  std::vector<std::string> names;
  for (const HalfYearProblem& p : file.problems) names.push_back(p.check);
  return names;
}

TEST(HalfYearLayout, EveryProblemIsNamedByItsPlaceInTheFile) {
  auto bad = parseHalfYearLayout(R"({
    "collection": "Test", "municipality": "149", "separator": "x",
    "blocks": [{"block": "registration", "record_type": "1", "fields": ["record_type", "contact_date"]},
               {"block": "nonsense"}],
    "codes": {"occupation": {"work": ""}, "colours": {}}
  })");
  ASSERT_FALSE(bad);
  std::vector<std::string> fields;
  for (const Error& e : bad.error()) fields.push_back(e.field);
  for (std::string_view expected : {"municipality", "separator", "blocks[0].fields[1]", "blocks[1].block", "blocks",
                                    "codes.occupation.work", "codes.colours"})
    EXPECT_NE(std::ranges::find(fields, expected), fields.end()) << expected;
}

TEST(HalfYearLayout, ACodeOrRecordTypeHoldingTheSeparatorOrAControlCharacterIsRefused) {
  // Either would break the file's lines: a value never holds the separator or a control character.
  std::string text(kLayout);
  auto replaced = [&](std::string_view from, std::string_view to) {
    std::string changed = text;
    changed.replace(changed.find(from), from.size(), to);
    return parseHalfYearLayout(changed);
  };
  auto semicolon = replaced(R"("work": "21")", R"("work": "2;1")");
  ASSERT_FALSE(semicolon);
  EXPECT_EQ(semicolon.error().at(0).field, "codes.occupation.work");
  EXPECT_EQ(semicolon.error().at(0).message, "SCB's code holds the file's separator ;");
  auto unitSeparator = replaced(R"("work": "21")", R"("work": "2\u001f1")");
  ASSERT_FALSE(unitSeparator);
  EXPECT_EQ(unitSeparator.error().at(0).field, "codes.occupation.work");
  auto recordType = replaced(R"("record_type": "2")", R"("record_type": "2;")");
  ASSERT_FALSE(recordType);
  EXPECT_EQ(recordType.error().at(0).field, "blocks[1].record_type");
  for (const char* breaking : {R"("2\u00851")", R"("2\u20281")", R"("\ufeff21")", R"("\"21")"}) {
    auto refused = replaced(R"("21")", breaking);  // C1 control, line separator, byte-order mark, quote
    ASSERT_FALSE(refused) << breaking;
    EXPECT_EQ(refused.error().at(0).field, "codes.occupation.work") << breaking;
  }
  EXPECT_TRUE(replaced(R"("work": "21")", R"("work": "2,1")")) << "a comma is no separator of this file";
}

TEST(HalfYearLayout, AKeyGivenTwiceInAnObjectIsRefusedNotTheLastTaken) {
  std::string text(kLayout);
  text.replace(text.find(R"("work": "21")"), 12, R"("work": "2;1", "work": "21")");
  auto twice = parseHalfYearLayout(text);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().at(0).message, "the key 'work' appears twice in one object: give each once");
  EXPECT_EQ(twice.error().at(0).field, "file");
}

TEST(HalfYearLayout, AFileThatIsNotJsonOrNotUtf8IsRefusedAsAWhole) {
  EXPECT_EQ(parseHalfYearLayout("{\"collection\": ").error().at(0).field, "file");
  EXPECT_EQ(parseHalfYearLayout("{\"collection\": \"G\xf6teborg\"}").error().at(0).message, "the file is not UTF-8");
  EXPECT_FALSE(parseHalfYearLayout(""));
}

TEST(HalfYearLayout, AMappedCodeLotsenDoesNotHaveIsRefusedWhenTheListsAreKnown) {
  std::string text = R"({"collection": "Test", "municipality": "1490", "blocks": [
    {"block": "registration", "record_type": "1", "fields": ["personal_id"]},
    {"block": "contact", "record_type": "2", "fields": ["personal_id", "occupation", "in_measure"]},
    {"block": "measure_started", "record_type": "3", "fields": ["personal_id"]},
    {"block": "measure_ended", "record_type": "4", "fields": ["personal_id"]},
    {"block": "responsibility_ended", "record_type": "5", "fields": ["personal_id"]}],
    "codes": {"occupation": {"work": "21", "arbete": "21"}, "occupation_in_measure": {"studie": "61"},
              "in_measure": {"yes": "1", "ja": "1"}}})";
  ASSERT_TRUE(parseHalfYearLayout(text)) << "without the lists, any code is taken";
  LotsenCodes known{{"occupation", {"work", "studies"}}};
  auto checked = parseHalfYearLayout(text, &known);
  ASSERT_FALSE(checked);
  std::vector<std::string> fields;
  for (const Error& e : checked.error()) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"codes.occupation.arbete", "codes.occupation_in_measure.studie",
                                              "codes.in_measure.ja"}))
      << "in the file's order";
  EXPECT_EQ(checked.error().at(0).message, "arbete is not a Lotsen code in the list occupation");
}

TEST(HalfYearLayout, TheDemosMappingCoversEveryCodeLotsenHas) {
  std::ifstream in(std::string(LOTSEN_SOURCE_DIR) + "/docs/examples/scb-halvar-demo.json");
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_EQ(text.str(), demoHalfYearLayout()) << "the demo imports the documented example";
  auto demo = parseHalfYearLayout(text.str());
  ASSERT_TRUE(demo) << demo.error().front().field << ": " << demo.error().front().message;
  EXPECT_EQ(demo->scbCode("occupation", "unknown"), "99");
  EXPECT_EQ(demo->blocks.at(HalfYearBlock::contact).recordType, "2");
}

TEST(HalfYearFile, RecordsFollowTheLayoutBlockByBlockWithCodesMapped) {
  HalfYearCase c = alva();
  c.contacts = {reached("2026-02-01", "work"), reached("2026-03-05")};
  c.contacts.push_back(ContactAttempt{date("2026-01-20"), "10:00", "phone", false, "", "", false, ""});
  c.measures = {internship("2026-03-01", "2026-05-31", "completed")};
  c.occupations = {OccupationEntry{date("2026-02-15"), "studies", "", "caseworker", false}};
  c.registration.endDate = date("2026-06-10");
  c.registration.endReason = InternedCode("started_national_programme");
  HalfYearFile file = computeHalfYearFile({c}, half("2026H1"), layout());
  EXPECT_TRUE(file.problems.empty());
  EXPECT_EQ(halfYearText(file),
            "1;200803122381;2026-01-10;2\r\n"
            "2;200803122381;2026-02-01;N;21\r\n"
            "2;200803122381;2026-03-05;J;61\r\n"  // in the internship: the in-measure list; studies since 15 Feb
            "3;200803122381;2026-03-01;3\r\n"
            "4;200803122381;2026-05-31;1\r\n"
            "5;200803122381;2026-06-10;2\r\n");
}

// Records keep values, not text: every field a block may have is written from the record's own value, in the
// layout's order, a field given twice twice; HalfYearWriter::values, which the JSON and the XLSX write, are the text's.
TEST(HalfYearFile, EveryFieldABlockMayHaveIsWrittenFromItsOwnValueInTheLayoutsOrder) {
  auto every = parseHalfYearLayout(R"({
    "collection": "Test", "municipality": "1490", "separator": "|", "date_format": "YYYYMMDD", "header": true,
    "blocks": [
      {"block": "registration", "record_type": "R", "fields": ["registration_reason", "registration_date", "half", "year", "municipality", "personal_id", "record_type"]},
      {"block": "contact", "record_type": "K", "fields": ["occupation", "in_measure", "contact_date", "contact_date"]},
      {"block": "measure_started", "record_type": "P", "fields": ["measure_type", "measure_start", "record_type"]},
      {"block": "measure_ended", "record_type": "A", "fields": ["measure_end_reason", "measure_end", "measure_start", "measure_type"]},
      {"block": "responsibility_ended", "record_type": "U", "fields": ["deregistration_reason", "registration_end", "registration_end"]}
    ],
    "codes": {
      "registration_reason": {"dropout_national_programme": "02"},
      "deregistration_reason": {"started_national_programme": "02"},
      "occupation": {"work": "21"}, "occupation_in_measure": {"work": "62"},
      "in_measure": {"yes": "J", "no": "N"},
      "measure_type": {"internship": "03"}, "measure_end_reason": {"completed": "01"}
    }
  })");
  ASSERT_TRUE(every) << every.error().front().field << ": " << every.error().front().message;
  HalfYearCase c = alva();
  c.contacts = {reached("2026-02-01", "work"), reached("2026-03-05", "work")};
  c.measures = {internship("2026-03-01", "2026-05-31", "completed")};
  c.registration.endDate = date("2026-06-10");
  c.registration.endReason = InternedCode("started_national_programme");
  HalfYearFile file = computeHalfYearFile({c}, half("2026H1"), *every);
  EXPECT_TRUE(file.problems.empty());
  EXPECT_EQ(halfYearText(file),
            "registration_reason|registration_date|half|year|municipality|personal_id|record_type\r\n"
            "02|20260110|1|2026|1490|200803122381|R\r\n"
            "occupation|in_measure|contact_date|contact_date\r\n"
            "21|N|20260201|20260201\r\n"
            "62|J|20260305|20260305\r\n"
            "measure_type|measure_start|record_type\r\n"
            "03|20260301|P\r\n"
            "measure_end_reason|measure_end|measure_start|measure_type\r\n"
            "01|20260531|20260301|03\r\n"
            "deregistration_reason|registration_end|registration_end\r\n"
            "02|20260610|20260610\r\n");
  std::string joined;
  HalfYearWriter writer(file);
  for (const HalfYearRecord& r : file.records) joined += fmt::format("{}\r\n", fmt::join(writer.values(r), "|"));
  EXPECT_EQ(joined,
            "02|20260110|1|2026|1490|200803122381|R\r\n21|N|20260201|20260201\r\n62|J|20260305|20260305\r\n"
            "03|20260301|P\r\n01|20260531|20260301|03\r\n02|20260610|20260610\r\n");
}

// Two records are equal when their texts are: a code two lists map to the same SCB code is one value, and a field
// the layout leaves out of a block is not kept, so what the records differ in is what the file would.
TEST(HalfYearFile, RecordsAreEqualExactlyWhenTheirTextsAre) {
  HalfYearCase work = alva();
  work.contacts = {reached("2026-02-01", "work")};
  HalfYearCase studies = work;
  studies.contacts = {reached("2026-02-01", "studies")};
  std::string text(kLayout);
  text.replace(text.find(R"("studies": "11")"), 15, R"("studies": "21")");  // studies and work both SCB's 21
  HalfYearLayout same = *parseHalfYearLayout(text);
  EXPECT_EQ(computeHalfYearFile({work}, half("2026H1"), same).records,
            computeHalfYearFile({studies}, half("2026H1"), same).records);
  EXPECT_NE(computeHalfYearFile({work}, half("2026H1"), layout()).records,
            computeHalfYearFile({studies}, half("2026H1"), layout()).records);
}

TEST(HalfYearFile, OnlyWhatHappenedInThePeriodIsReported) {
  HalfYearCase c = alva();
  c.contacts = {reached("2026-06-30"), reached("2026-07-01")};
  c.measures = {internship("2026-03-01", "2026-07-15", "completed")};
  HalfYearFile h2 = computeHalfYearFile({c}, half("2026H2"), layout());
  EXPECT_EQ(halfYearText(h2),
            "1;200803122381;2026-01-10;2\r\n"
            "2;200803122381;2026-07-01;J;99\r\n"
            "4;200803122381;2026-07-15;1\r\n");
}

TEST(HalfYearFile, EachCheckCatchesItsErrorAndCleanDataPasses) {
  HalfYearCase clean = alva();
  clean.contacts = {reached("2026-02-01")};
  clean.measures = {internship("2026-02-01", "2026-03-01", "completed")};
  EXPECT_TRUE(computeHalfYearFile({clean}, half("2026H1"), layout()).problems.empty());

  auto only = [](HalfYearCase c) {
    HalfYearFile file = computeHalfYearFile({c}, half("2026H1"), layout());
    EXPECT_TRUE(file.hasErrors());
    return checks(file);
  };
  using Checks = std::vector<std::string>;
  HalfYearCase c = clean;
  c.contacts = {reached("2026-01-09")};
  EXPECT_EQ(only(c), Checks{"contact_before_registration"});
  c = clean;
  c.measures = {internship("2026-03-01", "2026-02-01", "completed")};
  EXPECT_EQ(only(c), Checks{"measure_ends_before_start"});
  c = clean;
  c.measures = {internship("2026-02-01", "2026-03-01", "")};
  EXPECT_EQ(only(c), (Checks{"measure_end_without_reason", "unmapped_code"}));
  c = clean;
  c.registration.endDate = date("2026-04-01");
  EXPECT_EQ(only(c), (Checks{"registration_end_without_reason", "unmapped_code"}));
  c = clean;
  c.contacts.clear();
  c.registration.startDate = date("2028-03-12");  // the 20th birthday
  EXPECT_EQ(only(c), Checks{"age_outside_scope"});
  c = clean;
  c.registration.startDate = date("2024-06-30");  // the day before 1 July of the year she turns 16
  EXPECT_EQ(only(c), Checks{"age_outside_scope"});
  c = clean;
  c.registration.reason = InternedCode("studiebevis");
  EXPECT_EQ(only(c), Checks{"unmapped_code"});
  c = clean;
  c.registration.registersReason = InternedCode("never_started");
  EXPECT_EQ(only(c), Checks{"reason_contradicts_registers"});
  c.registration.registersReason = c.registration.reason;
  EXPECT_TRUE(computeHalfYearFile({c}, half("2026H1"), layout()).problems.empty()) << "the registers agree";

  HalfYearCase twin = clean;  // the same personnummer on another person
  twin.registration.personId = 4;
  twin.registration.id = 8;
  EXPECT_EQ(checks(computeHalfYearFile({clean, twin}, half("2026H1"), layout())), Checks{"same_person_twice"});
  HalfYearCase again = clean;  // the same person registered twice over the same days
  again.registration.id = 9;
  again.contacts.clear();
  again.registration.startDate = date("2026-03-01");
  EXPECT_EQ(checks(computeHalfYearFile({clean, again}, half("2026H1"), layout())), Checks{"same_person_twice"});
  again.registration.startDate = date("2026-03-01");
  clean.registration.endDate = date("2026-02-20");
  clean.registration.endReason = InternedCode("turned_20");
  EXPECT_TRUE(checks(computeHalfYearFile({clean, again}, half("2026H1"), layout())).empty())
      << "left and came back: two registrations, one after the other";
}

TEST(HalfYearFile, FiledOnSeveralThreadsItIsTheFileOneThreadMakesWithEachPersonsCasesTogether) {
  // 60 cases, three to a personnummer (on two persons, or one person twice at once: same_person_twice), some
  // with problems: wherever the parts are cut, a personnummer's cases are filed together.
  std::vector<HalfYearCase> cases;
  for (int i = 0; i < 60; ++i) {
    HalfYearCase c = alva();
    c.personalId = PersonalId::fromNumber((20080310 + i / 30) * 10000LL + (i / 3) % 10);  // 2008031x-000y
    c.registration.id = 100 + i;
    c.registration.personId = i % 2 ? i / 3 : 1000 + i;
    c.registration.startDate = date("2026-01-10").plusDays(i);
    c.contacts = {reached("2026-03-01", i % 4 ? "studies" : "abroad")};
    c.measures = {internship("2026-02-01", "2026-04-01", i % 5 ? "completed" : "")};
    cases.push_back(std::move(c));
  }
  HalfYearFile one = computeHalfYearFile(cases, half("2026H1"), layout(), cases.size() + 1);
  HalfYearFile several = computeHalfYearFile(cases, half("2026H1"), layout(), 1);
  EXPECT_EQ(several.records, one.records);
  auto problems = [](const HalfYearFile& f) {
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string, std::string>> all;
    for (const HalfYearProblem& p : f.problems) all.emplace_back(p.personId, p.registrationId, p.check, p.message);
    return all;
  };
  EXPECT_EQ(problems(several), problems(one));
  EXPECT_EQ(std::ranges::count(one.problems, "same_person_twice", &HalfYearProblem::check), 40);
  EXPECT_GT(std::ranges::count(one.problems, "unmapped_code", &HalfYearProblem::check), 20);
}

TEST(HalfYearFile, AContactAfterTheRegistrationEndedIsLeftOutWithAWarningNotAnError) {
  HalfYearCase c = alva();
  c.registration.endDate = date("2026-03-09");  // dated when the programme started, noticed later
  c.registration.endReason = InternedCode("started_national_programme");
  c.contacts = {reached("2026-03-17")};
  HalfYearFile file = computeHalfYearFile({c}, half("2026H1"), layout());
  EXPECT_FALSE(file.hasErrors());
  EXPECT_EQ(checks(file), std::vector<std::string>{"contact_after_registration"});
  EXPECT_EQ(std::ranges::count(file.records, HalfYearBlock::contact, &HalfYearRecord::block), 0);
}

TEST(HalfYearFile, AnUnmappedCodeIsNamedOncePerPersonAndLeftEmpty) {
  HalfYearCase c = alva();
  c.contacts = {reached("2026-02-01", "abroad"), reached("2026-02-08", "abroad")};
  HalfYearFile file = computeHalfYearFile({c}, half("2026H1"), layout());
  ASSERT_EQ(checks(file), std::vector<std::string>{"unmapped_code"});
  EXPECT_NE(file.problems[0].message.find("'abroad' of the list occupation"), std::string::npos);
  EXPECT_EQ(HalfYearWriter(file).values(file.records[1]).back(), "");
}

// The report from the whole journal read at once, as `lotsen report half-year` makes it.
std::expected<HalfYearReport, Error> reportOf(Store& store, HalfYear period, std::chrono::system_clock::time_point now,
                                              bool withCorrections) {
  auto history = CaseHistory::read(store);
  if (!history) return std::unexpected(history.error());
  return halfYearReport(store, *history, period, now, withCorrections);
}

// A past period's file is made from the journal as it stood at the period's end (midnight in Stockholm):
// a contact recorded later, though dated inside the period, changes it only when asked, and is listed.
TEST(HalfYearReport, APastPeriodsFileIsUnchangedByLaterCorrectionsUnlessAsked) {
  auto path =
      (std::filesystem::temp_directory_path() / ("lotsen-halfyear-" + std::to_string(::getpid()) + ".db")).string();
  auto now = std::make_shared<std::chrono::system_clock::time_point>(date("2026-01-10").days() + std::chrono::hours(9));
  StoreOptions options;
  options.clock = [now] { return *now; };
  {
    auto store = std::move(*openStore(path, options));
    ASSERT_TRUE(store->migrate());
    Actor actor{std::nullopt, "system:test"};
    ASSERT_TRUE(store->saveReportLayout(actor, kHalfYearLayoutName, kLayout));
    auto p =
        store->createPerson(actor, PersonDetails{*PersonalId::parse("20080312-2381", date("2026-01-01")), "Åsa",
                                                 "Öberg", "Storgatan 1", "50330", "Borås", "1490", Protection::none});
    ASSERT_TRUE(p);
    auto r = store->createRegistration(actor, {p->id, "kaa", date("2026-01-10"), "never_started"});
    ASSERT_TRUE(r);
    ASSERT_TRUE(store->createCaseRecord(actor, kContactAttemptKind, p->id, r->id, toJson(reached("2026-02-01"))));
    // 1 July 2026 at 00:30 in Stockholm (22:30 UTC on 30 June): after the period's end.
    *now = date("2026-06-30").days() + std::chrono::hours(22) + std::chrono::minutes(30);
    ASSERT_TRUE(store->createCaseRecord(actor, kContactAttemptKind, p->id, r->id, toJson(reached("2026-06-29"))));

    auto later = date("2026-08-01").days() + std::chrono::hours(9);
    auto sent = reportOf(*store, half("2026H1"), later, false);
    ASSERT_TRUE(sent) << sent.error().message;
    EXPECT_TRUE(sent->periodEnded);
    EXPECT_EQ(sent->asOf, "2026-06-30T22:00:00.000Z");
    EXPECT_EQ(halfYearText(sent->file), "1;200803122381;2026-01-10;5\r\n2;200803122381;2026-02-01;N;99\r\n");
    ASSERT_EQ(sent->addedSinceEnd.size(), 1u);
    EXPECT_EQ(HalfYearWriter(sent->file).values(sent->addedSinceEnd[0])[2], "2026-06-29");
    EXPECT_TRUE(sent->removedSinceEnd.empty());

    auto corrected = reportOf(*store, half("2026H1"), later, true);
    ASSERT_TRUE(corrected);
    EXPECT_EQ(std::ranges::count(corrected->file.records, HalfYearBlock::contact, &HalfYearRecord::block), 2);
    EXPECT_EQ(corrected->addedSinceEnd.size(), 1u);

    auto running = reportOf(*store, half("2026H2"), later, false);
    ASSERT_TRUE(running);
    EXPECT_FALSE(running->periodEnded);
    EXPECT_EQ(reportOf(*store, half("2027H1"), later, false).error().field, "period");
  }
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// A registration ended before the period, but only recorded as ended after the period's end, was in the file
// as sent and stays in it; the corrected file leaves it out.
TEST(HalfYearReport, ARegistrationEndedBeforeThePeriodButRecordedAfterItsEndStaysInTheFileAsSent) {
  auto path = (std::filesystem::temp_directory_path() / ("lotsen-halfyear-late-" + std::to_string(::getpid()) + ".db"))
                  .string();
  auto now = std::make_shared<std::chrono::system_clock::time_point>(date("2025-06-02").days() + std::chrono::hours(9));
  StoreOptions options;
  options.clock = [now] { return *now; };
  {
    auto store = std::move(*openStore(path, options));
    ASSERT_TRUE(store->migrate());
    Actor actor{std::nullopt, "system:test"};
    ASSERT_TRUE(store->saveReportLayout(actor, kHalfYearLayoutName, kLayout));
    auto person = [&](std::string_view id) {
      return *store->createPerson(actor, PersonDetails{*PersonalId::parse(id, date("2025-01-01")), "Åsa", "Öberg",
                                                       "Storgatan 1", "50330", "Borås", "1490", Protection::none});
    };
    // Bo's registration ended in 2025, recorded then: never in 2026H1, his journal is not read.
    Person bo = person("20080312-2381");
    auto early = store->createRegistration(actor, {bo.id, "kaa", date("2025-06-02"), "never_started"});
    ASSERT_TRUE(early);
    *now = date("2025-08-05").days() + std::chrono::hours(9);
    ASSERT_TRUE(store->endRegistration(actor, early->id, early->version, date("2025-08-01"),
                                       "started_national_programme", EndedBy::registers));
    // Alva's ended on 20 December 2025 too, but the registers showed it only in July 2026.
    *now = date("2025-09-01").days() + std::chrono::hours(9);
    Person alva = person("20080601-2381");
    auto late = store->createRegistration(actor, {alva.id, "kaa", date("2025-09-01"), "never_started"});
    ASSERT_TRUE(late);
    *now = date("2026-07-05").days() + std::chrono::hours(9);
    ASSERT_TRUE(store->endRegistration(actor, late->id, late->version, date("2025-12-20"), "started_national_programme",
                                       EndedBy::registers));

    auto later = date("2026-08-01").days() + std::chrono::hours(9);
    auto sent = reportOf(*store, half("2026H1"), later, false);
    ASSERT_TRUE(sent) << sent.error().message;
    EXPECT_EQ(halfYearText(sent->file), "1;200806012381;2025-09-01;5\r\n");
    ASSERT_EQ(sent->removedSinceEnd.size(), 1u);
    auto corrected = reportOf(*store, half("2026H1"), later, true);
    ASSERT_TRUE(corrected);
    EXPECT_TRUE(corrected->file.records.empty());
  }
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(HalfYearReport, WithoutAnImportedLayoutTheAnswerSaysHowToImportOne) {
  auto path =
      (std::filesystem::temp_directory_path() / ("lotsen-nolayout-" + std::to_string(::getpid()) + ".db")).string();
  {
    auto store = std::move(*openStore(path));
    ASSERT_TRUE(store->migrate());
    auto report = reportOf(*store, half("2026H1"), std::chrono::system_clock::now(), false);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, ErrorKind::not_found);
    EXPECT_NE(report.error().message.find("lotsen codes import"), std::string::npos);
  }
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace lotsen
