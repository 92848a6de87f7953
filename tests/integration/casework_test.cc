// The casework API on a real server: documenting, concurrency (If-Match, 409), validation, history and
// the as-of view. The database is prepared with a store whose clock the test sets, so that the events
// carry known days.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "harness.h"
#include "store/store.h"

namespace lotsen::testing {
namespace {

namespace json = boost::json;

std::chrono::system_clock::time_point at(std::string_view iso) {
  return std::chrono::sys_days(CivilDate::parse(iso)->days()) + std::chrono::hours(12);
}

class CaseworkApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string(tempPath("casework.db"));
    auto when = std::make_shared<std::chrono::system_clock::time_point>(at("2026-01-10"));
    StoreOptions options;
    options.clock = [when] { return *when; };
    auto store = std::move(*openStore(*db_, options));
    ASSERT_TRUE(store->migrate());
    Actor actor{std::nullopt, "system:test"};
    auto person = store->createPerson(
        actor, PersonDetails{*PersonalId::parse("20080312-2381",
                                                CivilDate::fromDays(std::chrono::floor<std::chrono::days>(*when))),
                             "Alva", "Ek", "Storgatan 1", "50330", "Borås", "1490", Protection::none});
    personId_ = person->id;
    registrationId_ =
        store->createRegistration(actor, {personId_, "kaa", *CivilDate::parse("2026-01-10"), "never_started"})->id;
    *when = at("2026-02-01");
    ASSERT_TRUE(store->createCaseRecord(
        actor, "contact_attempt", personId_, registrationId_,
        R"({"date":"2026-02-01","time":"10:00","channel":"letter","reached":false,"occupation":null,"note":null})"));
    store.reset();
    // A caseworker who also manages the unit: she reaches the new (intake) case and may assign it.
    ASSERT_EQ(runLotsen({"unit", "add", "--db", *db_, "--name", "KAA Norr"}).exitCode, 0);
    ASSERT_EQ(runLotsen({"user", "add", "--db", *db_, "--name", "anna", "--role", "caseworker,unit_manager", "--unit",
                         "KAA Norr", "--password-stdin"},
                        "a-long-password\n")
                  .exitCode,
              0);
    server_ = new ServerProcess(*db_);
    session_ = new Session(*login(server_->port(), "anna", "a-long-password"));
  }
  static void TearDownTestSuite() {
    delete session_;
    delete server_;
    removeDatabase(*db_);
    delete db_;
  }
  static std::string personPath(const std::string& rest = "") {
    return "/api/v1/persons/" + std::to_string(personId_) + rest;
  }
  static HttpResponse send(const std::string& method, const std::string& path, const std::string& body,
                           std::vector<std::string> extra = {}) {
    std::vector<std::string> headers{session_->cookie, session_->csrf, "Content-Type: application/json"};
    headers.insert(headers.end(), extra.begin(), extra.end());
    return http(server_->port(), method, path, body, headers);
  }
  static json::object body(const HttpResponse& r) { return json::parse(r.body).as_object(); }

  static std::string* db_;
  static ServerProcess* server_;
  static Session* session_;
  static std::int64_t personId_, registrationId_;
};
std::string* CaseworkApi::db_ = nullptr;
ServerProcess* CaseworkApi::server_ = nullptr;
Session* CaseworkApi::session_ = nullptr;
std::int64_t CaseworkApi::personId_ = 0;
std::int64_t CaseworkApi::registrationId_ = 0;

TEST_F(CaseworkApi, ContactAttemptIsDocumentedWithVersionAndLocation) {
  auto r = send("POST", personPath("/contact-attempts"),
                R"({"date":"2026-02-03","time":"14:30","channel":"phone","reached":true,"occupation":"work"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.headers["etag"].starts_with("\"contact_attempt/")) << r.headers["etag"];
  EXPECT_TRUE(r.headers["etag"].ends_with("/1\"")) << r.headers["etag"];
  EXPECT_NE(r.headers["location"].find("/contact-attempts/"), std::string::npos);
  EXPECT_NE(body(r)["notice"].as_string().find("känsliga"), std::string::npos) << "free text comes with the reminder";
  auto list = body(http(server_->port(), "GET", personPath("/contact-attempts"), "", {session_->cookie}));
  EXPECT_GE(list["items"].as_array().size(), 2u);
}

TEST_F(CaseworkApi, EveryViolationIsNamed) {
  auto r =
      send("POST", personPath("/contact-attempts"),
           R"({"date":"2025-12-01","time":"14:30","channel":"carrier_pigeon","reached":false,"occupation":"work"})");
  ASSERT_EQ(r.status, 422) << r.body;
  std::vector<std::string> fields;
  json::object problem = body(r);
  for (const auto& e : problem["errors"].as_array()) fields.emplace_back(e.at("field").as_string());
  EXPECT_EQ(fields, (std::vector<std::string>{"date", "channel", "occupation"}));
  auto unknown = send("POST", personPath("/measures"),
                      R"({"type":"internship","content":"x","responsible":"individual","diagnosis":"y"})");
  ASSERT_EQ(unknown.status, 422);
  EXPECT_EQ(body(unknown)["field"].as_string(), "diagnosis");
  auto order = send(
      "POST", personPath("/measures"),
      R"({"type":"internship","content":"Praktik","responsible":"other_actor","start":"2026-02-10","end":"2026-02-05"})");
  ASSERT_EQ(order.status, 422);
  fields.clear();
  problem = body(order);
  for (const auto& e : problem["errors"].as_array()) fields.emplace_back(e.at("field").as_string());
  EXPECT_EQ(fields, (std::vector<std::string>{"partner", "end"}));
  auto outdated = send(
      "POST", personPath("/measures"),
      R"({"type":"studies_on_introduction_programme","content":"IM","responsible":"municipality","start":"2026-02-10"})");
  ASSERT_EQ(outdated.status, 422);
  EXPECT_EQ(body(outdated)["field"].as_string(), "type") << "a code outside its validity is refused";
}

