#include "http/json_body.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

TEST(JsonBody, AKeyTwiceInOneObjectIsRefusedAtAnyDepth) {
  EXPECT_EQ(parseJsonBody(R"({"a":1,"a":2})").error().status, 422);
  EXPECT_EQ(parseJsonBody(R"({"goals":[{"id":"g1","id":"g2"}]})").error().status, 422);
  EXPECT_TRUE(parseJsonBody(R"({"goals":[{"id":"g1"},{"id":"g2"}],"id":"x"})")) << "the same key in other objects";
}

TEST(JsonBody, OnlyAUtf8JsonObjectIsABody) {
  EXPECT_EQ(parseJsonBody("{\"note\":\"\xE5\"}").error().status, 400);
  EXPECT_EQ(parseJsonBody("{not json").error().status, 400);
  EXPECT_EQ(parseJsonBody(R"({"a":1} trailing)").error().status, 400);
  EXPECT_EQ(parseJsonBody("").error().status, 400);
  EXPECT_EQ(parseJsonBody("[1,2]").error().status, 422);
  EXPECT_EQ(parseJsonBody(R"({"a":"b"})")->as_object().at("a").as_string(), "b");
  EXPECT_TRUE(parseJsonBody(" {\"a\":1}\n "));
}

TEST(JsonBody, TheContentTypeIsJsonWithOrWithoutParameters) {
  EXPECT_TRUE(isJsonContentType("application/json"));
  EXPECT_TRUE(isJsonContentType("Application/JSON; charset=utf-8"));
  EXPECT_FALSE(isJsonContentType("text/plain"));
  EXPECT_FALSE(isJsonContentType("application/jsonp"));
  EXPECT_FALSE(isJsonContentType(""));
}

// The body is read as UTF-8 whatever the request says: a request that says another charset is refused (415),
// not read wrongly.
TEST(JsonBody, ACharsetOtherThanUtf8IsNotJsonThisServerReads) {
  EXPECT_TRUE(isJsonContentType("application/json;charset=UTF-8"));
  EXPECT_TRUE(isJsonContentType("application/json; charset=\"utf-8\""));
  EXPECT_TRUE(isJsonContentType(" application/json ; other=x"));
  EXPECT_FALSE(isJsonContentType("application/json; charset=latin1"));
  EXPECT_FALSE(isJsonContentType("application/json; charset=iso-8859-1"));
  EXPECT_FALSE(isJsonContentType("application/json; charset="));
  EXPECT_FALSE(isJsonContentType("application/json; charset"));
  EXPECT_FALSE(isJsonContentType("application/json; charset=utf-8; charset=utf-16"));
}

}  // namespace
}  // namespace lotsen
