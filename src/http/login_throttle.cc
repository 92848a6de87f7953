#include "http/login_throttle.h"

#include <algorithm>

namespace lotsen {
namespace {

constexpr std::int64_t kWindowSeconds = 15 * 60;
constexpr std::int64_t kFirstLockSeconds = 30;
constexpr std::int64_t kLongestLockSeconds = 15 * 60;
constexpr std::size_t kMaxTracked = 100'000;  // beyond this, entries older than the window are dropped
constexpr int kAccountAttempts = 5;
constexpr int kAddressAttempts = 20;

}  // namespace

void LoginThrottle::forgetOld(std::unordered_map<std::string, State>& map, std::int64_t now) {
  if (map.size() > kMaxTracked)
    std::erase_if(map, [&](const auto& entry) {
      return entry.second.checking == 0 && now - entry.second.lastFailure > kWindowSeconds &&
             entry.second.lockedUntil <= now;
    });
}

std::int64_t LoginThrottle::wait(std::unordered_map<std::string, State>& map, std::string_view key, int freeAttempts,
                                 std::int64_t now) {
  auto it = map.find(std::string(key));
  if (it == map.end()) return 0;
  State& s = it->second;
  if (s.lockedUntil > now) return s.lockedUntil - now;
  if (now - s.lastFailure > kWindowSeconds) s.failures = 0;
  // As many checks at once as attempts are left before the lock, and one at a time after it.
  int allowed = std::max(1, freeAttempts - s.failures);
  return s.checking >= allowed ? 1 : 0;
}

void LoginThrottle::fail(State& s, int freeAttempts, std::int64_t now) {
  if (now - s.lastFailure > kWindowSeconds && s.lockedUntil <= now) s.failures = 0;
  ++s.failures;
  s.lastFailure = now;
  if (s.failures >= freeAttempts) {
    int doublings = std::min(s.failures - freeAttempts, 10);
    s.lockedUntil = now + std::min(kLongestLockSeconds, kFirstLockSeconds << doublings);
  }
}

std::int64_t LoginThrottle::begin(std::string_view username, std::string_view address, std::int64_t now) {
  std::lock_guard lock(mutex_);
  std::int64_t waitFor =
      std::max(wait(accounts_, username, kAccountAttempts, now), wait(addresses_, address, kAddressAttempts, now));
  if (waitFor > 0) return waitFor;
  forgetOld(accounts_, now);
  forgetOld(addresses_, now);
  ++accounts_[std::string(username)].checking;
  ++addresses_[std::string(address)].checking;
  return 0;
}

void LoginThrottle::finish(std::string_view username, std::string_view address, bool succeeded, std::int64_t now) {
  std::lock_guard lock(mutex_);
  State& account = accounts_[std::string(username)];
  State& client = addresses_[std::string(address)];
  account.checking = std::max(0, account.checking - 1);
  client.checking = std::max(0, client.checking - 1);
  if (succeeded) {
    account.failures = 0;
    account.lockedUntil = 0;
    return;
  }
  fail(account, kAccountAttempts, now);
  fail(client, kAddressAttempts, now);
}

}  // namespace lotsen