// Issue 12: a letter is logged without a time or "reached"; what GET answers for it, PUT accepts.
TEST_F(CaseworkApi, ALetterNeedsNoTimeAndAContactViaAGuardianSaysWhetherTheYoungPersonWasReached) {
  auto letter = send("POST", personPath("/contact-attempts"), R"({"date":"2026-02-02","channel":"letter"})");
  ASSERT_EQ(letter.status, 201) << letter.body;
  json::object data = body(letter)["data"].as_object();
  EXPECT_TRUE(data["time"].is_null());
  EXPECT_EQ(data["reached"], false);
  auto again = send("PUT", letter.headers["location"], json::serialize(data), {"If-Match: " + letter.headers["etag"]});
  EXPECT_EQ(again.status, 200) << again.body;
  auto answered =
      send("POST", personPath("/contact-attempts"), R"({"date":"2026-02-02","channel":"letter","reached":true})");
  ASSERT_EQ(answered.status, 422) << answered.body;
  EXPECT_EQ(body(answered)["field"].as_string(), "reached");
  auto call = send("POST", personPath("/contact-attempts"), R"({"date":"2026-02-02","channel":"phone"})");
  ASSERT_EQ(call.status, 422) << "a call has a time";
  EXPECT_EQ(body(call)["field"].as_string(), "time");

  auto guardian =
      send("POST", personPath("/contact-attempts"), R"({"date":"2026-02-02","time":"16:10","channel":"via_guardian"})");
  ASSERT_EQ(guardian.status, 422) << guardian.body;
  EXPECT_EQ(body(guardian)["field"].as_string(), "reached");
  guardian = send("POST", personPath("/contact-attempts"),
                  R"({"date":"2026-02-02","time":"16:10","channel":"via_guardian","reached":false})");
  EXPECT_EQ(guardian.status, 201) << guardian.body;
}

// Issue 12: the occupation learnt at a contact keeps its detail; declining is a contact's outcome; no
// occupation code invites health data; what the young person will do is a planned occupation, apart.
TEST_F(CaseworkApi, TheOccupationLearntAtAContactKeepsItsDetailAndAPlannedOneIsShownApart) {
  auto contact = send("POST", personPath("/contact-attempts"),
                      R"({"date":"2026-02-02","time":"09:15","channel":"phone","reached":true,)"
                      R"("occupation":"studies","occupation_detail":"komvux","declined":true})");
  ASSERT_EQ(contact.status, 201) << contact.body;
  EXPECT_EQ(body(contact)["data"].at("declined"), true);
  auto occupations = body(http(server_->port(), "GET", personPath("/occupations"), "", {session_->cookie}));
  bool detailKept = false;
  for (const json::value& o : occupations["items"].as_array())
    detailKept |= o.at("data").at("kind") == "studies" && o.at("data").at("detail") == "komvux";
  EXPECT_TRUE(detailKept) << occupations;
  auto health = send("POST", personPath("/occupations"),
                     R"({"effective_date":"2026-01-20","kind":"sick_leave_or_care","source":"contact"})");
  ASSERT_EQ(health.status, 422) << health.body;
  EXPECT_EQ(body(health)["field"].as_string(), "kind");
  EXPECT_EQ(send("POST", personPath("/occupations"),
                 R"({"effective_date":"2026-01-20","kind":"unavailable","source":"contact"})")
                .status,
            201);
  auto declined =
      send("POST", personPath("/occupations"),
           R"({"effective_date":"2026-12-01","kind":"declined_contact","source":"contact","planned":true})");
  EXPECT_EQ(declined.status, 422) << "declining is no occupation from now on";

  auto ahead =
      send("POST", personPath("/occupations"), R"({"effective_date":"2099-01-15","kind":"work","source":"contact"})");
  ASSERT_EQ(ahead.status, 422) << "what is to come is planned";
  auto planned = send("POST", personPath("/occupations"),
                      R"({"effective_date":"2099-01-15","kind":"work","detail":"lager","source":"contact",)"
                      R"("planned":true})");
  ASSERT_EQ(planned.status, 201) << planned.body;
  auto person = body(http(server_->port(), "GET", personPath(), "", {session_->cookie}));
  EXPECT_EQ(person["planned_occupation"].at("effective_date"), "2099-01-15") << person;
  EXPECT_EQ(person["planned_occupation"].at("detail"), "lager");
  EXPECT_NE(person["occupation"].at("effective_date"), "2099-01-15") << "planned is not yet what they do";
}

// Issue 12: a problem is answered in Swedish, field by field; in English when the client asks for it.
TEST_F(CaseworkApi, ProblemsAreInSwedishAndInEnglishWhenAsked) {
  const std::string bad = R"({"date":"2026-02-02","channel":"phone","reached":true})";
  auto swedish = send("POST", personPath("/contact-attempts"), bad);
  ASSERT_EQ(swedish.status, 422) << swedish.body;
  EXPECT_EQ(swedish.headers["content-language"], "sv");
  json::object problem = body(swedish);
  EXPECT_EQ(problem["title"], "Uppgifterna kan inte sparas");
  EXPECT_EQ(problem["errors"].as_array().at(0).at("detail"),
            "Tid måste anges (TT:MM); bara ett brev behöver ingen tid.");
  EXPECT_EQ(problem["errors"].as_array().at(0).at("field"), "time") << "the field keeps its API name";
  auto english = send("POST", personPath("/contact-attempts"), bad, {"Accept-Language: en-GB,en;q=0.9"});
  EXPECT_EQ(english.headers["content-language"], "en");
  json::object englishProblem = body(english);
  EXPECT_EQ(englishProblem["title"], "Unprocessable Content");
  EXPECT_EQ(englishProblem["detail"], "time is required (HH:MM); only a letter needs none");
  auto refused = http(server_->port(), "GET", personPath(), "", {});
  EXPECT_EQ(body(refused)["detail"], "Logga in först.") << "also before login";
}

