#include "domain/interned_code.h"

#include <mutex>
#include <set>

namespace lotsen {

InternedCode::InternedCode(std::string_view text) {
  if (text.empty()) return;
  static std::mutex mutex;
  static auto* codes = new std::set<std::string, std::less<>>;  // never destroyed: codes outlive every static
  std::lock_guard lock(mutex);
  auto at = codes->find(text);
  if (at == codes->end()) at = codes->emplace(text).first;
  text_ = &*at;
}

}  // namespace lotsen
