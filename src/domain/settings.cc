#include "domain/settings.h"

#include <fmt/format.h>

#include <charconv>

namespace lotsen {

std::expected<SettingValues, std::vector<Error>> checkSettingChanges(const SettingValues& known,
                                                                     const SettingValues& changes) {
  SettingValues canonical;
  std::vector<Error> errors;
  for (const auto& [key, value] : changes) {
    if (!known.contains(key)) {
      std::string names;
      for (const auto& [k, v] : known) names += (names.empty() ? "" : ", ") + k;
      errors.push_back(invalidInput(fmt::format("unknown setting '{}' (known: {})", key, names), key));
      continue;
    }
    int number = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size() || number < 1 || number > 3650) {
      errors.push_back(invalidInput(fmt::format("{} is a whole number from 1 to 3650, not '{}'", key, value), key));
      continue;
    }
    canonical[key] = std::to_string(number);
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return canonical;
}

}  // namespace lotsen
