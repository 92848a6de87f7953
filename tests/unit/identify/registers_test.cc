#include "identify/registers.h"

#include <gtest/gtest.h>

#include "identify/identify.h"
#include "register_builder.h"

namespace lotsen::testing {
namespace {

CivilDate date(std::string_view iso) { return *CivilDate::parse(iso); }
const CivilDate kDate = date("2026-11-22");

Registers readOk(const RegisterBuilder& b, CivilDate d = kDate) {
  Diagnostics diagnostics;
  Registers r = b.read(d, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << (diagnostics.messages().empty() ? "" : diagnostics.messages()[0]);
  return r;
}

std::vector<std::string> errorsOf(const RegisterBuilder& b) {
  Diagnostics diagnostics;
  b.read(kDate, diagnostics);
  return diagnostics.messages();
}

TEST(Registers, ReadsAllThreeExtractsSortedById) {
  RegisterBuilder b;
  b.person(pnr("20090101", 2)).person(pnr("20080101", 1));
  b.enrol(pnr("20080101", 1), "GY", "NA", "2024-08-20").complete(pnr("20080101", 1), "studiebevis", "2026-06-12");
  Registers r = readOk(b);
  ASSERT_EQ(r.population.rows.size(), 2u);
  EXPECT_LT(r.population.rows[0].id, r.population.rows[1].id);
  EXPECT_EQ(r.enrolments.facts.size(), 1u);
  EXPECT_EQ(r.completions.facts.at(0).certificate, Certificate::studiebevis);
  PersonDetails d = r.population.details(r.population.rows[0]);
  EXPECT_EQ(d.personalId.canonical(), pnr("20080101", 1));
  EXPECT_EQ(d.city, "Borås");
  EXPECT_EQ(d.municipalityCode, "1490");
}

TEST(Registers, AcceptsBomCommaSeparatorQuotesAnyColumnOrderAndExtraColumns) {
  RegisterBuilder b;
  b.population =
      "\xEF\xBB\xBF"
      "extra,kommunkod,personnummer,fornamn,efternamn,utdelningsadress,postnummer,postort,folkbokford_datum,"
      "skyddsmarkering\r\n"
      "x,1490," +
      pnr("20080101", 1) + ",\"Anna, Maria\",\"O\"\"Brien\",\"Storgatan 1\nLgh 1102\",50330,Borås,2000-01-01,\r\n";
  Registers r = readOk(b);
  ASSERT_EQ(r.population.rows.size(), 1u);
  PersonDetails d = r.population.details(r.population.rows[0]);
  EXPECT_EQ(d.firstName, "Anna, Maria");
  EXPECT_EQ(d.lastName, "O\"Brien");
  EXPECT_EQ(d.streetAddress, "Storgatan 1\nLgh 1102");
}

TEST(Registers, TenDigitPersonnummerGetsItsCenturyFromTheDate) {
  RegisterBuilder b;
  std::string twelve = pnr("20080312", 238);
  b.person(twelve.substr(2));  // 080312-238C
  Registers r = readOk(b);
  EXPECT_EQ(PersonalId::fromNumber(r.population.rows[0].id).canonical(), twelve);
}

TEST(Registers, PlusSeparatorMeansHundredYearsOlder) {
  RegisterBuilder b;
  std::string twelve = pnr("19120312", 238);
  std::string ten = twelve.substr(2);
  ten[6] = '+';
  b.person(ten);
  Registers r = readOk(b);
  EXPECT_EQ(PersonalId::fromNumber(r.population.rows[0].id).canonical(), twelve);
}

TEST(Registers, CoordinationNumberIsAccepted) {
  RegisterBuilder b;
  b.person(pnr("20080372", 238));
  Registers r = readOk(b);
  EXPECT_EQ(r.population.rows[0].birthDate, date("2008-03-12"));
}

TEST(Registers, MissingColumnIsReportedOnTheHeaderLine) {
  RegisterBuilder b;
  b.population = "personnummer;fornamn\n";
  auto errors = errorsOf(b);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].rfind("population.csv:1: missing column(s)", 0), 0u) << errors[0];
  EXPECT_NE(errors[0].find("kommunkod"), std::string::npos);
}

TEST(Registers, EveryBadRowIsReportedWithFileAndLine) {
  RegisterBuilder b;
  std::string good = pnr("20080101", 1);
  std::string badCheck = good.substr(0, good.size() - 1) + static_cast<char>('0' + (good.back() - '0' + 1) % 10);
  b.person(good).person(badCheck).person(pnr("20080102", 1), "149");
  b.enrol(good, "XX", "NA", "2024-08-20").enrol(good, "GY", "NA", "2024-13-01").enrol(good, "GY", "", "2024-08-20");
  b.enrol(good, "GY", "NA", "2024-08-20", "2024-08-01");
  b.complete(good, "diplom", "2026-06-12");
  auto errors = errorsOf(b);
  std::vector<std::string> expectedStarts{
      "population.csv:3: personnummer", "population.csv:4: kommunkod",  "enrolments.csv:2: unknown skolform",
      "enrolments.csv:3: startdatum",   "enrolments.csv:4: programkod", "enrolments.csv:5: slutdatum is before",
      "completions.csv:2: bevis"};
  ASSERT_EQ(errors.size(), expectedStarts.size());
  for (std::size_t i = 0; i < errors.size(); ++i) EXPECT_EQ(errors[i].rfind(expectedStarts[i], 0), 0u) << errors[i];
}

TEST(Registers, PersonTwiceInPopulationIsAnError) {
  RegisterBuilder b;
  b.person(pnr("20080101", 1)).person(pnr("20090101", 1)).person(pnr("20080101", 1));
  auto errors = errorsOf(b);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("population.csv:4: ", 0), 0u) << errors[0];
  EXPECT_NE(errors[0].find("also on line 2"), std::string::npos);
}

