// Lotsen store: the access log's hash chain, the same for every database backend. Each entry's hash
// covers its content and the previous entry's hash, so that an edited, deleted, inserted or moved entry
// breaks the chain from there on; an anchor (count and hash) kept outside the database also shows
// entries cut off at the end.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "store/store.h"

namespace lotsen {

// The hash before the first entry.
inline const std::string kAccessChainStart(64, '0');

// BLAKE2b-256, hex, over entry `id` written at `time` (ISO UTC) with `personIds` ("1,2,3") and the
// previous entry's hash. Lengths precede every text, so that no two different entries serialise alike.
std::string accessHash(std::int64_t id, std::string_view time, const AccessEntry& entry, std::string_view personIds,
                       std::string_view previous);

// "COUNT:HASH", as `lotsen audit head` prints it and `lotsen audit verify --expect` takes it.
std::string anchorText(const AccessAnchor& anchor);
// invalid_input unless `text` is COUNT:HASH (a whole number and 64 hex digits).
std::expected<AccessAnchor, Error> parseAnchor(std::string_view text);

}  // namespace lotsen
