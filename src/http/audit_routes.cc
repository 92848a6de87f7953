// The auditor's routes: the access log and its review (permission read_access_log).
#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.h"
#include "report/access_review.h"

namespace lotsen {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxItems = 1000;

// The period from ?from= to ?to= (days, both included; default the last 30 days) as an AccessLogQuery.
std::expected<AccessLogQuery, Response> period(const Call& call) {
  CivilDate today = CivilDate::fromDays(std::chrono::floor<std::chrono::days>(call.now));
  CivilDate from = today.plusDays(-29), to = today;
  for (auto [name, date] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    std::string text = queryParameter(call.request.query, name);
    if (text.empty()) continue;
    auto parsed = CivilDate::parse(text);
    if (!parsed) return std::unexpected(problem(400, "Bad Request", fmt::format("{}: {}", name, parsed.error().message), name));
    *date = *parsed;
  }
  if (to < from) return std::unexpected(problem(400, "Bad Request", "to is before from", "to"));
  return AccessLogQuery{from.iso(), to.plusDays(1).iso(), "", std::nullopt, 1000000};
}

std::expected<std::int64_t, Response> positiveParameter(const Call& call, const char* name, std::int64_t fallback) {
  std::string text = queryParameter(call.request.query, name);
  if (text.empty()) return fallback;
  auto value = positiveNumber(text);
  if (!value) return std::unexpected(problem(400, "Bad Request", fmt::format("{} is a positive whole number", name), name));
  return *value;
}

Response accessLog(Call& call) {
  auto query = period(call);
  if (!query) return query.error();
  query->username = queryParameter(call.request.query, "username");
  if (!queryParameter(call.request.query, "person_id").empty()) {
    auto person = positiveParameter(call, "person_id", 0);
    if (!person) return person.error();
    query->personId = *person;
  }
  query->limit = kMaxItems + 1;
  auto entries = call.store.accessEntries(*query);
  if (!entries) return problem(entries.error());
  json::array items;
  for (std::size_t i = 0; i < entries->size() && i < kMaxItems; ++i) items.push_back(accessEntryJson((*entries)[i]));
  return Response{200, "application/json",
                  json::serialize(json::object{{"items", std::move(items)}, {"truncated", entries->size() > kMaxItems}}),
                  {}};
}

Response accessReview(Call& call) {
  auto query = period(call);
  if (!query) return query.error();
  AccessReviewOptions options;
  auto bulk = positiveParameter(call, "bulk_threshold", options.bulkThreshold);
  if (!bulk) return bulk.error();
  auto many = positiveParameter(call, "many_persons_threshold", options.manyPersonsThreshold);
  if (!many) return many.error();
  options.bulkThreshold = *bulk;
  options.manyPersonsThreshold = *many;
  auto entries = call.store.accessEntries(*query);
  if (!entries) return problem(entries.error());
  auto unix = [](const std::string& day) {
    return std::chrono::sys_seconds(CivilDate::parse(day)->days()).time_since_epoch().count();
  };
  auto grants = call.store.accessGrants(unix(query->from), unix(query->to));
  if (!grants) return problem(grants.error());
  json::object body = accessReviewJson(reviewAccess(*entries, std::move(*grants), options), options, kMaxItems);
  body["from"] = query->from;
  body["to"] = CivilDate::parse(query->to)->plusDays(-1).iso();
  return Response{200, "application/json", json::serialize(body), {}};
}

}  // namespace

std::vector<Route> auditRoutes() {
  return {{"GET", "/api/v1/access-log", Permission::read_access_log, Execution::inline_read, accessLog},
          {"GET", "/api/v1/access-log/review", Permission::read_access_log, Execution::inline_read, accessReview}};
}

}  // namespace lotsen
