#include "store/case_records.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>

#include "store/json_fields.h"
#include "store/json_form.h"

namespace lotsen {
namespace {

namespace json = boost::json;

json::value optionalDate(const std::optional<CivilDate>& d) { return d ? json::value(d->iso()) : json::value(nullptr); }
json::value optionalText(const std::string& t) { return t.empty() ? json::value(nullptr) : json::value(t); }

}  // namespace

Read<ContactAttempt> readContactAttempt(const json::value& body) {
  JsonFields f(body, {"date", "time", "channel", "reached", "occupation", "occupation_detail", "declined", "note"});
  auto date = f.date("date", true);
  ContactAttempt c{date.value_or(CivilDate::unread()),
                   f.text("time"),
                   f.text("channel", true),
                   f.optionalBoolean("reached"),
                   f.text("occupation"),
                   f.text("occupation_detail"),
                   f.optionalBoolean("declined").value_or(false),
                   f.text("note")};
  return {c, f.errors()};
}

std::expected<ContactAttempt, std::vector<Error>> parseContactAttempt(const json::value& body) {
  return expectedOf(readContactAttempt(body));
}

Read<OccupationEntry> readOccupation(const json::value& body) {
  JsonFields f(body, {"effective_date", "kind", "detail", "source", "planned", "contact_id"});
  auto date = f.date("effective_date", true);
  OccupationEntry o{
      date.value_or(CivilDate::unread()),           f.text("kind", true),   f.text("detail"), f.text("source", true),
      f.optionalBoolean("planned").value_or(false), f.integer("contact_id")};
  return {o, f.errors()};
}

std::expected<OccupationEntry, std::vector<Error>> parseOccupation(const json::value& body) {
  return expectedOf(readOccupation(body));
}

Read<Measure> readMeasure(const json::value& body) {
  JsonFields f(body, {"type", "content", "responsible", "partner", "planned_start", "start", "end", "end_reason",
                      "follow_up", "evaluation", "declined"});
  Measure m{f.text("type", true), f.text("content", true), f.text("responsible", true),
            f.text("partner"),    f.date("planned_start"), f.date("start"),
            f.date("end"),        f.text("end_reason"),    f.date("follow_up"),
            f.date("evaluation"), f.date("declined")};
  return {m, f.errors()};
}

std::expected<Measure, std::vector<Error>> parseMeasure(const json::value& body) {
  return expectedOf(readMeasure(body));
}

namespace {

std::expected<PlanGoal, std::vector<Error>> parseGoal(const json::value& value, bool allowSubGoals) {
  JsonFields f(value, {"id", "title", "target_date", "measure_ids", "sub_goals"});
  PlanGoal goal{f.text("id", true), f.text("title", true), f.date("target_date"), {}, {}};
  if (const json::array* ids = f.array("measure_ids", kMaxMeasuresPerGoal))
    for (const json::value& id : *ids) {
      if (!id.is_int64()) {
        f.fail(invalidInput("measure_ids holds measure ids (numbers)", "measure_ids"));
        break;
      }
      goal.measureIds.push_back(id.as_int64());
    }
  // A sub-goal is answered with "sub_goals": [] and may be sent back so; it holds no sub-goals of its own.
  if (const json::array* subs = f.array("sub_goals", kMaxSubGoals)) {
    if (!allowSubGoals && !subs->empty()) f.fail(invalidInput("sub-goals have no sub-goals of their own", "sub_goals"));
    for (std::size_t i = 0; allowSubGoals && i < subs->size(); ++i) {
      auto sub = parseGoal((*subs)[i], false);
      if (sub)
        goal.subGoals.push_back(*sub);
      else
        f.absorb(sub.error(), fmt::format("sub_goals[{}]", i));
    }
  }
  return f.result(goal);
}

std::expected<PlanReview, std::vector<Error>> parseReview(const json::value& value) {
  JsonFields f(value, {"held_on", "kind", "measure_id", "conclusion"});
  auto held = f.date("held_on", true);
  PlanReview review{held.value_or(CivilDate::unread()), f.text("kind", true), f.integer("measure_id"),
                    f.text("conclusion", true)};
  return f.result(review);
}

json::object goalJson(const PlanGoal& g) {
  json::array measures(g.measureIds.begin(), g.measureIds.end());
  json::array subs;
  for (const PlanGoal& s : g.subGoals) subs.push_back(goalJson(s));
  return json::object{{"id", g.id},
                      {"title", g.title},
                      {"target_date", optionalDate(g.targetDate)},
                      {"measure_ids", std::move(measures)},
                      {"sub_goals", std::move(subs)}};
}

}  // namespace

std::expected<Plan, std::vector<Error>> parsePlan(const json::value& body) {
  JsonFields f(body, {"drawn_up_on", "agreed_on", "goals", "reviews"});
  Plan plan;
  plan.drawnUpOn = f.date("drawn_up_on");
  plan.agreedOn = f.date("agreed_on");
  if (const json::array* reviews = f.array("reviews", kMaxReviews))
    for (std::size_t i = 0; i < reviews->size(); ++i) {
      auto review = parseReview((*reviews)[i]);
      if (review)
        plan.reviews.push_back(*review);
      else
        f.absorb(review.error(), fmt::format("reviews[{}]", i));
    }
  if (const json::array* goals = f.array("goals", kMaxGoals))
    for (std::size_t i = 0; i < goals->size(); ++i) {
      auto goal = parseGoal((*goals)[i], true);
      if (goal)
        plan.goals.push_back(*goal);
      else
        f.absorb(goal.error(), fmt::format("goals[{}]", i));
    }
  return f.result(plan);
}

Read<GoalAssessment> readGoalAssessment(const json::value& body) {
  JsonFields f(body, {"goal_id", "assessed_on", "result", "comment"});
  auto date = f.date("assessed_on", true);
  GoalAssessment a{f.text("goal_id", true), date.value_or(CivilDate::unread()), f.text("result", true),
                   f.text("comment")};
  return {a, f.errors()};
}

std::expected<GoalAssessment, std::vector<Error>> parseGoalAssessment(const json::value& body) {
  return expectedOf(readGoalAssessment(body));
}

namespace {

// A stored record's text as a value (an empty value, refused as "not an object", when it is not JSON).
json::value parsed(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value() : v;
}

}  // namespace

std::expected<ContactAttempt, std::vector<Error>> parseContactAttempt(std::string_view text) {
  return parseContactAttempt(parsed(text));
}
std::expected<OccupationEntry, std::vector<Error>> parseOccupation(std::string_view text) {
  return parseOccupation(parsed(text));
}
std::expected<Measure, std::vector<Error>> parseMeasure(std::string_view text) { return parseMeasure(parsed(text)); }
std::expected<Plan, std::vector<Error>> parsePlan(std::string_view text) { return parsePlan(parsed(text)); }
std::expected<GoalAssessment, std::vector<Error>> parseGoalAssessment(std::string_view text) {
  return parseGoalAssessment(parsed(text));
}

std::string toJson(const Plan& plan) {
  json::array goals;
  for (const PlanGoal& g : plan.goals) goals.push_back(goalJson(g));
  json::array reviews;
  for (const PlanReview& r : plan.reviews)
    reviews.push_back(json::object{{"held_on", r.heldOn.iso()},
                                   {"kind", r.kind},
                                   {"measure_id", r.measureId ? json::value(*r.measureId) : json::value(nullptr)},
                                   {"conclusion", r.conclusion}});
  return json::serialize(json::object{{"drawn_up_on", optionalDate(plan.drawnUpOn)},
                                      {"agreed_on", optionalDate(plan.agreedOn)},
                                      {"goals", std::move(goals)},
                                      {"reviews", std::move(reviews)}});
}

std::string toJson(const GoalAssessment& a) {
  return json::serialize(json::object{{"goal_id", a.goalId},
                                      {"assessed_on", a.assessedOn.iso()},
                                      {"result", a.result},
                                      {"comment", optionalText(a.comment)}});
}

std::string toJson(const ContactAttempt& c) {
  return json::serialize(json::object{{"date", c.date.iso()},
                                      {"time", optionalText(c.time)},
                                      {"channel", c.channel},
                                      {"reached", c.reached.value_or(false)},
                                      {"occupation", optionalText(c.occupation)},
                                      {"occupation_detail", optionalText(c.occupationDetail)},
                                      {"declined", c.declined},
                                      {"note", optionalText(c.note)}});
}

std::string toJson(const OccupationEntry& o) {
  return json::serialize(json::object{{"effective_date", o.effectiveDate.iso()},
                                      {"kind", o.kind},
                                      {"detail", optionalText(o.detail)},
                                      {"source", o.source},
                                      {"planned", o.planned},
                                      {"contact_id", o.contactId ? json::value(*o.contactId) : json::value(nullptr)}});
}

std::string toJson(const Measure& m) {
  return json::serialize(json::object{{"type", m.type},
                                      {"content", m.content},
                                      {"responsible", m.responsible},
                                      {"partner", optionalText(m.partner)},
                                      {"planned_start", optionalDate(m.plannedStart)},
                                      {"start", optionalDate(m.start)},
                                      {"end", optionalDate(m.end)},
                                      {"end_reason", optionalText(m.endReason)},
                                      {"follow_up", optionalDate(m.followUp)},
                                      {"evaluation", optionalDate(m.evaluation)},
                                      {"declined", optionalDate(m.declined)}});
}

void writeRegistration(JsonWriter& out, const Registration& r, const CodeLabels* labels,
                       std::string_view caseworkerUsername) {
  out.beginObject()
      .field("id", r.id)
      .field("person_id", r.personId)
      .field("programme", r.programme)
      .field("start_date", r.startDate.iso())
      .field("reason", r.reason)
      .field("version", r.version)
      .key("end_date");
  if (r.endDate)
    out.value(r.endDate->iso());
  else
    out.null();
  out.field("end_reason", r.endReason)
      .field("caseworker_id", r.caseworkerId)
      .field("unit", r.unit)
      .field("closed_by_hand", r.closedByHand)
      .key("by_hand");
  if (r.byHand.empty())
    out.null();
  else
    out.value(r.byHand);
  out.field("awaiting_registers", r.awaitingRegisters).key("registers_reason");
  if (r.registersReason.empty())
    out.null();
  else
    out.value(r.registersReason);
  if (labels) {
    out.field("reason_label", labels->label("registration_reason", r.reason)).key("end_reason_label");
    if (r.endReason)
      out.value(labels->label("deregistration_reason", *r.endReason));
    else
      out.null();
    out.key("by_hand_label");
    if (r.byHand.empty())
      out.null();
    else
      out.value(labels->label("registration_by_hand", r.byHand));
    out.key("registers_reason_label");
    if (r.registersReason.empty())
      out.null();
    else
      out.value(labels->label("registration_reason", r.registersReason));
    out.field("reason_contradicted", reasonContradictsRegisters(r));
    if (r.caseworkerId) out.field("caseworker_username", caseworkerUsername);
  }
  out.endObject();
}

json::object registrationJson(const Registration& r, const CodeLabels* labels) {
  JsonWriter out;
  writeRegistration(out, r, labels);
  return json::parse(out.take()).as_object();
}

std::expected<Registration, Error> parseRegistration(const json::object& o) {
  auto text = [&](std::string_view key) -> std::string {
    const json::value* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  auto flag = [&](std::string_view key) {
    const json::value* v = o.if_contains(key);
    return v && v->is_bool() && v->as_bool();
  };
  const json::value* id = o.if_contains("id");
  const json::value* person = o.if_contains("person_id");
  auto start = CivilDate::parse(text("start_date"));
  if (!id || !id->is_int64() || !person || !person->is_int64() || !start)
    return std::unexpected(internalError("a journalled registration lacks its id, person or start date"));
  const json::value* version = o.if_contains("version");
  const json::value* caseworker = o.if_contains("caseworker_id");
  std::string endReason = text("end_reason");
  auto end = CivilDate::parse(text("end_date"));
  Registration r{
      .id = id->as_int64(),
      .personId = person->as_int64(),
      .programme = text("programme"),
      .startDate = *start,
      .reason = text("reason"),
      .endDate = end ? std::optional(*end) : std::nullopt,
      .endReason = endReason.empty() ? std::nullopt : std::optional(endReason),
      .version = version && version->is_int64() ? version->as_int64() : 0,
      .caseworkerId = caseworker && caseworker->is_int64() ? std::optional(caseworker->as_int64()) : std::nullopt,
      .unit = text("unit"),
      .closedByHand = flag("closed_by_hand"),
      .byHand = text("by_hand"),
      .awaitingRegisters = flag("awaiting_registers"),
      .registersReason = text("registers_reason")};
  return r;
}

namespace {

// The code list of each coded field, by kind of record.
const std::map<std::string_view, std::vector<std::pair<std::string_view, std::string_view>>>& codedFields() {
  static const std::map<std::string_view, std::vector<std::pair<std::string_view, std::string_view>>> fields{
      {kContactAttemptKind,
       {{"channel", "contact_channel"}, {"occupation", "occupation"}, {"occupation_detail", "occupation_detail"}}},
      {kOccupationKind, {{"kind", "occupation"}, {"source", "occupation_source"}, {"detail", "occupation_detail"}}},
      {kMeasureKind,
       {{"type", "measure_type"}, {"end_reason", "measure_end_reason"}, {"responsible", "measure_responsible"}}},
      {kGoalAssessmentKind, {{"result", "goal_result"}}},
  };
  return fields;
}

}  // namespace

json::object caseRecordJson(const CaseRecord& r, const CodeLabels* labels) {
  json::object o{{"id", r.id}, {"kind", r.kind}, {"version", r.version}};
  if (r.voided) o["voided"] = true;
  o["registration_id"] = r.registrationId ? json::value(*r.registrationId) : json::value(nullptr);
  boost::system::error_code ec;
  o["data"] = json::parse(r.data, ec);
  if (labels && o["data"].is_object()) {
    json::object named;
    const json::object& data = o["data"].as_object();
    if (auto fields = codedFields().find(r.kind); fields != codedFields().end())
      for (const auto& [field, list] : fields->second)
        if (const json::value* code = data.if_contains(field); code && code->is_string())
          if (std::string_view label = labels->label(list, code->as_string()); !label.empty()) named[field] = label;
    // The reviews held, each with its kind's label, in the plan's order.
    if (const json::value* reviews = data.if_contains("reviews"); reviews && reviews->is_array()) {
      json::array kinds;
      for (const json::value& review : reviews->as_array()) {
        const json::value* kind = review.is_object() ? review.as_object().if_contains("kind") : nullptr;
        kinds.push_back(
            json::object{{"kind", kind && kind->is_string() ? labels->label("review_kind", kind->as_string()) : ""}});
      }
      named["reviews"] = std::move(kinds);
    }
    o["labels"] = std::move(named);
  }
  return o;
}

std::expected<std::vector<CodeList>, Error> codeLists(Store& store) {
  std::vector<CodeList> lists;
  for (std::string_view list :
       {"registration_reason", "deregistration_reason", "registration_by_hand", "contact_channel", "occupation",
        "occupation_source", "measure_type", "measure_end_reason"}) {
    auto codes = store.codeList(list);
    if (!codes) return std::unexpected(codes.error());
    lists.push_back(std::move(*codes));
  }
  // Fixed lists of the record kinds' own (not the municipality's to change).
  const CivilDate always = *CivilDate::fromParts(1900, 1, 1);
  auto fixed = [&](std::string name, std::initializer_list<std::pair<const char*, const char*>> codes) {
    std::vector<Code> list;
    for (const auto& [code, label] : codes) list.push_back(Code{code, label, always, std::nullopt});
    lists.emplace_back(std::move(name), std::move(list));
  };
  fixed("goal_result", {{"achieved", "Uppnått"}, {"partly", "Delvis uppnått"}, {"not_achieved", "Inte uppnått"}});
  fixed("measure_responsible",
        {{"individual", "Den unga"}, {"municipality", "Kommunen"}, {"other_actor", "Annan aktör"}});
  fixed("review_kind", {{"follow_up", "Uppföljning"}, {"evaluation", "Utvärdering"}});
  // An occupation's detail is free text; these usual ones have labels.
  fixed("occupation_detail",
        {{"komvux", "Komvux"}, {"folkhogskola", "Folkhögskola"}, {"full_time", "Heltid"}, {"part_time", "Deltid"}});
  return lists;
}

std::expected<CodeLabels, Error> loadCodeLabels(Store& store) {
  auto lists = codeLists(store);
  if (!lists) return std::unexpected(lists.error());
  CodeLabels labels;
  for (const CodeList& list : *lists) labels.add(list);
  return labels;
}

std::expected<PersonOccupation, Error> occupationOf(Store& store, std::int64_t personId) {
  auto records = store.caseRecordsOf(personId, kOccupationKind);
  if (!records) return std::unexpected(records.error());
  std::vector<OccupationEntry> recorded;  // oldest first
  for (const CaseRecord& r : *records)
    if (auto o = parseOccupation(r.data)) recorded.push_back(std::move(*o));
  PersonOccupation result;
  if (const OccupationEntry* current = occupationOn(recorded)) result.current = *current;
  const OccupationEntry* planned = nullptr;  // the last recorded
  for (const OccupationEntry& o : recorded)
    if (o.planned) planned = &o;
  if (planned && (!result.current || planned->effectiveDate > result.current->effectiveDate)) result.planned = *planned;
  return result;
}

}  // namespace lotsen
