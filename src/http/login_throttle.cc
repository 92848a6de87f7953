#include "http/login_throttle.h"

#include <algorithm>

namespace lotsen {
namespace {

constexpr std::int64_t kWindowSeconds = 15 * 60;
constexpr std::int64_t kFirstLockSeconds = 30;
constexpr std::int64_t kLongestLockSeconds = 15 * 60;
constexpr std::size_t kMaxTracked = 100'000;  // beyond this, entries older than the window are dropped

}  // namespace

std::int64_t LoginThrottle::wait(std::unordered_map<std::string, State>& map, std::string_view key, std::int64_t now) {
  auto it = map.find(std::string(key));
  return it == map.end() ? 0 : std::max<std::int64_t>(0, it->second.lockedUntil - now);
}

void LoginThrottle::fail(std::unordered_map<std::string, State>& map, std::string_view key, int freeAttempts,
                         std::int64_t now) {
  if (map.size() > kMaxTracked)
    std::erase_if(map, [&](const auto& entry) { return now - entry.second.lastFailure > kWindowSeconds; });
  State& s = map[std::string(key)];
  if (now - s.lastFailure > kWindowSeconds && s.lockedUntil <= now) s.failures = 0;
  ++s.failures;
  s.lastFailure = now;
  if (s.failures >= freeAttempts) {
    int doublings = std::min(s.failures - freeAttempts, 10);
    s.lockedUntil = now + std::min(kLongestLockSeconds, kFirstLockSeconds << doublings);
  }
}

std::int64_t LoginThrottle::retryAfter(std::string_view username, std::string_view address, std::int64_t now) {
  std::lock_guard lock(mutex_);
  return std::max(wait(accounts_, username, now), wait(addresses_, address, now));
}

void LoginThrottle::failed(std::string_view username, std::string_view address, std::int64_t now) {
  std::lock_guard lock(mutex_);
  fail(accounts_, username, 5, now);
  fail(addresses_, address, 20, now);
}

void LoginThrottle::succeeded(std::string_view username) {
  std::lock_guard lock(mutex_);
  accounts_.erase(std::string(username));
}

}  // namespace lotsen
