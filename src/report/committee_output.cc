#include "report/committee_output.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cmath>
#include <numbers>

#include "report/kpi_cases.h"
#include "report/pdf.h"
#include "report/xlsx.h"

namespace lotsen {
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 12> kMonthNames{"januari",   "februari", "mars",     "april",
                                                       "maj",       "juni",     "juli",     "augusti",
                                                       "september", "oktober",  "november", "december"};
constexpr std::array<std::string_view, 12> kShortMonthNames{"jan", "feb", "mar", "apr", "maj", "jun",
                                                            "jul", "aug", "sep", "okt", "nov", "dec"};

std::string_view monthName(YearMonth m) { return kMonthNames[static_cast<std::size_t>(m.month() - 1)]; }
std::string_view shortMonthName(YearMonth m) { return kShortMonthNames[static_cast<std::size_t>(m.month() - 1)]; }

// "oktober 2026".
std::string monthTitle(YearMonth m) { return fmt::format("{} {}", monthName(m), m.year()); }

// The report's headings, as the PDF and the workbook both say them.
struct Headings {
  std::string measure = "Verksamhetsmått";
  std::string direction = "Önskad riktning";
  std::string lastYear, target, thisMonth;
};

Headings headingsOf(const CommitteeReport& r) {
  YearMonth before = r.month.plusMonths(-12);
  return Headings{
      "Verksamhetsmått", "Önskad riktning", fmt::format("Utfall {} {}", shortMonthName(before), before.year()),
      fmt::format("Mål {}", r.month.year()), fmt::format("Utfall {} {}", shortMonthName(r.month), r.month.year())};
}

std::string noAnalysis() { return "Ingen analys är skriven för månaden."; }

// ----- PDF -----

// A measure's label, with its arrow when it has a desired direction ("Andel i åtgärd ↗").
std::string headingOf(const ActivityMeasure& m) {
  if (m.direction == Direction::none) return std::string(m.label);
  return fmt::format("{} {}", m.label, directionArrow(m.direction));
}

using pdf::kBottom;
using pdf::kMargin;
using pdf::kPageWidth;
using pdf::line;
using PdfPages = pdf::Pages;

// A line chart of one measure's twelve months at (x, y), `width` × `height` for the plot itself.
void chart(PdfPages& pdf, const CommitteeLine& l, double x, double y, double width, double height) {
  cairo_t* cr = pdf.cr();
  pdf.text(x - 40, y - 26, headingOf(l.measure), 11, true);
  double top = 1;
  if (l.measure.unit != MeasureUnit::share) {
    top = 0;
    for (const auto& [month, value] : l.trend) top = std::max(top, value.value_or(0));
    top = std::max(top, l.target.value_or(0));
    top = top <= 0 ? 1 : std::ceil(top * 1.1);
  }
  auto yOf = [&](double v) { return y + height - v / top * height; };
  for (double fraction : {0.0, 0.5, 1.0}) {
    double v = top * fraction;
    line(cr, x, yOf(v), x + width, yOf(v), 0.4, 0.8);
    pdf.text(x - 44, yOf(v) - 6, committeeValueText(l.measure, v), 7, false, 40, PANGO_ALIGN_RIGHT);
  }
  double step = width / 11;
  for (std::size_t i = 0; i < l.trend.size(); ++i)
    pdf.text(x + static_cast<double>(i) * step - 15, y + height + 4, std::string(shortMonthName(l.trend[i].first)), 7,
             false, 30, PANGO_ALIGN_CENTER);
  if (l.target) {
    double dash[] = {4, 3};
    cairo_set_dash(cr, dash, 2, 0);
    line(cr, x, yOf(*l.target), x + width, yOf(*l.target), 1, 0.45);
    cairo_set_dash(cr, nullptr, 0, 0);
    pdf.text(x + width + 4, yOf(*l.target) - 6, "Mål", 7);
  }
  cairo_set_source_rgb(cr, 0.0, 0.34, 0.6);
  cairo_set_line_width(cr, 1.6);
  bool drawing = false;
  for (std::size_t i = 0; i < l.trend.size(); ++i) {
    const auto& value = l.trend[i].second;
    if (!value) {
      drawing = false;
      continue;
    }
    double px = x + static_cast<double>(i) * step, py = yOf(*value);
    if (drawing)
      cairo_line_to(cr, px, py);
    else
      cairo_move_to(cr, px, py);
    drawing = true;
  }
  cairo_stroke(cr);
  for (std::size_t i = 0; i < l.trend.size(); ++i) {
    if (!l.trend[i].second) continue;
    cairo_arc(cr, x + static_cast<double>(i) * step, yOf(*l.trend[i].second), 2.2, 0, 2 * std::numbers::pi);
    cairo_fill(cr);
  }
}

// Draws the whole document; answers the number of pages.
int drawCommittee(const CommitteeReport& r, std::string* out, int totalPages) {
  std::string month = monthTitle(r.month);
  PdfPages pdf(out, fmt::format("Nämndrapport {}", month), totalPages);
  pdf.title(fmt::format("Nämndrapport – verksamhetsmått {}", month));
  const double width = kPageWidth - 2 * kMargin;

  // The title page.
  pdf.text(kMargin, 250, "Nämndrapport", 30, true, width);
  pdf.text(kMargin, 300, "Kommunala aktivitetsansvaret (KAA)", 16, false, width);
  pdf.text(kMargin, 330, fmt::format("Verksamhetsmått för {}", month), 16, false, width);
  pdf.text(kMargin, 380, fmt::format("Utfall för hela kommunen per {}.", r.asOf.iso()), 11, false, width);
  pdf.text(kMargin, 398, "Framtagen ur Lotsen.", 11, false, width);
  pdf.endPage();

  // The table in the municipal layout.
  Headings h = headingsOf(r);
  double y = kMargin;
  y += pdf.text(kMargin, y, fmt::format("Verksamhetsmått {}", month), 18, true, width) + 12;
  y += pdf.text(kMargin, y,
                fmt::format("Utfall för hela kommunen per {}. Önskad riktning: ↗ högre är bättre, ↘ lägre är "
                            "bättre, – följs utan mål om riktning. Tidsgränsen för första kontakt är {} dagar.",
                            r.asOf.iso(), r.firstContactDays),
                9.5, false, width) +
       14;
  // The table is wider than the text (margins of 40 points), so that each heading fits on one line.
  const double left = 40, tableWidth = kPageWidth - 2 * left;
  const std::array<double, 5> columns{205, 60, 85, 75, 90};
  auto row = [&](const std::array<std::string, 5>& cells, bool bold) {
    double height = 0, x = left;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      height = std::max(height, pdf.text(x + 3, y + 5, cells[i], bold ? 9 : 9.5, bold, columns[i] - 6,
                                         i == 0   ? PANGO_ALIGN_LEFT
                                         : i == 1 ? PANGO_ALIGN_CENTER
                                                  : PANGO_ALIGN_RIGHT));
      x += columns[i];
    }
    y += height + 10;
    line(pdf.cr(), left, y, left + tableWidth, y, bold ? 1.0 : 0.4, bold ? 0 : 0.6);
  };
  line(pdf.cr(), left, y, left + tableWidth, y, 1.0, 0);
  row({h.measure, h.direction, h.lastYear, h.target, h.thisMonth}, true);
  for (const CommitteeLine& l : r.lines)
    row({std::string(l.measure.label), std::string(directionArrow(l.measure.direction)),
         committeeValueText(l.measure, l.sameMonthLastYear), committeeValueText(l.measure, l.target),
         committeeValueText(l.measure, l.thisMonth)},
        false);
  y += 14;
  pdf.text(kMargin, y,
           "Andelarna räknas av de inskrivna den dag utfallet gäller (månadens sista dag). Första kontakt: av "
           "månadens nya inskrivningar som kontaktats eller vars tidsgräns har gått ut, andelen med ett "
           "kontaktförsök inom tidsgränsen, och medianen av dagarna till det första försöket. Definitionerna "
           "står i docs/reports.md.",
           8.5, false, width);
  pdf.endPage();

