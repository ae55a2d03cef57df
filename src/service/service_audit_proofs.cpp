// Signed Merkle tree heads of the audit log and the proofs between them (RFC 9162 section 2.1):
// a head is the log's size and root signed with the host's Ed25519 key, to be kept outside the
// database; an inclusion proof shows one event is in a head, a consistency proof that today's
// log only grew from an earlier head. No head is stored in the database.
#include "service/service.hpp"

#include "io/json_text.hpp"
#include "service/transactions.hpp"
#include "store/audit_leaves.hpp"
#include "store/ed25519.hpp"
#include "store/merkle.hpp"

#include <boost/json.hpp>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;
namespace merkle = store::merkle;

using merkle::to_hex;

std::optional<std::string> from_hex(std::string_view hex, std::size_t bytes) {
    if (hex.size() != bytes * 2) return std::nullopt;
    return merkle::bytes_from_hex(hex);
}

// The exact bytes a head's signature covers.
std::string signed_message(std::uint64_t size, const merkle::Hash &root) {
    return "rectify-audit-tree-head-v1\n" + std::to_string(size) + "\n" + merkle::to_hex(root) + "\n";
}

struct Head {
    std::uint64_t size = 0;
    merkle::Hash root{};
    std::string public_key; // raw, 32 bytes
    std::string signature;  // raw, 64 bytes
};

// A signed head as head() writes it; Errc::argument naming `what` and the field otherwise.
Head parse_head(const std::string &json, const std::string &what) {
    boost::json::value v;
    try {
        v = io::parse_json(json);
    } catch (const Error &e) {
        throw Error(Errc::argument, what + ": not a tree head: " + e.what());
    }
    if (!v.is_object()) throw Error(Errc::argument, what + ": not a tree head: a JSON object is expected");
    const auto &o = v.as_object();
    auto string_field = [&](const char *key) -> std::string {
        const auto *f = o.if_contains(key);
        if (!f || !f->is_string()) throw Error(Errc::argument, what + ": \"" + key + "\" is missing or not a string");
        return std::string(f->as_string());
    };
    auto hex_field = [&](const char *key, std::size_t bytes) {
        const std::string text = string_field(key);
        auto raw = from_hex(text, bytes);
        if (!raw)
            throw Error(Errc::argument, what + ": \"" + key + "\" must be " + std::to_string(bytes * 2) + " hex digits, got '" +
                                            text.substr(0, 140) + "'");
        return *raw;
    };
    Head h;
    const auto *size = o.if_contains("size");
    if (!size || !size->is_int64() || size->as_int64() < 0) {
        if (!size || !size->is_uint64())
            throw Error(Errc::argument, what + ": \"size\" is missing or not a non-negative integer");
        h.size = size->as_uint64();
    } else {
        h.size = static_cast<std::uint64_t>(size->as_int64());
    }
    const std::string root = hex_field("root", 32);
    std::copy(root.begin(), root.end(), h.root.begin());
    const std::string algorithm = string_field("algorithm");
    if (algorithm != "ed25519")
        throw Error(Errc::argument, what + ": \"algorithm\" must be \"ed25519\", got '" + algorithm.substr(0, 40) + "'");
    h.public_key = hex_field("public_key", 32);
    h.signature = hex_field("signature", 64);
    return h;
}

boost::json::array hex_array(const std::vector<merkle::Hash> &hashes) {
    boost::json::array out;
    for (const auto &h : hashes) out.emplace_back(merkle::to_hex(h));
    return out;
}

// Why the log (its leaves) does not extend the head, or nothing when it does.
std::optional<std::string> not_extended(const std::vector<merkle::Hash> &leaves, const Head &head, const std::string &what) {
    if (head.size > leaves.size())
        return "the audit log has " + std::to_string(leaves.size()) + " events, fewer than the " +
               std::to_string(head.size) + " of " + what + ": events were removed";
    if (merkle::root(leaves, head.size) != head.root)
        return "the first " + std::to_string(head.size) + " events of the audit log do not have the root of " + what +
               ": the log was rewritten since " + what + " was taken";
    return std::nullopt;
}

void require_extended(const std::vector<merkle::Hash> &leaves, const Head &head, const std::string &what) {
    if (auto problem = not_extended(leaves, head, what)) throw Error(Errc::tampered, *problem);
}

// The event as it was hashed: before and after are the stored texts, not parsed, so that the
// checker hashes the very bytes the chain hashed (store/audit_chain.hpp event_hash).
boost::json::object event_content(const store::AuditRow &e) {
    auto optional_text = [](const std::optional<std::string> &t) {
        return t ? boost::json::value(*t) : boost::json::value(nullptr);
    };
    return {{"id", e.id},
            {"at", e.at},
            {"actor", e.actor},
            {"action", e.action},
            {"kind", e.kind},
            {"record_id", e.record_id},
            {"before", optional_text(e.before)},
            {"after", optional_text(e.after)},
            {"prev_hash", e.prev_hash},
            {"hash", e.hash},
            {"format", e.format}};
}

} // namespace

