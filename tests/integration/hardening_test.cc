// The findings of the attack on the demo (issue 11), each pinned through a real server and the real CLI:
// bodies before login, grants and assignment, UTF-8 and control characters, truncated extracts, the CLI
// and the API alike, races on plans and logins, bounded bodies, what the access log records.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <boost/json.hpp>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "harness.h"
#include "store/store.h"

namespace lotsen::testing {
namespace {

namespace json = boost::json;

constexpr const char* kPassword = "lotsen-demo-2026";
constexpr const char* kDate = "2026-11-22";

// UTF-8 text as Latin-1 (every character of the demo's files is below U+0100).
std::string latin1(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F));
    }
  }
  return out;
}

bool validUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

class Hardening : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string(tempPath("hardening.db"));
    registers_ = new std::string(tempPath("hardening-registers"));
    auto demo = seededDemo(*db_, *registers_);
    ASSERT_EQ(demo.exitCode, 0) << demo.err;
    auto add = [](const std::vector<std::string>& args) {
      std::vector<std::string> all{"user", "add", "--db", *db_, "--password-stdin"};
      all.insert(all.end(), args.begin(), args.end());
      ASSERT_EQ(runLotsen(all, std::string(kPassword) + "\n").exitCode, 0);
    };
    add({"--name", "maria", "--role", "unit_manager", "--unit", "KAA Norr"});
    add({"--name", "olle", "--role", "caseworker", "--unit", "KAA Norr"});
    add({"--name", "inge", "--role", "caseworker", "--unit", "KAA Norr"});
    ASSERT_EQ(runLotsen({"user", "deactivate", "--db", *db_, "--name", "inge"}).exitCode, 0);
    server_ = new ServerProcess(*db_, {"--max-upload-mb", "2", "--max-body-memory-mb", "3"});
    sessions_ = new std::map<std::string, Session>;
    for (const char* name : {"demo", "anna", "maria", "revisor"}) {
      auto s = login(port(), name, kPassword);
      ASSERT_TRUE(s) << name;
      (*sessions_)[name] = *s;
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    removeDatabase(*db_);
    std::filesystem::remove_all(*registers_);
    delete db_;
    delete registers_;
    delete sessions_;
  }

  static int port() { return server_->port(); }
  static HttpResponse as(const std::string& user, const std::string& method, const std::string& target,
                         const std::string& body = "", std::vector<std::string> extra = {}) {
    const Session& s = sessions_->at(user);
    std::vector<std::string> headers{s.cookie, s.csrf};
    bool typed = false;
    for (const std::string& h : extra) typed = typed || h.starts_with("Content-Type:");
    if (!typed) headers.push_back("Content-Type: application/json");
    headers.insert(headers.end(), extra.begin(), extra.end());
    return http(port(), method, target, body, headers);
  }
  static json::value parsed(const HttpResponse& r) {
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    EXPECT_FALSE(ec) << r.body.substr(0, 300);
    return v;
  }
  // Runs SQL on the database beside the server (a second connection, as an operator or an attacker would).
  static void sql(const std::string& statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_->c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    EXPECT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  static std::string sqlText(const std::string& query) {
    sqlite3* db = nullptr;
    sqlite3_open(db_->c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
      if (const unsigned char* text = sqlite3_column_text(stmt, 0)) out = reinterpret_cast<const char*>(text);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
  }
  // An open registration (person id, registration id) matching the SQL condition on r (registrations)
  // and p (persons).
  static std::pair<std::int64_t, std::int64_t> registration(const std::string& where) {
    std::string row = sqlText(
        "SELECT p.id || ' ' || r.id FROM registrations r JOIN persons p ON p.id = r.person_id WHERE r.end_date IS "
        "NULL AND " +
        where + " ORDER BY r.id LIMIT 1");
    EXPECT_FALSE(row.empty()) << where;
    std::istringstream in(row);
    std::pair<std::int64_t, std::int64_t> ids;
    in >> ids.first >> ids.second;
    return ids;
  }
  static std::string person(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/persons/" + std::to_string(id) + rest;
  }
  static std::string etagOf(const std::string& resource) { return "If-Match: \"" + sqlText(resource) + "\""; }

  static std::string file(const std::string& name) {
    return readFile((std::filesystem::path(*registers_) / (name + ".csv")).string());
  }
  static std::string writeFile(const std::string& name, const std::string& content) {
    std::string path = tempPath(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  // `lotsen identify` on `db` for `municipality` with `population` and the demo's enrolments.
  static std::vector<std::string> cliIdentify(const std::string& db, const std::string& population,
                                              const std::string& municipality = "1490") {
    return {"identify",
            "--db",
            db,
            "--date",
            kDate,
            "--municipality",
            municipality,
            "--population",
            population,
            "--enrolments",
            *registers_ + "/enrolments.csv",
            "--quiet"};
  }
  static HttpResponse identify(const std::vector<std::pair<std::string, std::string>>& fields,
                               const std::string& population) {
    return as("demo", "POST", "/api/v1/identification-runs",
              multipartBody(fields, {{"population", population},
                                     {"enrolments", file("enrolments")},
                                     {"completions", file("completions")}}),
              {"Content-Type: multipart/form-data; boundary=XyZ"});
  }
  // The demo's population extract with only the rows that `keep` keeps (the header always).
  template <class Keep>
  static std::string population(Keep keep) {
    std::istringstream in(file("population"));
    std::string line, out;
    for (std::size_t n = 0; std::getline(in, line); ++n)
      if (n == 0 || keep(n, line)) out += line + "\n";
    return out;
  }

  static std::string* db_;
  static std::string* registers_;
  static ServerProcess* server_;
  static std::map<std::string, Session>* sessions_;
};
std::string* Hardening::db_ = nullptr;
std::string* Hardening::registers_ = nullptr;
ServerProcess* Hardening::server_ = nullptr;
std::map<std::string, Session>* Hardening::sessions_ = nullptr;

// Finding 1: 250 MiB sent chunked without a session were read before the 401.
TEST_F(Hardening, ABodyIsReadOnlyAfterItsHeadersAreAuthenticatedAndAuthorised) {
  const std::string head =
      "POST /api/v1/identification-runs HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n";
  for (const auto& [who, status] : {std::pair{std::string(), 401}, std::pair{std::string("anna"), 403}}) {
    std::string auth = who.empty() ? "" : sessions_->at(who).cookie + "\r\n" + sessions_->at(who).csrf + "\r\n";
    Connection chunked(port());
    chunked.send(head + auth + "Transfer-Encoding: chunked\r\n\r\n10000000\r\n" + std::string(65536, 'a'));
    auto r = parseResponse(chunked.receiveAll(std::chrono::seconds(10)));  // never the rest of the 256 MiB chunk
    EXPECT_EQ(r.status, status) << who;
    Connection declared(port());
    declared.send(head + auth + "Content-Length: 262144000\r\n\r\n" + std::string(65536, 'a'));
    EXPECT_EQ(parseResponse(declared.receiveAll(std::chrono::seconds(10))).status, status) << who;
  }
}

// Finding 1: before login (and on routes open to anyone) a body holds at most 64 KiB.
TEST_F(Hardening, BeforeLoginABodyHoldsAtMost64KiB) {
  std::string big = R"({"username":"demo","password":")" + std::string(100 * 1024, 'x') + "\"}";
  EXPECT_EQ(http(port(), "POST", "/api/v1/session", big, {"Content-Type: application/json"}).status, 413);
  Connection chunked(port());
  chunked.send(
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: "
      "chunked\r\n\r\n19000\r\n" +
      big.substr(0, 0x19000) + "\r\n0\r\n\r\n");
  EXPECT_EQ(parseResponse(chunked.receiveAll()).status, 413);
}

// Issue 14's attack: the refusals the server makes before a route runs (too large, not HTTP, headers too
// large) were in English whatever the client asked; they are in Swedish unless English is asked, as every
// other problem.
TEST_F(Hardening, RefusalsBeforeARouteAreInSwedishUnlessEnglishIsAsked) {
  std::string big = R"({"username":"demo","password":")" + std::string(100 * 1024, 'x') + "\"}";
  auto swedish = http(port(), "POST", "/api/v1/session", big, {"Content-Type: application/json"});
  ASSERT_EQ(swedish.status, 413);
  EXPECT_NE(swedish.body.find("Innehållet är större än 65536 byte."), std::string::npos) << swedish.body;
  auto english =
      http(port(), "POST", "/api/v1/session", big, {"Content-Type: application/json", "Accept-Language: en"});
  EXPECT_NE(english.body.find("the body is larger than 65536 bytes"), std::string::npos) << english.body;
  Connection garbled(port());
  garbled.send("GET /api/v1/session HTTP/1.1\r\nHost: x\r\nIf-Match: a\x01b\r\n\r\n");
  auto notHttp = parseResponse(garbled.receiveAll());
  EXPECT_EQ(notHttp.status, 400);
  EXPECT_NE(notHttp.body.find("Begäran är inte giltig HTTP/1.1."), std::string::npos) << notHttp.body;
  Connection huge(port());
  huge.send("GET /api/v1/session HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 * 1024, 'a') + "\r\n\r\n");
  auto headers = parseResponse(huge.receiveAll());
  EXPECT_EQ(headers.status, 431);
  EXPECT_NE(headers.body.find("Begärans huvuden är för stora."), std::string::npos) << headers.body;
  EXPECT_EQ(http(port(), "GET", "/healthz").status, 200) << "still serving";
}

// Finding 8: the one upload limit (here --max-upload-mb 2) applies alike to Content-Length and chunked.
TEST_F(Hardening, AnUploadUpToTheConfiguredLimitIsReadAlikeWithContentLengthOrChunked) {
  const Session& s = sessions_->at("demo");
  auto send = [&](std::size_t bytes, bool chunked) {
    std::string body = multipartBody({{"date", kDate}, {"municipality", "1490"}},
                                     {{"population", std::string(bytes, 'x')}, {"enrolments", "y"}});
    std::string request = "POST /api/v1/identification-runs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + s.cookie +
                          "\r\n" + s.csrf + "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n";
    if (chunked) {
      request += "Transfer-Encoding: chunked\r\n\r\n";
      for (std::size_t at = 0; at < body.size(); at += 65536) {
        std::string part = body.substr(at, 65536);
        char size[32];
        std::snprintf(size, sizeof size, "%zx\r\n", part.size());
        request += size + part + "\r\n";
      }
      request += "0\r\n\r\n";
    } else {
      request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }
    Connection c(port());
    c.send(request);
    return parseResponse(c.receiveAll()).status;
  };
  // 1.5 MiB is read and found not to be a register (422); 2.5 MiB is too large (413), either way.
  EXPECT_EQ(send(1536 * 1024, false), 422);
  EXPECT_EQ(send(1536 * 1024, true), 422);
  EXPECT_EQ(send(2560 * 1024, false), 413);
  EXPECT_EQ(send(2560 * 1024, true), 413);
}

// Finding 1: bodies in flight share a memory cap (here 3 MiB); a request beyond it is answered 503.
TEST_F(Hardening, BodiesInFlightShareAMemoryCap) {
  const Session& s = sessions_->at("demo");
  std::string head = "POST /api/v1/identification-runs HTTP/1.1\r\nHost: x\r\n" + s.cookie + "\r\n" + s.csrf +
                     "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nExpect: 100-continue\r\nContent-Length: " +
                     std::to_string(1900 * 1024) + "\r\n\r\n";
  Connection first(port());
  first.send(head);
  // The server charges the first body when it answers 100 Continue.
  std::string proceed = first.receiveSome(std::chrono::seconds(10));
  ASSERT_TRUE(proceed.starts_with("HTTP/1.1 100")) << proceed;
  Connection second(port());
  second.send(head);
  auto busy = parseResponse(second.receiveAll());
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.headers.count("retry-after"), 1u);
  // Small bodies are not charged: uploads that hold the cap never stop a login.
  EXPECT_EQ(http(port(), "POST", "/api/v1/session", R"({"username":"demo","password":"lotsen-demo-2026"})",
                 {"Content-Type: application/json"})
                .status,
            200);
}

// Found by the second attack: a chunk extension (or a trailer) without end filled the read buffer, before
// login, beyond every cap (772 MB from four connections, never given back).
TEST_F(Hardening, AChunkHeaderOrTrailerWithoutEndIsRefusedNotBuffered) {
  for (const std::string& endless :
       {std::string("1;") + std::string(300 * 1024, 'a'), "0\r\nX-Trailer: " + std::string(300 * 1024, 'a')}) {
    Connection c(port());
    c.send(
        "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: "
        "chunked\r\n\r\n" +
        endless);
    int status = parseResponse(c.receiveAll(std::chrono::seconds(10))).status;
    EXPECT_TRUE(status == 413 || status == 431) << status;
  }
}

// Finding 15: one body reader for every JSON route.
TEST_F(Hardening, EveryJsonRouteRefusesOtherContentTypesAndRepeatedKeys) {
  auto [personId, registrationId] = registration("r.caseworker_id = (SELECT id FROM users WHERE username = 'anna')");
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> routes{
      {"anna", "POST", person(personId, "/contact-attempts"), R"({"date":"2026-11-20","date":"2026-11-21"})"},
      {"anna", "POST", person(personId, "/access-grants"), R"({"reason":"a","reason":"b"})"},
      {"demo", "PUT", person(personId, "/registrations/" + std::to_string(registrationId) + "/assignment"),
       R"({"unit":"KAA Norr","unit":"KAA Söder"})"},
      {"demo", "POST", "/api/v1/units", R"({"name":"A","name":"B"})"},
      {"demo", "POST", "/api/v1/users", R"({"username":"a","username":"b"})"},
  };
  for (const auto& [user, method, path, body] : routes) {
    EXPECT_EQ(as(user, method, path, body, {"Content-Type: text/plain", "If-Match: \"1\""}).status, 415) << path;
    auto latin1 = as(user, method, path, body, {"Content-Type: application/json; charset=latin1", "If-Match: \"1\""});
    EXPECT_EQ(latin1.status, 415) << path << ": a body that says it is not UTF-8 is not read as UTF-8";
    EXPECT_NE(latin1.body.find("i UTF-8"), std::string::npos) << latin1.body;
    auto repeated = as(user, method, path, body, {"If-Match: \"1\""});
    EXPECT_EQ(repeated.status, 422) << path << " " << repeated.body;
    EXPECT_NE(repeated.body.find("förekommer två gånger"), std::string::npos) << repeated.body;
  }
  // A date that does not exist is its own problem, not also the channel's "on 0001-01-01" (an attacker's find).
  auto noSuchDay = as("anna", "POST", person(personId, "/contact-attempts"),
                      R"({"date":"2026-02-30","time":"10:00","channel":"phone","reached":false})");
  ASSERT_EQ(noSuchDay.status, 422) << noSuchDay.body;
  EXPECT_EQ(noSuchDay.body.find("0001-01-01"), std::string::npos) << noSuchDay.body;
  EXPECT_EQ(noSuchDay.body.find(R"("field":"channel")"), std::string::npos) << noSuchDay.body;
  EXPECT_EQ(http(port(), "POST", "/api/v1/session", R"({"username":"demo","username":"anna","password":"x"})",
                 {"Content-Type: application/json"})
                .status,
            422);
}

// Finding 3: every text that enters is UTF-8; names and free text hold no control characters.
TEST_F(Hardening, TextThatEntersIsUtf8WithoutControlCharactersAndNotBlank) {
  auto [personId, registrationId] = registration("r.caseworker_id = (SELECT id FROM users WHERE username = 'anna')");
  std::string path = person(personId, "/contact-attempts");
  auto contact = [&](const std::string& note) {
    return as("anna", "POST", path,
              R"({"date":"2026-11-20","time":"10:00","channel":"phone","reached":false,"note":)" + note + "}");
  };
  EXPECT_EQ(contact("\"Ringde\\u001b[2K\"").status, 422);
  EXPECT_EQ(contact("\"\\u0000\\u0000\\u0000\"").status, 422);
  EXPECT_EQ(contact("\"          \"").status, 422);
  EXPECT_EQ(contact("\"Ringde \xE5ter\"").status, 400) << "Latin-1 in a JSON body";
  auto fine = contact("\"Ringde, inget svar.\\nFörsöker igen på fredag.\"");
  EXPECT_EQ(fine.status, 201) << fine.body;
  EXPECT_EQ(as("anna", "GET", "/api/v1/persons?query=%FF").status, 400);
  EXPECT_EQ(as("anna", "GET", "/api/v1/persons?query=a%1Bb").status, 400);
  EXPECT_EQ(as("anna", "GET", "/api/v1/persons?query=%C3%B6berg").status, 200);
  for (const char* reason : {R"("          ")", R"("Mötet\r\u001b[2Kgodkänt av chef")",
                             R"("\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000")"})
    EXPECT_EQ(
        as("anna", "POST", person(personId, "/access-grants"), std::string(R"({"reason":)") + reason + "}").status, 422)
        << reason;
}

// Finding 2: a unit manager of KAA Norr broke the glass on a KAA Söder case, moved it to her unit and kept it.
TEST_F(Hardening, AGrantNeverChangesWhoIsResponsible) {
  auto [personId, registrationId] = registration("r.unit = 'KAA Söder' AND p.protection = ''");
  std::string assignment = person(personId, "/registrations/" + std::to_string(registrationId) + "/assignment");
  EXPECT_EQ(as("maria", "GET", person(personId)).status, 403);
  ASSERT_EQ(
      as("maria", "POST", person(personId, "/access-grants"), R"({"reason":"Samordnat möte med skolan i dag"})").status,
      201);
  EXPECT_EQ(as("maria", "GET", person(personId)).status, 200);
  std::string etag = etagOf("SELECT version FROM registrations WHERE id = " + std::to_string(registrationId));
  EXPECT_EQ(as("maria", "PUT", assignment, R"({"unit":"KAA Norr","caseworker_id":null})", {etag}).status, 403);
  EXPECT_EQ(sqlText("SELECT unit FROM registrations WHERE id = " + std::to_string(registrationId)), "KAA Söder");
  // Nor may she (or a caseworker) close it under the grant: that ends the responsibility too.
  std::string close = person(personId, "/registrations/" + std::to_string(registrationId) + "/close");
  EXPECT_EQ(as("maria", "POST", close, R"({"end_date":"2026-11-22","end_reason":"moved_out"})", {etag}).status, 403);
  EXPECT_EQ(sqlText("SELECT end_date IS NULL FROM registrations WHERE id = " + std::to_string(registrationId)), "1");
  EXPECT_EQ(as("maria", "DELETE", person(personId, "/access-grants")).status, 204);
  EXPECT_EQ(as("maria", "GET", person(personId)).status, 403);
}

// Finding 2: an auditor, a statistician and another unit's caseworker were accepted as assignees.
TEST_F(Hardening, CasesAreAssignedOnlyToActiveCaseworkersOrManagersOfTheTargetUnit) {
  auto [personId, registrationId] = registration("r.unit = 'KAA Norr' AND r.caseworker_id IS NULL");
  std::string assignment = person(personId, "/registrations/" + std::to_string(registrationId) + "/assignment");
  auto version = [&] {
    return etagOf("SELECT version FROM registrations WHERE id = " + std::to_string(registrationId));
  };
  auto assign = [&](const std::string& username, const std::string& unit = "KAA Norr") {
    std::string id = sqlText("SELECT id FROM users WHERE username = '" + username + "'");
    return as("demo", "PUT", assignment, R"({"unit":")" + unit + R"(","caseworker_id":)" + id + "}", {version()});
  };
  for (const char* wrong : {"revisor", "statistik", "bengt", "inge"}) {
    auto r = assign(wrong);
    EXPECT_EQ(r.status, 422) << wrong << " " << r.body;
    EXPECT_NE(r.body.find("\"field\":\"caseworker_id\""), std::string::npos) << r.body;
  }
  EXPECT_EQ(assign("anna").status, 200);
  EXPECT_EQ(assign("maria").status, 200) << "a unit manager of the unit may hold a case";
  EXPECT_EQ(as("maria", "PUT", assignment, R"({"unit":"KAA Söder"})", {version()}).status, 403) << "not her unit";
  // Intake belongs to every manager: sending a case there would hand it to other units.
  EXPECT_EQ(as("maria", "PUT", assignment, R"({"unit":""})", {version()}).status, 403);
  EXPECT_EQ(as("maria", "PUT", assignment, R"({"unit":null,"caseworker_id":null})", {version()}).status, 403);
  EXPECT_EQ(sqlText("SELECT unit FROM registrations WHERE id = " + std::to_string(registrationId)), "KAA Norr");
}

// An attacker's finding: anna, who is not shown a protected person's phone and e-mail, could overwrite
// them unseen, and by sending guesses learn them (the same details again answered 200 with the same ETag).
TEST_F(Hardening, AProtectedPersonsContactDetailsAreChangedOnlyByAUserWhoMayReadThem) {
  auto [personId, registrationId] = registration("p.protection <> '' AND r.unit = 'KAA Norr'");
  const std::string id = std::to_string(personId);
  sql("UPDATE persons SET phone = '076-357 52 64', email = '' WHERE id = " + id);
  auto read = as("anna", "GET", person(personId));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_TRUE(parsed(read).at("contact").is_null()) << "anna is not shown them";
  const std::string version = sqlText("SELECT version FROM persons WHERE id = " + id);
  for (const char* body : {R"({"phone":"076-357 52 64","email":null})", R"({"phone":null,"email":null})"}) {
    auto put = as("anna", "PUT", person(personId, "/contact-details"), body, {"If-Match: " + read.headers.at("etag")});
    EXPECT_EQ(put.status, 403) << body << ": " << put.body;
    EXPECT_NE(put.body.find("skyddad identitet"), std::string::npos) << put.body;
  }
  EXPECT_EQ(sqlText("SELECT phone || ' ' || version FROM persons WHERE id = " + id), "076-357 52 64 " + version);
  EXPECT_EQ(sqlText("SELECT route || ' ' || refused FROM access_log WHERE username = 'anna' ORDER BY id DESC LIMIT 1"),
            "PUT /api/v1/persons/{id}/contact-details 1");
  // Allowed to read them, she may change them.
  ASSERT_EQ(runLotsen({"user", "protected-address", "--db", *db_, "--name", "anna", "--allow"}).exitCode, 0);
  auto allowed = as("anna", "PUT", person(personId, "/contact-details"), R"({"phone":"070-111 22 33","email":null})",
                    {"If-Match: " + read.headers.at("etag")});
  ASSERT_EQ(runLotsen({"user", "protected-address", "--db", *db_, "--name", "anna", "--withdraw"}).exitCode, 0);
  EXPECT_EQ(allowed.status, 200) << allowed.body;
  EXPECT_EQ(sqlText("SELECT phone FROM persons WHERE id = " + id), "070-111 22 33");
}

// An attacker's finding: a review in a closed registration's plan named the open case's measure, which took
// its follow-up off the worklist; and a plan's goals linked the measures of another registration.
TEST_F(Hardening, APlanNamesOnlyTheMeasuresOfItsOwnRegistration) {
  // A young person back after a closed case that had a plan and a measure; the new case is open in KAA Norr.
  const std::string row = sqlText(
      "SELECT p.person_id || ' ' || p.id || ' ' || p.version || ' ' || m.id || ' ' || o.start_date || ' ' || "
      "date('now', '-1 day') || ' ' || coalesce((SELECT q.id || ' ' || q.version FROM live_case_records q WHERE "
      "q.registration_id = o.id AND q.kind = 'plan'), '0 0') FROM live_case_records p JOIN registrations old ON old.id = p.registration_id "
      "JOIN registrations o ON o.person_id = p.person_id AND o.end_date IS NULL AND o.unit = 'KAA Norr' "
      "JOIN live_case_records m ON m.registration_id = old.id AND m.kind = 'measure' WHERE p.kind = 'plan' AND "
      "old.end_date IS NOT NULL AND o.start_date < date('now', '-1 day') AND json_extract(p.data, '$.drawn_up_on') "
      "< date('now', '-1 day') ORDER BY p.id LIMIT 1");
  ASSERT_FALSE(row.empty()) << "the demo has a young person back after a closed case with a plan and a measure";
  std::istringstream in(row);
  std::int64_t personId = 0, planId = 0, version = 0, oldMeasure = 0, openPlan = 0, openVersion = 0;
  std::string openStart, yesterday;
  in >> personId >> planId >> version >> oldMeasure >> openStart >> yesterday >> openPlan >> openVersion;
  auto measure = as("demo", "POST", person(personId, "/measures"),
                    fmt::format(R"({{"type":"other","content":"Samtal","responsible":"individual","start":"{}",)"
                                R"("follow_up":"{}"}})",
                                openStart, yesterday));
  ASSERT_EQ(measure.status, 201) << measure.body;
  const std::int64_t newMeasure = parsed(measure).at("id").as_int64();

  json::object old = json::parse(sqlText("SELECT data FROM case_records WHERE id = " + std::to_string(planId))).as_object();
  old["reviews"].as_array().push_back(
      json::object{{"held_on", yesterday}, {"kind", "follow_up"}, {"measure_id", newMeasure}, {"conclusion", "x"}});
  auto review = as("demo", "PUT", person(personId, "/plans/" + std::to_string(planId)), json::serialize(old),
                   {fmt::format("If-Match: \"{}\"", version)});
  EXPECT_EQ(review.status, 422) << review.body;
  EXPECT_NE(review.body.find("inskrivningen har ingen åtgärd " + std::to_string(newMeasure)), std::string::npos)
      << review.body;

  // The open case's plan (drawn up now, or revised) linking the closed case's measure.
  const std::string linking =
      fmt::format(R"({{"drawn_up_on":"{}","goals":[{{"id":"g1","title":"Börja studera","measure_ids":[{}]}}],)"
                  R"("reviews":[]}})",
                  openStart, oldMeasure);
  auto goal = openPlan ? as("demo", "PUT", person(personId, "/plans/" + std::to_string(openPlan)), linking,
                            {fmt::format("If-Match: \"{}\"", openVersion)})
                       : as("demo", "POST", person(personId, "/plans"), linking);
  EXPECT_EQ(goal.status, 422) << goal.body;
  EXPECT_NE(goal.body.find("goals[0].measure_ids"), std::string::npos) << goal.body;
}

// Finding 20: a refused attempt on a case is in the access log, and the review lists it.
TEST_F(Hardening, ARefusedAttemptOnACaseIsAccessLoggedAndReviewed) {
  auto [personId, registrationId] = registration("r.unit = 'KAA Söder' AND r.person_id > 100");
  EXPECT_EQ(as("anna", "GET", person(personId, "/history")).status, 403);
  auto log = parsed(as("revisor", "GET", "/api/v1/access-log?person_id=" + std::to_string(personId)));
  bool found = false;
  for (const json::value& e : log.at("items").as_array())
    found = found || (e.at("refused").as_bool() && e.at("username").as_string() == "anna" &&
                      e.at("route").as_string() == "GET /api/v1/persons/{id}/history");
  EXPECT_TRUE(found) << json::serialize(log);
  auto review = parsed(as("revisor", "GET", "/api/v1/access-log/review"));
  EXPECT_GE(review.at("refused").at("count").as_int64(), 1);
  EXPECT_EQ(runLotsen({"audit", "verify", "--db", *db_}).exitCode, 0) << "refusals are in the hash chain";
}

// An attacker searched 1,000 personnummer one after another in 34 seconds and learnt who is in the
// register; the review named none of it (searches are lists of one's own caseload). Registering by hand
// told a known personnummer from an unknown one too, and its 422 left no entry at all. Now the look-up of
// a registration by hand is logged, and each day a user searched (or registered by hand) more often than
// the threshold is listed, over the API and on the command line.
TEST_F(Hardening, ADayOfManySearchesByOneUserIsInTheReview) {
  // anna's searches today so far (other tests of the suite search as her too).
  auto annasDay = [&](std::int64_t threshold) -> std::optional<json::object> {
    auto review = parsed(
        as("revisor", "GET", "/api/v1/access-log/review?many_searches_threshold=" + std::to_string(threshold)));
    EXPECT_EQ(review.at("many_searches").at("threshold").as_int64(), threshold);
    for (const json::value& d : review.at("many_searches").at("items").as_array())
      if (d.at("username").as_string() == "anna") return d.as_object();
    return std::nullopt;
  };
  std::int64_t earlier = 0;
  auto annasEntries = parsed(as("revisor", "GET", "/api/v1/access-log?username=anna"));
  for (const json::value& e : annasEntries.at("items").as_array())
    earlier += e.at("route").as_string() == "GET /api/v1/persons" || e.at("route").as_string() == "POST /api/v1/registrations";

  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(as("anna", "GET", "/api/v1/persons?query=20080101-00" + std::to_string(10 + i)).status, 200);
  EXPECT_EQ(as("anna", "GET", "/api/v1/persons?query=berg").status, 200);
  auto [personId, registrationId] = registration("r.caseworker_id = (SELECT id FROM users WHERE username = 'anna')");
  std::string known = sqlText("SELECT personal_id FROM persons WHERE id = " + std::to_string(personId));
  auto told = as("anna", "POST", "/api/v1/registrations",
                 R"({"personal_id":")" + known +
                     R"(","start_date":"2026-11-02","reason":"never_started","by_hand":"school_report","person":)"
                     R"({"first_name":"Test","last_name":"Testsson","street_address":"Storgatan 1","postal_code":)"
                     R"("50431","city":"Borås","municipality_code":"9999"}})");
  EXPECT_EQ(told.status, 422) << told.body;
  auto log = parsed(as("revisor", "GET", "/api/v1/access-log?username=anna&person_id=" + std::to_string(personId)));
  bool lookedUp = false;
  for (const json::value& e : log.at("items").as_array())
    lookedUp = lookedUp || e.at("route").as_string() == "POST /api/v1/registrations";
  EXPECT_TRUE(lookedUp) << "the refused registration named a known person: " << json::serialize(log);

  // Five more today: over a threshold of four more than before, not over one of five more.
  EXPECT_FALSE(annasDay(earlier + 5)) << "not more than the threshold";
  auto day = annasDay(earlier + 4);
  ASSERT_TRUE(day);
  EXPECT_EQ(day->at("searches").as_int64(), earlier + 5) << "searches that found nobody count, and the registration";
  EXPECT_EQ(as("revisor", "GET", "/api/v1/access-log/review?many_searches_threshold=0").status, 400);
  auto cli = runLotsen({"audit", "review", "--db", *db_, "--from", "2026-01-01", "--to", "2030-12-31", "--many-searches",
                        std::to_string(earlier + 4)});
  ASSERT_EQ(cli.exitCode, 0) << cli.err;
  EXPECT_NE(cli.out.find(fmt::format("Användare som sökt fler än {} gånger på en dag:", earlier + 4)), std::string::npos)
      << cli.out;
  EXPECT_NE(cli.out.find(fmt::format("anna: {} sökningar den {} hittade", earlier + 5,
                                     std::string(day->at("day").as_string()))),
            std::string::npos)
      << cli.out;
}