// Issue 12: every coded value in an answer comes with its Swedish label from the code list; the labels
// stay beside the data, so what GET answers, PUT still accepts.
TEST_F(CaseworkApi, EveryCodedValueComesWithItsSwedishLabel) {
  auto person = body(http(server_->port(), "GET", personPath(), "", {session_->cookie}));
  const json::object& registration = person["registrations"].as_array().at(0).as_object();
  EXPECT_FALSE(registration.at("reason_label").as_string().empty()) << registration;
  EXPECT_TRUE(registration.at("end_reason_label").is_null());
  EXPECT_FALSE(person["occupation_label"].as_string().empty()) << person;
  auto contacts = body(http(server_->port(), "GET", personPath("/contact-attempts"), "", {session_->cookie}));
  const json::object& first = contacts["items"].as_array().at(0).as_object();
  EXPECT_EQ(first.at("data").at("channel"), "letter");
  EXPECT_EQ(first.at("labels").at("channel"), "Brev");
  // Replay of issue 12's week: a measure's responsible party and an occupation's usual detail had none.
  auto measure = body(send("POST", personPath("/measures"),
                           R"({"type":"internship","content":"Praktik på Ölands kök","responsible":"other_actor",)"
                           R"("partner":"Ölands kök AB","start":"2026-02-10"})"));
  EXPECT_EQ(measure["labels"].at("responsible"), "Annan aktör") << measure;
  auto occupation =
      body(send("POST", personPath("/occupations"),
                R"({"effective_date":"2026-01-20","kind":"studies","detail":"komvux","source":"other"})"));
  EXPECT_EQ(occupation["labels"].at("detail"), "Komvux") << occupation;
  auto own = body(send("POST", personPath("/occupations"),
                       R"({"effective_date":"2026-01-20","kind":"studies","detail":"Svenska för invandrare",)"
                       R"("source":"other"})"));
  EXPECT_FALSE(own["labels"].as_object().contains("detail")) << "free text has no label";
}

// Replay of issue 12's week: a date in the wrong form hid the unknown channel until the date was mended.
TEST_F(CaseworkApi, EveryFieldAtFaultIsNamedAtOnce) {
  auto refused = send("POST", personPath("/contact-attempts"),
                      R"({"date":"30/11/2026","time":"10:00","channel":"telefon","reached":true})");
  ASSERT_EQ(refused.status, 422) << refused.body;
  json::object problem = body(refused);
  std::set<std::string> fields;
  for (const auto& e : problem["errors"].as_array()) fields.insert(std::string(e.at("field").as_string()));
  EXPECT_TRUE(fields.contains("date")) << refused.body;
  EXPECT_TRUE(fields.contains("channel")) << refused.body;
  EXPECT_EQ(fields.size(), 2u) << "the date's own problem once, no rule repeating it: " << refused.body;
}

// Replay of issue 12's week: the valid codes could only be found by reading other records.
TEST_F(CaseworkApi, TheCodeListsAreAnsweredWithTheirSwedishLabelsAndValidity) {
  auto all = body(http(server_->port(), "GET", "/api/v1/code-lists", "", {session_->cookie}));
  std::set<std::string> names;
  for (const auto& l : all["items"].as_array()) names.insert(std::string(l.at("name").as_string()));
  for (const char* name : {"measure_type", "measure_end_reason", "registration_reason", "deregistration_reason",
                           "contact_channel", "occupation", "measure_responsible", "review_kind"})
    EXPECT_TRUE(names.contains(name)) << name;
  auto channels = body(http(server_->port(), "GET", "/api/v1/code-lists/contact_channel", "", {session_->cookie}));
  bool letter = false;
  for (const auto& c : channels["codes"].as_array())
    letter = letter || (c.at("code") == "letter" && c.at("label") == "Brev" && c.at("valid_to").is_null());
  EXPECT_TRUE(letter) << channels;
  auto occupations = body(http(server_->port(), "GET", "/api/v1/code-lists/occupation", "", {session_->cookie}));
  for (const auto& c : occupations["codes"].as_array())
    if (c.at("code") == "declined_contact") {
      EXPECT_EQ(c.at("valid_to"), "2026-11-30") << "kept for what was recorded";
    }
  EXPECT_EQ(http(server_->port(), "GET", "/api/v1/code-lists/no_such_list", "", {session_->cookie}).status, 404);
  EXPECT_EQ(http(server_->port(), "GET", "/api/v1/code-lists").status, 401);
}

