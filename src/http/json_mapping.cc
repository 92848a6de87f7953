#include "http/json_mapping.h"

namespace lotsen {
namespace json = boost::json;

Response jsonResponse(int status, const json::value& body) {
  return Response{status, "application/json", json::serialize(body), {}};
}

json::object personSummaryJson(const Person& p) {
  const PersonDetails& d = p.details;
  return {{"id", p.id},
          {"personal_id", d.personalId.canonical()},
          {"first_name", d.firstName},
          {"last_name", d.lastName},
          {"protected", d.protection != Protection::none}};
}

json::object personJson(const Person& p, const std::vector<Registration>& registrations,
                        bool showProtectedAddress) {
  const PersonDetails& d = p.details;
  json::object o = personSummaryJson(p);
  o.reserve(12);  // the fields below and the handler's "occupation", without growing twice
  bool hidden = d.protection != Protection::none && !showProtectedAddress;
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

}  // namespace lotsen
