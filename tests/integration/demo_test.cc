// The demo municipality through the real command and server: `lotsen demo` prints the unit's figures,
// and the case of a person answers ?as_of= a year ago as it stood then.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "clock/swedish_time.h"
#include "harness.h"
#include "report/half_year_cases.h"
#include "report/kpi_cases.h"
#include "store/case_records.h"
#include "store/store.h"

namespace lotsen::testing {
namespace {

namespace json = boost::json;

const CivilDate kDate = *CivilDate::parse("2026-11-22");
const CivilDate kYearAgo = *CivilDate::parse("2025-11-22");

// The `field` of the first `n` (at most) of the objects under `key` in what the demo user is answered at
// `target`; none when the answer is not 200.
std::vector<json::value> firstOf(const DemoUsers& as, const std::string& target, std::string_view key,
                                 std::string_view field, std::size_t n) {
  auto answer = as("demo", "GET", target);
  EXPECT_EQ(answer.status, 200) << target << " " << answer.body;
  if (answer.status != 200) return {};
  json::value parsed = json::parse(answer.body);
  std::vector<json::value> found;
  for (const auto& item : parsed.at(key).as_array())
    if (found.size() < n) found.push_back(item.at(field));
  return found;
}

// The summary (GET /api/v1/worklists) counts each list in the store by that list's own rule: on the demo,
// for every list, whole and per unit and per caseworker, the counts add up to the list's length, and per
// caseworker (the unassigned per unit) and overdue they are what the list's lines say.
TEST(DemoApi, EachWorklistIsCountedByItsOwnRuleTheCountsAreTheListsLengths) {
  std::string db = tempPath("demo-worklist-counts.db");
  auto demo = runLotsen({"demo", "--db", db, "--date", kDate.iso()});
  ASSERT_EQ(demo.exitCode, 0) << demo.err;
  auto store = std::move(*openStore(db));
  std::vector<WorklistFilter> filters{{kDate, std::nullopt, "", std::nullopt}};
  auto units = store->units();
  auto users = store->users();
  ASSERT_TRUE(units && users);
  for (const std::string& unit : *units) filters.push_back({kDate, std::nullopt, unit, std::nullopt});
  for (const User& u : *users) filters.push_back({kDate, u.id, "", std::nullopt});
  std::size_t nonEmpty = 0;
  for (std::string_view name : {"first_contact", "contact_retry", "follow_up", "occupation", "plan_without_goals",
                                "registration_without_plan", "measure_end_reason", "turning_20"}) {
    for (const WorklistFilter& filter : filters) {
      auto entries = store->worklist(name, filter);
      auto counts = store->worklistCounts(name, filter);
      ASSERT_TRUE(entries && counts) << name;
      using Who = std::pair<std::optional<std::int64_t>, std::string>;
      std::map<Who, std::pair<std::int64_t, std::int64_t>> fromList, counted;
      for (const WorklistEntry& e : *entries) {
        auto& [count, overdue] = fromList[Who{e.caseworkerId, e.caseworkerId ? "" : e.unit}];
        ++count;
        overdue += e.due < filter.today;
      }
      for (const WorklistCount& c : *counts) counted[Who{c.caseworkerId, c.unit}] = {c.count, c.overdue};
      EXPECT_EQ(counted, fromList) << name << " (unit '" << filter.unit << "', caseworker "
                                   << filter.caseworkerId.value_or(0) << ")";
      nonEmpty += !entries->empty();
    }
  }
  EXPECT_GT(nonEmpty, 8u) << "the demo fills the lists";
  EXPECT_FALSE(store->worklistCounts("no_such_list", filters[0]));

  // Through the API: the summary's counts are the lists' counts, and ?page= answers 100 items of them.
  ServerProcess server(db);
  auto session = login(server.port(), "demo", kDemoPassword);
  ASSERT_TRUE(session);
  auto get = [&](const std::string& path) {
    auto r = http(server.port(), "GET", path, "", {session->cookie});
    EXPECT_EQ(r.status, 200) << path << " " << r.body;
    return json::parse(r.body).as_object();
  };
  auto summary = get("/api/v1/worklists?caseworker=all");
  for (const json::value& l : summary.at("lists").as_array()) {
    std::string name(l.at("name").as_string());
    auto whole = get("/api/v1/worklists/" + name + "?caseworker=all");
    EXPECT_EQ(l.at("count").as_int64(), static_cast<std::int64_t>(whole.at("items").as_array().size())) << name;
    EXPECT_EQ(l.at("overdue"), whole.at("overdue")) << name;
    auto first = get("/api/v1/worklists/" + name + "?caseworker=all&page=1");
    EXPECT_EQ(first.at("count"), whole.at("count")) << name;
    EXPECT_EQ(first.at("items").as_array().size(), std::min<std::size_t>(100, whole.at("items").as_array().size()));
  }
}

// SCB's half-year file: the API answers what the command writes (CSV and XLSX), for the demo's imported
// layout; only the one who runs the register imports gets it, and every download, over HTTP or by the
// command, is logged as a read of every person.
TEST(DemoApi, TheHalfYearFileThroughTheApiIsTheCommandsAndOnlyTheAdminsAndItIsLogged) {
  std::string db = tempPath("demo-half-year.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  std::string file = tempPath("kaa-2026H1.csv"), workbook = tempPath("kaa-2026H1.xlsx");
  auto cli = runLotsen({"report", "half-year", "--db", db, "--period", "2026H1", "--out", file, "--allow-errors"});
  ASSERT_EQ(cli.exitCode, 0) << cli.err;
  auto cliXlsx = runLotsen({"report", "half-year", "--db", db, "--period", "2026H1", "--format", "xlsx", "--out",
                            workbook, "--allow-errors"});
  ASSERT_EQ(cliXlsx.exitCode, 0) << cliXlsx.err;
  auto cliJson = runLotsen({"report", "half-year", "--db", db, "--period", "2026H1", "--format", "json"});
  ASSERT_EQ(cliJson.exitCode, 0) << cliJson.err;
  json::object command = json::parse(cliJson.out).as_object();

  ServerProcess server(db);
  DemoUsers as{server.port()};
  auto get = [&](const std::string& user, const std::string& path) { return as(user, "GET", path); };
  auto answer = get("demo", "/api/v1/reports/half-year?period=2026H1");
  ASSERT_EQ(answer.status, 200) << answer.body;
  json::object body = json::parse(answer.body).as_object();
  EXPECT_EQ(body.at("as_of"), "2026-06-30T22:00:00.000Z") << "as the journal stood at midnight in Stockholm";
  EXPECT_EQ(body.at("problems"), command.at("problems"));
  EXPECT_EQ(body.at("changes_since_end"), command.at("changes_since_end"));
  std::int64_t records = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    const json::object& block = body.at("blocks").at(i).as_object();
    EXPECT_FALSE(block.contains("records")) << "the overview names no personnummer";
    EXPECT_EQ(block.at("count"), command.at("blocks").at(i).at("count"));
    records += block.at("count").as_int64();
  }
  EXPECT_GT(records, 500);

  std::string lines;  // the command's JSON records, block by block, as the file's lines
  for (const auto& block : command.at("blocks").as_array())
    for (const auto& record : block.at("records").as_array()) {
      std::vector<std::string> values;
      for (const auto& v : record.at("values").as_array()) values.emplace_back(v.as_string());
      lines += fmt::format("{}\r\n", fmt::join(values, ";"));
    }
  EXPECT_EQ(lines, readFile(file)) << "the JSON's values are the file's, record by record";

  auto csv = get("demo", "/api/v1/reports/half-year?period=2026H1&format=csv&allow_errors=true");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.headers["content-disposition"], "attachment; filename=\"kaa-2026H1.csv\"");
  EXPECT_EQ(csv.body, readFile(file));
  auto xlsx = get("demo", "/api/v1/reports/half-year?period=2026H1&format=xlsx&allow_errors=true");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.headers["content-disposition"], "attachment; filename=\"kaa-2026H1.xlsx\"");
  std::string served = tempPath("served.xlsx");
  writeFile(served, xlsx.body);
  for (const char* part : {"xl/sharedStrings.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet7.xml"})
    EXPECT_EQ(outputOf("unzip -p '" + served + "' " + part), outputOf("unzip -p '" + workbook + "' " + part)) << part;
  std::string firstLine = readFile(file).substr(0, readFile(file).find(';'));
  EXPECT_NE(outputOf("unzip -p '" + served + "' xl/sharedStrings.xml").find(firstLine), std::string::npos)
      << "the file's values are in the workbook as text";
  EXPECT_EQ(get("demo", "/api/v1/reports/half-year?period=2026H1&format=xlsx").status,
            body.at("errors").as_int64() > 0 ? 422 : 200)
      << "refused while errors remain, as the CSV is";

