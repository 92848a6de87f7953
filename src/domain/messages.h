// Lotsen domain core: the language users read. Lotsen's rules word their errors in English (the code's
// language, and the answer to clients that ask for English); users read Swedish. The Swedish texts live
// in one catalog here, outside every layer that raises errors, so a rule never carries two languages.
#pragma once

#include <string>
#include <string_view>

namespace lotsen {

enum class Language : std::uint8_t { sv, en };

// The language of an Accept-Language header: English when the client prefers en (before any sv), else
// Swedish (also without a header).
Language languageFrom(std::string_view acceptLanguage);

// `message` (an error's English text, or an HTTP status title) in `language`: the catalog's Swedish
// text with the message's values put in (field names as their Swedish labels), or the English text when
// the catalog has none. Thread-safe.
std::string localize(std::string_view message, Language language);

}  // namespace lotsen
