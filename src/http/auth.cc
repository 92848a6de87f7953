#include "http/auth.h"

#include <fmt/format.h>
#include <sodium.h>

#include <stdexcept>

namespace lotsen {
namespace {

void ensureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::expected<std::string, Error> hashPassword(std::string_view password) {
  ensureSodium();
  // Count characters, not bytes: å is one character.
  std::size_t characters = 0;
  for (unsigned char c : password)
    if ((c & 0xC0) != 0x80) ++characters;
  if (characters < kMinimumPasswordLength)
    return std::unexpected(
        invalidInput(fmt::format("the password must have at least {} characters", kMinimumPasswordLength), "password"));
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return std::unexpected(internalError("out of memory while hashing the password"));
  return std::string(hash);
}

bool verifyPassword(std::string_view password, const std::string& hash) {
  ensureSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& dummyPasswordHash() {
  static const std::string hash = *hashPassword(randomToken());
  return hash;
}

std::string randomToken() {
  ensureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

std::string tokenHash(std::string_view token) {
  ensureSodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool secretsEqual(std::string_view a, std::string_view b) {
  ensureSodium();
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace lotsen
