#include "io/file_digest.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace rectify::io {

std::optional<FileDigest> digest_file(const std::string &path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> f(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!f) return std::nullopt;
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return std::nullopt;
    FileDigest d;
    unsigned char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
        if (EVP_DigestUpdate(ctx.get(), buf, n) != 1) return std::nullopt;
        d.size += static_cast<std::int64_t>(n);
    }
    if (std::ferror(f.get())) return std::nullopt;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx.get(), md, &len) != 1) return std::nullopt;
    static const char hex[] = "0123456789abcdef";
    for (unsigned int i = 0; i < len; ++i) {
        d.sha256 += hex[md[i] >> 4];
        d.sha256 += hex[md[i] & 0xF];
    }
    return d;
}

} // namespace rectify::io
