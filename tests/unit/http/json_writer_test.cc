#include "store/json_writer.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/json_mapping.h"

namespace lotsen {
namespace {

namespace json = boost::json;

const std::string kAwkward = std::string("Åsa \"Q\" back\\slash\n\t\r\b\f bell\x07 del\x7f end") + '\0' + "after";

TEST(JsonWriter, WritesWhatBoostJsonSerializes) {
  JsonWriter out;
  out.beginObject()
      .field("text", kAwkward)
      .field("number", std::int64_t{-9007199254740993})
      .field("small", 7)
      .field("yes", true)
      .field("no", false)
      .field("none", std::optional<std::string>())
      .field("some", std::optional<std::int64_t>(42))
      .key("empty_object")
      .beginObject()
      .endObject()
      .key("empty_array")
      .beginArray()
      .endArray()
      .key("nested")
      .beginArray()
      .beginObject()
      .field("a", 1)
      .endObject()
      .beginArray()
      .value("x")
      .null()
      .endArray()
      .raw(R"({"stored":[1,2]})")
      .endArray()
      .field(kAwkward, "key with escapes")
      .endObject();
  json::object expected{{"text", kAwkward},
                        {"number", std::int64_t{-9007199254740993}},
                        {"small", 7},
                        {"yes", true},
                        {"no", false},
                        {"none", nullptr},
                        {"some", 42},
                        {"empty_object", json::object()},
                        {"empty_array", json::array()},
                        {"nested", json::array{json::object{{"a", 1}}, json::array{"x", nullptr},
                                               json::object{{"stored", json::array{1, 2}}}}},
                        {kAwkward, "key with escapes"}};
  EXPECT_EQ(out.take(), json::serialize(expected));
  EXPECT_EQ(jsonQuoted(kAwkward), json::serialize(json::string(kAwkward)));
}

Person protectedPerson() {
  return Person{
      7,
      PersonDetails{*PersonalId::parse("20080312-2381", *CivilDate::fromParts(2026, 11, 22)), "Åsa", "Öberg \"Ö\"",
                    "Storgatan 1", "50330", "Borås", "1490", Protection::protected_registration},
      3, ContactDetails{"070-123 45 67", "asa@example.se"}};
}

TEST(JsonWriter, PersonHasTheApiShapeAndHidesAProtectedAddress) {
  Registration open{
      11,           7,      "kaa", *CivilDate::fromParts(2026, 1, 5), "not_enrolled", std::nullopt, std::nullopt, 2,
      std::nullopt, "north"};
  Registration ended{
      12, 7, "kaa",  *CivilDate::fromParts(2025, 3, 1), "dropped_out", *CivilDate::fromParts(2025, 9, 1), "enrolled",
      4,  5, "south"};
  json::object expected{{"id", 7},
                        {"personal_id", "20080312-2381"},
                        {"first_name", "Åsa"},
                        {"last_name", "Öberg \"Ö\""},
                        {"protected", true},
                        {"address", nullptr},
                        {"contact", nullptr},
                        {"municipality_code", "1490"},
                        {"birth_date", "2008-03-12"},
                        {"coordination_number", false},
                        {"version", 3},
                        {"registrations", json::array{registrationJson(open), registrationJson(ended)}},
                        {"occupation", json::object{{"kind", "unknown"}}},
                        {"planned_occupation", nullptr}};
  EXPECT_EQ(personJson(protectedPerson(), {open, ended}, std::nullopt, false), json::serialize(expected));

  expected["address"] = json::object{{"street_address", "Storgatan 1"}, {"postal_code", "50330"}, {"city", "Borås"}};
  expected["contact"] = json::object{{"phone", "070-123 45 67"}, {"email", "asa@example.se"}};
  expected["occupation"] = json::object{{"kind", "work"}};
  EXPECT_EQ(personJson(protectedPerson(), {open, ended}, R"({"kind":"work"})", true), json::serialize(expected))
      << "the reader with read_protected_address sees the address and the contact details";

  json::object registration = registrationJson(ended);
  EXPECT_EQ(json::serialize(registration),
            R"({"id":12,"person_id":7,"programme":"kaa","start_date":"2025-03-01","reason":"dropped_out",)"
            R"("version":4,"end_date":"2025-09-01","end_reason":"enrolled","caseworker_id":5,"unit":"south",)"
            R"("closed_by_hand":false,"by_hand":null,"awaiting_registers":false,"registers_reason":null})");

  JsonWriter summary;
  writePersonSummary(summary, protectedPerson());
  EXPECT_EQ(summary.take(), json::serialize(json::object{{"id", 7},
                                                         {"personal_id", "20080312-2381"},
                                                         {"first_name", "Åsa"},
                                                         {"last_name", "Öberg \"Ö\""},
                                                         {"protected", true}}));
}

}  // namespace
}  // namespace lotsen
