#include "report/access_review.h"

#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "clock/swedish_time.h"

namespace lotsen {
namespace json = boost::json;
namespace {

template <class T, class ToJson>
json::object finding(const std::vector<T>& items, std::size_t maxItems, ToJson toJson) {
  json::array shown;
  for (std::size_t i = 0; i < items.size() && i < maxItems; ++i) shown.push_back(toJson(items[i]));
  return {{"count", items.size()}, {"truncated", items.size() > maxItems}, {"items", std::move(shown)}};
}

// Answers that list what the reader reaches anyway, their caseload: a caseworker's worklists and
// searches name many persons every day, and that is no bulk read.
bool listsOwnCaseload(std::string_view route) {
  return route == "GET /api/v1/worklists" || route == "GET /api/v1/worklists/{name}" || route == "GET /api/v1/persons";
}

bool readsAccessLog(std::string_view route) { return route.starts_with("GET /api/v1/access-log"); }

// Searches, and registrations by hand, which look the personnummer up too (their answers tell a known one).
bool looksUpPersons(std::string_view route) {
  return route == "GET /api/v1/persons" || route == "POST /api/v1/registrations";
}

// The instant "YYYY-MM-DDTHH:MM…Z" names, to the minute; nullopt when unreadable.
std::optional<std::chrono::sys_seconds> utcMinute(std::string_view time) {
  using namespace std::chrono;
  auto day = time.size() >= 16 && time[10] == 'T' && time[13] == ':' ? CivilDate::parse(time.substr(0, 10))
                                                                     : std::unexpected(invalidInput("not a time"));
  int hour = 0, minute = 0;
  auto number = [&](std::size_t at, int& out) {
    auto [end, ec] = std::from_chars(time.data() + at, time.data() + at + 2, out);
    return ec == std::errc() && end == time.data() + at + 2;
  };
  if (!day || !number(11, hour) || !number(14, minute)) return std::nullopt;
  return day->days() + hours(hour) + minutes(minute);
}

// The Swedish day of a time "YYYY-MM-DDTHH:MM:SS…Z"; nullopt when unreadable.
std::optional<CivilDate> swedishDayOf(std::string_view time) {
  auto t = utcMinute(time);
  if (!t) return std::nullopt;
  return swedishDay(*t);
}

}  // namespace

json::object accessEntryJson(const LoggedAccess& a) {
  json::array ids;
  for (std::int64_t id : a.entry.personIds) ids.push_back(id);
  return {{"id", a.id},
          {"time", a.time},
          {"username", a.entry.username},
          {"role", a.entry.role},
          {"route", a.entry.route},
          {"person_ids", std::move(ids)},
          {"count", a.entry.count},
          {"purpose", a.entry.purpose},
          {"refused", a.entry.refused}};
}

bool outsideOfficeHours(std::string_view time, const AccessReviewOptions& options) {
  using namespace std::chrono;
  auto t = utcMinute(time);
  if (!t) return true;
  local_seconds local = swedishLocalTime(*t);
  weekday wd{floor<days>(local)};
  auto localHour = duration_cast<hours>(local - floor<days>(local)).count();
  return wd == Saturday || wd == Sunday || localHour < options.officeStartHour || localHour >= options.officeEndHour;
}

AccessReview reviewAccess(std::span<const LoggedAccess> entries,
                          std::vector<std::pair<AccessGrant, std::string>> grants, const AccessReviewOptions& options) {
  AccessReview review;
  review.entries = static_cast<std::int64_t>(entries.size());
  review.breakGlass = std::move(grants);
  std::map<std::string, std::pair<std::set<std::int64_t>, std::int64_t>> byUser;
  std::map<std::pair<std::string, std::string>, std::pair<std::set<std::int64_t>, std::int64_t>> searchesByDay;
  for (const LoggedAccess& a : entries) {
    if (a.entry.refused) {
      review.refused.push_back(a);
      continue;
    }
    if (readsAccessLog(a.entry.route)) {
      review.auditorReads.push_back(a);
      continue;
    }
    if (!a.entry.purpose.empty()) review.outsideCaseload.push_back(a);
    const bool caseloadList = listsOwnCaseload(a.entry.route);
    if (a.entry.count > options.bulkThreshold && !caseloadList) review.bulk.push_back(a);
    if (outsideOfficeHours(a.time, options)) review.offHours.push_back(a);
    if (looksUpPersons(a.entry.route)) {
      auto day = swedishDayOf(a.time);
      auto& [found, count] = searchesByDay[{day ? day->iso() : a.time.substr(0, 10), a.entry.username}];
      found.insert(a.entry.personIds.begin(), a.entry.personIds.end());
      ++count;
    }
    if (caseloadList) continue;
    auto& [persons, count] = byUser[a.entry.username];
    persons.insert(a.entry.personIds.begin(), a.entry.personIds.end());
    ++count;
  }
  for (auto& [username, seen] : byUser)
    if (static_cast<std::int64_t>(seen.first.size()) > options.manyPersonsThreshold)
      review.manyPersons.push_back(UserReadCount{username, static_cast<std::int64_t>(seen.first.size()), seen.second});
  for (auto& [dayAndUser, seen] : searchesByDay)
    if (seen.second > options.manySearchesThreshold)
      review.manySearches.push_back(UserSearchCount{dayAndUser.second, dayAndUser.first, seen.second,
                                                    static_cast<std::int64_t>(seen.first.size())});
  return review;
}

std::expected<AccessReview, Error> reviewAccessLog(Store& store, CivilDate from, CivilDate to,
                                                   const AccessReviewOptions& options) {
  CivilDate end = to.plusDays(1);
  auto entries = store.accessEntries(
      {swedishDayStartUtc(from), swedishDayStartUtc(end), "", std::nullopt, std::numeric_limits<int>::max()});
  if (!entries) return std::unexpected(entries.error());
  auto unix = [](CivilDate d) { return swedishDayStart(d).time_since_epoch().count(); };
  auto grants = store.accessGrants(unix(from), unix(end));
  if (!grants) return std::unexpected(grants.error());
  AccessReview review = reviewAccess(*entries, std::move(*grants), options);
  review.from = from.iso();
  review.to = to.iso();
  return review;
}

std::set<std::int64_t> personsNamed(const AccessReview& review, std::size_t maxItems) {
  std::set<std::int64_t> persons;
  for (std::size_t i = 0; i < review.breakGlass.size() && i < maxItems; ++i)
    persons.insert(review.breakGlass[i].first.personId);
  for (const auto* finding :
       {&review.outsideCaseload, &review.bulk, &review.offHours, &review.refused, &review.auditorReads})
    for (std::size_t i = 0; i < finding->size() && i < maxItems; ++i)
      persons.insert((*finding)[i].entry.personIds.begin(), (*finding)[i].entry.personIds.end());
  return persons;
}

json::object accessReviewJson(const AccessReview& review, const AccessReviewOptions& options, std::size_t maxItems) {
  auto iso = [](std::int64_t t) { return formatUtcTimestamp(std::chrono::sys_seconds(std::chrono::seconds(t))); };
  json::object breakGlass = finding(review.breakGlass, maxItems, [&](const auto& g) {
    return json::object{{"id", g.first.id},
                        {"username", g.second},
                        {"person_id", g.first.personId},
                        {"reason", g.first.reason},
                        {"granted_at", iso(g.first.grantedAt)},
                        {"expires_at", iso(g.first.expiresAt)}};
  });
  json::object many = finding(review.manyPersons, maxItems, [](const UserReadCount& u) {
    return json::object{{"username", u.username}, {"persons", u.persons}, {"entries", u.entries}};
  });
  many["threshold"] = options.manyPersonsThreshold;
  json::object manySearches = finding(review.manySearches, maxItems, [](const UserSearchCount& u) {
    return json::object{{"username", u.username}, {"day", u.day}, {"searches", u.searches}, {"persons", u.persons}};
  });
  manySearches["threshold"] = options.manySearchesThreshold;
  json::object bulk = finding(review.bulk, maxItems, accessEntryJson);
  bulk["threshold"] = options.bulkThreshold;
  json::object offHours = finding(review.offHours, maxItems, accessEntryJson);
  offHours["office_hours"] = std::to_string(options.officeStartHour) + "-" + std::to_string(options.officeEndHour) +
                             " Monday-Friday, Swedish time";
  return {{"from", review.from},
          {"to", review.to},
          {"entries", review.entries},
          {"break_glass", std::move(breakGlass)},
          {"outside_caseload", finding(review.outsideCaseload, maxItems, accessEntryJson)},
          {"bulk", std::move(bulk)},
          {"off_hours", std::move(offHours)},
          {"refused", finding(review.refused, maxItems, accessEntryJson)},
          {"auditor_reads", finding(review.auditorReads, maxItems, accessEntryJson)},
          {"many_persons", std::move(many)},
          {"many_searches", std::move(manySearches)}};
}

}  // namespace lotsen
