// Lotsen store: the JSON form of each kind of case record. The same form is what the API accepts and
// answers and what case_records.data holds, so that a record reads back exactly as it was written.
#pragma once

#include <boost/json/value.hpp>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/casework.h"
#include "store/store.h"

namespace lotsen {

inline constexpr std::string_view kContactAttemptKind = "contact_attempt";
inline constexpr std::string_view kOccupationKind = "occupation";
inline constexpr std::string_view kMeasureKind = "measure";
inline constexpr std::string_view kPlanKind = "plan";
inline constexpr std::string_view kGoalAssessmentKind = "goal_assessment";

// Parse a JSON object into the item. Errors name the field: not an object, an unknown field (only the
// fields the statute allows are kept), a field of the wrong type, a bad date, a list longer than its bound.
// A record read from a body as far as it could be: every field that could be read (one in error left
// empty or CivilDate::unread()), and the problems found, so that a check can say all that is wrong at once.
template <class T>
struct Read {
  T value;
  std::vector<Error> errors;
};
template <class T>
std::expected<T, std::vector<Error>> expectedOf(Read<T> read) {
  if (!read.errors.empty()) return std::unexpected(std::move(read.errors));
  return std::move(read.value);
}
Read<ContactAttempt> readContactAttempt(const boost::json::value& body);
Read<OccupationEntry> readOccupation(const boost::json::value& body);
Read<Measure> readMeasure(const boost::json::value& body);
Read<GoalAssessment> readGoalAssessment(const boost::json::value& body);
std::expected<ContactAttempt, std::vector<Error>> parseContactAttempt(const boost::json::value& body);
std::expected<OccupationEntry, std::vector<Error>> parseOccupation(const boost::json::value& body);
std::expected<Measure, std::vector<Error>> parseMeasure(const boost::json::value& body);
std::expected<Plan, std::vector<Error>> parsePlan(const boost::json::value& body);
std::expected<GoalAssessment, std::vector<Error>> parseGoalAssessment(const boost::json::value& body);
// The same from stored text (the journal's and case_records.data).
std::expected<ContactAttempt, std::vector<Error>> parseContactAttempt(std::string_view json);
std::expected<OccupationEntry, std::vector<Error>> parseOccupation(std::string_view json);
std::expected<Measure, std::vector<Error>> parseMeasure(std::string_view json);
std::expected<Plan, std::vector<Error>> parsePlan(std::string_view json);
std::expected<GoalAssessment, std::vector<Error>> parseGoalAssessment(std::string_view json);

std::string toJson(const ContactAttempt& contact);
std::string toJson(const OccupationEntry& occupation);
std::string toJson(const Measure& measure);
std::string toJson(const Plan& plan);
std::string toJson(const GoalAssessment& assessment);

// What a person does and will do: the occupation with the latest effective date (the last recorded among
// equals), and the last recorded planned occupation from a date after that one; each if any.
struct PersonOccupation {
  std::optional<OccupationEntry> current;
  std::optional<OccupationEntry> planned;
};
std::expected<PersonOccupation, Error> occupationOf(Store& store, std::int64_t personId);

// Every code list whose codes answers carry: the municipality's stored lists (registration_reason,
// deregistration_reason, registration_by_hand, contact_channel, occupation, occupation_source,
// measure_type, measure_end_reason) and the record kinds' fixed ones (goal_result, measure_responsible,
// review_kind, occupation_detail). Errors from the store.
std::expected<std::vector<CodeList>, Error> codeLists(Store& store);
// The Swedish labels of the code lists answers carry (registration and deregistration reasons, how a
// registration by hand came about, contact channels, occupations and their sources, measure types and
// end reasons, goal results), loaded from the store.
std::expected<CodeLabels, Error> loadCodeLabels(Store& store);

}  // namespace lotsen
