#include "store/journal.h"

#include <boost/json.hpp>

#include "domain/text.h"

namespace lotsen {
namespace json = boost::json;

json::object payloadOf(const Event& e) {
  boost::system::error_code ec;
  json::value v = json::parse(repairUtf8(e.payload), ec);
  if (ec || !v.is_object()) return json::object{{"before", nullptr}, {"after", nullptr}};
  return std::move(v.as_object());
}

std::map<std::int64_t, JournalCase> replayJournal(const std::vector<Event>& events, std::string_view until) {
  std::map<std::int64_t, JournalCase> cases;
  for (const Event& e : events) {
    if (e.time >= until) break;
    if (!e.personId) continue;
    json::object payload = payloadOf(e);
    json::object* after = payload["after"].if_object();
    if (!after) continue;
    JournalCase& c = cases[*e.personId];
    const json::value* id = after->if_contains("id");
    if (e.type == kContactChanged) {
      c.contact = std::move(*after);
    } else if (e.type.starts_with("person.")) {
      c.person = std::move(*after);
    } else if (!id || !id->is_int64()) {
      continue;
    } else if (e.type.starts_with("registration.")) {
      c.registrations[id->as_int64()] = std::move(*after);
    } else if (std::size_t dot = e.type.find('.'); dot != std::string::npos && after->contains("data")) {
      auto& kind = c.records[e.type.substr(0, dot)];
      if (after->contains("voided"))
        kind.erase(id->as_int64());  // voided: out of the case from then on
      else
        kind[id->as_int64()] = std::move(*after);
    }
  }
  return cases;
}

}  // namespace lotsen