std::string Service::audit_head(const std::string &private_key_pem) {
    require(core::Permission::read_audit, {}, "taking a head of the audit log");
    const std::string public_key = store::ed25519::public_key_of_private(private_key_pem, "private key");
    std::vector<merkle::Hash> leaves;
    {
        ReadTransaction snapshot(store_);
        // A signature over a broken chain would bless the break for whoever keeps the head.
        const auto chain = store_.verify_chain();
        if (chain.broken_at)
            throw Error(Errc::tampered, "no head is signed over a broken audit log: it is broken at event " +
                                            std::to_string(*chain.broken_at) + ": " + chain.problem);
        leaves = store::audit_leaf_hashes(store_);
    }
    const merkle::Hash root = merkle::root(leaves);
    const std::string signature = store::ed25519::sign(private_key_pem, signed_message(leaves.size(), root), "private key");
    boost::json::object head;
    head["size"] = static_cast<std::uint64_t>(leaves.size());
    head["root"] = merkle::to_hex(root);
    head["algorithm"] = "ed25519";
    head["public_key"] = to_hex(public_key);
    head["signature"] = to_hex(signature);
    return io::to_compact_json(head);
}

std::string Service::audit_prove_consistency(const std::string &from_head_json, const std::string &to_head_json) {
    require(core::Permission::read_audit, {}, "proving the audit log consistent with a head");
    const Head from = parse_head(from_head_json, "from_head");
    const std::optional<Head> to = to_head_json.empty() ? std::nullopt : std::optional<Head>(parse_head(to_head_json, "to_head"));
    if (to && to->size < from.size)
        throw Error(Errc::argument, "to_head has " + std::to_string(to->size) + " events, fewer than the " +
                                        std::to_string(from.size) + " of from_head: give the earlier head first");
    std::vector<merkle::Hash> leaves;
    {
        ReadTransaction snapshot(store_);
        leaves = store::audit_leaf_hashes(store_);
    }
    require_extended(leaves, from, "the earlier head");
    if (to) require_extended(leaves, *to, "the later head");
    const std::uint64_t to_size = to ? to->size : leaves.size();
    boost::json::object out;
    out["from_size"] = from.size;
    out["from_root"] = merkle::to_hex(from.root);
    out["to_size"] = to_size;
    out["to_root"] = merkle::to_hex(merkle::root(leaves, to_size));
    out["proof"] = hex_array(merkle::consistency_proof(leaves, from.size, to_size));
    return io::to_compact_json(out);
}

std::string Service::audit_prove_inclusion(std::int64_t event_id, const std::string &head_json) {
    require(core::Permission::read_audit, {}, "proving an event is in a head of the audit log");
    if (event_id <= 0) throw Error(Errc::argument, "event_id must be positive, got " + std::to_string(event_id));
    const Head head = parse_head(head_json, "head");
    if (static_cast<std::uint64_t>(event_id) > head.size)
        throw Error(Errc::argument, "event " + std::to_string(event_id) + " is not in the head: the head covers events 1.." +
                                        std::to_string(head.size));
    std::vector<merkle::Hash> leaves;
    store::AuditRow event;
    {
        ReadTransaction snapshot(store_);
        leaves = store::audit_leaf_hashes(store_);
        require_extended(leaves, head, "the head");
        event = store_.audit_events("", 0, event_id - 1, 1).at(0);
    }
    const auto index = static_cast<std::uint64_t>(event_id - 1);
    boost::json::object out;
    out["event_id"] = event_id;
    out["leaf_index"] = index;
    out["event_hash"] = event.hash;
    out["event"] = event_content(event);
    out["tree_size"] = head.size;
    out["root"] = merkle::to_hex(head.root);
    out["proof"] = hex_array(merkle::inclusion_proof(leaves, index, head.size));
    return io::to_compact_json(out);
}

Service::Verification Service::audit_verify_head(const std::string &head_json, const std::string &public_key_pem) {
    require(core::Permission::read_audit, {}, "verifying a head of the audit log");
    const std::string trusted = store::ed25519::public_key_of_public(public_key_pem, "public key");
    const Head head = parse_head(head_json, "head");
    std::vector<merkle::Hash> leaves;
    {
        ReadTransaction snapshot(store_);
        leaves = store::audit_leaf_hashes(store_);
    }
    Verification v;
    if (head.public_key != trusted)
        v.problem = "the head was signed with another key: its public_key " + to_hex(head.public_key) +
                    " is not the trusted public key " + to_hex(trusted);
    else if (!store::ed25519::verify(trusted, signed_message(head.size, head.root), head.signature))
        v.problem = "the head's signature does not verify with the trusted public key: its size, root or signature was altered";
    else if (auto problem = not_extended(leaves, head, "the head"))
        v.problem = *problem;
    v.intact = v.problem.empty();
    boost::json::object report;
    report["intact"] = v.intact;
    report["head_size"] = head.size;
    report["head_root"] = merkle::to_hex(head.root);
    report["size"] = static_cast<std::uint64_t>(leaves.size());
    report["root"] = merkle::to_hex(merkle::root(leaves));
    report["problem"] = v.intact ? boost::json::value(nullptr) : boost::json::value(v.problem);
    v.report_json = io::to_compact_json(report);
    return v;
}

} // namespace rectify::service