  // The trends, three charts a page.
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    std::size_t onPage = i % 3;
    if (onPage == 0) {
      y = kMargin;
      pdf.text(kMargin, y, "Utveckling de senaste tolv månaderna", 16, true, width);
    }
    chart(pdf, r.lines[i], kMargin + 40, kMargin + 80 + static_cast<double>(onPage) * 235, width - 70, 150);
    if (onPage == 2 || i + 1 == r.lines.size()) pdf.endPage();
  }

  // The analyses.
  y = kMargin;
  y += pdf.text(kMargin, y, "Analys", 18, true, width) + 12;
  for (const CommitteeLine& l : r.lines) {
    std::string text = l.analysis.empty() ? noAnalysis() : l.analysis;
    // A section that would not fit starts on a new page (the longest analysis fits on one).
    double needed = pdf.height(headingOf(l.measure), 12, true, width) + pdf.height(text, 10, false, width) + 40;
    if (y + needed > kBottom) {
      pdf.endPage();
      y = kMargin;
    }
    y += pdf.text(kMargin, y, headingOf(l.measure), 12, true, width) + 4;
    y += pdf.text(kMargin, y,
                  fmt::format("Utfall {}: {}. Mål {}: {}.", month, committeeValueText(l.measure, l.thisMonth),
                              r.month.year(), committeeValueText(l.measure, l.target)),
                  9.5, false, width) +
         4;
    y += pdf.text(kMargin, y, text, 10, false, width) + 16;
  }
  pdf.endPage();
  if (pdf.finish() != CAIRO_STATUS_SUCCESS) return -1;
  return pdf.pages();
}

}  // namespace

