// The leaves of the audit log's Merkle tree, read from the store.
#pragma once

#include "store/merkle.hpp"
#include "store/store.hpp"

#include <vector>

namespace rectify::store {

// One leaf hash per audit event, in id order: SHA-256(0x00 || the 32 bytes of the event's hash).
// Leaf i is event i + 1. Held in memory (32 bytes an event). Errc::tampered when the ids do not
// run 1, 2, 3… or an event's hash is not 64 hex digits: no tree is built over a broken log.
std::vector<merkle::Hash> audit_leaf_hashes(Store &store);

} // namespace rectify::store
