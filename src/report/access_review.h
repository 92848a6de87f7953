// Lotsen report: the access-log review for auditors (`lotsen audit review`, GET /api/v1/access-log/review).
//
// src/report turns stored data into what the committee and the auditors read. It depends on src/store and
// src/domain only, and reads through the Store interface.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "store/store.h"

namespace lotsen {

struct AccessReviewOptions {
  std::int64_t bulkThreshold = 25;          // an entry returning more persons than this is a bulk read
  std::int64_t manyPersonsThreshold = 100;  // a user reading more distinct persons than this is listed
  std::int64_t manySearchesThreshold = 100;  // a user searching more often than this in one day is listed
  int officeStartHour = 7;                  // office hours in Swedish local time, Monday to Friday
  int officeEndHour = 18;
};

struct UserReadCount {
  std::string username;
  std::int64_t persons = 0;  // distinct persons named in the user's entries
  std::int64_t entries = 0;
};

// One user's searches of one Swedish day (registrations by hand count too: they look the personnummer up).
struct UserSearchCount {
  std::string username;
  std::string day;             // YYYY-MM-DD, Swedish time
  std::int64_t searches = 0;   // answers (one per request)
  std::int64_t persons = 0;    // distinct persons the searches found
};

// What an auditor looks at, each with the entries behind it.
struct AccessReview {
  std::string from, to;  // the days reviewed, both included (empty when the caller gave the entries)
  std::int64_t entries = 0;
  std::vector<std::pair<AccessGrant, std::string>> breakGlass;  // the grants, with the grantee's username
  std::vector<LoggedAccess> outsideCaseload;  // reads made under a grant (the entry carries the reason)
  std::vector<LoggedAccess> bulk;             // reads returning more than bulkThreshold persons, but for the
                                              // lists of a reader's own caseload (worklists, search)
  std::vector<LoggedAccess> offHours;         // reads outside office hours
  std::vector<LoggedAccess> refused;          // attempts refused (403) on a person's case, not reads
  std::vector<LoggedAccess> auditorReads;     // reads of the access log and its review: apart from the rest
  std::vector<UserReadCount> manyPersons;     // users who opened the cases of over manyPersonsThreshold
                                              // distinct persons (lists of the caseload do not count)
  std::vector<UserSearchCount> manySearches;  // a user's day with over manySearchesThreshold searches (one
                                              // search at a time, personnummer after personnummer, finds
                                              // who is in the register without a bulk read), by day, user
};

AccessReview reviewAccess(std::span<const LoggedAccess> entries,
                          std::vector<std::pair<AccessGrant, std::string>> grants, const AccessReviewOptions& options);
// Reviews the entries and grants of the days `from` to `to` (both included, Swedish days) read from `store`.
std::expected<AccessReview, Error> reviewAccessLog(Store& store, CivilDate from, CivilDate to,
                                                   const AccessReviewOptions& options);

// One access-log entry as JSON (the API's and the review's form).
boost::json::object accessEntryJson(const LoggedAccess& entry);

// The persons the review's JSON names (at most `maxItems` items of each finding, as accessReviewJson).
std::set<std::int64_t> personsNamed(const AccessReview& review, std::size_t maxItems);

// The review as JSON: each finding's count, and at most `maxItems` of its entries ("truncated" when more).
boost::json::object accessReviewJson(const AccessReview& review, const AccessReviewOptions& options,
                                     std::size_t maxItems);

// True outside Monday–Friday officeStartHour–officeEndHour Swedish time. `time` is "YYYY-MM-DDTHH:MM:SS…Z";
// an unreadable time counts as outside.
bool outsideOfficeHours(std::string_view time, const AccessReviewOptions& options);

}  // namespace lotsen
