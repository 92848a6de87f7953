#include "http/login_throttle.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

TEST(LoginThrottle, FifthFailureLocksTheAccountForThirtySecondsThenDoubling) {
  LoginThrottle t;
  for (int i = 0; i < 4; ++i) t.failed("anna", "10.0.0.1", 1000);
  EXPECT_EQ(t.retryAfter("anna", "10.0.0.2", 1000), 0);
  t.failed("anna", "10.0.0.1", 1000);
  EXPECT_EQ(t.retryAfter("anna", "10.0.0.2", 1000), 30);
  EXPECT_EQ(t.retryAfter("bertil", "10.0.0.2", 1000), 0) << "other accounts are not locked";
  EXPECT_EQ(t.retryAfter("anna", "10.0.0.2", 1030), 0);
  t.failed("anna", "10.0.0.1", 1030);
  EXPECT_EQ(t.retryAfter("anna", "10.0.0.2", 1030), 60);
}

TEST(LoginThrottle, SuccessClearsTheAccount) {
  LoginThrottle t;
  for (int i = 0; i < 4; ++i) t.failed("anna", "10.0.0.1", 1000);
  t.succeeded("anna");
  t.failed("anna", "10.0.0.1", 1001);
  EXPECT_EQ(t.retryAfter("anna", "10.0.0.1", 1001), 0);
}

TEST(LoginThrottle, OldFailuresAreForgottenAfterFifteenMinutes) {
  LoginThrottle t;
  for (int i = 0; i < 4; ++i) t.failed("anna", "10.0.0.1", 1000);
  t.failed("anna", "10.0.0.1", 1000 + 15 * 60 + 1);
  EXPECT_EQ(t.retryAfter("anna", "10.0.0.1", 1000 + 15 * 60 + 1), 0);
}

TEST(LoginThrottle, AnAddressTryingManyAccountsIsLocked) {
  LoginThrottle t;
  for (int i = 0; i < 20; ++i) t.failed("user" + std::to_string(i), "10.0.0.9", 1000);
  EXPECT_GT(t.retryAfter("someone-else", "10.0.0.9", 1000), 0);
  EXPECT_EQ(t.retryAfter("someone-else", "10.0.0.8", 1000), 0);
}

TEST(LoginThrottle, TheLockStopsGrowingAtFifteenMinutes) {
  LoginThrottle t;
  for (int i = 0; i < 40; ++i) t.failed("anna", "10.0.0.1", 1000);
  EXPECT_EQ(t.retryAfter("anna", "10.0.0.2", 1000), 15 * 60);
}

}  // namespace
}  // namespace lotsen