// Finding 13: a 409 that carries the current record is a read of it.
TEST_F(Hardening, AConflictAnswerWithTheCurrentRecordIsAccessLogged) {
  auto [personId, registrationId] = registration("r.caseworker_id = (SELECT id FROM users WHERE username = 'anna')");
  auto created = as("anna", "POST", person(personId, "/occupations"),
                    R"({"effective_date":"2026-11-01","kind":"work","source":"contact"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string record = created.headers.at("location");
  ASSERT_EQ(as("anna", "PUT", record, R"({"effective_date":"2026-11-02","kind":"work","source":"contact"})",
               {"If-Match: \"1\""})
                .status,
            200);
  std::string before = sqlText("SELECT count(*) FROM access_log");
  auto stale = as("anna", "PUT", record, R"({"effective_date":"2026-11-03","kind":"work","source":"contact"})",
                  {"If-Match: \"1\""});
  ASSERT_EQ(stale.status, 409);
  EXPECT_TRUE(parsed(stale).as_object().contains("current"));
  EXPECT_EQ(sqlText("SELECT route || ' ' || person_ids FROM access_log ORDER BY id DESC LIMIT 1"),
            "PUT /api/v1/persons/{id}/occupations/{record} " + std::to_string(personId));
  EXPECT_EQ(std::stoi(sqlText("SELECT count(*) FROM access_log")), std::stoi(before) + 1);
}

// Replay of issue 12's week: a caseworker's documenting writes left no access-log entry, so "who handled
// this person" could not be answered from the log.
TEST_F(Hardening, ADocumentingWriteIsAccessLoggedWithThePerson) {
  auto [personId, registrationId] = registration("r.caseworker_id = (SELECT id FROM users WHERE username = 'anna')");
  auto created = as("anna", "POST", person(personId, "/occupations"),
                    R"({"effective_date":"2026-11-01","kind":"studies","detail":"komvux","source":"contact"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(sqlText("SELECT username || ' ' || route || ' ' || person_ids FROM access_log ORDER BY id DESC LIMIT 1"),
            "anna POST /api/v1/persons/{id}/occupations " + std::to_string(personId));
}

// Finding 14: every answer that names a person says whether the identity is protected; none says how.
TEST_F(Hardening, EveryAnswerNamingAPersonMarksProtectionButNeverItsKind) {
  auto [personId, registrationId] = registration("p.protection <> '' AND (r.unit IN ('KAA Norr', 'KAA Söder', ''))");
  std::string today = sqlText("SELECT date('now')");  // the demo's events were written today
  for (const std::string& path :
       {person(personId), person(personId, "?as_of=" + today), person(personId, "/history")}) {
    auto r = as("demo", "GET", path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_NE(r.body.find("\"protected\":true"), std::string::npos) << path;
    for (const char* kind : {"protection", "sekretessmarkering", "skyddad_folkbokforing"})
      EXPECT_EQ(r.body.find(kind), std::string::npos) << path << " tells " << kind;
  }
  // On the occupation list whatever the demo's state: every occupation confirmed over a month ago is due.
  sql("UPDATE settings SET value = '1' WHERE key = 'occupation_stale_months'");
  auto r = as("demo", "GET", "/api/v1/worklists/occupation?caseworker=all");
  sql("UPDATE settings SET value = '6' WHERE key = 'occupation_stale_months'");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"protected\":true"), std::string::npos);
  for (const char* kind : {"protection", "sekretessmarkering", "skyddad_folkbokforing"})
    EXPECT_EQ(r.body.find(kind), std::string::npos) << "the worklist tells " << kind;
  auto list = parsed(as("demo", "GET", "/api/v1/worklists/first_contact?caseworker=all"));
  for (const json::value& item : list.at("items").as_array())
    EXPECT_TRUE(item.as_object().contains("protected")) << json::serialize(item);
}

