// Lotsen demo: the layout and code mapping of SCB's half-year file the demo municipality has imported
// (docs/examples/scb-halvar-demo.json — the demo's own codes, not SCB's).
#pragma once

#include <string_view>

namespace lotsen {

// The file's text, as `lotsen codes import` would read it.
std::string_view demoHalfYearLayout();

}  // namespace lotsen
