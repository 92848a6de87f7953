// Reads messages as the source writes them, one a line, with their placeholders ({}, {:02X}, …), and
// prints each one that localize() leaves in English whatever values the placeholders take. Run by
// catalog_complete.py (the CTest test unit.EveryMessageTheSourceRaisesHasASwedishText). With --show it
// prints every message and its Swedish text instead, to read them.
#include <iostream>
#include <regex>
#include <string>

#include "domain/messages.h"

namespace {

// `message` with every placeholder replaced: a hexadecimal or a zero-padded number as such, any other
// by `sample`.
std::string filledIn(const std::string& message, const std::string& sample) {
  static const std::regex kPlaceholder(R"(\{([^{}]*)\})");
  std::string out;
  auto last = message.cbegin();
  for (std::sregex_iterator it(message.begin(), message.end(), kPlaceholder), end; it != end; ++it) {
    out.append(last, (*it)[0].first);
    std::string spec = (*it)[1].str();
    if (spec.find('X') != std::string::npos)
      out += "0A";
    else if (spec.find('f') != std::string::npos)
      out += "1.5";
    else if (spec.starts_with(":0"))
      out += std::string(static_cast<std::size_t>(std::stoi(spec.substr(2))) - 1, '0') + "7";
    else
      out += sample;
    last = (*it)[0].second;
  }
  out.append(last, message.cend());
  return out;
}

// The message's Swedish text: as written (a placeholder such as {id} may be part of the text), else
// with sample values; empty when it has none.
std::string swedishText(const std::string& message) {
  if (std::string said = lotsen::localize(message, lotsen::Language::sv); said != message) return said;
  for (const char* sample : {"7", "x", "2026-01-01", "population.csv", ""}) {
    std::string filled = filledIn(message, sample);
    if (std::string said = lotsen::localize(filled, lotsen::Language::sv); said != filled) return said;
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  bool show = argc > 1 && std::string(argv[1]) == "--show";
  std::string message;
  while (std::getline(std::cin, message)) {
    std::string said = swedishText(message);
    if (show)
      std::cout << message << "\n  -> " << (said.empty() ? "(none)" : said) << '\n';
    else if (said.empty())
      std::cout << message << '\n';
  }
}
