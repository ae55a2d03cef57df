// The audit log: reading it, proving it whole, and backups.
#include "service/service.hpp"

#include "io/json_text.hpp"
#include "io/record_json.hpp"
#include "service/dispatch.hpp"
#include "service/table_check.hpp"
#include "service/transactions.hpp"

#include <boost/json.hpp>

#include <functional>
#include <map>
#include <set>
#include <tuple>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;

boost::json::object event_json(const store::AuditRow &e) {
    auto image = [](const std::optional<std::string> &s) -> boost::json::value {
        if (!s) return nullptr;
        boost::system::error_code ec;
        auto v = boost::json::parse(*s, ec);
        return ec ? boost::json::value(*s) : v; // an image that is not JSON is shown as text
    };
    boost::json::object o;
    o["id"] = e.id;
    o["at"] = e.at;
    o["actor"] = e.actor;
    o["action"] = e.action;
    o["kind"] = e.kind;
    o["record_id"] = e.record_id;
    o["before"] = image(e.before);
    o["after"] = image(e.after);
    o["prev_hash"] = e.prev_hash;
    o["hash"] = e.hash;
    o["format"] = e.format;
    return o;
}

// Users and grants must be exactly what their audit events built: a grant slipped into the table
// behind the library's back would otherwise hand out rights no one granted.
std::optional<std::string> first_access_mismatch(store::Store &store) {
    using Key = std::tuple<std::int64_t, std::string, std::string, std::int64_t>;
    std::set<Key> expected;
    std::set<std::int64_t> trailed_users;
    for (const auto &e : store.audit_events_of_kind("grant")) {
        const auto &image = e.action == "revoke" ? e.before : e.after;
        if (!image) continue;
        auto g = boost::json::parse(*image).as_object();
        const auto &id = g.at("scope_id");
        Key key{e.record_id, std::string(g.at("role").as_string()), std::string(g.at("scope").as_string()),
                id.is_null() ? 0 : id.as_int64()};
        if (e.action == "revoke") expected.erase(key);
        else expected.insert(key);
        if (e.action == "bootstrap") trailed_users.insert(e.record_id);
    }
    for (const auto &e : store.audit_events_of_kind("user"))
        if (e.action == "create") trailed_users.insert(e.record_id);

    std::map<std::string, std::int64_t> ids;
    for (const auto &u : store.users()) {
        if (!trailed_users.count(u.id)) return "user " + std::to_string(u.id) + " ('" + u.name + "') has no audit trail (added behind the library's back)";
        ids[u.name] = u.id;
    }
    for (const auto &g : store.grants()) {
        Key key{ids[g.user], std::string(core::name(g.grant.role)), std::string(core::name(g.grant.scope)), g.grant.scope_id};
        if (!expected.erase(key))
            return "grant of " + std::string(core::name(g.grant.role)) + " to '" + g.user + "' has no audit trail (added behind the library's back)";
    }
    if (!expected.empty())
        return "grant of " + std::get<1>(*expected.begin()) + " to user " + std::to_string(std::get<0>(*expected.begin())) +
               " is in the audit log but missing from the database (deleted behind the library's back)";
    return std::nullopt;
}

} // namespace

std::string Service::audit_log_json(const std::string &kind, std::int64_t record_id, std::int64_t offset,
                                    std::int64_t limit) {
    if (offset < 0 || limit < 0) throw Error(Errc::argument, "offset and limit must not be negative");
    ReadTransaction snapshot(store_);
    if (kind.empty()) {
        require(core::Permission::read_audit, {}, "reading the whole audit log");
    } else {
        auto k = core::parse_kind(kind);
        if (!k) throw Error(Errc::argument, "kind '" + kind + "' is not a record kind");
        require(core::Permission::read_audit, access_.scope_of(*k, record_id),
                "reading the audit log of " + kind + " " + std::to_string(record_id));
    }
    boost::json::array out;
    for (const auto &e : store_.audit_events(kind, record_id, offset, limit)) out.push_back(event_json(e));
    return io::to_compact_json(out);
}

Service::Verification Service::verify_audit() {
    ReadTransaction snapshot(store_);
    require(core::Permission::read_audit, {}, "verifying the audit log");
    // One total for both walks: the events of the chain, then the records compared with it.
    const std::int64_t total = store_.count_audit_events() + count_checks(store_);
    const char *const op = "audit_verify";
    progress_.start(op, total);
    auto chain = store_.verify_chain([&](std::int64_t checked) { progress_.step(op, checked, total); });
    std::int64_t done = chain.events;
    Verification v;
    std::optional<TableMismatch> mismatch;
    if (chain.broken_at) {
        v.intact = false;
        v.problem = "audit log broken at event " + std::to_string(*chain.broken_at) + ": " + chain.problem;
    } else if ((mismatch = first_table_mismatch(store_, [&] { progress_.step(op, ++done, total); }))) {
        v.intact = false;
        v.problem = "records do not match the audit log: " + mismatch->problem;
    } else if ((mismatch = first_record_mismatch(store_))) {
        v.intact = false;
        v.problem = "records do not match the audit log: " + mismatch->problem;
    } else if (auto access = first_access_mismatch(store_)) {
        // Rows all as audited, yet grants not what the grant events built: the log itself says
        // two things, which only a rewrite of it can do.
        v.intact = false;
        v.problem = "users and grants do not match the audit log: " + *access;
    }
    boost::json::object report;
    report["intact"] = v.intact;
    report["events"] = chain.events;
    report["head_hash"] = chain.head_hash;
    report["broken_at"] = chain.broken_at ? boost::json::value(*chain.broken_at) : boost::json::value(nullptr);
    report["problem"] = v.intact ? boost::json::value(nullptr) : boost::json::value(v.problem);
    if (mismatch) {
        boost::json::array fields;
        for (const auto &f : mismatch->fields) fields.emplace_back(f);
        report["mismatch"] = {{"table", mismatch->table}, {"record_id", mismatch->record_id}, {"change", mismatch->change},
                              {"fields", std::move(fields)}};
    } else {
        report["mismatch"] = nullptr;
    }
    v.report_json = io::to_compact_json(report);
    progress_.finish(op, total);
    return v;
}

void Service::backup(const std::string &dest_path) {
    check_text("path", dest_path);
    if (dest_path.empty()) throw Error(Errc::argument, "path: must not be empty");
    require(core::Permission::backup, {}, "backing up the database");
    const char *const op = "backup";
    store_.backup_to(dest_path, [&](std::int64_t copied, std::int64_t total) {
        if (copied == 0) progress_.start(op, total);
        else if (copied >= total) progress_.finish(op, total);
        else progress_.step(op, copied, total);
    });
}

} // namespace rectify::service
