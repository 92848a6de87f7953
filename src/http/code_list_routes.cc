// The code lists, for clients to offer the valid codes with their Swedish labels (any signed-in user).
#include <boost/json.hpp>

#include "http/api.h"
#include "http/json_mapping.h"
#include "store/case_records.h"

namespace lotsen {
namespace json = boost::json;
namespace {

json::object listJson(const CodeList& list) {
  json::array codes;
  for (const Code& c : list.codes())
    codes.push_back(json::object{{"code", c.code},
                                 {"label", c.label},
                                 {"valid_from", c.validFrom.iso()},
                                 {"valid_to", c.validTo ? json::value(c.validTo->iso()) : json::value(nullptr)}});
  return json::object{{"name", list.name()}, {"codes", std::move(codes)}};
}

// GET /api/v1/code-lists: every list with its codes, labels and validity.
Response allCodeLists(Call& call) {
  auto lists = codeLists(call.store);
  if (!lists) return problem(lists.error());
  json::array items;
  for (const CodeList& list : *lists) items.push_back(listJson(list));
  return jsonResponse(200, json::object{{"items", std::move(items)}});
}

// GET /api/v1/code-lists/{name}: one list; 404 for a name there is none of.
Response oneCodeList(Call& call) {
  auto lists = codeLists(call.store);
  if (!lists) return problem(lists.error());
  for (const CodeList& list : *lists)
    if (list.name() == call.params[0]) return jsonResponse(200, listJson(list));
  return problem(404, "Not Found", "no such code list");
}

}  // namespace

std::vector<Route> codeListRoutes() {
  return {{"GET", "/api/v1/code-lists", Permission::signed_in, Execution::inline_read, allCodeLists},
          {"GET", "/api/v1/code-lists/{name}", Permission::signed_in, Execution::inline_read, oneCodeList}};
}

}  // namespace lotsen
