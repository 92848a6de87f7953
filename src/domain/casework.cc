#include "domain/casework.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace lotsen {
namespace {

void checkText(std::vector<Error>& errors, std::string_view text, std::string_view field, bool required,
               Lines lines = Lines::one) {
  if (required && text.empty())
    errors.push_back(invalidInput(fmt::format("{} is required", field), std::string(field)));
  if (auto ok = checkFreeText(text, field, lines); !ok)
    errors.push_back(ok.error());
  else if (characterCount(text) > kMaxFreeText)
    errors.push_back(
        invalidInput(fmt::format("{} has more than {} characters: keep free text short and never write sensitive data",
                                 field, kMaxFreeText),
                     std::string(field)));
}

// A date that could not be read (its own problem is reported) says nothing of a code's validity on it: then only a
// code the list does not hold at all is at fault.
void checkCode(std::vector<Error>& errors, const CodeList& list, std::string_view code, CivilDate date,
               std::string_view field) {
  if (date == CivilDate::unread()) {
    if (!list.contains(code))
      errors.push_back(
          invalidInput(fmt::format("'{}' is not a code in the list {}", code, list.name()), std::string(field)));
  } else if (!list.isValid(code, date)) {
    errors.push_back(
        invalidInput(fmt::format("'{}' is not a valid {} on {}", code, list.name(), date.iso()), std::string(field)));
  }
}

// A date of something done in the case: not in the future, not before the registration.
void checkCaseDate(std::vector<Error>& errors, CivilDate date, const CaseContext& context, std::string_view field) {
  if (date > context.today)
    errors.push_back(invalidInput(fmt::format("{} is in the future", field), std::string(field)));
  if (date < context.registrationStart)
    errors.push_back(
        invalidInput(fmt::format("{} is before the registration started ({})", field, context.registrationStart.iso()),
                     std::string(field)));
}

bool isTime(std::string_view t) {
  return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
         std::isdigit(static_cast<unsigned char>(t[1])) && std::isdigit(static_cast<unsigned char>(t[3])) &&
         std::isdigit(static_cast<unsigned char>(t[4])) && (t[0] - '0') * 10 + (t[1] - '0') < 24 &&
         (t[3] - '0') * 10 + (t[4] - '0') < 60;
}

bool isGoalIdCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';  // ASCII: C locale
}

}  // namespace

bool isContactThroughSomeoneElse(std::string_view channel) {
  return channel == "via_guardian" || channel == "via_school";
}

std::vector<Error> validateContactAttempt(const ContactAttempt& c, const CaseContext& context, const CodeList& channels,
                                          const CodeList& occupations) {
  std::vector<Error> errors;
  checkCaseDate(errors, c.date, context, "date");
  bool letter = c.channel == kLetterChannel;
  if (c.time.empty()) {
    if (!letter) errors.push_back(invalidInput("time is required (HH:MM); only a letter needs none", "time"));
  } else if (!isTime(c.time)) {
    errors.push_back(invalidInput("time is HH:MM", "time"));
  } else if (c.date == context.today && c.time > context.timeNow) {
    errors.push_back(invalidInput(fmt::format("time is later than now ({}, Swedish time)", context.timeNow), "time"));
  }
  checkCode(errors, channels, c.channel, c.date, "channel");
  bool reached = c.reached.value_or(false);
  if (letter && reached)
    errors.push_back(
        invalidInput("a letter is an attempt: record the young person's answer as a contact of its own", "reached"));
  if (isContactThroughSomeoneElse(c.channel) && !c.reached)
    errors.push_back(invalidInput("say whether the young person was reached (reached)", "reached"));
  if (!c.occupation.empty()) {
    if (!reached)
      errors.push_back(invalidInput("an occupation is learnt only when the person was reached", "occupation"));
    checkCode(errors, occupations, c.occupation, c.date, "occupation");
  }
  if (!c.occupationDetail.empty() && c.occupation.empty())
    errors.push_back(invalidInput("occupation_detail needs an occupation", "occupation_detail"));
  checkText(errors, c.occupationDetail, "occupation_detail", false);
  if (c.declined && !reached)
    errors.push_back(invalidInput("only a young person who was reached can decline", "declined"));
  checkText(errors, c.note, "note", false, Lines::several);
  return errors;
}