TEST(Registers, WrongFieldCountAndOpenQuoteAreErrors) {
  RegisterBuilder b;
  b.population += pnr("20080101", 1) + ";Alva;Ek\n";
  b.completions += pnr("20080101", 1) + ";\"studiebevis;2026-06-12\n";
  auto errors = errorsOf(b);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("expected 9 fields"), std::string::npos);
  EXPECT_NE(errors[1].find("not closed"), std::string::npos);
}

TEST(Registers, OnlyTheFirstHundredErrorsAreKeptButAllCounted) {
  RegisterBuilder b;
  for (int i = 0; i < 150; ++i) b.population += "bad;Alva;Ek;Storgatan 1;50330;Borås;1490;2000-01-01;\n";
  Diagnostics diagnostics;
  b.read(kDate, diagnostics);
  EXPECT_EQ(diagnostics.messages().size(), 100u);
  EXPECT_EQ(diagnostics.total(), 150u);
}

TEST(Registers, Ss12000JsonAndCsvEnrolmentsGiveTheSameTargetGroup) {
  RegisterBuilder csv;
  std::string a = pnr("20080101", 1), b = pnr("20080202", 3), c = pnr("20090303", 5);
  csv.person(a).person(b).person(c);
  csv.enrol(a, "GY", "NA", "2024-08-20", "2025-03-01", "ja");
  csv.enrol(b, "GY", "IMV", "2024-08-20");
  csv.enrol(c, "VUX", "", "2026-01-10");
  RegisterBuilder json = csv;
  json.enrolments = R"({"data": [
    {"civicNo": {"value": ")" +
                    a.substr(2) + R"("}, "enrolments": [
      {"schoolType": "GY", "programme": {"code": "NA"}, "startDate": "2024-08-20", "endDate": "2025-03-01", "cancelled": true}]},
    {"civicNo": {"value": ")" +
                    b + R"("}, "enrolments": [
      {"schoolType": "GY", "educationCode": "IMV", "startDate": "2024-08-20", "enroledAt": {"id": "x"}}]},
    {"civicNo": {"value": ")" +
                    c + R"("}, "enrolments": [{"schoolType": "VUX", "startDate": "2026-01-10"}]}]})";
  auto membersOf = [](const Registers& r) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& m : findTargetGroup(r, kDate, std::nullopt))
      out.emplace_back(r.population.rows[m.row].id, std::string(m.reason));
    return out;
  };
  auto fromCsv = membersOf(readOk(csv));
  auto fromJson = membersOf(readOk(json));
  EXPECT_EQ(fromCsv, fromJson);
  ASSERT_EQ(fromCsv.size(), 2u);  // b is on an introduction programme: outside since 2018-07-01
  EXPECT_EQ(fromCsv[0].second, "dropout_national_programme");
}

// Found when uploading 60 MB of one repeated row: each repeat's line number was found by reading the
// file from its start, which took hours. Only the kept messages need one.
TEST(Registers, AFileOfManyRepeatedRowsIsRefusedWithAHundredMessagesAndTheirCount) {
  RegisterBuilder b;
  for (int i = 0; i < 200000; ++i) b.person(pnr("20080101", 1));
  Diagnostics diagnostics;
  b.read(*CivilDate::parse("2026-11-22"), diagnostics);
  EXPECT_EQ(diagnostics.total(), 199999u);
  EXPECT_EQ(diagnostics.messages().size(), Diagnostics::kMaxMessages);
}

TEST(Registers, Ss12000JsonErrorsNameThePlace) {
  RegisterBuilder b;
  b.person(pnr("20080101", 1));
  b.enrolments = R"([{"civicNo": {"value": "123"}}, {"civicNo": {"value": ")" + pnr("20080101", 1) +
                 R"("}, "enrolments": [{"schoolType": "GY", "educationCode": "NA", "startDate": "soon"}]}])";
  auto errors = errorsOf(b);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].rfind("enrolments.csv: /0/civicNo/value: ", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind("enrolments.csv: /1/enrolments/0: startdatum", 0), 0u) << errors[1];
  b.enrolments = "[{\"civicNo\": ";
  errors = errorsOf(b);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace lotsen::testing