  auto cliLog = get("revisor", "/api/v1/access-log?username=system:cli&from=2026-01-01&to=2099-12-31");
  ASSERT_EQ(cliLog.status, 200) << cliLog.body;
  json::value cliEntries = json::parse(cliLog.body);
  ASSERT_EQ(cliEntries.at("items").as_array().size(), 3u) << "the command's CSV, XLSX and JSON";
  EXPECT_EQ(cliEntries.at("items").at(0).at("route"), "lotsen report half-year");
  EXPECT_GT(cliEntries.at("items").at(0).at("count").as_int64(), 300);
  auto log = get("revisor", "/api/v1/access-log?username=demo&from=2026-01-01&to=2099-12-31");
  ASSERT_EQ(log.status, 200) << log.body;
  std::int64_t largest = 0;
  json::value entries = json::parse(log.body);
  for (const auto& item : entries.at("items").as_array())
    if (item.at("route") == "GET /api/v1/reports/half-year") largest = std::max(largest, item.at("count").as_int64());
  EXPECT_GT(largest, 300) << "the file names every person in it";

  for (const char* user : {"anna", "statistik", "revisor"})
    EXPECT_EQ(get(user, "/api/v1/reports/half-year?period=2026H1").status, 403) << user;
  for (const char* bad :
       {"period=2026H3", "period=2026H1&format=pdf", "period=2026H1&with_corrections=yes", "period=2099H1"}) {
    auto refused = get("demo", std::string("/api/v1/reports/half-year?") + bad);
    EXPECT_EQ(refused.status, 400) << bad << " " << refused.body;
    EXPECT_EQ(refused.headers["content-type"], "application/problem+json") << bad;
  }
}