std::vector<Error> validateOccupation(const OccupationEntry& o, const CaseContext& context, const CodeList& occupations,
                                      const CodeList& sources) {
  std::vector<Error> errors;
  if (!o.planned && o.effectiveDate > context.today)
    errors.push_back(
        invalidInput("effective_date is in the future: record what is to come as planned", "effective_date"));
  checkCode(errors, occupations, o.kind, o.effectiveDate, "kind");
  checkCode(errors, sources, o.source, o.effectiveDate, "source");
  checkText(errors, o.detail, "detail", false);
  return errors;
}

std::vector<Error> validateMeasure(const Measure& m, const CaseContext& context, const CodeList& types,
                                   const CodeList& endReasons) {
  std::vector<Error> errors;
  CivilDate typeDate = m.start ? *m.start : m.plannedStart ? *m.plannedStart : context.today;
  checkCode(errors, types, m.type, typeDate, "type");
  checkText(errors, m.content, "content", true, Lines::several);
  if (m.responsible != "individual" && m.responsible != "municipality" && m.responsible != "other_actor")
    errors.push_back(invalidInput("responsible is individual, municipality or other_actor", "responsible"));
  if (m.responsible == "other_actor" && m.partner.empty())
    errors.push_back(invalidInput("name the other actor responsible (partner)", "partner"));
  checkText(errors, m.partner, "partner", false);
  if (m.start) checkCaseDate(errors, *m.start, context, "start");
  if (m.end) {
    if (!m.start)
      errors.push_back(invalidInput("a measure ends only after it started (start)", "start"));
    else if (*m.end < *m.start)
      errors.push_back(invalidInput("end is before start", "end"));
    if (*m.end > context.today) errors.push_back(invalidInput("end is in the future", "end"));
  }
  if (!m.endReason.empty()) {
    if (!m.end)
      errors.push_back(invalidInput("an end reason needs an end date", "end_reason"));
    else
      checkCode(errors, endReasons, m.endReason, *m.end, "end_reason");
  }
  if (m.start && m.followUp && *m.followUp < *m.start)
    errors.push_back(invalidInput("follow_up is before start", "follow_up"));
  if (m.start && m.evaluation && *m.evaluation < *m.start)
    errors.push_back(invalidInput("evaluation is before start", "evaluation"));
  if (m.declined) checkCaseDate(errors, *m.declined, context, "declined");
  return errors;
}

std::vector<std::string> goalIds(const Plan& plan) {
  std::vector<std::string> ids;
  for (const PlanGoal& g : plan.goals) {
    ids.push_back(g.id);
    for (const PlanGoal& s : g.subGoals) ids.push_back(s.id);
  }
  return ids;
}

