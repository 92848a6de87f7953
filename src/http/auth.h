// Lotsen http: password hashing and session tokens (libsodium).
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace lotsen {

inline constexpr std::size_t kMinimumPasswordLength = 12;

// Hashes a password with Argon2id (libsodium crypto_pwhash_str, "interactive" limits: 2 passes, 64 MiB).
// invalid_input when the password is shorter than kMinimumPasswordLength characters.
std::expected<std::string, Error> hashPassword(std::string_view password);

// True when `password` matches `hash`. Takes as long for an unknown user when given kDummyHash.
bool verifyPassword(std::string_view password, const std::string& hash);

// A hash that matches no password, to verify against when the username is unknown (same timing).
const std::string& dummyPasswordHash();

// 32 random bytes as URL-safe base64 (no padding).
std::string randomToken();

// BLAKE2b-256 of a session token, hex: only this is stored.
std::string tokenHash(std::string_view token);

// Compares two secrets in constant time.
bool secretsEqual(std::string_view a, std::string_view b);

}  // namespace lotsen
