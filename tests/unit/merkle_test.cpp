// The Merkle tree over the audit log (store/merkle.hpp) against RFC 6962's test vectors (the
// eight leaves of the certificate-transparency reference tests), and every proof of every tree
// up to 20 leaves through the verifiers, whole and with one byte flipped. (A root does not bind
// its tree's size on its own: some paths verify for a neighbouring size too, which is why a
// signed head signs the size with the root.)
#include "store/merkle.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rectify::store;

namespace {

std::vector<merkle::Hash> reference_leaves() {
    const std::vector<std::string> inputs = {"",
                                             std::string(1, '\0'),
                                             "\x10",
                                             "\x20\x21",
                                             "\x30\x31",
                                             "\x40\x41\x42\x43",
                                             "\x50\x51\x52\x53\x54\x55\x56\x57",
                                             "\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f"};
    std::vector<merkle::Hash> out;
    for (const auto &s : inputs) out.push_back(merkle::leaf_hash(s));
    return out;
}

std::vector<std::string> hex_all(const std::vector<merkle::Hash> &hs) {
    std::vector<std::string> out;
    for (const auto &h : hs) out.push_back(merkle::to_hex(h));
    return out;
}


std::vector<merkle::Hash> leaves_of(std::size_t n) {
    std::vector<merkle::Hash> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(merkle::leaf_hash(merkle::to_hex(merkle::leaf_hash(std::to_string(i)))));
    return out;
}

merkle::Hash flipped(merkle::Hash x, std::size_t byte = 7) {
    x[byte] ^= 0x01;
    return x;
}

} // namespace

