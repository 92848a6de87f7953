#include "store/case_records.h"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "store/json_form.h"

namespace lotsen {
namespace {

namespace json = boost::json;

// Reads the fields of one JSON object, collecting a problem per bad field.
class Fields {
 public:
  Fields(std::string_view text, std::initializer_list<std::string_view> allowed) {
    boost::system::error_code ec;
    value_ = json::parse(text, ec);
    if (ec || !value_.is_object()) {
      errors_.push_back(invalidInput("the body must be a JSON object"));
      return;
    }
    for (const auto& [key, v] : value_.as_object())
      if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end())
        errors_.push_back(invalidInput(
            fmt::format("unknown field '{}': only the fields the statute allows are kept", std::string_view(key)),
            std::string(key)));
  }

  std::string text(std::string_view name, bool required = false) {
    const json::value* v = find(name);
    if (!v || v->is_null()) {
      if (required) errors_.push_back(invalidInput(fmt::format("{} is required", name), std::string(name)));
      return {};
    }
    if (!v->is_string()) {
      errors_.push_back(invalidInput(fmt::format("{} must be a string", name), std::string(name)));
      return {};
    }
    return std::string(v->as_string());
  }
  std::optional<CivilDate> date(std::string_view name, bool required = false) {
    std::string t = text(name, required);
    if (t.empty()) return std::nullopt;
    auto d = CivilDate::parse(t);
    if (!d) {
      errors_.push_back(invalidInput(fmt::format("{}: {}", name, d.error().message), std::string(name)));
      return std::nullopt;
    }
    return *d;
  }
  bool boolean(std::string_view name) {
    const json::value* v = find(name);
    if (!v || !v->is_bool()) {
      errors_.push_back(invalidInput(fmt::format("{} must be true or false", name), std::string(name)));
      return false;
    }
    return v->as_bool();
  }
  // An array field's elements (empty when absent or null).
  const json::array* array(std::string_view name) {
    const json::value* v = find(name);
    if (!v || v->is_null()) return nullptr;
    if (!v->is_array()) errors_.push_back(invalidInput(fmt::format("{} must be an array", name), std::string(name)));
    return v->if_array();
  }
  void fail(Error e) { errors_.push_back(std::move(e)); }
  void absorb(const std::vector<Error>& errors, std::string_view prefix) {
    for (Error e : errors) {
      e.field = std::string(prefix) + "." + e.field;
      errors_.push_back(std::move(e));
    }
  }
  template <class T>
  std::expected<T, std::vector<Error>> result(T value) {
    if (!errors_.empty()) return std::unexpected(errors_);
    return value;
  }

 private:
  const json::value* find(std::string_view name) const {
    return value_.is_object() ? value_.as_object().if_contains(name) : nullptr;
  }
  json::value value_;
  std::vector<Error> errors_;
};

json::value optionalDate(const std::optional<CivilDate>& d) { return d ? json::value(d->iso()) : json::value(nullptr); }
json::value optionalText(const std::string& t) { return t.empty() ? json::value(nullptr) : json::value(t); }

}  // namespace

std::expected<ContactAttempt, std::vector<Error>> parseContactAttempt(std::string_view text) {
  Fields f(text, {"date", "time", "channel", "reached", "occupation", "note"});
  auto date = f.date("date", true);
  ContactAttempt c{date.value_or(*CivilDate::fromParts(1, 1, 1)),
                   f.text("time", true),
                   f.text("channel", true),
                   f.boolean("reached"),
                   f.text("occupation"),
                   f.text("note")};
  return f.result(c);
}

std::expected<OccupationEntry, std::vector<Error>> parseOccupation(std::string_view text) {
  Fields f(text, {"effective_date", "kind", "detail", "source"});
  auto date = f.date("effective_date", true);
  OccupationEntry o{date.value_or(*CivilDate::fromParts(1, 1, 1)), f.text("kind", true), f.text("detail"),
                    f.text("source", true)};
  return f.result(o);
}

std::expected<Measure, std::vector<Error>> parseMeasure(std::string_view text) {
  Fields f(text, {"type", "content", "responsible", "partner", "planned_start", "start", "end", "end_reason",
                  "follow_up", "evaluation", "declined"});
  Measure m{f.text("type", true), f.text("content", true), f.text("responsible", true),
            f.text("partner"),    f.date("planned_start"), f.date("start"),
            f.date("end"),        f.text("end_reason"),    f.date("follow_up"),
            f.date("evaluation"), f.date("declined")};
  return f.result(m);
}

