#include "domain/code_list.h"

#include <algorithm>

namespace lotsen {

const Code* CodeList::find(std::string_view code, CivilDate date) const {
  for (const Code& c : codes_)
    if (c.code == code && c.isValidOn(date)) return &c;
  return nullptr;
}

bool CodeList::contains(std::string_view code) const {
  return std::ranges::any_of(codes_, [&](const Code& c) { return c.code == code; });
}

void CodeLabels::add(const CodeList& list) {
  auto& labels = labels_[list.name()];
  for (const Code& c : list.codes()) labels[c.code] = c.label;  // ordered by validity: the latest wins
}

std::string_view CodeLabels::label(std::string_view list, std::string_view code) const {
  auto l = labels_.find(list);
  if (l == labels_.end()) return {};
  auto c = l->second.find(code);
  return c == l->second.end() ? std::string_view() : std::string_view(c->second);
}

}  // namespace lotsen
