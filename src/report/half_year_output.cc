#include "report/half_year_output.h"

#include <boost/json.hpp>

namespace lotsen {
namespace json = boost::json;

namespace {

json::array recordsJson(const std::vector<HalfYearRecord>& records) {
  json::array out;
  for (const HalfYearRecord& r : records)
    out.push_back(json::object{{"block", toString(r.block)},
                               {"person_id", r.personId},
                               {"values", json::array(r.values.begin(), r.values.end())}});
  return out;
}

}  // namespace

json::object halfYearJson(const HalfYearReport& report, Language language, bool records) {
  const HalfYearFile& file = report.file;
  json::array problems;
  std::int64_t errors = 0;
  for (const HalfYearProblem& p : file.problems) {
    errors += p.blocking ? 1 : 0;
    problems.push_back(json::object{{"person_id", p.personId},
                                    {"registration_id", p.registrationId},
                                    {"check", p.check},
                                    {"message", localize(p.message, language)},
                                    {"blocking", p.blocking}});
  }
  json::array blocks;
  for (HalfYearBlock block : kHalfYearBlocks) {
    const HalfYearBlockLayout& layout = report.layout.blocks.at(block);
    std::vector<HalfYearRecord> own;
    for (const HalfYearRecord& r : file.records)
      if (r.block == block) own.push_back(r);
    json::object b{{"block", toString(block)},
                   {"record_type", layout.recordType},
                   {"fields", json::array(layout.fields.begin(), layout.fields.end())},
                   {"count", own.size()}};
    if (records) {
      json::array items;
      for (const HalfYearRecord& r : own)
        items.push_back(
            json::object{{"person_id", r.personId}, {"values", json::array(r.values.begin(), r.values.end())}});
      b["records"] = std::move(items);
    }
    blocks.push_back(std::move(b));
  }
  json::object out{{"period", file.period.toString()},
                   {"collection", report.layout.collection},
                   {"period_ended", report.periodEnded},
                   {"with_corrections", report.withCorrections},
                   {"as_of", report.asOf.empty() ? json::value(nullptr) : json::value(report.asOf)},
                   {"errors", errors},
                   {"warnings", static_cast<std::int64_t>(file.problems.size()) - errors},
                   {"problems", std::move(problems)},
                   {"blocks", std::move(blocks)},
                   {"changes_since_end",
                    json::object{{"removed", report.removedSinceEnd.size()}, {"added", report.addedSinceEnd.size()}}}};
  if (records) {
    out["removed_since_end"] = recordsJson(report.removedSinceEnd);
    out["added_since_end"] = recordsJson(report.addedSinceEnd);
  }
  return out;
}

}  // namespace lotsen
