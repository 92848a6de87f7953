#include "report/half_year_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "report/xlsx.h"

namespace lotsen {
namespace json = boost::json;

namespace {

json::array valuesJson(const HalfYearWriter& writer, const HalfYearRecord& r) {
  json::array out;
  for (std::string& value : writer.values(r)) out.emplace_back(std::move(value));
  return out;
}

// `records`, of the writer's file or of another file in its layout and period.
json::array recordsJson(const HalfYearWriter& writer, const std::vector<HalfYearRecord>& records) {
  json::array out;
  for (const HalfYearRecord& r : records)
    out.push_back(
        json::object{{"block", toString(r.block)}, {"person_id", r.personId}, {"values", valuesJson(writer, r)}});
  return out;
}

// A block's sheet name, as SCB's instructions number the blocks.
std::string_view sheetName(HalfYearBlock block) {
  switch (block) {
    case HalfYearBlock::registration:
      return "1 Obligatoriska uppgifter";
    case HalfYearBlock::contact:
      return "2 Kontakt";
    case HalfYearBlock::measure_started:
      return "3 Åtgärd påbörjad";
    case HalfYearBlock::measure_ended:
      return "4 Åtgärd avslutad";
    case HalfYearBlock::responsibility_ended:
      return "5 Ansvar upphört";
  }
  return "";
}

std::int64_t blockingProblems(const HalfYearFile& file) {
  return std::ranges::count_if(file.problems, [](const HalfYearProblem& p) { return p.blocking; });
}

}  // namespace

std::expected<std::string, Error> halfYearXlsx(const HalfYearReport& report, Language language) {
  const HalfYearFile& file = report.file;
  HalfYearWriter writer(file);
  std::string title = fmt::format("{} – {}", file.layout.collection, file.period.toString());
  return xlsxWorkbook(title, [&](lxw_workbook* book) {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@");

    lxw_worksheet* overview = workbook_add_worksheet(book, "Översikt");
    worksheet_set_column(overview, 0, 0, 34, nullptr);
    worksheet_set_column(overview, 1, 1, 30, nullptr);
    std::int64_t errors = blockingProblems(file);
    lxw_row_t row = 0;
    auto line = [&](std::string_view label, const std::string& value) {
      worksheet_write_string(overview, row, 0, std::string(label).c_str(), bold);
      worksheet_write_string(overview, row++, 1, value.c_str(), text);
    };
    line("Insamling", file.layout.collection);
    line("Kommun", file.layout.municipality);
    line("Halvår", file.period.toString());
    line("Uppgifterna per", report.asOf.empty() ? "nu" : report.asOf);
    if (report.periodEnded)
      line("Rättelser efter halvårets slut",
           fmt::format("{} poster bort, {} till ({})", report.removedSinceEnd.size(), report.addedSinceEnd.size(),
                       report.withCorrections ? "med i filen" : "inte med i filen"));
    line("Fel", std::to_string(errors));
    line("Varningar", std::to_string(static_cast<std::int64_t>(file.problems.size()) - errors));
    ++row;
    for (HalfYearBlock block : kHalfYearBlocks) {
      auto count = std::ranges::count_if(file.records, [&](const HalfYearRecord& r) { return r.block == block; });
      line(sheetName(block), fmt::format("{} poster", count));
    }

    for (HalfYearBlock block : kHalfYearBlocks) {
      const HalfYearBlockLayout& layout = file.layout.blocks.at(block);
      lxw_worksheet* sheet = workbook_add_worksheet(book, std::string(sheetName(block)).c_str());
      worksheet_set_column(sheet, 0, static_cast<lxw_col_t>(std::max<std::size_t>(layout.fields.size(), 1) - 1), 16,
                           text);
      for (std::size_t c = 0; c < layout.fields.size(); ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), layout.fields[c].c_str(), bold);
      worksheet_freeze_panes(sheet, 1, 0);
      lxw_row_t r = 1;
      for (const HalfYearRecord& record : file.records) {
        if (record.block != block) continue;
        lxw_col_t c = 0;
        for (const std::string& value : writer.values(record))
          worksheet_write_string(sheet, r, c++, value.c_str(), text);
        ++r;
      }
    }

    lxw_worksheet* checks = workbook_add_worksheet(book, "Kontroller");
    const char* headings[] = {"Person", "Kontroll", "Allvar", "Meddelande"};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(checks, 0, c, headings[c], bold);
    worksheet_set_column(checks, 0, 0, 10, nullptr);
    worksheet_set_column(checks, 1, 1, 32, nullptr);
    worksheet_set_column(checks, 2, 2, 10, nullptr);
    worksheet_set_column(checks, 3, 3, 90, nullptr);
    worksheet_freeze_panes(checks, 1, 0);
    lxw_row_t r = 1;
    for (const HalfYearProblem& p : file.problems) {
      worksheet_write_number(checks, r, 0, static_cast<double>(p.personId), nullptr);
      worksheet_write_string(checks, r, 1, p.check.c_str(), nullptr);
      worksheet_write_string(checks, r, 2, p.blocking ? "fel" : "varning", nullptr);
      worksheet_write_string(checks, r++, 3, localize(p.message, language).c_str(), nullptr);
    }
  });
}

json::object halfYearJson(const HalfYearReport& report, Language language, bool records) {
  const HalfYearFile& file = report.file;
  HalfYearWriter writer(file);
  json::array problems;
  std::int64_t errors = blockingProblems(file);
  for (const HalfYearProblem& p : file.problems) {
    problems.push_back(json::object{{"person_id", p.personId},
                                    {"registration_id", p.registrationId},
                                    {"check", p.check},
                                    {"message", localize(p.message, language)},
                                    {"blocking", p.blocking}});
  }
  json::array blocks;
  for (HalfYearBlock block : kHalfYearBlocks) {
    const HalfYearBlockLayout& layout = file.layout.blocks.at(block);
    std::vector<const HalfYearRecord*> own;
    for (const HalfYearRecord& r : file.records)
      if (r.block == block) own.push_back(&r);
    json::object b{{"block", toString(block)},
                   {"record_type", layout.recordType},
                   {"fields", json::array(layout.fields.begin(), layout.fields.end())},
                   {"count", own.size()}};
    if (records) {
      json::array items;
      for (const HalfYearRecord* r : own)
        items.push_back(json::object{{"person_id", r->personId}, {"values", valuesJson(writer, *r)}});
      b["records"] = std::move(items);
    }
    blocks.push_back(std::move(b));
  }
  json::object out{{"period", file.period.toString()},
                   {"collection", file.layout.collection},
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
    out["removed_since_end"] = recordsJson(writer, report.removedSinceEnd);
    out["added_since_end"] = recordsJson(writer, report.addedSinceEnd);
  }
  return out;
}

}  // namespace lotsen
