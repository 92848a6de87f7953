// The auditor's routes: the access log and its review (permission read_access_log).
#include <fmt/format.h>

#include <boost/json.hpp>
#include <set>

#include "clock/swedish_time.h"
#include "http/api.h"
#include "report/access_review.h"

namespace lotsen {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxItems = 1000;
constexpr std::size_t kMostPersonsNamed = 100;  // beyond this, the auditor's own entry holds a count

// The log names persons too, so reading it is logged like any other read: the distinct persons the
// answer names, or only how many when they are many.
void logPersonsNamed(Call& call, const std::set<std::int64_t>& persons) {
  if (persons.size() <= kMostPersonsNamed)
    call.accessedPersons({persons.begin(), persons.end()});
  else
    call.accessed.emplace(std::vector<std::int64_t>{}, static_cast<std::int64_t>(persons.size()));
}

// The Swedish days from ?from= to ?to=, both included; by default the last 30 days.
std::expected<std::pair<CivilDate, CivilDate>, Response> period(const Call& call) {
  CivilDate today = todayOf(call);
  CivilDate from = today.plusDays(-29), to = today;
  for (auto [name, date] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    std::string text = queryParameter(call.request.query, name);
    if (text.empty()) continue;
    auto parsed = CivilDate::parse(text);
    if (!parsed)
      return std::unexpected(problem(400, "Bad Request", fmt::format("{}: {}", name, parsed.error().message), name));
    *date = *parsed;
  }
  if (to < from) return std::unexpected(problem(400, "Bad Request", "to is before from", "to"));
  return std::pair{from, to};
}

std::expected<std::int64_t, Response> positiveParameter(const Call& call, const char* name, std::int64_t fallback) {
  std::string text = queryParameter(call.request.query, name);
  if (text.empty()) return fallback;
  auto value = positiveNumber(text);
  if (!value)
    return std::unexpected(problem(400, "Bad Request", fmt::format("{} is a positive whole number", name), name));
  return *value;
}

Response accessLog(Call& call) {
  auto days = period(call);
  if (!days) return days.error();
  AccessLogQuery query{swedishDayStartUtc(days->first), swedishDayStartUtc(days->second.plusDays(1)),
                       queryParameter(call.request.query, "username"), std::nullopt, kMaxItems + 1};
  if (!queryParameter(call.request.query, "person_id").empty()) {
    auto person = positiveParameter(call, "person_id", 0);
    if (!person) return person.error();
    query.personId = *person;
  }
  auto entries = call.store.accessEntries(query);
  if (!entries) return problem(entries.error());
  json::array items;
  std::set<std::int64_t> named;
  for (std::size_t i = 0; i < entries->size() && i < kMaxItems; ++i) {
    items.push_back(accessEntryJson((*entries)[i]));
    named.insert((*entries)[i].entry.personIds.begin(), (*entries)[i].entry.personIds.end());
  }
  logPersonsNamed(call, named);
  return Response{
      200,
      "application/json",
      json::serialize(json::object{{"items", std::move(items)}, {"truncated", entries->size() > kMaxItems}}),
      {}};
}

Response accessReview(Call& call) {
  auto days = period(call);
  if (!days) return days.error();
  AccessReviewOptions options;
  auto bulk = positiveParameter(call, "bulk_threshold", options.bulkThreshold);
  if (!bulk) return bulk.error();
  auto many = positiveParameter(call, "many_persons_threshold", options.manyPersonsThreshold);
  if (!many) return many.error();
  auto searches = positiveParameter(call, "many_searches_threshold", options.manySearchesThreshold);
  if (!searches) return searches.error();
  options.bulkThreshold = *bulk;
  options.manyPersonsThreshold = *many;
  options.manySearchesThreshold = *searches;
  auto review = reviewAccessLog(call.store, days->first, days->second, options);
  if (!review) return problem(review.error());
  logPersonsNamed(call, personsNamed(*review, kMaxItems));
  return Response{200, "application/json", json::serialize(accessReviewJson(*review, options, kMaxItems)), {}};
}

}  // namespace

std::vector<Route> auditRoutes() {
  return {{"GET", "/api/v1/access-log", Permission::read_access_log, Execution::inline_read, accessLog},
          {"GET", "/api/v1/access-log/review", Permission::read_access_log, Execution::inline_read, accessReview}};
}

}  // namespace lotsen
