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
// 1 min, 2 min, … up to 15 min. A successful login clears the account's failures. A check is reserved
// before the password is verified, so that concurrent attempts cannot pass together: no more checks
// run at once than attempts are left before the lock (one at a time once it has been reached).
// Thread-safe; kept in memory (a restart forgets it).
class LoginThrottle {
 public:
  // Reserves one password check for `username` from `address`: 0 when it may go ahead (then finish()
  // must follow), otherwise the seconds to wait before trying again.
  std::int64_t begin(std::string_view username, std::string_view address, std::int64_t now);
  // Ends a check that begin() let go ahead: a failure counts toward the locks, a success clears the
  // account's failures.
  void finish(std::string_view username, std::string_view address, bool succeeded, std::int64_t now);

 private:
  struct State {
    int failures = 0;
    int checking = 0;  // checks begun and not yet finished
    std::int64_t lastFailure = 0;
    std::int64_t lockedUntil = 0;
  };
  static std::int64_t wait(std::unordered_map<std::string, State>& map, std::string_view key, int freeAttempts,
                           std::int64_t now);
  static void fail(State& s, int freeAttempts, std::int64_t now);
  static void forgetOld(std::unordered_map<std::string, State>& map, std::int64_t now);

  std::mutex mutex_;
  std::unordered_map<std::string, State> accounts_;
  std::unordered_map<std::string, State> addresses_;
};

}  // namespace lotsen
