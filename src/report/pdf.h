// Lotsen report: the PDF machinery the reports share (cairo + pango): A4 pages drawn in order, text in
// DejaVu Sans laid out and wrapped by pango, and a footer "… · Sida N av M" on each page.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <string_view>

namespace lotsen::pdf {

inline constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 in points
inline constexpr double kMargin = 56;
inline constexpr double kBottom = kPageHeight - 70;  // text stops here; the footer is below

// Draws a document page by page into `out`; pages are numbered "footer · Sida N av M" (M from a first,
// counting run: give `totalPages` 0 then, and the count pages() answered in the second run). Not
// thread-safe; one document per object.
class Pages {
 public:
  Pages(std::string* out, std::string footer, int totalPages);
  Pages(const Pages&) = delete;
  Pages& operator=(const Pages&) = delete;
  ~Pages();

  cairo_t* cr() { return cr_; }
  // Sets the document's title (and Lotsen as its creator) in its metadata.
  void title(const std::string& text);

  // Writes `text` at (x, y) in `size` points, wrapped to `width` (0: no wrapping), aligned left, right or
  // centred within it; answers its height.
  double text(double x, double y, std::string_view text, double size, bool bold = false, double width = 0,
              PangoAlignment align = PANGO_ALIGN_LEFT);
  // The height `text` would take (see text()), drawing nothing.
  double height(std::string_view text, double size, bool bold, double width);

  // Ends the page with its number; without it when not `numbered` (a letter's page: its reader needs none).
  // Every page counts.
  void endPage(bool numbered = true);

  int pages() const { return page_; }
  // Finishes the document: CAIRO_STATUS_SUCCESS when all of it was written.
  cairo_status_t finish();

 private:
  double layOut(double x, double y, std::string_view text, double size, bool bold, double width, PangoAlignment align,
                bool draw);

  cairo_surface_t* surface_;
  cairo_t* cr_;
  std::string footer_;
  int total_;
  int page_ = 0;
};

// A straight line from (x1, y1) to (x2, y2), `width` points wide, in grey (0 black, 1 white).
void line(cairo_t* cr, double x1, double y1, double x2, double y2, double width, double grey);

}  // namespace lotsen::pdf
