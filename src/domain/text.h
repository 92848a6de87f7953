// Lotsen domain: small text helpers shared by the layers.
#pragma once

#include <string_view>
#include <vector>

namespace lotsen {

// The parts of `text` between `separator`s: "a,b" → {"a", "b"}; "" → {} ; "a," → {"a", ""}.
inline std::vector<std::string_view> splitList(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  if (text.empty()) return parts;
  for (;;) {
    std::size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

}  // namespace lotsen