TEST_F(CaseworkApi, StaleVersionIs409WithTheCurrentRecordAndNeverOverwrites) {
  auto created = send("POST", personPath("/measures"),
                      R"({"type":"internship","content":"Praktik","responsible":"municipality","start":"2026-02-10"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string path = personPath("/measures/" + std::to_string(body(created)["id"].as_int64()));
  std::string first =
      R"({"type":"internship","content":"Praktik på verkstad","responsible":"municipality","start":"2026-02-10"})";
  std::string second =
      R"({"type":"internship","content":"Praktik i butik","responsible":"municipality","start":"2026-02-10"})";
  EXPECT_EQ(send("PUT", path, first).status, 428) << "If-Match is required";
  auto ok = send("PUT", path, first, {"If-Match: \"1\""});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(ok.headers["etag"].ends_with("/2\"")) << ok.headers["etag"];
  auto stale = send("PUT", path, second, {"If-Match: \"1\""});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(body(stale)["current"].at("data").at("content").as_string(), "Praktik på verkstad");
  EXPECT_EQ(send("PUT", path, second, {"If-Match: \"x\""}).status, 400);
}

TEST_F(CaseworkApi, HistoryHoldsEveryChangeWithBeforeAndAfter) {
  // A change of its own, so that the test does not lean on the order the suite's tests run in.
  auto created =
      send("POST", personPath("/measures"),
           R"({"type":"study_visit","content":"Studiebesök","responsible":"municipality","start":"2026-02-12"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string path = personPath("/measures/" + std::to_string(body(created)["id"].as_int64()));
  ASSERT_EQ(
      send(
          "PUT", path,
          R"({"type":"study_visit","content":"Studiebesök på gymnasiet","responsible":"municipality","start":"2026-02-12"})",
          {"If-Match: \"1\""})
          .status,
      200);
  json::object history = body(http(server_->port(), "GET", personPath("/history"), "", {session_->cookie}));
  const json::array& items = history["items"].as_array();
  ASSERT_GE(items.size(), 3u);
  EXPECT_EQ(items[0].at("type").as_string(), "person.created");
  EXPECT_EQ(std::string(items[0].at("time").as_string()).substr(0, 10), "2026-01-10");
  bool sawUpdate = false;
  for (const auto& e : items)
    if (e.at("type").as_string() == "measure.updated") {
      sawUpdate = true;
      EXPECT_FALSE(e.at("before").is_null());
      EXPECT_FALSE(e.at("after").is_null());
    }
  EXPECT_TRUE(sawUpdate);
}

TEST_F(CaseworkApi, AsOfShowsTheCaseAsItStoodThatDay) {
  auto before = http(server_->port(), "GET", personPath("?as_of=2026-01-09"), "", {session_->cookie});
  EXPECT_EQ(before.status, 404) << "not in the register yet";
  auto january = body(http(server_->port(), "GET", personPath("?as_of=2026-01-31"), "", {session_->cookie}));
  EXPECT_EQ(january["registrations"].as_array().size(), 1u);
  EXPECT_EQ(january["contact_attempts"].as_array().size(), 0u);
  auto february = body(http(server_->port(), "GET", personPath("?as_of=2026-02-01"), "", {session_->cookie}));
  EXPECT_EQ(february["contact_attempts"].as_array().size(), 1u);
  EXPECT_EQ(http(server_->port(), "GET", personPath("?as_of=soon"), "", {session_->cookie}).status, 400);
  auto ahead = http(server_->port(), "GET", personPath("?as_of=2999-01-01"), "", {session_->cookie});
  EXPECT_EQ(ahead.status, 400) << "the case as it will stand is not known";
  EXPECT_EQ(body(ahead)["field"].as_string(), "as_of");
}

TEST_F(CaseworkApi, OnePlanPerRegistrationRevisionsKeepTheOldGoals) {
  auto measure = send(
      "POST", personPath("/measures"),
      R"({"type":"study_and_career_guidance","content":"Vägledning","responsible":"municipality","start":"2026-02-12"})");
  ASSERT_EQ(measure.status, 201) << measure.body;
  std::string measureId = std::to_string(body(measure)["id"].as_int64());
  auto duplicate = send("POST", personPath("/plans"), R"({"goals":[{"id":"g1","title":"A"},{"id":"g1","title":"B"}]})");
  ASSERT_EQ(duplicate.status, 422) << duplicate.body;
  EXPECT_EQ(body(duplicate)["field"].as_string(), "goals[1].id");
  auto plan = send("POST", personPath("/plans"),
                   R"({"goals":[{"id":"g1","title":"Börja på gymnasiet","target_date":"2026-08-20","measure_ids":[)" +
                       measureId + R"(],"sub_goals":[{"id":"g1.1","title":"Välja program"}]}]})");
  ASSERT_EQ(plan.status, 201) << plan.body;
  std::string path = personPath("/plans/" + std::to_string(body(plan)["id"].as_int64()));
  EXPECT_EQ(send("POST", personPath("/plans"), R"({"goals":[]})").status, 409) << "one active plan per registration";
  auto revised = send("PUT", path, R"({"goals":[{"id":"g2","title":"Få ett sommarjobb"}]})", {"If-Match: \"1\""});
  ASSERT_EQ(revised.status, 200) << revised.body;
  json::object history = body(http(server_->port(), "GET", personPath("/history"), "", {session_->cookie}));
  bool keptOld = false;
  for (const auto& e : history["items"].as_array())
    if (e.at("type").as_string() == "plan.updated")
      keptOld = e.at("before").at("data").at("goals").as_array()[0].at("id").as_string() == "g1";
  EXPECT_TRUE(keptOld) << "the revision keeps the old goals in history";
  auto assessed = send("POST", personPath("/goal-assessments"),
                       R"({"goal_id":"g2","assessed_on":"2026-02-15","result":"partly","comment":"På god väg"})");
  EXPECT_EQ(assessed.status, 201) << assessed.body;
  auto unknown = send("POST", personPath("/goal-assessments"),
                      R"({"goal_id":"g1","assessed_on":"2026-02-15","result":"achieved"})");
  ASSERT_EQ(unknown.status, 422);
  EXPECT_EQ(body(unknown)["field"].as_string(), "goal_id") << "g1 left the plan in the revision";
}

// Issue 12: a plan with sub-goals was stored with "sub_goals": [] in each sub-goal, and from then on
// every assessment and every PUT of the plan as GET answered it was refused.
TEST_F(CaseworkApi, WhatGetAnswersPutAcceptsUnchangedForEveryRecordKindAndSubGoalsAreAssessed) {
  auto plans = body(http(server_->port(), "GET", personPath("/plans"), "", {session_->cookie}));
  ASSERT_EQ(plans["items"].as_array().size(), 1u);
  const json::object& plan = plans["items"].as_array()[0].as_object();
  auto withSubGoals =
      send("PUT", personPath("/plans/" + std::to_string(plan.at("id").as_int64())),
           R"({"drawn_up_on":"2026-02-04","agreed_on":"2026-02-05",)"
           R"("goals":[{"id":"g2","title":"Få ett sommarjobb","sub_goals":[{"id":"g2.1","title":"Skriva ett CV"},)"
           R"({"id":"g2.2","title":"Söka tre jobb"}]}],)"
           R"("reviews":[{"held_on":"2026-03-01","kind":"follow_up","conclusion":"CV klart, söker vidare"}]})",
           {"If-Match: \"" + std::to_string(plan.at("version").as_int64()) + "\""});
  ASSERT_EQ(withSubGoals.status, 200) << withSubGoals.body;
  // Issue 12: the plan as a document: drawn up, agreed to, and the follow-ups held.
  json::object document = body(withSubGoals)["data"].as_object();
  EXPECT_EQ(document.at("agreed_on"), "2026-02-05");
  EXPECT_EQ(document.at("reviews").as_array().at(0).at("conclusion"), "CV klart, söker vidare");
  for (const char* kind : {"contact-attempts", "occupations", "measures", "plans", "goal-assessments"}) {
    auto list = body(http(server_->port(), "GET", personPath(std::string("/") + kind), "", {session_->cookie}));
    ASSERT_FALSE(list["items"].as_array().empty()) << kind;
    for (const json::value& item : list["items"].as_array()) {
      std::string path = personPath(std::string("/") + kind + "/" + std::to_string(item.at("id").as_int64()));
      auto again = send("PUT", path, json::serialize(item.at("data")),
                        {"If-Match: \"" + std::to_string(item.at("version").as_int64()) + "\""});
      EXPECT_EQ(again.status, 200) << kind << ": " << again.body;
    }
  }
  auto assessed = send("POST", personPath("/goal-assessments"),
                       R"({"goal_id":"g2.1","assessed_on":"2026-02-16","result":"achieved","comment":"CV klart"})");
  EXPECT_EQ(assessed.status, 201) << assessed.body;
}

// Issue 12: the young person's own phone number and e-mail address, edited with the person's ETag,
// journalled, and shown where the caseworker calls from.
TEST_F(CaseworkApi, ContactDetailsAreKeptWithThePersonsVersionAndJournalled) {
  auto person = http(server_->port(), "GET", personPath(), "", {session_->cookie});
  std::string etag = person.headers["etag"];
  EXPECT_EQ(
      send("PUT", personPath("/contact-details"), R"({"phone":"ring mig","email":"alva@"})", {"If-Match: " + etag})
          .status,
      422);
  auto set = send("PUT", personPath("/contact-details"), R"({"phone":"070-123 45 67","email":"alva.ek@example.se"})",
                  {"If-Match: " + etag});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(body(set)["contact"].at("phone").as_string(), "070-123 45 67");
  EXPECT_EQ(body(set), body(http(server_->port(), "GET", personPath(), "", {session_->cookie})))
      << "the answer is the person as GET shows them, registrations and occupation too";
  auto same = send("PUT", personPath("/contact-details"), R"({"phone":"070-123 45 67","email":"alva.ek@example.se"})",
                   {"If-Match: " + set.headers.at("etag")});
  EXPECT_EQ(same.headers.at("etag"), set.headers.at("etag")) << "the same details again are no change";
  auto leftOut = send("PUT", personPath("/contact-details"), R"({"phone":"070-999 99 99"})",
                      {"If-Match: " + set.headers.at("etag")});
  ASSERT_EQ(leftOut.status, 422) << "an e-mail address left out is not removed";
  EXPECT_EQ(body(leftOut)["errors"].at(0).at("field").as_string(), "email");
  auto stale =
      send("PUT", personPath("/contact-details"), R"({"phone":"070-999 99 99","email":null})", {"If-Match: " + etag});
  ASSERT_EQ(stale.status, 409);
  EXPECT_EQ(body(stale)["current"].at("contact").at("phone").as_string(), "070-123 45 67");
  EXPECT_EQ(body(http(server_->port(), "GET", personPath(), "", {session_->cookie}))["contact"].at("email").as_string(),
            "alva.ek@example.se");
  json::object history = body(http(server_->port(), "GET", personPath("/history"), "", {session_->cookie}));
  bool journalled = false;
  for (const auto& e : history["items"].as_array())
    journalled = journalled || (e.at("type").as_string() == "person.contact_changed" &&
                                e.at("after").at("phone").as_string() == "070-123 45 67");
  EXPECT_TRUE(journalled);
  auto list = body(http(server_->port(), "GET", "/api/v1/worklists/occupation?caseworker=all", "", {session_->cookie}));
  bool listed = false;
  for (const auto& item : list["items"].as_array())
    if (item.at("person_id").as_int64() == personId_) {
      EXPECT_EQ(item.at("phone").as_string(), "070-123 45 67");
      listed = true;
    }
  EXPECT_TRUE(listed) << json::serialize(list);
}

// Replay of issue 12's week: a contact voided or corrected left the occupation it had recorded.
TEST_F(CaseworkApi, TheOccupationLearntAtAContactIsCorrectedAndVoidedWithIt) {
  auto occupationNow = [&] {
    return json::serialize(body(http(server_->port(), "GET", personPath(), "", {session_->cookie}))["occupation"]);
  };
  const std::string before = occupationNow();
  auto contact = send("POST", personPath("/contact-attempts"),
                      R"({"date":"2026-02-17","time":"10:00","channel":"phone","reached":true,"occupation":"work",)"
                      R"("occupation_detail":"full_time"})");
  ASSERT_EQ(contact.status, 201) << contact.body;
  EXPECT_NE(occupationNow().find("\"work\""), std::string::npos);
  std::string path = contact.headers.at("location");
  auto one = http(server_->port(), "GET", path, "", {session_->cookie});
  EXPECT_EQ(one.status, 200) << "one record, for a GET then PUT";
  EXPECT_EQ(one.headers.at("etag"), contact.headers.at("etag"));
  auto own = send("POST", personPath("/occupations"),
                  R"({"effective_date":"2026-02-17","kind":"work","source":"contact","contact_id":1})");
  EXPECT_EQ(own.status, 422) << "the link is Lotsen's to set: " << own.body;
  auto corrected = send("PUT", path,
                        R"({"date":"2026-02-17","time":"10:00","channel":"phone","reached":true,)"
                        R"("occupation":"studies","occupation_detail":"komvux"})",
                        {"If-Match: " + contact.headers.at("etag")});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_NE(occupationNow().find("komvux"), std::string::npos) << occupationNow();
  auto voided =
      send("POST", path + "/void", R"({"reason":"Fel person i luren"})", {"If-Match: " + corrected.headers.at("etag")});
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_EQ(occupationNow(), before) << "the occupation went with the contact";
}

// Issue 12: a record made by mistake is voided with a reason: out of the case, in the history.
TEST_F(CaseworkApi, AVoidedRecordLeavesTheCaseAndStaysInTheHistory) {
  auto mistake = send("POST", personPath("/contact-attempts"),
                      R"({"date":"2026-02-16","time":"11:00","channel":"sms","reached":false,"note":"Fel person"})");
  ASSERT_EQ(mistake.status, 201) << mistake.body;
  std::string path = mistake.headers.at("location"), etag = mistake.headers.at("etag");
  EXPECT_EQ(send("POST", path + "/void", R"({"reason":""})", {"If-Match: " + etag}).status, 422);
  auto missing = send("POST", path + "/void", "{}", {"If-Match: " + etag});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(body(missing)["errors"].as_array().size(), 1u) << "said once: " << missing.body;
  auto tooLong =
      send("POST", path + "/void", R"({"reason":")" + std::string(501, 'x') + R"("})", {"If-Match: " + etag});
  EXPECT_EQ(tooLong.status, 422) << "free text is at most 500 characters, a void's reason too";
  auto voided = send("POST", path + "/void", R"({"reason":"Skrivet i fel ärende"})", {"If-Match: " + etag});
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_TRUE(body(voided)["voided"].as_bool());
  auto list = body(http(server_->port(), "GET", personPath("/contact-attempts"), "", {session_->cookie}));
  for (const auto& r : list["items"].as_array()) EXPECT_NE(r.at("data").at("date").as_string(), "2026-02-16");
  json::object history = body(http(server_->port(), "GET", personPath("/history"), "", {session_->cookie}));
  bool journalled = false;
  for (const auto& e : history["items"].as_array())
    journalled = journalled || (e.at("type").as_string() == "contact_attempt.voided" &&
                                e.at("after").at("void_reason").as_string() == "Skrivet i fel ärende");
  EXPECT_TRUE(journalled);
  std::string now = voided.headers.at("etag");
  EXPECT_EQ(send("POST", path + "/void", R"({"reason":"En gång till"})", {"If-Match: " + now}).status, 409);
  EXPECT_EQ(
      send("PUT", path, R"({"date":"2026-02-16","time":"11:00","channel":"sms","reached":false})", {"If-Match: " + now})
          .status,
      409)
      << "a voided record is not corrected";
}

TEST_F(CaseworkApi, AssignThenCloseByHandThenNothingMoreToDocument) {
  std::string reg = personPath("/registrations/" + std::to_string(registrationId_));
  // Replay of issue 12's week: the intake and a unit's unassigned cases were one row without a label.
  auto before = body(http(server_->port(), "GET", "/api/v1/worklists?caseworker=all", "", {session_->cookie}));
  for (const auto& l : before["lists"].as_array())
    if (l.at("name").as_string() == "occupation") {
      const auto& intake = l.at("by_caseworker").as_array().at(0);
      EXPECT_TRUE(intake.at("caseworker_id").is_null());
      EXPECT_EQ(intake.at("unit").as_string(), "") << "not yet shared out";
      EXPECT_NE(intake.at("label").as_string().find("Inkorgen"), std::string::npos);
    }
  // Issue 12: the person's ETag sent to change a registration answered 409 "changed by someone else".
  std::string personEtag = http(server_->port(), "GET", personPath(), "", {session_->cookie}).headers["etag"];
  auto wrongEtag =
      send("PUT", reg + "/assignment", R"({"caseworker_id":1,"unit":"KAA Norr"})", {"If-Match: " + personEtag});
  EXPECT_EQ(wrongEtag.status, 412) << wrongEtag.body;
  auto assigned = send("PUT", reg + "/assignment", R"({"caseworker_id":1,"unit":"KAA Norr"})", {"If-Match: \"1\""});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(body(assigned)["unit"].as_string(), "KAA Norr");
  // A caseworker's finding: the history said "med en ansvarig handläggare" and never who.
  auto history = body(http(server_->port(), "GET", personPath("/history"), "", {session_->cookie}));
  const json::value* assignedEvent = nullptr;
  for (const auto& e : history["items"].as_array())
    if (e.at("type").as_string() == "registration.assigned") assignedEvent = &e;
  ASSERT_NE(assignedEvent, nullptr);
  EXPECT_EQ(assignedEvent->at("after").at("caseworker_id").as_int64(), 1);
  EXPECT_EQ(assignedEvent->at("after").at("caseworker_username").as_string(), "anna") << "named, not only numbered";
  auto named = body(http(server_->port(), "GET", personPath(), "", {session_->cookie}));
  EXPECT_EQ(named["registrations"].at(0).at("caseworker_username").as_string(), "anna") << "the person's page says who";
  auto again = send("PUT", reg + "/assignment", R"({"caseworker_id":1,"unit":"KAA Norr"})",
                    {"If-Match: " + assigned.headers.at("etag")});
  EXPECT_EQ(again.headers.at("etag"), assigned.headers.at("etag")) << "the same assignment again is no change";
  // The occupation learnt at the contact on 2026-02-03 is over six months old by now: to be checked.
  auto mine = body(http(server_->port(), "GET", "/api/v1/worklists/occupation", "", {session_->cookie}));
  EXPECT_EQ(mine["count"].as_int64(), 1) << "anna (user 1) is the caseworker";
  EXPECT_EQ(
      http(server_->port(), "GET", "/api/v1/worklists/occupation?unit=KAA%20S%C3%B6der", "", {session_->cookie}).status,
      400)
      << "there is no such unit here";
  auto unit =
      body(http(server_->port(), "GET", "/api/v1/worklists/occupation?unit=KAA%20Norr", "", {session_->cookie}));
  ASSERT_EQ(unit["count"].as_int64(), 1);
  auto summary = body(http(server_->port(), "GET", "/api/v1/worklists?unit=KAA%20Norr", "", {session_->cookie}));
  for (const auto& l : summary["lists"].as_array()) {
    if (l.at("name").as_string() == "occupation") {
      // Issue 12: by name, with the overdue count, for a manager who cannot list the users.
      const auto& who = l.at("by_caseworker").as_array();
      ASSERT_EQ(who.size(), 1u);
      EXPECT_EQ(who[0].at("caseworker_id").as_int64(), 1);
      EXPECT_EQ(who[0].at("username").as_string(), "anna");
      EXPECT_EQ(who[0].at("count").as_int64(), 1);
      EXPECT_EQ(who[0].at("overdue").as_int64(), 1);
    }
  }
  auto members = body(http(server_->port(), "GET", "/api/v1/team", "", {session_->cookie}));
  ASSERT_EQ(members["items"].as_array().size(), 1u);
  EXPECT_EQ(members["items"].as_array()[0].at("username").as_string(), "anna");
  EXPECT_EQ(unit["items"].as_array()[0].at("detail").as_string(), "work") << "the contact recorded the occupation";
  // Issue 12: turned_20 was accepted for a 17-year-old; what the population register decides is not
  // closed by hand.
  for (const char* wrong : {R"({"end_date":"2026-02-20","end_reason":"turned_20"})",
                            R"({"end_date":"2026-02-20","end_reason":"moved_out"})",
                            R"({"end_date":"2026-02-20","end_reason":"left_population_register"})"}) {
    auto refused = send("POST", reg + "/close", wrong, {"If-Match: \"2\""});
    EXPECT_EQ(refused.status, 422) << wrong << " " << refused.body;
  }
  auto badReason =
      send("POST", reg + "/close", R"({"end_date":"2026-02-20","end_reason":"bored"})", {"If-Match: \"2\""});
  ASSERT_EQ(badReason.status, 422) << badReason.body;
  EXPECT_EQ(body(badReason)["field"].as_string(), "end_reason");
  auto closed =
      send("POST", reg + "/close", R"({"end_date":"2026-02-20","end_reason":"moved_abroad"})", {"If-Match: \"2\""});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(body(closed)["end_reason"].as_string(), "moved_abroad");
  EXPECT_TRUE(body(closed)["closed_by_hand"].as_bool());
  // The measures under way (started 2026-02-12) ended with the registration, with a reason of their own.
  auto ended = body(closed)["measures_ended"].as_array();
  ASSERT_FALSE(ended.empty()) << closed.body;
  json::object measures = body(http(server_->port(), "GET", personPath("/measures"), "", {session_->cookie}));
  for (const auto& m : measures["items"].as_array()) {
    EXPECT_EQ(m.at("data").at("end").as_string(), "2026-02-20");
    EXPECT_EQ(m.at("data").at("end_reason").as_string(), "registration_ended");
  }
  auto late = send("POST", personPath("/contact-attempts"),
                   R"({"date":"2026-02-21","time":"10:00","channel":"phone","reached":false})");
  EXPECT_EQ(late.status, 409) << "no open registration";
}

// Issue 12: a closure made by mistake is reopened with a reason, in the journal; the measures the closure
// ended go on.
TEST_F(CaseworkApi, AClosureMadeByMistakeIsReopenedWithItsReasonAndItsMeasuresGoOn) {
  std::string reg = personPath("/registrations/" + std::to_string(registrationId_));
  EXPECT_EQ(send("POST", reg + "/reopen", R"({"reason":"   "})", {"If-Match: \"3\""}).status, 422);
  EXPECT_EQ(send("POST", reg + "/reopen", R"({"reason":""})", {"If-Match: \"3\""}).status, 422) << "a reason is given";
  auto reopened =
      send("POST", reg + "/reopen", R"({"reason":"Fel person: det var systern som flyttade"})", {"If-Match: \"3\""});
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_TRUE(body(reopened)["end_date"].is_null());
  EXPECT_FALSE(body(reopened)["measures_resumed"].as_array().empty());
  json::object measures = body(http(server_->port(), "GET", personPath("/measures"), "", {session_->cookie}));
  for (const auto& m : measures["items"].as_array()) EXPECT_TRUE(m.at("data").at("end").is_null()) << "under way again";
  json::object history = body(http(server_->port(), "GET", personPath("/history"), "", {session_->cookie}));
  bool journalled = false;
  for (const auto& e : history["items"].as_array())
    journalled = journalled || (e.at("type").as_string() == "registration.reopened" &&
                                e.at("after").at("reopened_because").as_string().starts_with("Fel person"));
  EXPECT_TRUE(journalled);
  EXPECT_EQ(send("POST", reg + "/reopen", R"({"reason":"En gång till"})", {"If-Match: \"4\""}).status, 409)
      << "it is open";
}

// Attack of issue 14's review: a reason code of 27,000 characters crashed the server (the translation of its
// echo into Swedish), and one ending in a line break was answered in English. Both are refused in Swedish,
// naming the field, with the code echoed short; nothing is stored, and the server goes on.
TEST_F(CaseworkApi, AReasonCodeOfAnyLengthOrWithALineBreakIsRefusedInSwedishNamingTheField) {
  std::string reg = personPath("/registrations/" + std::to_string(registrationId_));
  json::object before = body(http(server_->port(), "GET", personPath(), "", {session_->cookie}));
  std::string version;
  for (const auto& r : before["registrations"].as_array())
    if (r.at("id").as_int64() == registrationId_) version = std::to_string(r.at("version").as_int64());
  std::string long_(100000, 'a');
  struct Case {
    std::string path, body, field;
  } cases[] = {{reg + "/reason", R"({"reason":")" + long_ + R"("})", "reason"},
               {reg + "/reason", R"({"reason":"studiebevis\n"})", "reason"},
               {reg + "/close", R"({"end_date":"2026-02-01","end_reason":")" + long_ + R"("})", "end_reason"}};
  for (const Case& c : cases) {
    auto r = send("POST", c.path, c.body, {"If-Match: \"" + version + "\""});
    ASSERT_EQ(r.status, 422) << c.path << " " << r.body.substr(0, 300);
    json::object problem = body(r);
    EXPECT_EQ(problem["errors"].at(0).at("field").as_string(), c.field);
    std::string detail(problem["errors"].at(0).at("detail").as_string());
    EXPECT_NE(detail.find("är inte en giltig kod"), std::string::npos) << detail;
    EXPECT_LT(detail.size(), 300u) << "the code is echoed short";
  }
  EXPECT_EQ(body(http(server_->port(), "GET", personPath(), "", {session_->cookie}))["registrations"],
            before["registrations"])
      << "nothing stored, and the server still answers";
}

// HTTP allows a list of ETags in If-Match; an edit is of one version. A list was read as one garbled ETag.
TEST_F(CaseworkApi, AnIfMatchWithSeveralETagsIsRefusedNotMisread) {
  std::string reg = personPath("/registrations/" + std::to_string(registrationId_));
  std::string etags = "If-Match: \"registration/" + std::to_string(registrationId_) + "/1\", \"registration/" +
                      std::to_string(registrationId_) + "/2\"";
  auto r = send("POST", reg + "/reason", R"({"reason":"studiebevis"})", {etags});
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(body(r)["field"], "If-Match");
  EXPECT_NE(r.body.find("en enda ETag"), std::string::npos) << r.body;
}

// Last in the suite: it adds a case to the unit that the tests above count.
// Issue 12: a young person who calls in is registered by hand before the next register run; the one who
// registers, working in one unit, is responsible and can document the first contact at once.
TEST_F(CaseworkApi, AYoungPersonWhoCallsInIsRegisteredByHandAndCanBeDocumentedAtOnce) {
  const std::string person =
      R"("person":{"first_name":"Örjan","last_name":"Åkesson","street_address":"Ängsvägen 3","postal_code":"504 31",)"
      R"("city":"Borås","municipality_code":"1490"})";
  auto missing = send("POST", "/api/v1/registrations",
                      R"({"personal_id":"20090505-1231","start_date":"2026-11-02","reason":"never_started",)"
                      R"("by_hand":"called_in"})");
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(body(missing)["field"].as_string(), "person") << "an unknown person needs name and address";
  auto bad = send("POST", "/api/v1/registrations",
                  R"({"personal_id":"20090505-1231","start_date":"2026-11-02","reason":"never_started",)"
                  R"("by_hand":"called_in","person":{"first_name":"","last_name":"Å","street_address":"x",)"
                  R"("postal_code":"5043","city":"Borås","municipality_code":"1490"}})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::vector<std::string> fields;
  json::object problem = body(bad);
  for (const auto& e : problem["errors"].as_array()) fields.emplace_back(e.at("field").as_string());
  EXPECT_EQ(fields, (std::vector<std::string>{"person.first_name", "person.postal_code"}));
  auto notAnObject = send("POST", "/api/v1/registrations",
                          R"({"personal_id":"20090505-1231","start_date":"2026-11-02","reason":"never_started",)"
                          R"("by_hand":"called_in","person":"Örjan"})");
  ASSERT_EQ(notAnObject.status, 422) << notAnObject.body;
  EXPECT_EQ(body(notAnObject)["field"].as_string(), "person") << "the field, without a trailing dot";
  auto control = send("POST", "/api/v1/registrations",
                      R"({"personal_id":"20090505-1231","start_date":"2026-11-02","reason":"never_started",)"
                      R"("by_hand":"called_in","person":{"first_name":"Ö\u0007","last_name":"Å","street_address":)"
                      R"("x 1","postal_code":"50431","city":"B","municipality_code":"1490","extra":1}})");
  ASSERT_EQ(control.status, 422) << control.body;
  std::vector<std::string> all;
  json::object controlProblem = body(control);
  for (const auto& e : controlProblem["errors"].as_array()) all.emplace_back(e.at("field").as_string());
  EXPECT_EQ(all, (std::vector<std::string>{"person.extra", "person.first_name"})) << "every fault at once";
  auto tooOld = send("POST", "/api/v1/registrations",
                     R"({"personal_id":"20050101-1233","start_date":"2026-11-02","reason":"never_started",)"
                     R"("by_hand":"called_in",)" +
                         person + "}");
  ASSERT_EQ(tooOld.status, 422) << tooOld.body;
  EXPECT_EQ(body(tooOld)["field"].as_string(), "start_date") << "a 21-year-old is outside the age scope";

  auto created = send("POST", "/api/v1/registrations",
                      R"({"personal_id":"20090505-1231","start_date":"2026-11-02","reason":"never_started",)"
                      R"("by_hand":"called_in",)" +
                          person + "}");
  ASSERT_EQ(created.status, 201) << created.body;
  json::object registration = body(created);
  EXPECT_EQ(registration["by_hand"], "called_in");
  EXPECT_EQ(registration["awaiting_registers"], true);
  EXPECT_EQ(registration["unit"], "KAA Norr");
  auto located = body(http(server_->port(), "GET", created.headers["location"], "", {session_->cookie}));
  EXPECT_EQ(located["last_name"], "Åkesson");
  EXPECT_EQ(located["address"].at("postal_code"), "50431") << "kept as five digits";
  auto contact = send("POST", created.headers["location"] + "/contact-attempts",
                      R"({"date":"2026-11-02","time":"10:00","channel":"phone","reached":true})");
  EXPECT_EQ(contact.status, 201) << contact.body;

  auto twice = send("POST", "/api/v1/registrations",
                    R"({"personal_id":"20090505-1231","start_date":"2026-11-03","reason":"never_started",)"
                    R"("by_hand":"school_report"})");
  EXPECT_EQ(twice.status, 409) << twice.body;
  auto known = send("POST", "/api/v1/registrations",
                    R"({"personal_id":"20080312-2381","start_date":"2026-11-03","reason":"never_started",)"
                    R"("by_hand":"school_report",)" +
                        person + "}");
  ASSERT_EQ(known.status, 422) << "a known person's identity comes from the population register";
  EXPECT_EQ(body(known)["field"].as_string(), "person");
}

}  // namespace
}  // namespace lotsen::testing
