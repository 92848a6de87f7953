#include "http/json_mapping.h"

namespace lotsen {
namespace json = boost::json;

json::object personSummaryJson(const Person& p) {
  const PersonDetails& d = p.details;
  return {{"id", p.id},
          {"personal_id", d.personalId.canonical()},
          {"first_name", d.firstName},
          {"last_name", d.lastName},
          {"protected", d.protection != Protection::none}};
}

json::object registrationJson(const Registration& r) {
  json::object o{{"id", r.id},
                 {"programme", r.programme},
                 {"start_date", r.startDate.iso()},
                 {"reason", r.reason},
                 {"version", r.version}};
  o["end_date"] = r.endDate ? json::value(r.endDate->iso()) : json::value(nullptr);
  o["end_reason"] = r.endReason ? json::value(*r.endReason) : json::value(nullptr);
  o["caseworker_id"] = r.caseworkerId ? json::value(*r.caseworkerId) : json::value(nullptr);
  o["unit"] = r.unit;
  return o;
}

json::object personJson(const Person& p, const std::vector<Registration>& registrations) {
  const PersonDetails& d = p.details;
  json::object o = personSummaryJson(p);
  bool hidden = d.protection != Protection::none;
  o["address"] = hidden ? json::value(nullptr)
                        : json::value(json::object{
                              {"street_address", d.streetAddress}, {"postal_code", d.postalCode}, {"city", d.city}});
  o["municipality_code"] = d.municipalityCode;
  o["birth_date"] = d.personalId.birthDate().iso();
  o["coordination_number"] = d.personalId.isCoordinationNumber();
  o["version"] = p.version;
  json::array regs;
  for (const Registration& r : registrations) regs.push_back(registrationJson(r));
  o["registrations"] = std::move(regs);
  return o;
}

json::object caseRecordJson(const CaseRecord& r) {
  json::object o{{"id", r.id}, {"kind", r.kind}, {"version", r.version}};
  o["registration_id"] = r.registrationId ? json::value(*r.registrationId) : json::value(nullptr);
  boost::system::error_code ec;
  o["data"] = json::parse(r.data, ec);
  return o;
}

}  // namespace lotsen
