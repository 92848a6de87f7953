#include "domain/text.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <unicode/uchar.h>

namespace lotsen {
namespace {

// The length of the valid UTF-8 sequence at `text[i]` (Unicode table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 when the byte there does not start one.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
  auto at = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  unsigned c = at(i);
  auto continuation = [&](std::size_t k, unsigned low = 0x80, unsigned high = 0xBF) {
    return at(k) >= low && at(k) <= high;
  };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
    return continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    return continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  return 0;
}

// True for the three-byte characters that reorder or break lines on a screen: U+2028 and U+2029 (line
// and paragraph separators), U+202A–U+202E and U+2066–U+2069 (bidirectional overrides and isolates).
bool isLayoutControl(std::string_view s) {
  if (s.size() != 3 || static_cast<unsigned char>(s[0]) != 0xE2) return false;
  auto b1 = static_cast<unsigned char>(s[1]), b2 = static_cast<unsigned char>(s[2]);
  return (b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

// The code point of the valid sequence of `n` bytes at `s`.
char32_t decode(const char* s, std::size_t n) {
  auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i])); };
  if (n == 1) return b(0);
  if (n == 2) return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
  if (n == 3) return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
  return (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
}

// True for a code point that takes no room where it stands or has no meaning of its own (ICU's properties):
// default-ignorable ones (format characters such as zero-width spaces, joiners, byte-order marks; fillers),
// private-use and unassigned code points.
bool isHidden(UChar32 code) {
  auto type = static_cast<UCharCategory>(u_charType(code));
  return u_hasBinaryProperty(code, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || type == U_PRIVATE_USE_CHAR ||
         type == U_UNASSIGNED;
}

// True for what shows nothing on a screen: white space, controls, hidden code points (isHidden) and combining
// marks on their own.
bool showsNothing(char32_t c) {
  auto code = static_cast<UChar32>(c);
  if (!u_isgraph(code) || isHidden(code)) return true;
  auto type = static_cast<UCharCategory>(u_charType(code));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK;
}

}  // namespace

std::size_t firstHiddenCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = std::max<std::size_t>(sequenceLength(text, i), 1);
    if (n > 1 && isHidden(static_cast<UChar32>(decode(text.data() + i, n)))) return i;  // ASCII hides nothing
    i += n;
  }
  return std::string_view::npos;
}

std::size_t letterOrDigitCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = std::max<std::size_t>(sequenceLength(text, i), 1);
    if (u_isalnum(static_cast<UChar32>(decode(text.data() + i, n)))) ++count;
    i += n;
  }
  return count;
}

bool showsSomething(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Printable ASCII shows without asking ICU: most names of a national extract stop here.
    if (auto c = static_cast<unsigned char>(text[i]); c > 0x20 && c < 0x7F) return true;
    std::size_t n = std::max<std::size_t>(sequenceLength(text, i), 1);
    if (!showsNothing(decode(text.data() + i, n))) return true;
    i += n;
  }
  return false;
}

bool isValidUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

std::size_t firstInvalidUtf8(std::string_view text) {
  if (isValidUtf8(text)) return std::string_view::npos;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = sequenceLength(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string repairUtf8(std::string_view text) {
  if (isValidUtf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = sequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

std::size_t characterCount(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::size_t firstControlCharacter(std::string_view text, Lines lines) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && !(c == '\n' && lines == Lines::several)) return i;
    if (c == 0x7F) return i;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return i;  // C1
    if (c == 0xE2 && isLayoutControl(text.substr(i, 3))) return i;
  }
  return std::string_view::npos;
}

bool mayHoldControlCharacters(std::string_view text) {
  // Branch-free so that the compiler vectorises it: C0 controls but line breaks, DEL, and the lead bytes
  // of C1 controls (0xC2) and of the layout controls (0xE2), which ordinary text rarely holds.
  unsigned char suspect = 0;
  for (unsigned char c : text)
    suspect |= static_cast<unsigned char>((c < 0x20) & (c != '\n') & (c != '\r')) |
               static_cast<unsigned char>(c == 0x7F) | static_cast<unsigned char>(c == 0xC2) |
               static_cast<unsigned char>(c == 0xE2);
  return suspect != 0;
}

std::expected<void, Error> checkFreeText(std::string_view text, std::string_view field, Lines lines) {
  std::string name(field);
  if (!isValidUtf8(text)) return std::unexpected(invalidInput(fmt::format("{} is not valid UTF-8", field), name));
  if (firstControlCharacter(text, lines) != std::string_view::npos)
    return std::unexpected(invalidInput(
        lines == Lines::several ? fmt::format("{} holds a control character (only line breaks are allowed)", field)
                                : fmt::format("{} holds a control character", field),
        name));
  if (!text.empty() && !showsSomething(text))
    return std::unexpected(
        invalidInput(fmt::format("{} shows nothing: only white space or invisible characters", field), name));
  return {};
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = sequenceLength(text, i);
    std::string_view sequence = text.substr(i, std::max<std::size_t>(n, 1));
    bool control = n == 0 || firstControlCharacter(sequence) != std::string_view::npos;
    if (control) {
      for (unsigned char c : sequence) out += fmt::format("\\x{:02X}", c);
    } else if (sequence == "\\") {
      out += "\\\\";
    } else {
      out += sequence;
    }
    i += sequence.size();
  }
  return out;
}

std::string echoed(std::string_view text, std::size_t maxCharacters) {
  std::size_t end = 0;
  for (std::size_t n = 0; end < text.size() && n < maxCharacters; ++n)
    end += std::max<std::size_t>(sequenceLength(text, end), 1);
  return printable(text.substr(0, end)) + (end < text.size() ? "…" : "");
}

}  // namespace lotsen
