// POST and GET /api/v1/identification-runs on a real server.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/text.h"
#include "harness.h"

namespace lotsen::testing {
namespace {

namespace json = boost::json;

class IdentificationApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string(tempPath("identification-api.db"));
    registers_ = new std::string(tempPath("identification-api-registers"));
    std::string scratch = tempPath("identification-api-scratch.db");
    ASSERT_EQ(runLotsen({"demo", "--db", scratch, "--date", "2026-11-22", "--registers", *registers_}).exitCode, 0);
    removeDatabase(scratch);
    ASSERT_EQ(runLotsen({"user", "add", "--db", *db_, "--name", "anna", "--role", "admin", "--password-stdin"},
                        "a-long-password\n")
                  .exitCode,
              0);
    server_ = new ServerProcess(*db_);
  }
  static void TearDownTestSuite() {
    delete server_;
    removeDatabase(*db_);
    std::filesystem::remove_all(*registers_);
    delete db_;
    delete registers_;
  }

  static std::vector<std::pair<std::string, std::string>> demoFiles() {
    std::vector<std::pair<std::string, std::string>> files;
    for (std::string name : {"population", "enrolments", "completions"})
      files.emplace_back(name, readFile((std::filesystem::path(*registers_) / (name + ".csv")).string()));
    return files;
  }
  static HttpResponse post(const Session& s, const std::string& body, bool csrf = true) {
    std::vector<std::string> headers{s.cookie, "Content-Type: multipart/form-data; boundary=XyZ"};
    if (csrf) headers.push_back(s.csrf);
    return http(server_->port(), "POST", "/api/v1/identification-runs", body, headers);
  }

  static std::string* db_;
  static std::string* registers_;
  static ServerProcess* server_;
};
std::string* IdentificationApi::db_ = nullptr;
std::string* IdentificationApi::registers_ = nullptr;
ServerProcess* IdentificationApi::server_ = nullptr;

TEST_F(IdentificationApi, DryRunThenRealRunThenListed) {
  auto s = login(server_->port(), "anna", "a-long-password");
  ASSERT_TRUE(s);
  auto dry =
      post(*s, multipartBody({{"date", "2026-11-22"}, {"municipality", "1490"}, {"dry_run", "true"}}, demoFiles()));
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto summary = json::parse(dry.body).as_object();
  std::int64_t group = summary.at("target_group").as_int64();
  EXPECT_GT(group, 100);
  EXPECT_TRUE(summary.at("dry_run").as_bool());
  ASSERT_EQ(summary.at("changes").as_array().size(), static_cast<std::size_t>(group));
  EXPECT_EQ(summary.at("changes").as_array()[0].at("change").as_string(), "registered");
  // Issue 12: every reason code comes with its Swedish label.
  EXPECT_FALSE(summary.at("changes").as_array()[0].at("reason_label").as_string().empty());
  for (const auto& [code, label] : summary.at("registered").at("labels").as_object())
    EXPECT_FALSE(label.as_string().empty()) << code;

  auto real = post(*s, multipartBody({{"date", "2026-11-22"}, {"municipality", "1490"}}, demoFiles()));
  ASSERT_EQ(real.status, 201) << real.body;
  EXPECT_EQ(json::parse(real.body).at("registered").at("total").as_int64(), group);

  auto list = http(server_->port(), "GET", "/api/v1/identification-runs", "", {s->cookie});
  ASSERT_EQ(list.status, 200);
  auto items = json::parse(list.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << "a dry run is not recorded";
  EXPECT_EQ(items[0].at("actor").as_string(), "anna");
  EXPECT_EQ(items[0].at("files").as_array().size(), 3u);
  EXPECT_EQ(items[0].at("files").as_array()[0].at("sha256").as_string().size(), 64u);
}

TEST_F(IdentificationApi, BadFilesAnswer422WithEveryProblem) {
  auto s = login(server_->port(), "anna", "a-long-password");
  auto files = demoFiles();
  files[0].second += "20080312-2384;A;B;C;D;E;1490;2000-01-01;\n";  // wrong check digit
  auto r = post(*s, multipartBody({{"date", "2026-11-22"}, {"municipality", "1490"}}, files));
  ASSERT_EQ(r.status, 422) << r.body;
  auto body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("error_count").as_int64(), 1);
  std::string first(body.at("errors").as_array()[0].as_string());
  EXPECT_NE(first.find("population.csv:"), std::string::npos);
  EXPECT_NE(first.find("Kontrollsiffran är fel"), std::string::npos)
      << "each line in the problem's language: " << first;
}

TEST_F(IdentificationApi, MissingPartsAndWrongBodiesAreRefused) {
  auto s = login(server_->port(), "anna", "a-long-password");
  auto files = demoFiles();
  // A field missing or wrong is a 422 naming it, as for every JSON body.
  EXPECT_EQ(post(*s, multipartBody({{"municipality", "1490"}}, files)).status, 422);
  EXPECT_EQ(post(*s, multipartBody({{"date", "2026-11-22"}}, files)).status, 422);
  EXPECT_EQ(
      post(*s, multipartBody({{"date", "2026-11-22"}, {"municipality", "1490"}, {"colour", "blue"}}, files)).status,
      422);
  // A long field name with Swedish letters, unknown or given twice, is named cut between characters: the
  // problem stays UTF-8 JSON (it was cut inside an "ö").
  std::string name = std::string(39, 'x') + "öööö";
  for (auto fields : {std::vector<std::pair<std::string, std::string>>{{"date", "2026-11-22"}, {name, "1"}},
                      std::vector<std::pair<std::string, std::string>>{{name, "1"}, {name, "1"}}}) {
    auto r = post(*s, multipartBody(fields, files));
    EXPECT_EQ(r.status, 422);
    EXPECT_TRUE(isValidUtf8(r.body)) << r.body;
    auto problem = boost::json::parse(r.body).as_object();
    std::string field(problem["errors"].as_array().at(0).as_object()["field"].as_string());
    EXPECT_TRUE(field.starts_with(std::string(39, 'x') + "ö")) << field;
  }
  files.erase(files.begin() + 1);
  EXPECT_EQ(post(*s, multipartBody({{"date", "2026-11-22"}, {"municipality", "1490"}}, files)).status, 422);
  EXPECT_EQ(http(server_->port(), "POST", "/api/v1/identification-runs", "{}",
                 {s->cookie, s->csrf, "Content-Type: application/json"})
                .status,
            415);
  EXPECT_EQ(post(*s, multipartBody({{"date", "2026-11-22"}, {"municipality", "1490"}}, demoFiles()), false).status,
            403);
  EXPECT_EQ(http(server_->port(), "GET", "/api/v1/identification-runs").status, 401);
}

}  // namespace
}  // namespace lotsen::testing
