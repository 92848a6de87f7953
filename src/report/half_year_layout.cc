#include "report/half_year_layout.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "domain/text.h"
#include "store/json_fields.h"
#include "store/strict_json.h"

namespace lotsen {
namespace json = boost::json;

namespace {

// The fields every block may hold, and each block's own.
using enum HalfYearField;
constexpr std::array kCommonFields{record_type, municipality, year, half, personal_id};
const std::map<HalfYearBlock, std::vector<HalfYearField>>& blockFields() {
  static const std::map<HalfYearBlock, std::vector<HalfYearField>> fields{
      {HalfYearBlock::registration, {registration_date, registration_reason}},
      {HalfYearBlock::contact, {contact_date, occupation, in_measure}},
      {HalfYearBlock::measure_started, {measure_type, measure_start}},
      {HalfYearBlock::measure_ended, {measure_type, measure_start, measure_end, measure_end_reason}},
      {HalfYearBlock::responsibility_ended, {registration_end, deregistration_reason}},
  };
  return fields;
}

// The code list a coded field is mapped through.
const std::map<std::string_view, std::string_view> kCodedFields{{"registration_reason", "registration_reason"},
                                                                {"deregistration_reason", "deregistration_reason"},
                                                                {"occupation", "occupation"},
                                                                {"measure_type", "measure_type"},
                                                                {"measure_end_reason", "measure_end_reason"},
                                                                {"in_measure", "in_measure"}};
constexpr std::array kLists{"registration_reason", "deregistration_reason", "occupation", "occupation_in_measure",
                            "measure_type",        "measure_end_reason",    "in_measure"};

std::optional<HalfYearBlock> blockNamed(std::string_view name) {
  for (HalfYearBlock b : kHalfYearBlocks)
    if (toString(b) == name) return b;
  return std::nullopt;
}

bool allowedIn(HalfYearBlock block, std::string_view name) {
  auto field = halfYearField(name);
  if (!field) return false;
  const auto& own = blockFields().at(block);
  return std::ranges::find(kCommonFields, *field) != kCommonFields.end() || std::ranges::find(own, *field) != own.end();
}

// A short value for people: SCB's codes and the collection's name, 1 to `max` bytes of UTF-8 on one line, without
// control characters (C0, DEL, C1).
bool isShortText(std::string_view text, std::size_t max) {
  return !text.empty() && text.size() <= max && isValidUtf8(text) &&
         firstControlCharacter(text) == std::string_view::npos;
}

// What keeps a short text from being a value in the file's lines (a record type, an SCB code): a line or paragraph
// separator, a byte-order mark or a quote would break the file for the programs that read it; the separator would
// split the value.
enum class NotAValue { no, character, separator };
NotAValue notAValue(std::string_view text, char separator) {
  for (std::string_view breaking : {"\u2028", "\u2029", "\ufeff", "\""})
    if (text.find(breaking) != std::string_view::npos) return NotAValue::character;
  return text.find(separator) != std::string_view::npos ? NotAValue::separator : NotAValue::no;
}

void readBlocks(const json::value* value, HalfYearLayout& layout, JsonFields& f) {
  const json::array* blocks = value ? value->if_array() : nullptr;
  if (!blocks) {
    f.fail(invalidInput("blocks is required: a list of the five blocks", "blocks"));
    return;
  }
  std::set<std::string> recordTypes;
  for (std::size_t i = 0; i < blocks->size() && i < 10; ++i) {
    std::string at = fmt::format("blocks[{}]", i);
    const json::object* o = (*blocks)[i].if_object();
    const json::string* name = o && o->contains("block") ? (*o).at("block").if_string() : nullptr;
    auto block = name ? blockNamed(*name) : std::nullopt;
    if (!block) {
      f.fail(invalidInput("block is one of registration, contact, measure_started, measure_ended, responsibility_ended",
                          at + ".block"));
      continue;
    }
    if (layout.blocks.contains(*block)) {
      f.fail(invalidInput(fmt::format("the block {} is given twice", toString(*block)), at + ".block"));
      continue;
    }
    HalfYearBlockLayout& b = layout.blocks[*block];
    const json::string* type = o->contains("record_type") ? o->at("record_type").if_string() : nullptr;
    if (!type || !isShortText(*type, 10))
      f.fail(
          invalidInput("record_type is the block's record type: 1 to 10 characters on one line, without control "
                       "characters",
                       at + ".record_type"));
    else if (NotAValue why = notAValue(*type, layout.separator); why != NotAValue::no)
      f.fail(invalidInput(why == NotAValue::separator
                              ? fmt::format("the record type holds the file's separator {}", layout.separator)
                              : "the record type holds a line separator, a byte-order mark or a quote",
                          at + ".record_type"));
    else if (!recordTypes.insert(std::string(*type)).second)
      f.fail(invalidInput(fmt::format("the record type '{}' is given to two blocks", printable(*type)),
                          at + ".record_type"));
    else
      b.recordType = std::string(*type);
    const json::array* fields = o->contains("fields") ? o->at("fields").if_array() : nullptr;
    if (!fields || fields->empty() || fields->size() > 30) {
      f.fail(invalidInput("fields is the list of the record's fields: 1 to 30", at + ".fields"));
      continue;
    }
    for (std::size_t j = 0; j < fields->size(); ++j) {
      const json::string* field = (*fields)[j].if_string();
      if (!field || !allowedIn(*block, *field))
        f.fail(invalidInput(fmt::format("not a field of the block {}: {}", toString(*block),
                                        field ? printable(*field) : std::string("(not text)")),
                            fmt::format("{}.fields[{}]", at, j)));
      else
        b.fields.emplace_back(*field);
    }
  }
  for (HalfYearBlock block : kHalfYearBlocks)
    if (!layout.blocks.contains(block))
      f.fail(invalidInput(fmt::format("the block {} is missing", toString(block)), "blocks"));
}

// The Lotsen list a layout's code list maps: a contact's occupation in a measure is an occupation; whether
// one is in a measure is yes or no.
const std::set<std::string, std::less<>>* lotsenList(std::string_view list, const LotsenCodes& known) {
  static const std::set<std::string, std::less<>> kYesNo{"yes", "no"};
  if (list == "in_measure") return &kYesNo;
  auto found = known.find(list == "occupation_in_measure" ? std::string_view("occupation") : list);
  return found == known.end() ? nullptr : &found->second;
}

void readCodes(const json::value* value, HalfYearLayout& layout, JsonFields& f, const LotsenCodes* known) {
  const json::object* codes = value ? value->if_object() : nullptr;
  if (!codes) {
    f.fail(invalidInput("codes is required: SCB's code of each Lotsen code, by list", "codes"));
    return;
  }
  for (const auto& [list, mapping] : *codes) {
    std::string at = fmt::format("codes.{}", printable(list));
    if (std::ranges::find(kLists, std::string_view(list)) == kLists.end()) {
      f.fail(invalidInput(fmt::format("not a code list the file reports: {}", printable(list)), at));
      continue;
    }
    const json::object* pairs = mapping.if_object();
    if (!pairs) {
      f.fail(invalidInput("a list maps each Lotsen code to SCB's code", at));
      continue;
    }
    auto& out = layout.codes[std::string(list)];
    const std::set<std::string, std::less<>>* lotsen = known ? lotsenList(list, *known) : nullptr;
    for (const auto& [code, scb] : *pairs) {
      const json::string* text = scb.if_string();
      if (lotsen && !lotsen->contains(std::string_view(code)))
        f.fail(invalidInput(fmt::format("{} is not a Lotsen code in the list {}", printable(code), printable(list)),
                            fmt::format("{}.{}", at, printable(code))));
      else if (!text || !isShortText(*text, 20))
        f.fail(invalidInput("SCB's code is 1 to 20 characters on one line, without control characters",
                            fmt::format("{}.{}", at, printable(code))));
      else if (NotAValue why = notAValue(*text, layout.separator); why != NotAValue::no)
        f.fail(invalidInput(why == NotAValue::separator
                                ? fmt::format("SCB's code holds the file's separator {}", layout.separator)
                                : "SCB's code holds a line separator, a byte-order mark or a quote",
                            fmt::format("{}.{}", at, printable(code))));
      else
        out.emplace(std::string(code), std::string(*text));
    }
  }
  // A coded field needs its list.
  for (const auto& [block, b] : layout.blocks)
    for (const std::string& field : b.fields)
      if (auto list = kCodedFields.find(field); list != kCodedFields.end() && !layout.codes.contains(list->second))
        f.fail(invalidInput(fmt::format("the field {} needs the code list {}", field, list->second),
                            fmt::format("codes.{}", list->second)));
}

}  // namespace

std::string_view toString(HalfYearBlock block) {
  switch (block) {
    case HalfYearBlock::registration:
      return "registration";
    case HalfYearBlock::contact:
      return "contact";
    case HalfYearBlock::measure_started:
      return "measure_started";
    case HalfYearBlock::measure_ended:
      return "measure_ended";
    case HalfYearBlock::responsibility_ended:
      return "responsibility_ended";
  }
  return "";
}

std::optional<HalfYearField> halfYearField(std::string_view name) {
  static const std::map<std::string_view, HalfYearField> kNames{{"record_type", record_type},
                                                                {"municipality", municipality},
                                                                {"year", year},
                                                                {"half", half},
                                                                {"personal_id", personal_id},
                                                                {"registration_date", registration_date},
                                                                {"registration_reason", registration_reason},
                                                                {"registration_end", registration_end},
                                                                {"deregistration_reason", deregistration_reason},
                                                                {"contact_date", contact_date},
                                                                {"in_measure", in_measure},
                                                                {"occupation", occupation},
                                                                {"measure_type", measure_type},
                                                                {"measure_start", measure_start},
                                                                {"measure_end", measure_end},
                                                                {"measure_end_reason", measure_end_reason}};
  auto it = kNames.find(name);
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string_view> HalfYearLayout::scbCode(std::string_view list, std::string_view code) const {
  auto l = codes.find(list);
  if (l == codes.end()) return std::nullopt;
  auto c = l->second.find(code);
  if (c == l->second.end()) return std::nullopt;
  return c->second;
}

std::expected<HalfYearLayout, std::vector<Error>> parseHalfYearLayout(std::string_view text, const LotsenCodes* known) {
  if (!isValidUtf8(text)) return std::unexpected(std::vector{invalidInput("the file is not UTF-8", "file")});
  auto parsed = parseStrictJson(text);
  if (!parsed && !parsed.error().duplicateKey.empty())
    return std::unexpected(std::vector{invalidInput(
        fmt::format("the key '{}' appears twice in one object: give each once", echoed(parsed.error().duplicateKey)),
        "file")});
  if (!parsed) return std::unexpected(std::vector{invalidInput("the file is not JSON", "file")});
  const json::value& v = *parsed;
  if (!v.is_object()) return std::unexpected(std::vector{invalidInput("the file is not a JSON object", "file")});
  JsonFields f(v, {"collection", "municipality", "separator", "date_format", "header", "blocks", "codes"});
  HalfYearLayout layout;
  layout.collection = f.text("collection", true);
  if (!layout.collection.empty() && !isShortText(layout.collection, 200))
    f.fail(invalidInput("collection is one line of at most 200 characters", "collection"));
  layout.municipality = f.text("municipality", true);
  if (!layout.municipality.empty() &&
      (layout.municipality.size() != 4 ||
       !std::ranges::all_of(layout.municipality, [](char c) { return c >= '0' && c <= '9'; })))
    f.fail(invalidInput("municipality is the municipality's code: four digits", "municipality"));
  if (std::string separator = f.text("separator"); !separator.empty()) {
    if (separator != ";" && separator != "," && separator != "\t" && separator != "|")
      f.fail(invalidInput("separator is ; , | or a tab", "separator"));
    else
      layout.separator = separator[0];
  }
  if (std::string format = f.text("date_format"); format == "YYYY-MM-DD")
    layout.compactDates = false;
  else if (!format.empty() && format != "YYYYMMDD")
    f.fail(invalidInput("date_format is YYYYMMDD or YYYY-MM-DD", "date_format"));
  layout.header = f.optionalBoolean("header").value_or(false);
  const json::object& o = v.as_object();
  readBlocks(o.if_contains("blocks"), layout, f);
  readCodes(o.if_contains("codes"), layout, f, known);
  return f.result(std::move(layout));
}

}  // namespace lotsen
