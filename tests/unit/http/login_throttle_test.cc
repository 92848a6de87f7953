#include "http/login_throttle.h"

#include <gtest/gtest.h>

namespace lotsen {
namespace {

// A check that fails: begun and finished as a failure.
void fail(LoginThrottle& t, const std::string& user, const std::string& address, std::int64_t now) {
  ASSERT_EQ(t.begin(user, address, now), 0);
  t.finish(user, address, false, now);
}

TEST(LoginThrottle, FifthFailureLocksTheAccountForThirtySecondsThenDoubling) {
  LoginThrottle t;
  for (int i = 0; i < 4; ++i) fail(t, "anna", "10.0.0.1", 1000);
  fail(t, "anna", "10.0.0.2", 1000);
  EXPECT_EQ(t.begin("anna", "10.0.0.2", 1000), 30);
  ASSERT_EQ(t.begin("bertil", "10.0.0.2", 1000), 0) << "other accounts are not locked";
  t.finish("bertil", "10.0.0.2", true, 1000);
  fail(t, "anna", "10.0.0.1", 1030);
  EXPECT_EQ(t.begin("anna", "10.0.0.2", 1030), 60);
}

TEST(LoginThrottle, SuccessClearsTheAccount) {
  LoginThrottle t;
  for (int i = 0; i < 4; ++i) fail(t, "anna", "10.0.0.1", 1000);
  ASSERT_EQ(t.begin("anna", "10.0.0.1", 1000), 0);
  t.finish("anna", "10.0.0.1", true, 1000);
  fail(t, "anna", "10.0.0.1", 1001);
  EXPECT_EQ(t.begin("anna", "10.0.0.1", 1001), 0);
}

TEST(LoginThrottle, OldFailuresAreForgottenAfterFifteenMinutes) {
  LoginThrottle t;
  for (int i = 0; i < 4; ++i) fail(t, "anna", "10.0.0.1", 1000);
  fail(t, "anna", "10.0.0.1", 1000 + 15 * 60 + 1);
  EXPECT_EQ(t.begin("anna", "10.0.0.1", 1000 + 15 * 60 + 1), 0);
}

TEST(LoginThrottle, AnAddressTryingManyAccountsIsLocked) {
  LoginThrottle t;
  for (int i = 0; i < 20; ++i) fail(t, "user" + std::to_string(i), "10.0.0.9", 1000);
  EXPECT_GT(t.begin("someone-else", "10.0.0.9", 1000), 0);
  EXPECT_EQ(t.begin("someone-else", "10.0.0.8", 1000), 0);
}

TEST(LoginThrottle, TheLockStopsGrowingAtFifteenMinutes) {
  LoginThrottle t;
  std::int64_t now = 1000;
  for (int i = 0; i < 5; ++i) fail(t, "anna", "10.0.0.1", now);
  std::vector<std::int64_t> locks;
  for (int i = 0; i < 8; ++i) {
    locks.push_back(t.begin("anna", "10.0.0.2", now));  // locked: nothing is reserved
    now += locks.back();                                // the next attempt as soon as the lock has run out
    fail(t, "anna", "10.0.0.3", now);
  }
  EXPECT_EQ(locks, (std::vector<std::int64_t>{30, 60, 120, 240, 480, 900, 900, 900}));
}

// Twenty attempts begun at once, before any has finished: only the five left before the lock may check
// a password; the others are told to wait. Once the five have failed, the account is locked.
TEST(LoginThrottle, ConcurrentAttemptsCheckNoMoreThanTheLimit) {
  LoginThrottle t;
  int checked = 0;
  for (int i = 0; i < 20; ++i)
    if (t.begin("anna", "10.0.0." + std::to_string(i), 1000) == 0) ++checked;
  EXPECT_EQ(checked, 5);
  for (int i = 0; i < 5; ++i) t.finish("anna", "10.0.0." + std::to_string(i), false, 1000);
  EXPECT_EQ(t.begin("anna", "10.0.0.99", 1000), 30);
  // After the lock, one check at a time.
  EXPECT_EQ(t.begin("anna", "10.0.0.1", 1030), 0);
  EXPECT_GT(t.begin("anna", "10.0.0.2", 1030), 0);
}

}  // namespace
}  // namespace lotsen