namespace {

std::expected<PlanGoal, std::vector<Error>> parseGoal(const json::value& value, bool allowSubGoals) {
  Fields f(json::serialize(value), {"id", "title", "target_date", "measure_ids", "sub_goals"});
  PlanGoal goal{f.text("id", true), f.text("title", true), f.date("target_date"), {}, {}};
  if (const json::array* ids = f.array("measure_ids"))
    for (const json::value& id : *ids) {
      if (id.is_int64())
        goal.measureIds.push_back(id.as_int64());
      else
        f.fail(invalidInput("measure_ids holds measure ids (numbers)", "measure_ids"));
    }
  if (const json::array* subs = f.array("sub_goals")) {
    if (!allowSubGoals) f.fail(invalidInput("sub-goals have no sub-goals of their own", "sub_goals"));
    for (std::size_t i = 0; i < subs->size(); ++i) {
      auto sub = parseGoal((*subs)[i], false);
      if (sub)
        goal.subGoals.push_back(*sub);
      else
        f.absorb(sub.error(), fmt::format("sub_goals[{}]", i));
    }
  }
  return f.result(goal);
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

std::expected<Plan, std::vector<Error>> parsePlan(std::string_view text) {
  Fields f(text, {"goals"});
  Plan plan;
  if (const json::array* goals = f.array("goals"))
    for (std::size_t i = 0; i < goals->size(); ++i) {
      auto goal = parseGoal((*goals)[i], true);
      if (goal)
        plan.goals.push_back(*goal);
      else
        f.absorb(goal.error(), fmt::format("goals[{}]", i));
    }
  return f.result(plan);
}

std::expected<GoalAssessment, std::vector<Error>> parseGoalAssessment(std::string_view text) {
  Fields f(text, {"goal_id", "assessed_on", "result", "comment"});
  auto date = f.date("assessed_on", true);
  GoalAssessment a{f.text("goal_id", true), date.value_or(*CivilDate::fromParts(1, 1, 1)), f.text("result", true),
                   f.text("comment")};
  return f.result(a);
}

std::string toJson(const Plan& plan) {
  json::array goals;
  for (const PlanGoal& g : plan.goals) goals.push_back(goalJson(g));
  return json::serialize(json::object{{"goals", std::move(goals)}});
}

std::string toJson(const GoalAssessment& a) {
  return json::serialize(json::object{{"goal_id", a.goalId},
                                      {"assessed_on", a.assessedOn.iso()},
                                      {"result", a.result},
                                      {"comment", optionalText(a.comment)}});
}

std::string toJson(const ContactAttempt& c) {
  return json::serialize(json::object{{"date", c.date.iso()},
                                      {"time", c.time},
                                      {"channel", c.channel},
                                      {"reached", c.reached},
                                      {"occupation", optionalText(c.occupation)},
                                      {"note", optionalText(c.note)}});
}

std::string toJson(const OccupationEntry& o) {
  return json::serialize(json::object{{"effective_date", o.effectiveDate.iso()},
                                      {"kind", o.kind},
                                      {"detail", optionalText(o.detail)},
                                      {"source", o.source}});
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

void writeRegistration(JsonWriter& out, const Registration& r) {
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
  out.field("end_reason", r.endReason).field("caseworker_id", r.caseworkerId).field("unit", r.unit).endObject();
}

json::object registrationJson(const Registration& r) {
  JsonWriter out;
  writeRegistration(out, r);
  return json::parse(out.take()).as_object();
}

json::object caseRecordJson(const CaseRecord& r) {
  json::object o{{"id", r.id}, {"kind", r.kind}, {"version", r.version}};
  o["registration_id"] = r.registrationId ? json::value(*r.registrationId) : json::value(nullptr);
  boost::system::error_code ec;
  o["data"] = json::parse(r.data, ec);
  return o;
}

std::expected<std::optional<OccupationEntry>, Error> latestOccupation(Store& store, std::int64_t personId) {
  auto records = store.caseRecordsOf(personId, kOccupationKind);
  if (!records) return std::unexpected(records.error());
  std::optional<OccupationEntry> latest;
  for (const CaseRecord& r : *records)  // oldest first: among equal dates the last recorded wins
    if (auto o = parseOccupation(r.data); o && (!latest || o->effectiveDate >= latest->effectiveDate)) latest = *o;
  return latest;
}

}  // namespace lotsen