// The KPIs through the API are the command's for the same cases: the demo user manages every unit, so
// hers are the municipality's; a caseworker's are her caseload's; a statistician (no access to persons)
// is refused until the KPIs are suppressed for her.
TEST(DemoApi, KpisThroughTheApiAreTheCommandsForTheSameCasesAndACaseworkerGetsHerCaseloadsOnly) {
  std::string db = tempPath("demo-kpi.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  std::vector<std::string> args{"report", "kpi", "--db", db, "--period", "2026H2", "--by", "unit"};
  auto asJson = args;
  asJson.insert(asJson.end(), {"--format", "json"});
  auto cli = runLotsen(asJson);
  auto cliCsv = runLotsen(args);
  ASSERT_EQ(cli.exitCode, 0) << cli.err;
  ServerProcess server(db);
  DemoUsers as{server.port()};
  auto get = [&](const std::string& user, const std::string& path) { return as(user, "GET", path); };
  auto answer = get("demo", "/api/v1/reports/kpi?period=2026H2&by=unit");
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto body = json::parse(answer.body).as_object();
  EXPECT_EQ(body.at("scope"), "caseload");
  EXPECT_EQ(body.at("period"), "2026H2");
  body.erase("scope");
  body.erase("period");
  EXPECT_EQ(body["all"].at("label"), "Alla dina ärenden") << "the caseload's, though it is the whole municipality";
  auto command = json::parse(cli.out).as_object();
  command["all"].as_object()["label"] = "Alla dina ärenden";
  EXPECT_EQ(body, command);

  auto csv = get("demo", "/api/v1/reports/kpi?period=2026H2&by=unit&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers["content-disposition"], "attachment; filename=\"nyckeltal-2026H2-unit.csv\"");
  std::string commandCsv = cliCsv.out;
  commandCsv.replace(commandCsv.find("\r\nHela kommunen;") + 2, std::string("Hela kommunen").size(),
                     "Alla dina ärenden");
  EXPECT_EQ(csv.body, commandCsv);

  auto byCaseworker = get("demo", "/api/v1/reports/kpi?period=2026H2&by=caseworker");
  ASSERT_EQ(byCaseworker.status, 200) << byCaseworker.body;
  std::set<std::string> who;
  json::value groups = json::parse(byCaseworker.body).at("groups");
  for (const auto& g : groups.as_array()) who.insert(std::string(g.at("label").as_string()));
  EXPECT_EQ(who, (std::set<std::string>{"Ingen handläggare", "anna", "bengt"}));

  auto anna = get("anna", "/api/v1/reports/kpi?period=2026H2");
  ASSERT_EQ(anna.status, 200) << anna.body;
  std::int64_t hers = json::parse(anna.body).at("all").at("target_group").as_int64();
  std::int64_t all = body.at("all").at("target_group").as_int64();
  EXPECT_GT(hers, 0);
  EXPECT_LT(hers, all);

  auto bad = get("anna", "/api/v1/reports/kpi?period=2026H3");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Halvår anges som ÅÅÅÅH1 eller ÅÅÅÅH2"), std::string::npos) << bad.body;
  auto future = get("anna", "/api/v1/reports/kpi?period=2099H1");
  EXPECT_EQ(future.status, 400) << "no figures for a half-year that has not begun";
  EXPECT_NE(future.body.find("Halvåret 2099H1 har inte börjat"), std::string::npos) << future.body;
  EXPECT_EQ(get("anna", "/api/v1/reports/kpi?period=2026H2&by=kommun").status, 400);
  EXPECT_EQ(get("anna", "/api/v1/reports/kpi?period=2026H2&format=xlsx").status, 400);
  EXPECT_EQ(get("revisor", "/api/v1/reports/kpi?period=2026H2").status, 403) << "neither cases nor statistics";

  // A statistician, who may not read persons: the municipality's, no count from 1 to 4 shown, a hidden
  // figure null and named.
  for (const char* by : {"all", "unit", "age", "reason"}) {
    auto statistician = get("statistik", std::string("/api/v1/reports/kpi?period=2026H2&by=") + by);
    ASSERT_EQ(statistician.status, 200) << statistician.body;
    auto suppressed = json::parse(statistician.body).as_object();
    EXPECT_EQ(suppressed.at("scope"), "municipality");
    EXPECT_EQ(suppressed.at("suppressed_below"), 5);
    EXPECT_EQ(suppressed.at("all").at("label"), "Hela kommunen (små tal dolda)");
    std::vector<json::object> rows;
    rows.push_back(suppressed.at("all").as_object());
    for (const auto& g : suppressed.at("groups").as_array()) rows.push_back(g.as_object());
    int hidden = 0;
    for (const json::object& row : rows) {
      // Every count, in the group and in its objects (first_attempt, goals, …).
      std::function<void(const json::object&, const std::string&)> check = [&](const json::object& o,
                                                                               const std::string& prefix) {
        for (const auto& [key, value] : o) {
          std::string name = prefix + std::string(key);
          if (value.is_object()) check(value.as_object(), name + ".");
          bool isCount = !name.ends_with("_share") && !name.ends_with("_days") && name != "key";
          if (isCount && value.is_int64()) {
            EXPECT_FALSE(value.as_int64() >= 1 && value.as_int64() <= 4) << by << " " << row.at("label") << " " << name;
          }
        }
      };
      check(row, "");
      for (const auto& name : row.at("suppressed").as_array()) {
        ++hidden;
        std::string path(name.as_string());
        const json::value* v = &row.at(path.substr(0, path.find('.')));
        if (auto dot = path.find('.'); dot != std::string::npos) v = &v->at(path.substr(dot + 1));
        EXPECT_TRUE(v->is_null()) << path;
      }
    }
    if (std::string_view(by) == "age") {
      EXPECT_GT(hidden, 0) << "the demo has few of some ages";
    }
    // A count the whole shows is hidden in no group or in two at least: one alone would be the whole minus the
    // others (an attack found this, giving away the small rest it hid).
    std::map<std::string, int> groupsHiding;
    for (std::size_t i = 1; i < rows.size(); ++i)
      for (const auto& name : rows[i].at("suppressed").as_array()) ++groupsHiding[std::string(name.as_string())];
    const json::array& hiddenInAll = rows[0].at("suppressed").as_array();
    for (const auto& [name, groups] : groupsHiding) {
      bool shownInAll = std::ranges::find(hiddenInAll, json::value(name)) == hiddenInAll.end();
      bool isCount = !name.ends_with("_share") && !name.ends_with("_days");
      if (shownInAll && isCount) {
        EXPECT_NE(groups, 1) << by << " " << name;
      }
    }
  }
  auto statisticianCsv = get("statistik", "/api/v1/reports/kpi?period=2026H2&by=age&format=csv");
  ASSERT_EQ(statisticianCsv.status, 200);
  EXPECT_NE(statisticianCsv.body.find("\r\nHela kommunen (små tal dolda);"), std::string::npos);
  EXPECT_NE(statisticianCsv.body.find(";dolt"), std::string::npos);
  removeDatabase(db);
}

// The reports read the journal folded into the history (store/case_history.h); the current-state tables are
// the journal's latest fold too. On the demo's data both hold the same registrations of a half-year, with the
// same live contacts, measures and plans (the history without their free text).
TEST(DemoApi, TheHistoryFoldedFromTheJournalHoldsWhatTheCurrentTablesHold) {
  std::string db = tempPath("history-tables.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  {
    auto store = std::move(*openStore(db));
    CivilDate from = *CivilDate::parse("2026-01-01"), to = *CivilDate::parse("2026-12-31");
    auto history = CaseHistory::read(*store);
    ASSERT_TRUE(history) << history.error().message;
    std::vector<KpiCase> cases = kpiCases(*history, from, to);
    std::set<std::int64_t> inTables, inHistory;
    std::istringstream ids(outputOf("sqlite3 '" + db +
                                    "' \"SELECT id FROM registrations WHERE programme = 'kaa' AND start_date <= "
                                    "'2026-12-31' AND (end_date IS NULL OR end_date > '2026-01-01')\""));
    for (std::int64_t id; ids >> id;) inTables.insert(id);
    for (const KpiCase& c : cases) inHistory.insert(c.registration.id);
    EXPECT_EQ(inHistory, inTables);
    // A caseload's cases are those of the whole municipality's that it covers (the domain's rule).
    for (const char* name : {"anna", "bengt", "demo"}) {
      auto user = **store->userByName(name);
      Caseload caseload = caseloadOf(user.id, *parseRoles(user.role), user.units);
      std::vector<std::int64_t> expected, theirs;
      for (const KpiCase& c : cases)
        if (covers(caseload, c.registration.unit, c.registration.caseworkerId)) expected.push_back(c.registration.id);
      for (const KpiCase& c : kpiCases(*history, from, to, caseload)) theirs.push_back(c.registration.id);
      EXPECT_EQ(theirs, expected) << name;
      EXPECT_FALSE(theirs.empty()) << name;
    }
    EXPECT_GT(cases.size(), 100u);
    for (const KpiCase& c : cases) {
      std::vector<ContactFacts> contacts;
      std::vector<MeasureFacts> measures;
      std::size_t plans = 0;
      auto records = store->caseRecordsOf(c.registration.personId, "");
      ASSERT_TRUE(records);
      for (const CaseRecord& r : *records) {
        if (r.registrationId != c.registration.id) continue;
        if (r.kind == kContactAttemptKind)
          contacts.push_back(*parseContactAttempt(r.data));
        else if (r.kind == kMeasureKind)
          measures.push_back(*parseMeasure(r.data));
        else if (r.kind == kPlanKind)
          ++plans;
      }
      EXPECT_TRUE(std::ranges::is_permutation(c.contacts, contacts)) << "registration " << c.registration.id;
      EXPECT_TRUE(std::ranges::is_permutation(c.measures, measures)) << "registration " << c.registration.id;
      EXPECT_EQ(c.plans.size(), plans) << "registration " << c.registration.id;
    }
  }
  removeDatabase(db);
}

// The report compares the two files only for the persons whose records what was recorded since the period's
// end can change (mayChangeFile): on the demo's data, that lists exactly what comparing the whole files does.
TEST(DemoApi, TheCorrectionsListedAreThoseOfTheWholeFilesCompared) {
  std::string db = tempPath("half-year-corrections.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  {
    auto store = std::move(*openStore(db));
    auto history = CaseHistory::read(*store);
    ASSERT_TRUE(history);
    HalfYear period = *HalfYear::parse("2026H1");
    auto now = std::chrono::system_clock::now();
    auto layout = halfYearLayout(*store);
    ASSERT_TRUE(layout);
    HalfYearFile atEnd =
        halfYearFile(*history, period, *storedInstant(swedishDayStartUtc(*CivilDate::parse("2026-07-01"))), *layout);
    HalfYearFile latest = halfYearFile(*history, period, kAfterEveryEvent, *layout);
    auto [removed, added] = halfYearDifference(atEnd.records, latest.records);
    EXPECT_FALSE(removed.empty() && added.empty()) << "the demo corrects the past half-year";
    for (bool withCorrections : {false, true}) {
      auto report = halfYearReport(*store, *history, period, now, withCorrections);
      ASSERT_TRUE(report) << report.error().message;
      EXPECT_EQ(report->file.records, withCorrections ? latest.records : atEnd.records);
      EXPECT_EQ(report->removedSinceEnd, removed);
      EXPECT_EQ(report->addedSinceEnd, added);
    }
  }
  removeDatabase(db);
}

TEST(DemoApi, AsOfAYearAgoAnswersTheCaseAsItStoodThen) {
  std::string db = tempPath("demo-as-of.db");
  auto demo = runLotsen({"demo", "--db", db, "--date", kDate.iso()});
  ASSERT_EQ(demo.exitCode, 0) << demo.err;
  for (const char* figure : {"kontaktade", "i en åtgärd", "Känd sysselsättning", "första kontakt", "Fyllt 20 år"})
    EXPECT_NE(demo.err.find(figure), std::string::npos) << figure << " in " << demo.err;

  // A person registered a year ago, with contacts before then and after, whose registration has ended since.
  std::int64_t personId = 0, registrationId = 0;
  std::size_t contactsThen = 0, contactsNow = 0;
  {
    auto store = std::move(*openStore(db));
    auto persons = store->searchPersons({{}, "", 0, 100000, {}});
    ASSERT_TRUE(persons);
    for (const Person& p : persons->persons) {
      if (p.details.protection != Protection::none) continue;
      auto registrations = store->registrationsOf(p.id);
      auto contacts = store->caseRecordsOf(p.id, kContactAttemptKind);
      for (const Registration& r : *registrations) {
        if (r.startDate > kYearAgo || !r.endDate || *r.endDate <= kYearAgo) continue;
        std::size_t before = 0;
        for (const CaseRecord& c : *contacts) before += parseContactAttempt(c.data)->date <= kYearAgo;
        if (before == 0 || before == contacts->size()) continue;
        personId = p.id, registrationId = r.id, contactsThen = before, contactsNow = contacts->size();
        break;
      }
      if (personId) break;
    }
  }
  ASSERT_NE(personId, 0) << "the demo has such a person";

  ServerProcess server(db);
  auto session = login(server.port(), "demo", kDemoPassword);
  ASSERT_TRUE(session);
  std::vector<std::string> headers{session->cookie};
  auto registrationOf = [&](const json::object& body) {
    for (const json::value& r : body.at("registrations").as_array())
      if (r.at("id").as_int64() == registrationId) return r.as_object();
    ADD_FAILURE() << "no registration " << registrationId;
    return json::object{};
  };
  std::string path = "/api/v1/persons/" + std::to_string(personId);
  auto then = http(server.port(), "GET", path + "?as_of=" + kYearAgo.iso(), "", headers);
  ASSERT_EQ(then.status, 200) << then.body;
  json::object thenBody = json::parse(then.body).as_object();
  EXPECT_TRUE(registrationOf(thenBody).at("end_date").is_null()) << "open a year ago";
  EXPECT_EQ(thenBody.at("contact_attempts").as_array().size(), contactsThen);

  auto now = http(server.port(), "GET", path + "?as_of=" + kDate.iso(), "", headers);
  ASSERT_EQ(now.status, 200) << now.body;
  json::object nowBody = json::parse(now.body).as_object();
  EXPECT_FALSE(registrationOf(nowBody).at("end_date").is_null()) << "ended since";
  EXPECT_EQ(nowBody.at("contact_attempts").as_array().size(), contactsNow);
  EXPECT_EQ(server.stop(), 0);
  removeDatabase(db);
}

// Targets round trip: what GET /api/v1/targets answers, PUT accepts; the command and the API read and
// write the same targets; the report through the API is the command's; a role that may not set targets
// (a caseworker, a statistician) is refused, and a bad target is refused field by field in Swedish.
TEST(DemoApi, TargetsRoundTripBetweenTheApiAndTheCommandAndOnlyManagersAndAdminsSetThem) {
  std::string db = tempPath("demo-targets.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  ASSERT_EQ(
      runLotsen({"targets", "--db", db, "set", "--year", "2026", "--measure", "known_occupation", "--value", "0.9"})
          .exitCode,
      0);
  ServerProcess server(db);
  DemoUsers as{server.port()};
  auto got = as("anna", "GET", "/api/v1/targets?year=2026");
  ASSERT_EQ(got.status, 200) << got.body;
  json::object targets = json::parse(got.body).as_object();
  json::object known, plan;
  for (const auto& t : targets.at("targets").as_array()) {
    if (t.at("measure") == "known_occupation") known = t.as_object();
    if (t.at("measure") == "with_plan") plan = t.as_object();
  }
  EXPECT_EQ(known.at("value").as_double(), 0.9) << "set by the command";
  EXPECT_EQ(known.at("direction"), "up");
  EXPECT_TRUE(plan.at("value").is_null());

  // The item GET answered, sent back with another value.
  EXPECT_EQ(plan.at("version"), 0) << "never set";
  plan["value"] = 0.75;
  auto put = as("demo", "PUT", "/api/v1/targets/2026/with_plan", json::serialize(plan));
  ASSERT_EQ(put.status, 200) << put.body;
  json::object saved = plan;
  saved["version"] = 1;
  EXPECT_EQ(json::parse(put.body), json::value(saved));
  // The same item again is stale: someone (here: the same user) changed the target meanwhile.
  plan["value"] = 0.6;
  auto stale = as("demo", "PUT", "/api/v1/targets/2026/with_plan", json::serialize(plan));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(json::parse(stale.body).at("current"), json::value(saved)) << stale.body;
  EXPECT_NE(stale.body.find("Målet har ändrats under tiden"), std::string::npos) << stale.body;
  auto again = as("demo", "PUT", "/api/v1/targets/2026/known_occupation", json::serialize(known));
  EXPECT_EQ(again.status, 200) << "the unchanged item is accepted as it is: " << again.body;
  auto listed = runLotsen({"targets", "--db", db, "list", "--year", "2026"});
  EXPECT_NE(listed.out.find("75,0"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("90,0"), std::string::npos) << listed.out;

  for (const char* refused : {"anna", "statistik"}) {
    EXPECT_EQ(as(refused, "PUT", "/api/v1/targets/2026/with_plan", R"({"value": 0.5})").status, 403) << refused;
    EXPECT_EQ(as(refused, "PUT", "/api/v1/analyses/2026-10/with_plan", R"({"text": "x"})").status, 403) << refused;
    EXPECT_EQ(as(refused, "GET", "/api/v1/reports/committee?month=2026-10").status, 403) << refused;
  }
  auto bad = as("demo", "PUT", "/api/v1/targets/1999/with_plan", R"({"value": 90})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("Målets år är 2000–2100"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("från 0 till 1"), std::string::npos) << bad.body;
  EXPECT_EQ(as("demo", "PUT", "/api/v1/targets/2026/no_such", R"({"value": 1})").status, 422);

  auto analysis = as("demo", "PUT", "/api/v1/analyses/2026-10/with_plan", R"({"text": "Fler planer i oktober."})");
  ASSERT_EQ(analysis.status, 200) << analysis.body;
  auto ahead = as("demo", "PUT", "/api/v1/analyses/2099-10/with_plan", R"({"text": "Skriven i förväg."})");
  EXPECT_EQ(ahead.status, 422) << "an analysis is of a month that has begun";
  EXPECT_NE(ahead.body.find("Månaden 2099-10 har inte börjat"), std::string::npos) << ahead.body;
  auto control = as("demo", "PUT", "/api/v1/analyses/2026-10/with_plan", "{\"text\": \"Bra\\u0007 jobbat\"}");
  EXPECT_EQ(control.status, 422);
  EXPECT_NE(control.body.find("styrtecken (bara radbrytningar är tillåtna)"), std::string::npos) << control.body;
  auto report = as("demo", "GET", "/api/v1/reports/committee?month=2026-10");
  ASSERT_EQ(report.status, 200) << report.body;
  auto cli = runLotsen({"report", "committee", "--db", db, "--month", "2026-10", "--format", "json"});
  ASSERT_EQ(cli.exitCode, 0) << cli.err;
  EXPECT_EQ(json::parse(report.body), json::parse(cli.out)) << "the same report, as of the same day";
  json::value answered = json::parse(report.body);
  for (const auto& m : answered.at("measures").as_array())
    if (m.at("code") == "with_plan") {
      EXPECT_EQ(m.at("target").as_double(), 0.75);
      EXPECT_EQ(m.at("analysis"), "Fler planer i oktober.");
      EXPECT_EQ(m.at("analysis_version"), 1);
    }
  auto pdf = as("demo", "GET", "/api/v1/reports/committee?month=2026-10&format=pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_EQ(pdf.headers["content-disposition"], "attachment; filename=\"namndrapport-2026-10.pdf\"");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  auto xlsx = as("demo", "GET", "/api/v1/reports/committee?month=2026-10&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u) << "a zip";
  EXPECT_EQ(as("demo", "GET", "/api/v1/reports/committee?month=2026-13").status, 400);
  EXPECT_EQ(as("demo", "GET", "/api/v1/reports/committee?month=2026-10&format=docx").status, 400);
  removeDatabase(db);
}

// First-contact letters through the API: the overview and the PDF for whoever documents contacts (not
// the statistician nor the auditor), the download logged as a read of every person named, a protected
// person listed apart without an address; confirming records a contact attempt by letter for each, all or
// nothing, and refuses a person outside the caller's list (another caseworker's case, or one confirmed
// already) with 422.
// An administrator gives a caseworker the name and work phone letters are signed with; what GET answers,
// PATCH takes back; a bad phone or a name with a control character is refused naming the field and changes
// nothing; the caseworker's letters then carry both.
TEST(DemoApi, LettersAreSignedWithTheNameAndWorkPhoneAnAdministratorGaveTheCaseworker) {
  std::string db = tempPath("demo-signed-letters.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  {  // One letter on anna's list: a case waiting for its first contact, made hers.
    auto listed = json::parse(runLotsen({"letters", "--db", db, "--format", "json"}).out);
    ASSERT_FALSE(listed.at("letters").as_array().empty());
    std::int64_t id = listed.at("letters").at(0).at("registration_id").as_int64();
    auto store = std::move(*openStore(db));
    auto registration = store->registration(id);
    ASSERT_TRUE(registration);
    auto anna = store->userByName("anna");
    ASSERT_TRUE(anna && *anna);
    ASSERT_TRUE(
        store->assignRegistration(Actor{std::nullopt, "test"}, id, registration->version, (*anna)->id, "KAA Norr"));
  }
  ServerProcess server(db);
  DemoUsers as{server.port()};
  auto anna = [&] {
    auto users = json::parse(as("demo", "GET", "/api/v1/users").body);
    for (const auto& u : users.at("items").as_array())
      if (u.at("username") == "anna") return u.as_object();
    return json::object{};
  };
  json::object before = anna();
  ASSERT_EQ(before.at("full_name"), "Anna Ödmark") << json::serialize(before);
  ASSERT_EQ(before.at("phone"), "033-35 71 12");
  std::string path = fmt::format("/api/v1/users/{}", before.at("id").as_int64());
  std::vector<std::string> version{"If-Match: " + std::to_string(before.at("version").as_int64())};
  // What GET answered goes back unchanged: nothing to change, the same account.
  auto same =
      as("demo", "PATCH", path,
         json::serialize(json::object{{"full_name", before.at("full_name")}, {"phone", before.at("phone")}}), version);
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(json::parse(same.body).at("version"), before.at("version"));

  for (auto [body, field] :
       {std::pair{R"({"phone":"ring mig"})", "phone"}, std::pair{R"({"full_name":"Anna\u001b[2J"})", "full_name"},
        std::pair{R"({"full_name":"Anna\nÖdmark"})", "full_name"}}) {
    auto refused = as("demo", "PATCH", path, body, version);
    ASSERT_EQ(refused.status, 422) << body << refused.body;
    EXPECT_EQ(json::parse(refused.body).at("errors").at(0).at("field"), field) << refused.body;
  }
  auto tooLong =
      as("demo", "PATCH", path, json::serialize(json::object{{"full_name", std::string(101, 'a')}}), version);
  EXPECT_EQ(tooLong.status, 422) << tooLong.body;
  EXPECT_NE(tooLong.body.find("högst 100 tecken"), std::string::npos) << tooLong.body;
  EXPECT_EQ(anna(), before) << "nothing refused was stored";

  auto changed = as("demo", "PATCH", path, R"({"full_name":"Anna Ödmark-Lind","phone":"033-35 71 99"})", version);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(changed.body).at("full_name"), "Anna Ödmark-Lind");
  auto pdf = as("anna", "GET", "/api/v1/letters/first-contact?format=pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  std::string file = tempPath("signed-letters.pdf");
  writeFile(file, pdf.body);
  std::string text = outputOf("pdftotext '" + file + "' -");
  EXPECT_NE(text.find("Anna Ödmark-Lind"), std::string::npos) << text;
  EXPECT_NE(text.find("033-35 71 99"), std::string::npos) << text;
  std::filesystem::remove(file);
}

TEST(DemoApi, FirstContactLettersAreConfirmedAsContactAttemptsByLetterAndAProtectedAddressIsNeverSent) {
  std::string db = tempPath("demo-letters.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  auto listed = json::parse(runLotsen({"letters", "--db", db, "--format", "json"}).out).as_object();
  ASSERT_GE(listed.at("letters").as_array().size(), 2u) << json::serialize(listed);
  std::int64_t hidden = listed.at("letters").at(0).at("person_id").as_int64();
  std::string address;
  {
    auto store = openStore(db);
    auto person = (*store)->person(hidden);
    ASSERT_TRUE(person);
    address = person->details.streetAddress;
    PersonDetails details = person->details;
    details.protection = Protection::confidentiality_marking;
    ASSERT_TRUE((*store)->updatePerson(Actor{std::nullopt, "test"}, hidden, person->version, details));
  }
  ServerProcess server(db);
  DemoUsers as{server.port()};
  for (const char* refused : {"statistik", "revisor"}) {
    EXPECT_EQ(as(refused, "GET", "/api/v1/letters/first-contact").status, 403) << refused;
    EXPECT_EQ(as(refused, "POST", "/api/v1/letters/first-contact/sent", R"({"person_ids":[1]})").status, 403);
    EXPECT_EQ(as(refused, "GET", "/api/v1/letters/template").status, 403) << refused;
    EXPECT_EQ(as(refused, "PUT", "/api/v1/letters/template", R"({"text":"Hej","phone":"1"})").status, 403);
  }
  auto overview = as("demo", "GET", "/api/v1/letters/first-contact");
  ASSERT_EQ(overview.status, 200) << overview.body;
  EXPECT_EQ(overview.body.find(address), std::string::npos);
  json::object body = json::parse(overview.body).as_object();
  ASSERT_EQ(body.at("forwarded").as_array().size(), 1u) << overview.body;
  EXPECT_EQ(body.at("forwarded").at(0).at("person_id"), hidden);
  std::size_t named = body.at("letters").as_array().size() + 1 + body.at("without_address").as_array().size();
  auto pdf = as("demo", "GET", "/api/v1/letters/first-contact?format=pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  auto log = as("revisor", "GET", "/api/v1/access-log?username=demo&from=2026-01-01&to=2099-12-31");
  ASSERT_EQ(log.status, 200) << log.body;
  std::size_t downloads = 0;
  json::value logged = json::parse(log.body);
  for (const auto& item : logged.at("items").as_array())
    if (item.at("route") == "GET /api/v1/letters/first-contact") {
      ++downloads;
      EXPECT_EQ(item.at("count").as_int64(), static_cast<std::int64_t>(named)) << "every person named is logged";
    }
  EXPECT_EQ(downloads, 2u);

  // anna's list is her own cases: a person on demo's list that is not hers is refused, and nothing is
  // recorded for the person beside it.
  auto annasList = as("anna", "GET", "/api/v1/letters/first-contact");
  ASSERT_EQ(annasList.status, 200) << annasList.body;
  auto annas = json::parse(annasList.body).as_object();
  std::set<std::int64_t> hers;
  for (const char* part : {"letters", "forwarded"})
    for (const auto& l : annas.at(part).as_array()) hers.insert(l.at("person_id").as_int64());
  std::vector<std::int64_t> all;
  for (const char* part : {"letters", "forwarded"})
    for (const auto& l : body.at(part).as_array()) all.push_back(l.at("person_id").as_int64());
  std::optional<std::int64_t> notHers;
  for (std::int64_t id : all)
    if (!hers.contains(id)) notHers = id;
  ASSERT_TRUE(notHers) << "demo's list holds cases that are not anna's";
  json::array mixed{*notHers};
  if (!hers.empty()) mixed.push_back(*hers.begin());
  auto outside =
      as("anna", "POST", "/api/v1/letters/first-contact/sent", json::serialize(json::object{{"person_ids", mixed}}));
  ASSERT_EQ(outside.status, 422) << outside.body;
  EXPECT_EQ(json::parse(outside.body).at("errors").at(0).at("field"), "person_ids[0]") << outside.body;
  EXPECT_NE(outside.body.find("finns inte på din lista för första kontakt"), std::string::npos) << outside.body;
  for (const char* bad : {R"({})", R"({"person_ids":[]})", R"({"person_ids":["1"]})", R"({"person_ids":[1],"x":1})"})
    EXPECT_EQ(as("demo", "POST", "/api/v1/letters/first-contact/sent", bad).status, 422) << bad;

  json::array ids;
  for (std::int64_t id : all) ids.push_back(id);
  std::string confirm = json::serialize(json::object{{"person_ids", ids}});
  auto sent = as("demo", "POST", "/api/v1/letters/first-contact/sent", confirm);
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(json::parse(sent.body).at("recorded").to_number<std::size_t>(), all.size());
  auto attempts = as("demo", "GET", fmt::format("/api/v1/persons/{}/contact-attempts", hidden));
  ASSERT_EQ(attempts.status, 200) << attempts.body;
  json::value recorded = json::parse(attempts.body);
  const auto& items = recorded.at("items").as_array();
  ASSERT_FALSE(items.empty());
  const json::value& letter = items.back().at("data");
  EXPECT_EQ(letter.at("channel"), "letter") << attempts.body;
  EXPECT_EQ(letter.at("note"), "Brev för första kontakt") << attempts.body;
  EXPECT_EQ(letter.at("reached"), false) << "a letter reaches nobody: " << attempts.body;
  EXPECT_TRUE(letter.at("time").is_null()) << "a letter has no time: " << attempts.body;
  auto twice = as("demo", "POST", "/api/v1/letters/first-contact/sent", confirm);
  EXPECT_EQ(twice.status, 422) << "confirmed already: " << twice.body;
  auto afterList = as("demo", "GET", "/api/v1/letters/first-contact");
  ASSERT_EQ(afterList.status, 200) << afterList.body;
  auto after = json::parse(afterList.body).as_object();
  EXPECT_EQ(after.at("count").to_number<int>(), 0);
  EXPECT_TRUE(after.at("forwarded").as_array().empty());

  // The template: the default, replaced, an unknown field refused (422) naming it.
  auto shown = as("anna", "GET", "/api/v1/letters/template");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(json::parse(shown.body).at("saved"), false);
  auto unknown = as("anna", "PUT", "/api/v1/letters/template", R"({"text":"Hej {namn} på {adress}","phone":"1"})");
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_NE(unknown.body.find("{adress}"), std::string::npos) << unknown.body;
  auto huge = as("anna", "PUT", "/api/v1/letters/template",
                 json::serialize(json::object{{"text", std::string(5001, 'a')}, {"phone", "1"}}));
  EXPECT_EQ(huge.status, 422) << huge.body;
  EXPECT_NE(huge.body.find("högst 5000 tecken"), std::string::npos) << huge.body;
  auto control = as("anna", "PUT", "/api/v1/letters/template", R"({"text":"Hej {namn}\u001b[2J","phone":"033\n1"})");
  EXPECT_EQ(control.status, 422) << control.body;
  EXPECT_EQ(json::parse(control.body).at("errors").as_array().size(), 2u) << "text and phone: " << control.body;
  EXPECT_EQ(as("anna", "PUT", "/api/v1/letters/template", R"({"text":"Hej"})").status, 422) << "phone missing";
  for (const char* bad : {"?format=xlsx", "?unit=Nowhere"})
    EXPECT_EQ(as("demo", "GET", std::string("/api/v1/letters/first-contact") + bad).status, 400) << bad;
  auto put = as("anna", "PUT", "/api/v1/letters/template", R"({"text":"Hej {namn}!","phone":"033-1"})");
  ASSERT_EQ(put.status, 200) << put.body;
  json::value now = json::parse(as("demo", "GET", "/api/v1/letters/template").body);
  EXPECT_EQ(now.at("text"), "Hej {namn}!");
  EXPECT_EQ(now.at("version"), json::parse(put.body).at("version"));
  EXPECT_NE(now.at("version"), "0");
  // Saved at the version read before anna's save: stale, nothing overwritten.
  auto stale = as("demo", "PUT", "/api/v1/letters/template", R"({"text":"Hej!","phone":"1","version":"0"})");
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(json::parse(stale.body).at("current").at("text"), "Hej {namn}!") << stale.body;
  json::object again{{"text", "Hej {namn}, välkommen!"}, {"phone", "1"}, {"version", now.at("version")}};
  EXPECT_EQ(as("demo", "PUT", "/api/v1/letters/template", json::serialize(again)).status, 200);
}

// Issue 14: a half-year file must not report a registration reason the registers contradict. The enrolment
// register reports late that a young person registered as never having started upper-secondary school had
// left a national programme before; the administrator's run lists the contradiction, the file is stopped
// with the person named, the person's page says what the registers give, and a correction with the
// registration's version clears the check and is in the person's history.
TEST(DemoApi, ARegistrationReasonTheRegistersContradictStopsTheFileUntilItIsCorrected) {
  std::string db = tempPath("demo-reason.db"), registers = tempPath("demo-reason-registers");
  ASSERT_EQ(seededDemo(db, registers).exitCode, 0);
  ServerProcess server(db);
  DemoUsers as{server.port()};
  auto json = [](const HttpResponse& r) { return boost::json::parse(r.body); };
  auto list = as("demo", "GET", "/api/v1/worklists/first_contact?caseworker=all");
  ASSERT_EQ(list.status, 200) << list.body;
  std::optional<boost::json::object> person, registration;
  boost::json::value items = json(list).at("items");
  for (const auto& item : items.as_array()) {
    auto read = as("demo", "GET", fmt::format("/api/v1/persons/{}", item.at("person_id").as_int64()));
    ASSERT_EQ(read.status, 200) << read.body;
    boost::json::object candidate = json(read).as_object();
    for (const auto& r : candidate.at("registrations").as_array())
      if (r.at("reason") == "never_started" && r.at("end_date").is_null() && !r.at("registers_reason").is_null()) {
        person = candidate;
        registration = r.as_object();
      }
    if (person) break;
  }
  ASSERT_TRUE(person) << "the demo has a young person registered for never having started";
  EXPECT_EQ(registration->at("registers_reason"), "never_started") << "identification registered them";
  CivilDate start = *CivilDate::parse(registration->at("start_date").as_string());
  std::string enrolments = readFile(registers + "/enrolments.csv");
  writeFile(registers + "/enrolments.csv",
            enrolments + fmt::format("{};GY;NA;14900011;kommunal;{};{};ja\n", person->at("personal_id").as_string(),
                                     start.plusDays(-300).iso(), start.plusDays(-30).iso()));
  std::vector<std::pair<std::string, std::string>> files;
  for (std::string name : {"population", "enrolments", "completions"})
    files.emplace_back(name, readFile(registers + "/" + name + ".csv"));
  auto run = as("demo", "POST", "/api/v1/identification-runs",
                multipartBody({{"date", kSeededDemoDate}, {"municipality", "1490"}}, files),
                {"Content-Type: multipart/form-data; boundary=XyZ"});
  ASSERT_EQ(run.status, 201) << run.body;
  boost::json::value summary = json(run);
  EXPECT_EQ(summary.at("reasons_contradicted"), 1);
  bool listed = false;
  for (const auto& c : summary.at("changes").as_array())
    listed |= c.at("change") == "reason_contradicted" && c.at("personal_id") == person->at("personal_id") &&
              c.at("reason") == "dropout_national_programme";
  EXPECT_TRUE(listed) << run.body;

  std::int64_t personId = person->at("id").as_int64(), registrationId = registration->at("id").as_int64();
  auto contradicted = [&] {
    auto file = as("demo", "GET", "/api/v1/reports/half-year?period=2026H2");
    EXPECT_EQ(file.status, 200) << file.body;
    boost::json::value answer = json(file);
    for (const auto& p : answer.at("problems").as_array())
      if (p.at("check") == "reason_contradicts_registers" && p.at("person_id") == personId) return true;
    return false;
  };
  EXPECT_TRUE(contradicted());
  auto refused = as("demo", "GET", "/api/v1/reports/half-year?period=2026H2&format=csv");
  EXPECT_EQ(refused.status, 422) << "no file while the error remains";
  EXPECT_NE(refused.body.find(fmt::format(R"("field":"person_{}")", person->at("id").as_int64())), std::string::npos)
      << refused.body;
  EXPECT_NE(refused.body.find("motsäger registren"), std::string::npos) << refused.body;
  auto read = json(as("demo", "GET", fmt::format("/api/v1/persons/{}", personId)));
  boost::json::object now;
  for (const auto& r : read.at("registrations").as_array())
    if (r.at("id") == registrationId) now = r.as_object();
  EXPECT_EQ(now.at("registers_reason"), "dropout_national_programme");
  EXPECT_EQ(now.at("registers_reason_label"), "Avbrott på nationellt program");
  EXPECT_EQ(now.at("reason_contradicted"), true) << "the rule is the server's: the UI reads it";

  std::string path = fmt::format("/api/v1/persons/{}/registrations/{}/reason", personId, registrationId);
  std::string etag = fmt::format("If-Match: \"registration/{}/{}\"", registrationId, now.at("version").as_int64());
  auto bad = as("demo", "POST", path, R"({"reason":"moved_out"})", {etag});
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(json(bad).at("errors").at(0).at("field"), "reason");
  EXPECT_EQ(as("demo", "POST", path, R"({"reason":"dropout_national_programme"})").status, 428) << "no version";
  EXPECT_EQ(as("revisor", "POST", path, R"({"reason":"dropout_national_programme"})", {etag}).status, 403)
      << "an auditor reads, never corrects";
  EXPECT_TRUE(contradicted()) << "nothing stored by a refused request";
  auto corrected = as("demo", "POST", path, R"({"reason":"dropout_national_programme"})", {etag});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(json(corrected).at("reason"), "dropout_national_programme");
  EXPECT_EQ(json(corrected).at("reason_contradicted"), false);
  EXPECT_EQ(as("demo", "POST", path, R"({"reason":"never_started"})", {etag}).status, 409) << "a stale version";
  EXPECT_FALSE(contradicted());
  EXPECT_EQ(as("demo", "GET", "/api/v1/reports/half-year?period=2026H2&format=csv").status, 200)
      << "the demo's other problems in 2026H2 are warnings";
  auto history = json(as("demo", "GET", fmt::format("/api/v1/persons/{}/history", personId)));
  bool journalled = false;
  for (const auto& e : history.at("items").as_array())
    journalled |= e.at("type") == "registration.reason_corrected" && e.at("before").at("reason") == "never_started";
  EXPECT_TRUE(journalled);
  std::filesystem::remove_all(registers);
  removeDatabase(db);
}

// The reports share one history in the server (SharedCaseHistory): requests for the KPIs, the half-year file
// and the committee report, three at a time, while contacts are written, all answer, and the KPIs after the
// writes are those the command computes from the whole journal afresh.
TEST(DemoApi, ReportsReadWhileContactsAreWrittenAndTheLastOneSeesEveryWrite) {
  std::string db = tempPath("demo-concurrent-reports.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  ServerProcess server(db);
  DemoUsers as{server.port()};
  std::vector<json::value> persons =
      firstOf(as, "/api/v1/worklists/first_contact?caseworker=all", "items", "person_id", 6);
  ASSERT_EQ(persons.size(), 6u);

  std::atomic<bool> writing = true;
  std::vector<std::string> failures[3];
  const char* targets[] = {"/api/v1/reports/kpi?period=2026H2", "/api/v1/reports/half-year?period=2026H2",
                           "/api/v1/reports/committee?month=2026-11"};
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i)
    readers.emplace_back([&, i] {
      for (int round = 0; round < 4 || writing; ++round) {
        auto r = as("demo", "GET", targets[i]);
        if (r.status != 200) failures[i].push_back(std::to_string(r.status) + " " + r.body.substr(0, 200));
      }
    });
  // Today at midnight: a contact today may not be later than now, and the test runs at any hour.
  std::string today = swedishDay(std::chrono::system_clock::now()).iso();
  for (const json::value& id : persons) {
    auto posted = as("demo", "POST", fmt::format("/api/v1/persons/{}/contact-attempts", id.as_int64()),
                     fmt::format(R"({{"date":"{}","time":"00:00","channel":"phone","reached":false}})", today));
    EXPECT_EQ(posted.status, 201) << posted.body;
  }
  writing = false;
  for (auto& r : readers) r.join();
  for (const auto& f : failures) EXPECT_TRUE(f.empty()) << f.front();

  auto answer = as("demo", "GET", "/api/v1/reports/kpi?period=2026H2");
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto served = json::parse(answer.body).as_object();
  auto command =
      json::parse(runLotsen({"report", "kpi", "--db", db, "--period", "2026H2", "--format", "json"}).out).as_object();
  served["all"].as_object().erase("label");
  command["all"].as_object().erase("label");
  EXPECT_EQ(served.at("all"), command.at("all")) << "the server's history holds every write";
  removeDatabase(db);
}

// Two confirmations of the same letters at once (a double click, two tabs): one records them, the other
// writes nothing, and each young person has one contact attempt by letter today (an earlier registration may
// have had its own letter).
TEST(DemoApi, TheSameLettersConfirmedTwiceAtOnceAreRecordedOnce) {
  std::string db = tempPath("demo-letters-twice.db");
  ASSERT_EQ(seededDemo(db).exitCode, 0);
  ServerProcess server(db);
  DemoUsers as{server.port()};
  std::vector<json::value> first = firstOf(as, "/api/v1/letters/first-contact", "letters", "person_id", 3);
  ASSERT_EQ(first.size(), 3u);
  json::array ids(first.begin(), first.end());
  std::string body = json::serialize(json::object{{"person_ids", ids}});
  int statuses[2] = {0, 0};
  std::thread other([&] { statuses[1] = as("demo", "POST", "/api/v1/letters/first-contact/sent", body).status; });
  statuses[0] = as("demo", "POST", "/api/v1/letters/first-contact/sent", body).status;
  other.join();
  std::multiset<int> got{statuses[0], statuses[1]};
  std::string today = swedishDay(std::chrono::system_clock::now()).iso();
  EXPECT_EQ(got.count(200), 1u) << statuses[0] << " " << statuses[1];
  EXPECT_TRUE(got.count(409) + got.count(422) == 1u) << "the other is refused: " << statuses[0] << " " << statuses[1];
  for (const auto& id : ids) {
    auto attempts = as("demo", "GET", fmt::format("/api/v1/persons/{}/contact-attempts", id.as_int64()));
    ASSERT_EQ(attempts.status, 200) << attempts.body;
    std::size_t byLetter = 0;
    json::value items = json::parse(attempts.body);
    for (const auto& a : items.at("items").as_array())
      byLetter += a.at("data").at("channel") == "letter" && a.at("data").at("date").as_string() == today;
    EXPECT_EQ(byLetter, 1u) << "person " << id.as_int64();
  }
  removeDatabase(db);
}

}  // namespace
}  // namespace lotsen::testing
