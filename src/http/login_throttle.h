// Lotsen http: throttling of failed logins, per account and per client address.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lotsen {

// After a number of failures within 15 minutes (5 for an account, 20 for an address, which may be shared
// behind a proxy) every further attempt is refused for a lock that doubles with each failure: 30 s,
// 1 min, 2 min, … up to 15 min. A successful login clears the account's failures. Thread-safe; kept in
// memory (a restart forgets it).
class LoginThrottle {
 public:
  // Seconds until `username` from `address` may try again; 0 when it may try now.
  std::int64_t retryAfter(std::string_view username, std::string_view address, std::int64_t now);
  void failed(std::string_view username, std::string_view address, std::int64_t now);
  void succeeded(std::string_view username);

 private:
  struct State {
    int failures = 0;
    std::int64_t lastFailure = 0;
    std::int64_t lockedUntil = 0;
  };
  static void fail(std::unordered_map<std::string, State>& map, std::string_view key, int freeAttempts,
                   std::int64_t now);
  static std::int64_t wait(std::unordered_map<std::string, State>& map, std::string_view key, std::int64_t now);

  std::mutex mutex_;
  std::unordered_map<std::string, State> accounts_;
  std::unordered_map<std::string, State> addresses_;
};

}  // namespace lotsen
