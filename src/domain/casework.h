// Lotsen domain core: what a caseworker documents about a registration (Förordning 2006:39): contact
// attempts, occupation and measures, and the rules each must satisfy. Every violation names its field.
#pragma once

#include <cstdint>
#include <optional>
#include <ranges>
#include <string>
#include <vector>

#include "domain/code_list.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/text.h"

namespace lotsen {

// Free text is kept minimal (sensitive data must not be written): at most this many characters.
inline constexpr std::size_t kMaxFreeText = 500;

// A reason a user gives (for a void, a reopening): required, one line of free text, at most kMaxFreeText
// characters. Every fault at once, each invalid_input naming `field`.
std::vector<Error> checkReason(std::string_view text, std::string_view field = "reason");

// What validation knows about the registration the item belongs to, and today.
struct CaseContext {
  CivilDate today;
  CivilDate registrationStart;
  std::optional<CivilDate> registrationEnd;
  std::string timeNow = "23:59";  // "HH:MM", Swedish time: a contact today is not later than now
};

struct ContactAttempt {
  CivilDate date;
  std::string time;              // "HH:MM", Swedish time; a letter needs none
  std::string channel;           // code in "contact_channel"
  std::optional<bool> reached;   // the young person was reached; stated for a contact through someone else
  std::string occupation;        // code in "occupation" learnt at the contact; empty when not reached or not asked
  std::string occupationDetail;  // e.g. komvux, folkhogskola; only with an occupation
  bool declined = false;         // the young person, reached, declined contact and support
  std::string note;              // short, optional
};

// Channels through someone else: the contact says whether the young person was reached.
bool isContactThroughSomeoneElse(std::string_view channel);
inline constexpr std::string_view kLetterChannel = "letter";

struct OccupationEntry {
  CivilDate effectiveDate;  // from when; for a planned occupation, may lie ahead
  std::string kind;         // code in "occupation"
  std::string detail;       // e.g. komvux, folkhogskola, full_time, part_time; optional
  std::string source;       // code in "occupation_source"
  bool planned = false;     // what the young person will do from effectiveDate, not yet what they do
  // The contact attempt it was learnt at: set by Lotsen, and corrected or voided with that contact.
  std::optional<std::int64_t> contactId = std::nullopt;
};

// What a person does on `day`, from their occupations as recorded (oldest first): of those not planned
// and in effect by then, the one with the latest effective date, the last recorded among equals; without
// `day`, whatever the dates. Null when there is none. Points into `recorded` (any range of OccupationEntry,
// or of what has its effectiveDate and planned, such as the reports' OccupationFacts).
template <std::ranges::input_range Recorded>
const std::ranges::range_value_t<Recorded>* occupationOn(const Recorded& recorded,
                                                         std::optional<CivilDate> day = std::nullopt) {
  const std::ranges::range_value_t<Recorded>* latest = nullptr;
  for (const auto& o : recorded)
    if (!o.planned && (!day || o.effectiveDate <= *day) && (!latest || latest->effectiveDate <= o.effectiveDate))
      latest = &o;
  return latest;
}

struct Measure {
  std::string type;         // code in "measure_type", valid on the start (or planned start) date
  std::string content;      // short description
  std::string responsible;  // individual, municipality or other_actor
  std::string partner;      // the other actor, required when responsible is other_actor
  std::optional<CivilDate> plannedStart;
  std::optional<CivilDate> start;
  std::optional<CivilDate> end;
  std::string endReason;  // code in "measure_end_reason", only with an end date
  std::optional<CivilDate> followUp;
  std::optional<CivilDate> evaluation;
  std::optional<CivilDate> declined;  // the individual declined the measure on this date
};

// An individual plan (handlingsplan): goals with sub-goals, each with a target date and the measures
// that serve it. One active plan per registration; every revision stays in the history.
struct PlanGoal {
  std::string id;     // chosen by the client, unique within the plan (e.g. "g1", "g1.2")
  std::string title;  // short
  std::optional<CivilDate> targetDate;
  std::vector<std::int64_t> measureIds;  // the person's measures that serve this goal
  std::vector<PlanGoal> subGoals;        // one level deep
};

// A follow-up or evaluation of the plan (or of one of its measures) held with the young person.
struct PlanReview {
  CivilDate heldOn;
  std::string kind;                       // follow_up or evaluation
  std::optional<std::int64_t> measureId;  // the measure whose planned follow-up or evaluation it was, if one
  std::string conclusion;                 // what was concluded; short
};

// The plan as the document drawn up with the young person.
struct Plan {
  std::optional<CivilDate> drawnUpOn;  // the day the plan was drawn up
  std::optional<CivilDate> agreedOn;   // the day the young person agreed to it; none while they have not
  std::vector<PlanGoal> goals;
  std::vector<PlanReview> reviews;  // follow-ups and evaluations held, in any order
};

// What one plan may hold: a plan is read by people, and every list a client sends is bounded.
inline constexpr std::size_t kMaxGoals = 30;
inline constexpr std::size_t kMaxSubGoals = 20;  // per goal
inline constexpr std::size_t kMaxMeasuresPerGoal = 50;
inline constexpr std::size_t kMaxReviews = 100;

// Goal fulfilment assessed at a follow-up.
struct GoalAssessment {
  std::string goalId;  // a goal or sub-goal of the current plan
  CivilDate assessedOn;
  std::string result;   // achieved, partly, not_achieved
  std::string comment;  // short, optional
};

// Every rule the plan breaks, each naming its field; `measureIds` are the measures of the plan's own
// registration, the only ones its goals and reviews may name.
std::vector<Error> validatePlan(const Plan& plan, const CaseContext& context,
                                const std::vector<std::int64_t>& measureIds);
std::vector<Error> validateGoalAssessment(const GoalAssessment& assessment, const CaseContext& context,
                                          const std::vector<std::string>& goalIds);
// Every goal and sub-goal id of the plan.
std::vector<std::string> goalIds(const Plan& plan);

std::vector<Error> validateContactAttempt(const ContactAttempt& contact, const CaseContext& context,
                                          const CodeList& channels, const CodeList& occupations);
std::vector<Error> validateOccupation(const OccupationEntry& occupation, const CaseContext& context,
                                      const CodeList& occupations, const CodeList& sources);
std::vector<Error> validateMeasure(const Measure& measure, const CaseContext& context, const CodeList& types,
                                   const CodeList& endReasons);

}  // namespace lotsen