// Finding 16: the last use is noted once in a while; a session must not end before its idle limit.
TEST_F(Hardening, ASessionNeverEndsBeforeItsIdleLimit) {
  auto s = login(port(), "bengt", kPassword);
  ASSERT_TRUE(s);
  const std::string bengt = "user_id = (SELECT id FROM users WHERE username = 'bengt')";
  auto age = [&](int seconds) {
    sql("UPDATE sessions SET last_seen_at = strftime('%s','now') - " + std::to_string(seconds) + " WHERE " + bengt);
  };
  // Noted 30 min 10 s ago, but maybe used up to 15 s after that without a note: not yet idle for 30 min.
  age(1800 + 10);
  EXPECT_EQ(http(port(), "GET", "/api/v1/session", "", {s->cookie}).status, 200);
  // That use is noted through the writer after the answer; wait for it before aging the session again.
  for (int i = 0;
       i < 200 && sqlText("SELECT max(last_seen_at) >= strftime('%s','now') - 5 FROM sessions WHERE " + bengt) != "1";
       ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  age(1800 + 20);
  EXPECT_EQ(http(port(), "GET", "/api/v1/session", "", {s->cookie}).status, 401);
}

// Finding 5: twenty pairs of parallel POSTs made 24 and 25 plans.
TEST_F(Hardening, OnePlanPerRegistrationEvenWhenPostedManyAtOnce) {
  auto [personId, registrationId] = registration(
      "r.unit = 'KAA Norr' AND NOT EXISTS (SELECT 1 FROM case_records c WHERE c.registration_id = r.id "
      "AND c.kind = 'plan')");
  std::atomic<int> created{0}, refused{0};
  std::vector<std::thread> posters;
  for (int i = 0; i < 20; ++i)
    posters.emplace_back([&] {
      int status = as("demo", "POST", person(personId, "/plans"), R"({"goals":[]})").status;
      (status == 201 ? created : status == 409 ? refused : refused)++;
    });
  for (auto& t : posters) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(sqlText("SELECT count(*) FROM case_records WHERE kind = 'plan' AND registration_id = " +
                    std::to_string(registrationId)),
            "1");
}

// Finding 6: twenty parallel wrong passwords for one account were all checked; the limit is five.
TEST_F(Hardening, ParallelWrongPasswordsCheckNoMoreThanTheLimit) {
  std::atomic<int> checked{0}, heldBack{0};
  std::vector<std::thread> guesses;
  for (int i = 0; i < 20; ++i)
    guesses.emplace_back([&] {
      int status = http(port(), "POST", "/api/v1/session", R"({"username":"olle","password":"wrong-password-1"})",
                        {"Content-Type: application/json"})
                       .status;
      (status == 401 ? checked : heldBack)++;
    });
  for (auto& t : guesses) t.join();
  EXPECT_LE(checked.load(), 5);
  EXPECT_EQ(checked.load() + heldBack.load(), 20);
  EXPECT_EQ(http(port(), "POST", "/api/v1/session", R"({"username":"olle","password":"lotsen-demo-2026"})",
                 {"Content-Type: application/json"})
                .status,
            429)
      << "locked now, even with the right password";
}

// Finding 12: a plan of 38,000 goals was accepted; 520,000 measure ids gave a 43 MB answer.
TEST_F(Hardening, EveryListIsBoundedAndSoIsTheAnswerThatRefusesIt) {
  auto [personId, registrationId] = registration("r.unit = 'KAA Norr' AND r.caseworker_id IS NOT NULL");
  std::string goals = R"({"goals":[)";
  for (int i = 0; i < 30000; ++i)
    goals += std::string(i ? "," : "") + R"({"id":"g)" + std::to_string(i) + R"(","title":"x"})";
  goals += "]}";
  std::string ids = R"({"goals":[{"id":"g1","title":"Mål","measure_ids":[1)";
  while (ids.size() < 1000000) ids += ",1";
  ids += "]}]}";
  for (const std::string& body : {goals, ids}) {
    auto r = as("demo", "POST", person(personId, "/plans"), body);
    EXPECT_EQ(r.status, 422) << r.body.substr(0, 200);
    EXPECT_LT(r.body.size(), 20000u);
  }
  auto escapedId =
      as("demo", "POST", person(personId, "/plans"), R"({"goals":[{"id":"\u001b[31mX","title":"Arbete"}]})");
  EXPECT_EQ(escapedId.status, 422) << "a goal's id is text too";
  std::string many = R"({"goals":[)";
  for (int i = 0; i < 30; ++i) {
    many += std::string(i ? "," : "") + R"({"id":"g)" + std::to_string(i) + R"(","title":"","sub_goals":[)";
    for (int j = 0; j < 20; ++j)
      many += std::string(j ? "," : "") + R"({"id":"s)" + std::to_string(i * 100 + j) + R"(","title":""})";
    many += "]}";
  }
  many += "]}";
  auto r = as("demo", "POST", person(personId, "/plans"), many);
  ASSERT_EQ(r.status, 422);
  auto body = parsed(r);
  EXPECT_EQ(body.at("errors").as_array().size(), 100u) << "at most 100 problems are listed";
  EXPECT_EQ(body.at("error_count").as_int64(), 30 + 30 * 20) << "each title, counted";
}

// Finding 3: a population extract saved as Latin-1 was imported, and its names were stored for ever.
TEST_F(Hardening, ALatin1ExtractIsRefusedWithAHintAndReadWithItsEncodingGiven) {
  std::string utf8 = file("population"), latin = latin1(utf8);
  ASSERT_NE(utf8, latin) << "the demo has Swedish letters";
  auto refused = identify({{"date", kDate}, {"municipality", "1490"}, {"dry_run", "true"}}, latin);
  ASSERT_EQ(refused.status, 422) << refused.body;
  std::string message(parsed(refused).at("errors").as_array()[0].as_string());
  EXPECT_NE(message.find("population.csv:"), std::string::npos) << message;
  EXPECT_NE(message.find("Inte UTF-8"), std::string::npos) << message;
  EXPECT_NE(message.find("windows-1252"), std::string::npos) << message;
  auto converted =
      identify({{"date", kDate}, {"municipality", "1490"}, {"dry_run", "true"}, {"encoding", "windows-1252"}}, latin);
  EXPECT_EQ(converted.status, 200) << converted.body.substr(0, 300);
  auto asUtf8 = identify({{"date", kDate}, {"municipality", "1490"}, {"dry_run", "true"}}, utf8);
  EXPECT_EQ(parsed(converted).at("target_group"), parsed(asUtf8).at("target_group"));

  // The CLI alike.
  std::string path = writeFile("population-latin1.csv", latin);
  std::string scratch = tempPath("latin1.db");
  std::vector<std::string> args = cliIdentify(scratch, path);
  args.push_back("--dry-run");
  auto cli = runLotsen(args);
  EXPECT_EQ(cli.exitCode, 2);
  EXPECT_NE(cli.err.find(path + ":"), std::string::npos) << cli.err;
  EXPECT_NE(cli.err.find("--encoding windows-1252"), std::string::npos) << cli.err;
  args.insert(args.end(), {"--encoding", "windows-1252"});
  EXPECT_EQ(runLotsen(args).exitCode, 0);
  removeDatabase(scratch);
}

// Finding 7 and 9: a population file with only its header ended all 391 open registrations; control
// characters in a name reached the register.
TEST_F(Hardening, AnExtractWithoutRowsOrWithAControlCharacterIsRefused) {
  std::string openBefore = sqlText("SELECT count(*) FROM registrations WHERE end_date IS NULL");
  auto empty = identify({{"date", kDate}, {"municipality", "1490"}},
                        population([](std::size_t, const std::string&) { return false; }));
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("inga rader"), std::string::npos) << empty.body;
  std::string withEscape = population([](std::size_t, const std::string&) { return true; });
  withEscape.replace(withEscape.find(";Ella;"), 6, ";El\x1b[2Kla;");
  auto escaped = identify({{"date", kDate}, {"municipality", "1490"}}, withEscape);
  EXPECT_EQ(escaped.status, 422);
  EXPECT_NE(escaped.body.find("styrtecken"), std::string::npos) << escaped.body;
  std::string blank = population([](std::size_t, const std::string&) { return true; });
  blank.replace(blank.find(";Ella;"), 6, ";\xC2\xA0;");
  auto unnamed = identify({{"date", kDate}, {"municipality", "1490"}}, blank);
  EXPECT_EQ(unnamed.status, 422);
  EXPECT_NE(unnamed.body.find("Fornamn är tomt eller visar ingenting"), std::string::npos) << unnamed.body;
  EXPECT_EQ(sqlText("SELECT count(*) FROM registrations WHERE end_date IS NULL"), openBefore);
}

// Finding 7: a run that would end more than large_change_percent (10 %) needs confirmation.
TEST_F(Hardening, ARunThatWouldEndALargeShareOfTheRegisterNeedsConfirmation) {
  std::string scratch = tempPath("large-change.db");
  ASSERT_EQ(runLotsen({"demo", "--db", scratch, "--date", kDate}).exitCode, 0);
  std::string third =
      writeFile("population-third.csv", population([](std::size_t n, const std::string&) { return n % 3 == 0; }));
  std::vector<std::string> args = cliIdentify(scratch, third);
  auto refused = runLotsen(args);
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find("large_change_percent"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--confirm-large-change"), std::string::npos) << refused.err;
  auto dry = args;
  dry.insert(dry.end(), {"--dry-run", "--json"});
  auto preview = runLotsen(dry);
  ASSERT_EQ(preview.exitCode, 0) << preview.err;
  EXPECT_TRUE(json::parse(preview.out).at("large_change").as_bool()) << preview.out;
  args.push_back("--confirm-large-change");
  auto confirmed = runLotsen(args);
  EXPECT_EQ(confirmed.exitCode, 0) << confirmed.err;
  removeDatabase(scratch);

  // Found by the second attack: a run for a neighbouring municipality of the same host ended 387 of the
  // 390 registrations of Borås as moved out, unreported and unconfirmed.
  std::string moved = writeFile("population-1491.csv", [&] {
    std::string text = file("population");
    for (std::size_t at = 0; (at = text.find(";1490;", at)) != std::string::npos;) text.replace(at, 6, ";1491;");
    return text;
  }());
  std::string host = tempPath("host.db");
  ASSERT_EQ(runLotsen({"demo", "--db", host, "--date", kDate}).exitCode, 0);
  std::vector<std::string> neighbour = cliIdentify(host, moved, "1491");
  auto takeover = runLotsen(neighbour);
  EXPECT_EQ(takeover.exitCode, 2);
  EXPECT_NE(takeover.err.find("kommun 1490s"), std::string::npos) << takeover.err;
  neighbour.insert(neighbour.end(), {"--dry-run", "--json"});
  auto shown = runLotsen(neighbour);
  ASSERT_EQ(shown.exitCode, 0) << shown.err;
  auto summary = json::parse(shown.out);
  EXPECT_TRUE(summary.at("large_change").as_bool());
  EXPECT_GT(summary.at("ended_elsewhere").at("1490").as_int64(), 300) << shown.out;
  removeDatabase(host);

  // The API alike: refused with the field named, and nothing written.
  std::string openBefore = sqlText("SELECT count(*) FROM registrations WHERE end_date IS NULL");
  auto api = identify({{"date", kDate}, {"municipality", "1490"}},
                      population([](std::size_t n, const std::string&) { return n % 3 == 0; }));
  EXPECT_EQ(api.status, 422);
  EXPECT_NE(api.body.find("\"field\":\"confirm_large_change\""), std::string::npos) << api.body;
  EXPECT_EQ(sqlText("SELECT count(*) FROM registrations WHERE end_date IS NULL"), openBefore);
}

// Finding 4: the API did not read equivalent_school_forms; the CLI did. Both now take every option
// through identify/options.h: the same inputs give the same result.
TEST_F(Hardening, TheCliAndTheApiTakeTheSameOptionsAndGiveTheSameResult) {
  // Ten registered young people start at a folk high school (FHS), which this municipality counts as
  // equivalent to a national programme.
  std::string enrolments = file("enrolments");
  std::istringstream ids(sqlText(
      "SELECT group_concat(p.personal_id, ' ') FROM (SELECT p.personal_id FROM registrations r JOIN persons p ON "
      "p.id = r.person_id WHERE r.end_date IS NULL AND p.municipality_code = '1490' ORDER BY r.id LIMIT 10) p"));
  for (std::string id; ids >> id;) enrolments += id + ";FHS;;14900099;region;2026-08-20;;\n";
  std::string enrolmentPath = writeFile("enrolments-fhs.csv", enrolments);
  std::string populationPath = *registers_ + "/population.csv";

  auto viaApi = [&](bool fhs) {
    std::vector<std::pair<std::string, std::string>> fields{
        {"date", kDate}, {"municipality", "1490"}, {"dry_run", "true"}};
    if (fhs) fields.emplace_back("equivalent_school_forms", "FHS");
    auto r = as("demo", "POST", "/api/v1/identification-runs",
                multipartBody(fields, {{"population", file("population")},
                                       {"enrolments", enrolments},
                                       {"completions", file("completions")}}),
                {"Content-Type: multipart/form-data; boundary=XyZ"});
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
    return parsed(r).as_object();
  };
  auto viaCli = [&](bool fhs) {
    std::vector<std::string> args{"identify",       "--db",      *db_,           "--date",       kDate,
                                  "--municipality", "1490",      "--population", populationPath, "--enrolments",
                                  enrolmentPath,    "--dry-run", "--json",       "--quiet"};
    args.insert(args.end(), {"--completions", *registers_ + "/completions.csv"});
    if (fhs) args.insert(args.end(), {"--equivalent-school-forms", "FHS"});
    auto r = runLotsen(args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return json::parse(r.out).as_object();
  };
  for (bool fhs : {false, true}) {
    json::object api = viaApi(fhs), cli = viaCli(fhs);  // a dry run's --json lists the changes too
    EXPECT_EQ(json::serialize(api), json::serialize(cli)) << (fhs ? "with FHS" : "without");
  }
  EXPECT_GE(
      viaCli(true).at("deregistered").at("total").as_int64() - viaCli(false).at("deregistered").at("total").as_int64(),
      10)
      << "the folk high school students leave";

  // Every option is a form field of the API and a flag of the CLI.
  auto help = runLotsen({"identify", "--help"});
  for (const char* flag : {"--date", "--municipality", "--population", "--enrolments", "--completions", "--encoding",
                           "--equivalent-school-forms", "--dry-run", "--confirm-large-change"})
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  auto unknown = identify({{"date", kDate}, {"municipality", "1490"}, {"dry_run", "true"}, {"colour", "blue"}},
                          file("population"));
  EXPECT_EQ(unknown.status, 422);
}

// Finding 3: with invalid UTF-8 already stored, reads answered 500, and a run answered 500 after its
// commit. Every answer is valid UTF-8 now, and what committed is answered 2xx.
TEST_F(Hardening, StoredTextThatIsNotUtf8IsAnsweredRepairedAndACommittedRunWith2xx) {
  std::string scratch = tempPath("latin1-stored.db");
  ASSERT_EQ(runLotsen({"demo", "--db", scratch, "--date", kDate}).exitCode, 0);
  auto add = runLotsen({"user", "add", "--db", scratch, "--name", "admin2", "--role", "admin,unit_manager", "--unit",
                        "KAA Norr", "--unit", "KAA Söder", "--password-stdin"},
                       std::string(kPassword) + "\n");
  ASSERT_EQ(add.exitCode, 0);
  // A name and an event written by an older Lotsen from a Latin-1 file: "Åsa" as the byte 0xC5.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(scratch.c_str(), &db), SQLITE_OK);
  std::string victim;
  {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT p.id FROM persons p JOIN registrations r ON r.person_id = p.id WHERE r.end_date IS NULL "
                       "AND r.unit = 'KAA Norr' AND p.protection = '' LIMIT 1",
                       -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    victim = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
  }
  std::string update = "UPDATE persons SET first_name = CAST(X'C57361' AS TEXT) WHERE id = " + victim +
                       "; INSERT INTO events (time, actor, user_id, person_id, type, payload) SELECT time, actor, "
                       "user_id, person_id, 'person.updated', replace(payload, '\"first_name\":\"', "
                       "'\"first_name\":\"' || CAST(X'C5' AS TEXT)) FROM events WHERE person_id = " +
                       victim + " AND type = 'person.created'";
  ASSERT_EQ(sqlite3_exec(db, update.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  std::string personalId = [&] {
    auto store = openStore(scratch);
    return (*store)->person(std::stoll(victim))->details.personalId.canonical();
  }();

  ServerProcess server(scratch);
  auto s = login(server.port(), "admin2", kPassword);
  ASSERT_TRUE(s);
  std::string today = [&] {
    sqlite3* handle = nullptr;
    sqlite3_open(scratch.c_str(), &handle);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(handle, "SELECT date('now')", -1, &s, nullptr);
    sqlite3_step(s);
    std::string day = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(handle);
    return day;
  }();
  for (const std::string& path : {person(std::stoll(victim)), person(std::stoll(victim), "/history"),
                                  person(std::stoll(victim), "?as_of=" + today)}) {
    auto r = http(server.port(), "GET", path, "", {s->cookie});
    EXPECT_EQ(r.status, 200) << path << " " << r.body.substr(0, 200);
    EXPECT_TRUE(validUtf8(r.body)) << path;
    EXPECT_NE(r.body.find("\xEF\xBF\xBD"), std::string::npos) << path << ": the byte shows as U+FFFD";
  }
  // The person leaves the population; the run that deregisters them commits and answers 201.
  std::string leaving = population([&](std::size_t, const std::string& line) { return !line.starts_with(personalId); });
  auto run = http(server.port(), "POST", "/api/v1/identification-runs",
                  multipartBody({{"date", kDate}, {"municipality", "1490"}},
                                {{"population", leaving}, {"enrolments", file("enrolments")}}),
                  {s->cookie, s->csrf, "Content-Type: multipart/form-data; boundary=XyZ"});
  EXPECT_EQ(run.status, 201) << run.body.substr(0, 300);
  EXPECT_TRUE(validUtf8(run.body));
  EXPECT_NE(run.body.find("left_population_register"), std::string::npos);
  server.stop();
  removeDatabase(scratch);
}

// Finding 9: a reason with CR, ESC and [2K rewrote the line an auditor read on a terminal.
TEST_F(Hardening, TheAuditReviewOnATerminalShowsControlCharactersEscaped) {
  // Written straight into the database (the API refuses it now), as an older Lotsen could have.
  sql("INSERT INTO access_grants (user_id, person_id, reason, granted_at, expires_at) VALUES ((SELECT id FROM users "
      "WHERE username = 'anna'), 1, 'Allt i sin ordning' || char(13) || char(27) || '[2KInget att se', "
      "strftime('%s','now'), strftime('%s','now') + 60)");
  auto review = runLotsen({"audit", "review", "--db", *db_, "--from", "2026-01-01", "--to", "2030-12-31"});
  ASSERT_EQ(review.exitCode, 0) << review.err;
  EXPECT_EQ(review.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(review.out.find('\r'), std::string::npos);
  EXPECT_NE(review.out.find("Allt i sin ordning\\x0D\\x1B[2KInget att se"), std::string::npos) << review.out;
}

// Finding 19: entries cut off at the end of the access log left an intact chain; an anchor kept outside
// the database shows them.
TEST_F(Hardening, AnAnchorKeptOutsideTheDatabaseShowsEntriesCutOffAtTheEnd) {
  as("demo", "GET", "/api/v1/persons?query=berg");
  auto head = runLotsen({"audit", "head", "--db", *db_});
  ASSERT_EQ(head.exitCode, 0);
  std::string anchor = head.out.substr(0, head.out.find('\n'));
  EXPECT_EQ(anchor.size(), anchor.find(':') + 65) << anchor;
  EXPECT_EQ(runLotsen({"audit", "verify", "--db", *db_, "--expect", anchor}).exitCode, 0);
  as("demo", "GET", "/api/v1/persons?query=lund");
  EXPECT_EQ(runLotsen({"audit", "verify", "--db", *db_, "--expect", anchor}).exitCode, 0) << "the log went on";
  EXPECT_EQ(runLotsen({"audit", "verify", "--db", *db_, "--expect", "1:" + std::string(64, 'a')}).exitCode, 3);
  EXPECT_EQ(runLotsen({"audit", "verify", "--db", *db_, "--expect", "many"}).exitCode, 2);

  // Cut off the end on a copy, as someone with the file could.
  std::string copy = tempPath("cut.db");
  ASSERT_EQ(runLotsen({"backup", "--db", *db_, "--out", copy}).exitCode, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(copy.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db,
                   "DROP TRIGGER access_log_no_delete; DELETE FROM access_log WHERE id > (SELECT max(id) - 2 FROM "
                   "access_log)",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(runLotsen({"audit", "verify", "--db", copy}).exitCode, 0) << "the chain alone cannot see it";
  auto cut = runLotsen({"audit", "verify", "--db", copy, "--expect", anchor});
  EXPECT_EQ(cut.exitCode, 3);
  EXPECT_NE(cut.out.find("poster har tagits bort i slutet"), std::string::npos) << cut.out;
  removeDatabase(copy);
  EXPECT_NE(server_->output().find("\"msg\":\"access log head\""), std::string::npos) << "logged at start";
}

// Found by the second attack: "roles": null crashed the server (an empty optional read).
TEST_F(Hardening, AUserWithNullRolesIsRefusedNotACrash) {
  auto r =
      as("demo", "POST", "/api/v1/users", R"({"username":"nullroles","password":"a-very-long-passw0rd","roles":null})");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("\"field\":\"roles\""), std::string::npos) << r.body;
  EXPECT_EQ(http(port(), "GET", "/healthz").status, 200) << "still serving";
}

// Found by the second attack: a body sent a byte every 15 s to a route that takes none held the
// connection for ever, and sixteen of them blocked the operations address.
TEST_F(Hardening, ARouteThatTakesNoBodyRefusesOneBeforeReadingIt) {
  for (int target : {port(), server_->metricsPort()}) {
    Connection c(target);
    c.send("GET /readyz HTTP/1.1\r\nHost: x\r\nContent-Length: 65536\r\n\r\na");
    EXPECT_EQ(parseResponse(c.receiveAll(std::chrono::seconds(10))).status, 413) << target;
  }
  Connection file(port());
  file.send("GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na");
  EXPECT_EQ(parseResponse(file.receiveAll(std::chrono::seconds(10))).status, 413);
}

// Found by the second attack: an identification run's answer names persons read from the register, but
// its access-log entry named none.
TEST_F(Hardening, AnIdentificationRunLogsThePersonsItReadFromTheRegister) {
  auto [personId, registrationId] = registration("p.protection = '' AND r.unit = 'KAA Norr'");
  std::string personalId = sqlText("SELECT personal_id FROM persons WHERE id = " + std::to_string(personId));
  auto r = identify({{"date", kDate}, {"municipality", "1490"}, {"dry_run", "true"}},
                    population([&](std::size_t, const std::string& line) { return !line.starts_with(personalId); }));
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  // The person whose registration the run ends, and any other the answer names (with two years of the
  // demo's casework, closures by hand the run respects): each logged is named in the answer, and
  // the person is among them.
  std::string logged = sqlText(
      "SELECT person_ids FROM access_log WHERE route = 'POST /api/v1/identification-runs' ORDER BY id DESC LIMIT 1");
  std::set<std::string> ids;
  for (std::size_t from = 0; from <= logged.size();) {
    std::size_t comma = std::min(logged.find(',', from), logged.size());
    ids.insert(logged.substr(from, comma - from));
    from = comma + 1;
  }
  EXPECT_TRUE(ids.contains(std::to_string(personId))) << logged;
  for (const std::string& id : ids)
    EXPECT_NE(r.body.find(sqlText("SELECT personal_id FROM persons WHERE id = " + id)), std::string::npos)
        << "person " << id << " is named in the answer";
}

// Found by the second attack: ten combining accents (or private-use characters) were a reason; a goal
// id of a lone accent and a title of a private-use character were stored; a name held a line break;
// an unknown key came back with its escape characters.
TEST_F(Hardening, TextThatShowsNothingOrBreaksALineIsRefusedEverywhere) {
  auto [personId, registrationId] = registration("r.caseworker_id = (SELECT id FROM users WHERE username = 'anna')");
  for (const char* reason : {R"("\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301")",
                             R"("\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000")"})
    EXPECT_EQ(
        as("anna", "POST", person(personId, "/access-grants"), std::string(R"({"reason":)") + reason + "}").status, 422)
        << reason;
  EXPECT_EQ(as("demo", "POST", person(personId, "/plans"), R"({"goals":[{"id":"\u0301","title":"\ue000"}]})").status,
            422);
  std::string broken = population([](std::size_t, const std::string&) { return true; });
  broken.replace(broken.find(";Ella;"), 6, ";\"Ella\r\nADMIN: ring polisen\";");
  auto r = identify({{"date", kDate}, {"municipality", "1490"}, {"dry_run", "true"}}, broken);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Fornamn innehåller en radbrytning"), std::string::npos) << r.body.substr(0, 400);
  auto unknown =
      http(port(), "POST", "/api/v1/session", "{\"username\":\"anna\",\"password\":\"x\",\"zz\\u001b[31mRED\":1}",
           {"Content-Type: application/json"});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.body.find("\\u001b"), std::string::npos) << unknown.body;
  EXPECT_NE(unknown.body.find("zz\\\\x1B[31mRED"), std::string::npos) << unknown.body;
}

}  // namespace
}  // namespace lotsen::testing
