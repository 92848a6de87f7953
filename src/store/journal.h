// Lotsen store: the cases as the event journal says they stood at an earlier instant. The journal is the
// record of truth; the current-state tables are its latest fold. Backend-neutral: it reads Events, not SQL.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace lotsen {

// The journal's type for a change of contact details ({"phone", "email"} before and after).
inline constexpr std::string_view kContactChanged = "person.contact_changed";

// An event's {"before", "after"}; text stored before UTF-8 was checked at the edge is repaired (U+FFFD),
// so that every event can be read. {"before": null, "after": null} when the payload is not an object.
boost::json::object payloadOf(const Event& e);

// One person's case as the journal's "after" objects left it.
struct JournalCase {
  std::optional<boost::json::object> person;  // as "person.*" events write it; none before it was created
  boost::json::object contact{{"phone", ""}, {"email", ""}};
  std::map<std::int64_t, boost::json::object> registrations;  // by id
  // The live (not voided) records by kind ("contact_attempt", "measure", …) and id, as caseRecordJson
  // writes them ({"id", "kind", "registration_id", "data", …}).
  std::map<std::string, std::map<std::int64_t, boost::json::object>, std::less<>> records;
};

// Folds `events` (oldest first, as the store answers them) stamped before `until` (a stored UTC timestamp,
// e.g. swedishDayStartUtc) into each person's case, by person id. Events without a person are skipped.
std::map<std::int64_t, JournalCase> replayJournal(const std::vector<Event>& events, std::string_view until);

}  // namespace lotsen
