#include "report/pdf.h"

#include <cairo-pdf.h>
#include <fmt/format.h>

#if defined(__SANITIZE_ADDRESS__)
// In the sanitized build: fontconfig (under pango) keeps the fonts it has found for the life of the process,
// by design, and never frees them; LeakSanitizer is told so rather than the report being shut down.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif

namespace lotsen::pdf {
namespace {

constexpr const char* kFont = "DejaVu Sans";

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Pages::Pages(std::string* out, std::string footer, int totalPages) : footer_(std::move(footer)), total_(totalPages) {
  surface_ = cairo_pdf_surface_create_for_stream(appendToString, out, kPageWidth, kPageHeight);
  cr_ = cairo_create(surface_);
}

Pages::~Pages() {
  cairo_destroy(cr_);
  cairo_surface_destroy(surface_);
}

void Pages::title(const std::string& text) {
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, text.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Lotsen");
}

double Pages::text(double x, double y, std::string_view text, double size, bool bold, double width,
                   PangoAlignment align) {
  return layOut(x, y, text, size, bold, width, align, true);
}

double Pages::height(std::string_view text, double size, bool bold, double width) {
  return layOut(0, 0, text, size, bold, width, PANGO_ALIGN_LEFT, false);
}

void Pages::endPage(bool numbered) {
  ++page_;
  if (!numbered) {
    cairo_show_page(cr_);
    return;
  }
  std::string number = total_ > 0 ? fmt::format("{} · Sida {} av {}", footer_, page_, total_)
                                  : fmt::format("{} · Sida {}", footer_, page_);
  text(kMargin, kPageHeight - 45, number, 8, false, kPageWidth - 2 * kMargin, PANGO_ALIGN_CENTER);
  cairo_show_page(cr_);
}

cairo_status_t Pages::finish() {
  cairo_surface_finish(surface_);
  return cairo_surface_status(surface_);
}

double Pages::layOut(double x, double y, std::string_view text, double size, bool bold, double width,
                     PangoAlignment align, bool draw) {
  PangoLayout* layout = pango_cairo_create_layout(cr_);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFont);
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
  }
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  if (draw) {
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout);
  }
  pango_font_description_free(font);
  g_object_unref(layout);
  return h;
}

void line(cairo_t* cr, double x1, double y1, double x2, double y2, double width, double grey) {
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x1, y1);
  cairo_line_to(cr, x2, y2);
  cairo_stroke(cr);
}

}  // namespace lotsen::pdf
