#include "store/audit_leaves.hpp"

#include "core/error.hpp"

namespace rectify::store {

std::vector<merkle::Hash> audit_leaf_hashes(Store &store) {
    try {
        SQLite::Statement st(store.database(), "SELECT id, hash FROM audit_events ORDER BY id");
        std::vector<merkle::Hash> out;
        while (st.executeStep()) {
            const std::int64_t id = st.getColumn(0).getInt64();
            const auto expected = static_cast<std::int64_t>(out.size()) + 1;
            if (id != expected)
                throw core::Error(core::Errc::tampered, "audit log broken at event " + std::to_string(id) + ": events " +
                                                            std::to_string(expected) + ".." + std::to_string(id - 1) +
                                                            " are missing (deleted)");
            const auto hash = merkle::from_hex(st.getColumn(1).isNull() ? std::string() : st.getColumn(1).getString());
            if (!hash)
                throw core::Error(core::Errc::tampered, "audit log broken at event " + std::to_string(id) +
                                                            ": its hash is not 64 hex digits");
            const auto bytes = std::string_view(reinterpret_cast<const char *>(hash->data()), hash->size());
            out.push_back(merkle::leaf_hash(bytes));
        }
        return out;
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "reading the audit log");
    }
}

} // namespace rectify::store
