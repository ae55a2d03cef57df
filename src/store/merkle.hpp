// A Merkle tree over the audit log, as Certificate Transparency builds one (RFC 9162 section
// 2.1): leaf hash SHA-256(0x00 || input), node hash SHA-256(0x01 || left || right), a tree of n
// leaves split at the largest power of two smaller than n, the empty tree's root SHA-256("").
// A signed root (a tree head) kept outside the database lets anyone check later, with the proofs
// here, that one event is in the log (inclusion) and that a later log only grew from it
// (consistency), without trusting the database file.
//
// Pure functions over the leaf hashes in memory; nothing here reads the store.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectify::store::merkle {

using Hash = std::array<unsigned char, 32>;

// SHA-256 of the empty string: the root of a tree with no leaves.
Hash empty_root();
// SHA-256(0x00 || input).
Hash leaf_hash(std::string_view input);
// SHA-256(0x01 || left || right).
Hash node_hash(const Hash &left, const Hash &right);

// The root of the tree whose leaves (already leaf-hashed) are leaves[0, size). size must not
// exceed leaves.size().
Hash root(const std::vector<Hash> &leaves, std::uint64_t size);
inline Hash root(const std::vector<Hash> &leaves) { return root(leaves, leaves.size()); }

// The audit path of leaf `index` in the tree of the first `size` leaves (RFC 9162 2.1.3.1).
// Requires index < size <= leaves.size().
std::vector<Hash> inclusion_proof(const std::vector<Hash> &leaves, std::uint64_t index, std::uint64_t size);
// The consistency proof between the trees of the first `from` and the first `to` leaves (RFC 9162
// 2.1.4.1); empty when from is 0 or from equals to. Requires from <= to <= leaves.size().
std::vector<Hash> consistency_proof(const std::vector<Hash> &leaves, std::uint64_t from, std::uint64_t to);

// RFC 9162 2.1.3.2: whether proof shows the leaf with leaf_hash at index in the tree of size with root.
bool verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash &leaf_hash, const std::vector<Hash> &proof,
                      const Hash &root);
// RFC 9162 2.1.4.2: whether proof shows the tree (to_size, to_root) extends (from_size, from_root).
// A tree of size 0 is extended by every tree, with an empty proof; equal sizes need equal roots
// and an empty proof.
bool verify_consistency(std::uint64_t from_size, std::uint64_t to_size, const Hash &from_root, const Hash &to_root,
                        const std::vector<Hash> &proof);

// Lower-case hex of bytes, and back (nullopt unless an even number of hex digits, either case).
std::string to_hex(std::string_view bytes);
std::optional<std::string> bytes_from_hex(std::string_view hex);
// The same for a hash (nullopt unless exactly 64 hex digits).
std::string to_hex(const Hash &h);
std::optional<Hash> from_hex(std::string_view hex);

} // namespace rectify::store::merkle
