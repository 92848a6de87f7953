#include "http/json_mapping.h"

namespace lotsen {
namespace json = boost::json;

Response jsonResponse(int status, const json::value& body) {
  return Response{status, "application/json", json::serialize(body), {}};
}

Response jsonTextResponse(int status, std::string body) {
  return Response{status, "application/json", std::move(body), {}};
}

Response problemWithCurrent(const Error& error, boost::json::value current) {
  Response r = problem(error);
  boost::json::object body = boost::json::parse(r.body).as_object();
  body["current"] = std::move(current);
  r.body = boost::json::serialize(body);
  return r;
}

namespace {

void writeSummaryFields(JsonWriter& out, const Person& p) {
  const PersonDetails& d = p.details;
  out.field("id", p.id)
      .field("personal_id", d.personalId.canonical())
      .field("first_name", d.firstName)
      .field("last_name", d.lastName)
      .field("protected", d.protection != Protection::none);
}

}  // namespace

void writePersonSummary(JsonWriter& out, const Person& p) {
  out.beginObject();
  writeSummaryFields(out, p);
  out.endObject();
}

std::string personJson(const Person& p, const std::vector<Registration>& registrations,
                       std::optional<std::string_view> occupationJson, bool showProtectedAddress,
                       std::optional<std::string_view> plannedJson, const CodeLabels* labels,
                       std::string_view occupationKind, std::string_view plannedKind,
                       const std::map<std::int64_t, std::string>& caseworkerNames) {
  const PersonDetails& d = p.details;
  JsonWriter out;
  out.reserve(512 + 256 * registrations.size());
  out.beginObject();
  writeSummaryFields(out, p);
  // A protected person's address and contact details reach only those allowed to see the address.
  const bool hidden = d.protection != Protection::none && !showProtectedAddress;
  out.key("address");
  if (hidden)
    out.null();
  else
    out.beginObject()
        .field("street_address", d.streetAddress)
        .field("postal_code", d.postalCode)
        .field("city", d.city)
        .endObject();
  out.key("contact");
  if (hidden)
    out.null();
  else
    out.beginObject().field("phone", p.contact.phone).field("email", p.contact.email).endObject();
  out.field("municipality_code", d.municipalityCode)
      .field("birth_date", d.personalId.birthDate().iso())
      .field("coordination_number", d.personalId.isCoordinationNumber())
      .field("version", p.version)
      .key("registrations")
      .beginArray();
  for (const Registration& r : registrations) {
    auto name = r.caseworkerId ? caseworkerNames.find(*r.caseworkerId) : caseworkerNames.end();
    writeRegistration(out, r, labels, name != caseworkerNames.end() ? std::string_view(name->second) : "");
  }
  out.endArray().key("occupation");
  // Every registration starts as unknown until something tells what the person does.
  if (occupationJson)
    out.raw(*occupationJson);
  else
    out.beginObject().field("kind", "unknown").endObject();
  if (labels) out.field("occupation_label", labels->label("occupation", occupationKind));
  out.key("planned_occupation");
  if (plannedJson)
    out.raw(*plannedJson);
  else
    out.null();
  if (labels && plannedJson) out.field("planned_occupation_label", labels->label("occupation", plannedKind));
  return out.endObject().take();
}

}  // namespace lotsen
