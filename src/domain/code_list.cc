#include "domain/code_list.h"

namespace lotsen {

const Code* CodeList::find(std::string_view code, CivilDate date) const {
  for (const Code& c : codes_)
    if (c.code == code && c.isValidOn(date)) return &c;
  return nullptr;
}

}  // namespace lotsen
