// Lotsen domain: rules for text, shared by the layers: UTF-8, control characters, blank text, and how
// text that breaks them is shown without harm.
#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

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

// True when `text` is valid UTF-8 (simdjson's validator: several GB/s, so whole register files are checked).
bool isValidUtf8(std::string_view text);

// The offset of the first byte of `text` that does not belong to valid UTF-8, or npos when all is valid.
std::size_t firstInvalidUtf8(std::string_view text);

// `text` unchanged when it is valid UTF-8; otherwise each byte that does not belong to a valid sequence is
// replaced by U+FFFD, so that whatever is stored can be sent as JSON.
std::string repairUtf8(std::string_view text);

// Counts characters of UTF-8 text (not bytes).
std::size_t characterCount(std::string_view text);

// True when `text` has a character that shows on a screen (stops at the first: a name's first letter):
// not white space (the no-break and ideographic spaces included), nor a control or format character
// (zero-width spaces, joiners, byte-order marks), a filler, a combining mark on its own, a private-use
// or unassigned code point. Unicode's properties come from ICU.
bool showsSomething(std::string_view text);
// The offset of the first character of `text` that takes no room of its own where it stands (a zero-width
// space or joiner, a soft hyphen, a direction mark, a variation selector, a filler: Unicode's default-ignorable
// code points) or has no meaning of its own (a private-use or unassigned code point); npos when there is none.
// What a name typed by hand must not hold: "An\u200Bna" looks like "Anna" but is not found by that name.
// `text` must be valid UTF-8.
std::size_t firstHiddenCharacter(std::string_view text);
// Counts the letters and digits of UTF-8 text (of any script): what words are made of.
std::size_t letterOrDigitCount(std::string_view text);

// Whether a free-text field may hold line breaks (a note, a measure's content) or is one line (a name,
// a reason, a title).
enum class Lines { one, several };

// The first control character of `text` (C0, DEL or C1; a line feed is allowed when `lines` is
// several), as an offset; npos when there is none. `text` must be valid UTF-8.
std::size_t firstControlCharacter(std::string_view text, Lines lines = Lines::one);

// A fast check over a whole file (gigabytes): false when `text` surely holds no control character other
// than line feeds and carriage returns; true when it may (then firstControlCharacter says where).
bool mayHoldControlCharacters(std::string_view text);

// The rule for every free text a user or a register gives: valid UTF-8, no control characters (see
// firstControlCharacter), and something that shows (showsSomething). invalid_input naming
// `field` otherwise. Empty text passes: whether a field is required is the caller's rule.
std::expected<void, Error> checkFreeText(std::string_view text, std::string_view field, Lines lines = Lines::one);

// `text` for a terminal or a line-oriented file: control characters (line breaks included) and bytes
// that are not UTF-8 are written as \xHH, and a backslash as \\, so that stored text can never move
// the cursor, clear a line or forge a line of its own.
std::string printable(std::string_view text);

// A client's text as an error message echoes it: printable, and its first `maxCharacters` characters followed
// by "…" when it is longer (a message stays short, and the translation into Swedish reads it whole).
std::string echoed(std::string_view text, std::size_t maxCharacters = 60);

}  // namespace lotsen