TEST_CASE("merkle: the empty tree, one leaf, and a node hash are as RFC 9162 defines them") {
    CHECK(merkle::to_hex(merkle::empty_root()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(merkle::to_hex(merkle::root({})) == merkle::to_hex(merkle::empty_root()));
    const auto leaves = reference_leaves();
    CHECK(merkle::to_hex(leaves[0]) == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    CHECK(merkle::root(leaves, 1) == leaves[0]);
    CHECK(merkle::root(leaves, 2) == merkle::node_hash(leaves[0], leaves[1]));
    // Three leaves split at two: ((0, 1), 2).
    CHECK(merkle::root(leaves, 3) == merkle::node_hash(merkle::node_hash(leaves[0], leaves[1]), leaves[2]));
    // Seven: ((0,1),(2,3)), ((4,5),6).
    const auto l = [&](int i) { return leaves[static_cast<std::size_t>(i)]; };
    CHECK(merkle::root(leaves, 7) ==
          merkle::node_hash(merkle::node_hash(merkle::node_hash(l(0), l(1)), merkle::node_hash(l(2), l(3))),
                            merkle::node_hash(merkle::node_hash(l(4), l(5)), l(6))));
}

TEST_CASE("merkle: roots of the reference tree of 1 to 8 leaves") {
    const auto leaves = reference_leaves();
    const char *roots[] = {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                           "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                           "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                           "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                           "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                           "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                           "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                           "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    for (std::uint64_t n = 1; n <= 8; ++n) {
        CAPTURE(n);
        CHECK(merkle::to_hex(merkle::root(leaves, n)) == roots[n - 1]);
    }
}

TEST_CASE("merkle: inclusion proofs of the reference tree") {
    const auto leaves = reference_leaves();
    CHECK(hex_all(merkle::inclusion_proof(leaves, 0, 8)) ==
          std::vector<std::string>{"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                   "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                   "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"});
    CHECK(hex_all(merkle::inclusion_proof(leaves, 5, 8)) ==
          std::vector<std::string>{"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                                   "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                   "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
    CHECK(hex_all(merkle::inclusion_proof(leaves, 2, 3)) ==
          std::vector<std::string>{"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"});
    CHECK(merkle::inclusion_proof(leaves, 0, 1).empty());
}

TEST_CASE("merkle: consistency proofs of the reference tree") {
    const auto leaves = reference_leaves();
    CHECK(hex_all(merkle::consistency_proof(leaves, 1, 8)) ==
          std::vector<std::string>{"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                   "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                   "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"});
    CHECK(hex_all(merkle::consistency_proof(leaves, 6, 8)) ==
          std::vector<std::string>{"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                   "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                   "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
    CHECK(hex_all(merkle::consistency_proof(leaves, 2, 5)) ==
          std::vector<std::string>{"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                   "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"});
    CHECK(hex_all(merkle::consistency_proof(leaves, 3, 7)) ==
          std::vector<std::string>{"0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                                   "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                                   "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                                   "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"});
    CHECK(merkle::consistency_proof(leaves, 8, 8).empty());
    CHECK(merkle::consistency_proof(leaves, 0, 8).empty());
}

TEST_CASE("merkle: every inclusion proof of every tree up to 20 leaves verifies, and fails when altered") {
    const auto leaves = leaves_of(20);
    for (std::uint64_t n = 1; n <= 20; ++n) {
        const auto root = merkle::root(leaves, n);
        for (std::uint64_t i = 0; i < n; ++i) {
            CAPTURE(n);
            CAPTURE(i);
            const auto proof = merkle::inclusion_proof(leaves, i, n);
            REQUIRE(merkle::verify_inclusion(i, n, leaves[i], proof, root));
            CHECK_FALSE(merkle::verify_inclusion(i, n, flipped(leaves[i]), proof, root));
            CHECK_FALSE(merkle::verify_inclusion(i, n, leaves[i], proof, flipped(root, 31)));
            for (std::size_t p = 0; p < proof.size(); ++p) {
                auto bad = proof;
                bad[p] = flipped(bad[p], p % 32);
                CHECK_FALSE(merkle::verify_inclusion(i, n, leaves[i], bad, root));
            }
            if (n > 1) CHECK_FALSE(merkle::verify_inclusion((i + 1) % n, n, leaves[i], proof, root));
            CHECK_FALSE(merkle::verify_inclusion(n, n, leaves[i], proof, root));
            auto longer = proof;
            longer.push_back(root);
            CHECK_FALSE(merkle::verify_inclusion(i, n, leaves[i], longer, root));
        }
    }
}

TEST_CASE("merkle: every consistency proof between trees up to 20 leaves verifies, and fails when altered") {
    const auto leaves = leaves_of(20);
    for (std::uint64_t n = 0; n <= 20; ++n) {
        const auto to_root = merkle::root(leaves, n);
        for (std::uint64_t m = 0; m <= n; ++m) {
            CAPTURE(n);
            CAPTURE(m);
            const auto from_root = merkle::root(leaves, m);
            const auto proof = merkle::consistency_proof(leaves, m, n);
            REQUIRE(merkle::verify_consistency(m, n, from_root, to_root, proof));
            CHECK_FALSE(merkle::verify_consistency(m, n, flipped(from_root), to_root, proof));
            if (m > 0) CHECK_FALSE(merkle::verify_consistency(m, n, from_root, flipped(to_root, 0), proof));
            for (std::size_t p = 0; p < proof.size(); ++p) {
                auto bad = proof;
                bad[p] = flipped(bad[p], 31 - p % 32);
                CHECK_FALSE(merkle::verify_consistency(m, n, from_root, to_root, bad));
            }
            if (m > 0 && m < n) {
                CHECK_FALSE(merkle::verify_consistency(m, n, from_root, to_root, {}));
                // A tree that is not a prefix: the first leaf changed.
                auto other = leaves;
                other[0] = flipped(other[0]);
                CHECK_FALSE(merkle::verify_consistency(m, n, merkle::root(other, m), to_root, proof));
            }
        }
    }
    CHECK_FALSE(merkle::verify_consistency(5, 4, merkle::root(leaves, 5), merkle::root(leaves, 4), {}));
}

TEST_CASE("merkle: hex in and out") {
    const auto x = merkle::leaf_hash("a");
    CHECK(merkle::from_hex(merkle::to_hex(x)) == x);
    CHECK_FALSE(merkle::from_hex("abc"));
    CHECK_FALSE(merkle::from_hex(std::string(63, 'a') + "g"));
    CHECK(merkle::from_hex(std::string(64, 'A')) == merkle::from_hex(std::string(64, 'a')));
}
