// Lotsen identify: the options of an identification run, defined once for the CLI (`lotsen identify
// --name`) and the API (form field `name` of POST /api/v1/identification-runs), so that the two take
// exactly the same options and read them alike.
#pragma once

#include <expected>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "identify/identify.h"

namespace lotsen {

enum class OptionKind {
  value,  // --name VALUE; a form field
  flag,   // --name; a form field "true" or "false"
  file,   // --name PATH; a file part of the upload
};

struct IdentifyOption {
  std::string_view name;  // the form field; the CLI's flag is --name with '-' for '_'
  OptionKind kind;
  bool required;
  std::string_view help;
};

// Every option, in the order the help lists them.
std::span<const IdentifyOption> identifyOptions();

// The CLI's flag for an option: "equivalent_school_forms" → "--equivalent-school-forms".
std::string cliFlag(std::string_view name);

// The texts given for a run's value and flag options, by option name (a flag: "true" or "false").
using IdentifyArguments = std::map<std::string, std::string, std::less<>>;

// The run's options from the texts given, on the day `today`. invalid_input naming the option (as its
// form field) for an unknown option, a missing required one, a bad value, or a run that would write and
// is dated after today (a dry run may look ahead).
std::expected<IdentifyOptions, Error> identifyOptionsFrom(const IdentifyArguments& given, CivilDate today);

}  // namespace lotsen
