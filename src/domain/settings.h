// Lotsen domain: the municipality's settings (worklist deadlines, break-the-glass hours, retention, …).
// One rule for every way they are changed (`lotsen settings`, PATCH /api/v1/settings).
#pragma once

#include <expected>
#include <map>
#include <string>
#include <vector>

#include "domain/error.h"

namespace lotsen {

using SettingValues = std::map<std::string, std::string>;

// Checks `changes` against the settings that exist (`known`, key → current value): each key is a known
// setting and each value a whole number from 1 to 3650. The changes in canonical form ("010" → "10"), or
// every mistake at once, each invalid_input naming the setting's key as its field.
std::expected<SettingValues, std::vector<Error>> checkSettingChanges(const SettingValues& known,
                                                                     const SettingValues& changes);

}  // namespace lotsen
