#include "io/name_uuid.hpp"

#include "core/error.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace rectify::io {

namespace {

using Bytes = std::array<unsigned char, 16>;

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Bytes parse_uuid(std::string_view text) {
    Bytes b{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '-' && (i == 8 || i == 13 || i == 18 || i == 23)) continue;
        const int hi = hex_value(text[i]);
        const int lo = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
        if (hi < 0 || lo < 0 || n == b.size()) throw core::Error(core::Errc::argument, "not a UUID: " + std::string(text));
        b[n++] = static_cast<unsigned char>(hi * 16 + lo);
        ++i;
    }
    if (n != b.size() || text.size() != 36) throw core::Error(core::Errc::argument, "not a UUID: " + std::string(text));
    return b;
}

std::string format_uuid(const Bytes &b) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += digits[b[i] >> 4];
        out += digits[b[i] & 0x0F];
    }
    return out;
}

} // namespace

std::string name_uuid(std::string_view namespace_uuid, std::string_view name) {
    const Bytes ns = parse_uuid(namespace_uuid);
    std::string input(reinterpret_cast<const char *>(ns.data()), ns.size());
    input.append(name);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(input.data(), input.size(), digest, &len, EVP_sha1(), nullptr) != 1 || len < 16)
        throw core::Error(core::Errc::internal, "SHA-1 is not available to make a UUID");
    Bytes b{};
    std::copy(digest, digest + 16, b.begin());
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x50); // version 5
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80); // the RFC 4122 variant
    return format_uuid(b);
}

std::string name_uuid(std::string_view name) { return name_uuid(kRectifyUuidNamespace, name); }

} // namespace rectify::io
