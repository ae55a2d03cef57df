#include "store/merkle.hpp"

#include "core/error.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

namespace rectify::store::merkle {

namespace {

Hash sha256(std::string_view prefix, std::string_view a, std::string_view b = {}) {
    static const EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    Hash out{};
    unsigned int len = 0;
    if (!md || !ctx || EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), prefix.data(), prefix.size()) != 1 ||
        EVP_DigestUpdate(ctx.get(), a.data(), a.size()) != 1 || EVP_DigestUpdate(ctx.get(), b.data(), b.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 || len != out.size())
        throw core::Error(core::Errc::internal, "SHA-256 failed");
    return out;
}

std::string_view bytes(const Hash &h) { return {reinterpret_cast<const char *>(h.data()), h.size()}; }

// The largest power of two smaller than n (n >= 2).
std::uint64_t split(std::uint64_t n) {
    std::uint64_t k = 1;
    while (k << 1 < n) k <<= 1;
    return k;
}

// MTH(D[begin:end]), end > begin.
Hash subtree_root(const std::vector<Hash> &leaves, std::uint64_t begin, std::uint64_t end) {
    const std::uint64_t n = end - begin;
    if (n == 1) return leaves[begin];
    const std::uint64_t k = split(n);
    return node_hash(subtree_root(leaves, begin, begin + k), subtree_root(leaves, begin + k, end));
}

// PATH(m, D[begin:end]).
void path(const std::vector<Hash> &leaves, std::uint64_t m, std::uint64_t begin, std::uint64_t end,
          std::vector<Hash> &out) {
    const std::uint64_t n = end - begin;
    if (n <= 1) return;
    const std::uint64_t k = split(n);
    if (m < k) {
        path(leaves, m, begin, begin + k, out);
        out.push_back(subtree_root(leaves, begin + k, end));
    } else {
        path(leaves, m - k, begin + k, end, out);
        out.push_back(subtree_root(leaves, begin, begin + k));
    }
}

// SUBPROOF(m, D[begin:end], whole).
void subproof(const std::vector<Hash> &leaves, std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole,
              std::vector<Hash> &out) {
    const std::uint64_t n = end - begin;
    if (m == n) {
        if (!whole) out.push_back(subtree_root(leaves, begin, end));
        return;
    }
    const std::uint64_t k = split(n);
    if (m <= k) {
        subproof(leaves, m, begin, begin + k, whole, out);
        out.push_back(subtree_root(leaves, begin + k, end));
    } else {
        subproof(leaves, m - k, begin + k, end, false, out);
        out.push_back(subtree_root(leaves, begin, begin + k));
    }
}

} // namespace

Hash empty_root() { return sha256({}, {}); }

Hash leaf_hash(std::string_view input) { return sha256(std::string_view("\x00", 1), input); }

Hash node_hash(const Hash &left, const Hash &right) { return sha256("\x01", bytes(left), bytes(right)); }

Hash root(const std::vector<Hash> &leaves, std::uint64_t size) {
    if (size > leaves.size()) throw core::Error(core::Errc::internal, "Merkle tree larger than its leaves");
    return size == 0 ? empty_root() : subtree_root(leaves, 0, size);
}

std::vector<Hash> inclusion_proof(const std::vector<Hash> &leaves, std::uint64_t index, std::uint64_t size) {
    if (index >= size || size > leaves.size()) throw core::Error(core::Errc::internal, "inclusion proof out of range");
    std::vector<Hash> out;
    path(leaves, index, 0, size, out);
    return out;
}

std::vector<Hash> consistency_proof(const std::vector<Hash> &leaves, std::uint64_t from, std::uint64_t to) {
    if (from > to || to > leaves.size()) throw core::Error(core::Errc::internal, "consistency proof out of range");
    std::vector<Hash> out;
    if (from > 0 && from < to) subproof(leaves, from, 0, to, true, out);
    return out;
}

bool verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash &leaf, const std::vector<Hash> &proof,
                      const Hash &expected_root) {
    if (index >= size) return false;
    std::uint64_t fn = index, sn = size - 1;
    Hash r = leaf;
    for (const Hash &p : proof) {
        if (sn == 0) return false;
        if ((fn & 1) || fn == sn) {
            r = node_hash(p, r);
            if (!(fn & 1))
                while (fn != 0 && !(fn & 1)) {
                    fn >>= 1;
                    sn >>= 1;
                }
        } else {
            r = node_hash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 && r == expected_root;
}

bool verify_consistency(std::uint64_t from_size, std::uint64_t to_size, const Hash &from_root, const Hash &to_root,
                        const std::vector<Hash> &proof) {
    if (from_size > to_size) return false;
    if (from_size == 0) return proof.empty() && from_root == empty_root();
    if (from_size == to_size) return proof.empty() && from_root == to_root;
    if (proof.empty()) return false;
    std::vector<Hash> path = proof;
    if ((from_size & (from_size - 1)) == 0) path.insert(path.begin(), from_root);
    std::uint64_t fn = from_size - 1, sn = to_size - 1;
    while (fn & 1) {
        fn >>= 1;
        sn >>= 1;
    }
    Hash fr = path[0], sr = path[0];
    for (std::size_t i = 1; i < path.size(); ++i) {
        const Hash &c = path[i];
        if (sn == 0) return false;
        if ((fn & 1) || fn == sn) {
            fr = node_hash(c, fr);
            sr = node_hash(c, sr);
            if (!(fn & 1))
                while (fn != 0 && !(fn & 1)) {
                    fn >>= 1;
                    sn >>= 1;
                }
        } else {
            sr = node_hash(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return fr == from_root && sr == to_root && sn == 0;
}

std::string to_hex(std::string_view bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out(bytes.size() * 2, '0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        out[2 * i] = digits[b >> 4];
        out[2 * i + 1] = digits[b & 0xF];
    }
    return out;
}

std::optional<std::string> bytes_from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out(hex.size() / 2, '\0');
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out[i] = static_cast<char>(hi << 4 | lo);
    }
    return out;
}

std::string to_hex(const Hash &h) { return to_hex(bytes(h)); }

std::optional<Hash> from_hex(std::string_view hex) {
    if (hex.size() != 64) return std::nullopt;
    const auto raw = bytes_from_hex(hex);
    if (!raw) return std::nullopt;
    Hash out{};
    std::copy(raw->begin(), raw->end(), out.begin());
    return out;
}

} // namespace rectify::store::merkle