std::expected<CommitteeReport, Error> committeeReport(Store& store, const CaseHistory& history, YearMonth month,
                                                      CivilDate today) {
  if (auto begun = checkBegun(month, today); !begun) return std::unexpected(begun.error());
  auto deadline = firstContactDays(store);
  if (!deadline) return std::unexpected(deadline.error());
  auto targets = store.measureTargets(month.year());
  if (!targets) return std::unexpected(targets.error());
  auto analyses = store.measureAnalyses(month.toString());
  if (!analyses) return std::unexpected(analyses.error());
  return computeCommitteeReport(kpiCases(history, month.plusMonths(-12).first(), month.last()), month, today, *deadline,
                                *targets, *analyses);
}

json::value committeeValueJson(const ActivityMeasure& measure, std::optional<double> value) {
  if (!value) return nullptr;
  if (measure.unit == MeasureUnit::count) return static_cast<std::int64_t>(std::llround(*value));
  return *value;
}

std::string committeeValueText(const ActivityMeasure& measure, std::optional<double> value) {
  if (!value) return "–";
  std::string text;
  switch (measure.unit) {
    case MeasureUnit::share:
      text = fmt::format("{:.1f}\u00a0%", *value * 100);
      break;
    case MeasureUnit::days:
      text = fmt::format("{:.1f}", *value);
      break;
    case MeasureUnit::count:
      text = fmt::format("{:.0f}", *value);
      break;
  }
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

json::object committeeJson(const CommitteeReport& r) {
  json::array measures;
  for (const CommitteeLine& l : r.lines) {
    json::array trend;
    for (const auto& [month, value] : l.trend)
      trend.push_back(json::object{{"month", month.toString()}, {"value", committeeValueJson(l.measure, value)}});
    measures.push_back(json::object{{"code", l.measure.code},
                                    {"label", l.measure.label},
                                    {"direction", toString(l.measure.direction)},
                                    {"unit", toString(l.measure.unit)},
                                    {"this_month", committeeValueJson(l.measure, l.thisMonth)},
                                    {"same_month_last_year", committeeValueJson(l.measure, l.sameMonthLastYear)},
                                    {"target", committeeValueJson(l.measure, l.target)},
                                    {"trend", std::move(trend)},
                                    {"analysis", l.analysis},
                                    {"analysis_version", l.analysisVersion}});
  }
  return json::object{{"month", r.month.toString()},
                      {"as_of", r.asOf.iso()},
                      {"first_contact_days", r.firstContactDays},
                      {"measures", std::move(measures)}};
}

std::expected<std::string, Error> committeePdf(const CommitteeReport& report) {
  std::string counting, out;
  int pages = drawCommittee(report, &counting, 0);
  if (pages < 0 || drawCommittee(report, &out, pages) < 0)
    return std::unexpected(internalError("the PDF could not be drawn"));
  return out;
}

std::expected<std::string, Error> committeeXlsx(const CommitteeReport& r) {
  return xlsxWorkbook(fmt::format("Nämndrapport – verksamhetsmått {}", monthTitle(r.month)), [&](lxw_workbook* book) {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* title = workbook_add_format(book);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* percent = workbook_add_format(book);
    format_set_num_format(percent, "0.0%");
    lxw_format* decimal = workbook_add_format(book);
    format_set_num_format(decimal, "0.0");
    lxw_format* whole = workbook_add_format(book);
    format_set_num_format(whole, "0");
    lxw_format* centred = workbook_add_format(book);
    format_set_align(centred, LXW_ALIGN_CENTER);
    lxw_format* wrapped = workbook_add_format(book);
    format_set_text_wrap(wrapped);
    format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);

    auto number = [&](lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const ActivityMeasure& m,
                      std::optional<double> value) {
      if (!value) {
        worksheet_write_string(sheet, row, col, "–", centred);
        return;
      }
      lxw_format* f = m.unit == MeasureUnit::share ? percent : m.unit == MeasureUnit::days ? decimal : whole;
      worksheet_write_number(sheet, row, col, *value, f);
    };

    std::string month = monthTitle(r.month);
    Headings h = headingsOf(r);
    lxw_worksheet* table = workbook_add_worksheet(book, "Verksamhetsmått");
    worksheet_write_string(table, 0, 0, fmt::format("Nämndrapport – verksamhetsmått {}", month).c_str(), title);
    worksheet_write_string(table, 1, 0,
                           fmt::format("Utfall för hela kommunen per {}. Tidsgräns för första kontakt: {} dagar.",
                                       r.asOf.iso(), r.firstContactDays)
                               .c_str(),
                           nullptr);
    const std::array<std::string, 5> headings{h.measure, h.direction, h.lastYear, h.target, h.thisMonth};
    for (std::size_t c = 0; c < headings.size(); ++c)
      worksheet_write_string(table, 3, static_cast<lxw_col_t>(c), headings[c].c_str(), bold);
    worksheet_set_column(table, 0, 0, 46, nullptr);
    worksheet_set_column(table, 1, 4, 16, nullptr);
    lxw_row_t row = 4;
    for (const CommitteeLine& l : r.lines) {
      worksheet_write_string(table, row, 0, std::string(l.measure.label).c_str(), nullptr);
      worksheet_write_string(table, row, 1, std::string(directionArrow(l.measure.direction)).c_str(), centred);
      number(table, row, 2, l.measure, l.sameMonthLastYear);
      number(table, row, 3, l.measure, l.target);
      number(table, row, 4, l.measure, l.thisMonth);
      ++row;
    }

    lxw_worksheet* trend = workbook_add_worksheet(book, "Trend");
    worksheet_write_string(trend, 0, 0, "Verksamhetsmått", bold);
    worksheet_set_column(trend, 0, 0, 46, nullptr);
    worksheet_set_column(trend, 1, 12, 10, nullptr);
    row = 1;
    for (const CommitteeLine& l : r.lines) {
      worksheet_write_string(trend, row, 0, std::string(l.measure.label).c_str(), nullptr);
      for (std::size_t i = 0; i < l.trend.size(); ++i) {
        if (row == 1)
          worksheet_write_string(trend, 0, static_cast<lxw_col_t>(i + 1), l.trend[i].first.toString().c_str(), bold);
        if (l.trend[i].second)  // a month without a value stays blank: a chart leaves a gap, never a zero
          number(trend, row, static_cast<lxw_col_t>(i + 1), l.measure, l.trend[i].second);
      }
      ++row;
    }
    // A line chart of each measure's months, below the table, two across.
    for (std::size_t k = 0; k < r.lines.size(); ++k) {
      const CommitteeLine& l = r.lines[k];
      if (l.trend.empty()) continue;
      lxw_chart* chart = workbook_add_chart(book, LXW_CHART_LINE);
      auto last = static_cast<lxw_col_t>(l.trend.size());
      auto dataRow = static_cast<lxw_row_t>(k + 1);
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(series, "Trend", 0, 1, 0, last);
      chart_series_set_values(series, "Trend", dataRow, 1, dataRow, last);
      chart_title_set_name(chart, std::string(l.measure.label).c_str());
      chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
      if (l.measure.unit == MeasureUnit::share) chart_axis_set_num_format(chart->y_axis, "0%");
      worksheet_insert_chart(trend, static_cast<lxw_row_t>(r.lines.size() + 3 + (k / 2) * 16),
                             static_cast<lxw_col_t>((k % 2) * 7), chart);
    }

    lxw_worksheet* analysis = workbook_add_worksheet(book, "Analys");
    worksheet_write_string(analysis, 0, 0, "Verksamhetsmått", bold);
    worksheet_write_string(analysis, 0, 1, fmt::format("Analys {}", month).c_str(), bold);
    worksheet_set_column(analysis, 0, 0, 46, nullptr);
    worksheet_set_column(analysis, 1, 1, 90, wrapped);
    row = 1;
    for (const CommitteeLine& l : r.lines) {
      worksheet_write_string(analysis, row, 0, std::string(l.measure.label).c_str(), wrapped);
      worksheet_write_string(analysis, row, 1, (l.analysis.empty() ? noAnalysis() : l.analysis).c_str(), wrapped);
      ++row;
    }
  });
}

}  // namespace lotsen