std::vector<Error> validatePlan(const Plan& plan, const CaseContext& context,
                                const std::vector<std::int64_t>& measureIds) {
  std::vector<Error> errors;
  std::unordered_set<std::string_view> seen;
  const std::unordered_set<std::int64_t> measures(measureIds.begin(), measureIds.end());
  auto checkGoal = [&](const PlanGoal& g, const std::string& where) {
    if (g.id.empty() || g.id.size() > 20)
      errors.push_back(invalidInput(fmt::format("{}.id is required, at most 20 characters", where), where + ".id"));
    else if (!std::ranges::all_of(g.id, isGoalIdCharacter))
      errors.push_back(invalidInput(fmt::format("{}.id has only the letters a-z, digits, '.', '-' and '_'", where),
                                    where + ".id"));
    else if (!seen.insert(g.id).second)
      errors.push_back(invalidInput(fmt::format("goal id '{}' is used twice", g.id), where + ".id"));
    checkText(errors, g.title, where + ".title", true);
    if (characterCount(g.title) > 200)
      errors.push_back(invalidInput(fmt::format("{}.title has more than 200 characters", where), where + ".title"));
    if (g.targetDate && *g.targetDate < context.registrationStart)
      errors.push_back(invalidInput(fmt::format("{}.target_date is before the registration started", where),
                                    where + ".target_date"));
    if (g.measureIds.size() > kMaxMeasuresPerGoal)
      errors.push_back(invalidInput(fmt::format("{} serves at most {} measures", where, kMaxMeasuresPerGoal),
                                    where + ".measure_ids"));
    std::unordered_set<std::int64_t> linked;
    for (std::int64_t m : g.measureIds)
      if (!measures.contains(m))
        errors.push_back(
            invalidInput(fmt::format("{}: no measure {} in this registration", where, m), where + ".measure_ids"));
      else if (!linked.insert(m).second)
        errors.push_back(
            invalidInput(fmt::format("{}: measure {} is linked twice", where, m), where + ".measure_ids"));
  };
  if (plan.drawnUpOn) checkCaseDate(errors, *plan.drawnUpOn, context, "drawn_up_on");
  if (plan.agreedOn) {
    checkCaseDate(errors, *plan.agreedOn, context, "agreed_on");
    if (!plan.drawnUpOn)
      errors.push_back(invalidInput("a plan is agreed to once it is drawn up (drawn_up_on)", "drawn_up_on"));
    else if (*plan.agreedOn < *plan.drawnUpOn)
      errors.push_back(invalidInput("agreed_on is before the plan was drawn up", "agreed_on"));
  }
  if (plan.reviews.size() > kMaxReviews)
    errors.push_back(invalidInput(fmt::format("a plan holds at most {} reviews", kMaxReviews), "reviews"));
  for (std::size_t i = 0; i < plan.reviews.size(); ++i) {
    const PlanReview& r = plan.reviews[i];
    std::string where = fmt::format("reviews[{}]", i);
    checkCaseDate(errors, r.heldOn, context, where + ".held_on");
    if (plan.drawnUpOn && r.heldOn < *plan.drawnUpOn)
      errors.push_back(
          invalidInput(fmt::format("{}.held_on is before the plan was drawn up", where), where + ".held_on"));
    if (r.kind != "follow_up" && r.kind != "evaluation")
      errors.push_back(invalidInput(fmt::format("{}.kind is follow_up or evaluation", where), where + ".kind"));
    if (r.measureId && !measures.contains(*r.measureId))
      errors.push_back(
          invalidInput(fmt::format("{}: no measure {} in this registration", where, *r.measureId), where + ".measure_id"));
    checkText(errors, r.conclusion, where + ".conclusion", true, Lines::several);
  }
  if (plan.goals.size() > kMaxGoals)
    errors.push_back(invalidInput(fmt::format("a plan has at most {} goals", kMaxGoals), "goals"));
  for (std::size_t i = 0; i < plan.goals.size(); ++i) {
    std::string where = fmt::format("goals[{}]", i);
    checkGoal(plan.goals[i], where);
    if (plan.goals[i].subGoals.size() > kMaxSubGoals)
      errors.push_back(
          invalidInput(fmt::format("a goal has at most {} sub-goals", kMaxSubGoals), where + ".sub_goals"));
    for (std::size_t j = 0; j < plan.goals[i].subGoals.size(); ++j) {
      checkGoal(plan.goals[i].subGoals[j], fmt::format("{}.sub_goals[{}]", where, j));
      if (!plan.goals[i].subGoals[j].subGoals.empty())
        errors.push_back(invalidInput("sub-goals have no sub-goals of their own",
                                      fmt::format("{}.sub_goals[{}].sub_goals", where, j)));
    }
  }
  return errors;
}

std::vector<Error> validateGoalAssessment(const GoalAssessment& a, const CaseContext& context,
                                          const std::vector<std::string>& goalIds) {
  std::vector<Error> errors;
  if (std::find(goalIds.begin(), goalIds.end(), a.goalId) == goalIds.end())
    errors.push_back(invalidInput(fmt::format("the current plan has no goal '{}'", a.goalId), "goal_id"));
  checkCaseDate(errors, a.assessedOn, context, "assessed_on");
  if (a.result != "achieved" && a.result != "partly" && a.result != "not_achieved")
    errors.push_back(invalidInput("result is achieved, partly or not_achieved", "result"));
  checkText(errors, a.comment, "comment", false, Lines::several);
  return errors;
}

std::vector<Error> checkReason(std::string_view text, std::string_view field) {
  std::vector<Error> errors;
  checkText(errors, text, field, true);
  return errors;
}

}  // namespace lotsen
