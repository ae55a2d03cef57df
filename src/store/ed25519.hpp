// Ed25519 signatures through OpenSSL, for the signed heads of the audit log's Merkle tree. Keys
// come as PEM (what `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` write);
// public keys and signatures go out as their raw bytes (32 and 64).
#pragma once

#include <string>
#include <string_view>

namespace rectify::store::ed25519 {

// The raw public key of a PEM private key; Errc::argument naming `what` when the PEM is not an
// Ed25519 private key.
std::string public_key_of_private(std::string_view private_pem, const std::string &what);
// The raw public key of a PEM public key; Errc::argument naming `what` when it is not Ed25519.
std::string public_key_of_public(std::string_view public_pem, const std::string &what);
// The 64-byte signature of message with the PEM private key.
std::string sign(std::string_view private_pem, std::string_view message, const std::string &what);
// Whether signature (64 bytes) is the signature of message by the raw public key (32 bytes).
bool verify(std::string_view public_key, std::string_view message, std::string_view signature);

} // namespace rectify::store::ed25519
