#include "store/access_chain.h"

#include <fmt/format.h>
#include <sodium.h>

#include <charconv>
#include <stdexcept>

namespace lotsen {

std::string accessHash(std::int64_t id, std::string_view time, const AccessEntry& e, std::string_view personIds,
                       std::string_view previous) {
  // id|len:time|user|len:username|len:role|len:route|len:person_ids|count|len:purpose|[refused|]previous
  // (entries written before refusals were logged have no "refused|", and hash as they always did).
  std::string content;
  content.reserve(160 + e.username.size() + e.route.size() + personIds.size() + e.purpose.size());
  auto field = [&](std::string_view text) { content.append(std::to_string(text.size())).append(":").append(text); };
  content.append(std::to_string(id)).append("|");
  field(time);
  content.append("|").append(e.userId ? std::to_string(*e.userId) : "-").append("|");
  for (std::string_view text :
       {std::string_view(e.username), std::string_view(e.role), std::string_view(e.route), personIds}) {
    field(text);
    content.append("|");
  }
  content.append(std::to_string(e.count)).append("|");
  field(e.purpose);
  content.append(e.refused ? "|refused|" : "|").append(previous);
  static const bool sodiumReady = sodium_init() >= 0;
  if (!sodiumReady) throw std::runtime_error("libsodium could not be initialised");
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                     nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string anchorText(const AccessAnchor& anchor) { return fmt::format("{}:{}", anchor.count, anchor.hash); }

std::expected<AccessAnchor, Error> parseAnchor(std::string_view text) {
  std::size_t colon = text.find(':');
  AccessAnchor anchor;
  std::string_view count = text.substr(0, colon);
  auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), anchor.count);
  bool ok =
      colon != std::string_view::npos && ec == std::errc() && end == count.data() + count.size() && anchor.count >= 0;
  if (ok) {
    anchor.hash = std::string(text.substr(colon + 1));
    ok = anchor.hash.size() == 64 && anchor.hash.find_first_not_of("0123456789abcdef") == std::string::npos;
  }
  if (!ok)
    return std::unexpected(
        invalidInput("an anchor is COUNT:HASH as lotsen audit head prints it, e.g. 1234:9f86d0…", "expect"));
  return anchor;
}

}  // namespace lotsen
