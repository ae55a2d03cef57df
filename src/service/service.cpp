#include "service/service.hpp"

#include "core/date.hpp"
#include "core/status_machine.hpp"
#include "core/utf8.hpp"
#include "io/json_text.hpp"
#include "io/record_json.hpp"
#include "service/audit.hpp"
#include "service/dispatch.hpp"
#include "service/document_loader.hpp"
#include "service/importer.hpp"

#include <SQLiteCpp/Transaction.h>
#include <boost/json.hpp>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;

// A write transaction that takes the write lock at once (BEGIN IMMEDIATE), so two writers
// queue on the busy timeout instead of failing half-way with a lock upgrade.
class WriteTransaction {
public:
    explicit WriteTransaction(store::Store &s) try : tx_(s.database(), SQLite::TransactionBehavior::IMMEDIATE) {
    } catch (const SQLite::Exception &e) {
        store::rethrow_sqlite(e, "starting a transaction");
    }
    void commit() {
        try {
            tx_.commit();
        } catch (const SQLite::Exception &e) {
            store::rethrow_sqlite(e, "committing");
        }
    }

private:
    SQLite::Transaction tx_;
};

void check_text(std::string_view what, std::string_view text) {
    if (auto bad = core::find_invalid_utf8(text))
        throw Error(Errc::utf8, std::string(what) + ": invalid UTF-8 at byte " + std::to_string(*bad));
}

// Reads several statements as one snapshot, so an export never mixes two versions of the data.
class ReadTransaction {
public:
    explicit ReadTransaction(store::Store &s) try : tx_(s.database()) {
    } catch (const SQLite::Exception &e) {
        store::rethrow_sqlite(e, "starting a read");
    }

private:
    SQLite::Transaction tx_; // rolled back on destruction: nothing was written
};

std::string record_label(core::Kind kind, std::int64_t id) {
    return std::string(core::name(kind)) + " " + std::to_string(id);
}

} // namespace

Service::Service(const std::string &path, const store::OpenOptions &options, std::optional<std::string> actor)
    : actor_(checked_actor(std::move(actor))), store_(path, options) {}

std::optional<std::string> Service::checked_actor(std::optional<std::string> actor) {
    if (actor) {
        check_text("actor", *actor);
        if (actor->find_first_not_of(" \t\r\n") == std::string::npos)
            throw Error(Errc::argument, "actor: must not be empty");
    }
    return actor;
}

void Service::set_actor(std::optional<std::string> actor) { actor_ = checked_actor(std::move(actor)); }

const std::string &Service::require_actor() const {
    if (store_.read_only()) throw Error(Errc::misuse, "the database is open read-only");
    if (!actor_) throw Error(Errc::no_actor, "no actor is set on this handle: every change must name who makes it");
    return *actor_;
}

ImportResult Service::import_json(std::string_view json) {
    const std::string &actor = require_actor();
    io::Document doc = io::read_document(json); // every check that needs no database, first
    WriteTransaction tx(store_);
    Importer importer(store_, actor);
    ImportResult result;
    result.inspection_id = importer.apply(doc);
    tx.commit();

    boost::json::object summary;
    summary["inspection_id"] = result.inspection_id;
    const auto &c = importer.counts();
    for (auto [key, counts] : {std::pair{"created", c.created}, {"updated", c.updated}, {"unchanged", c.unchanged}}) {
        boost::json::object o;
        for (int k = 1; k <= 8; ++k) {
            auto n = core::name(static_cast<core::Kind>(k));
            o[boost::json::string_view(n.data(), n.size())] = counts[k];
        }
        summary[key] = std::move(o);
    }
    result.summary_json = io::to_compact_json(summary);
    return result;
}

std::string Service::export_json(std::int64_t inspection_id) {
    ReadTransaction snapshot(store_);
    return io::write_document(load_document(store_, inspection_id));
}

std::string Service::record_json(core::Kind kind, std::int64_t id) {
    return dispatch(kind, [&](auto t) {
        using R = typename decltype(t)::type;
        auto r = store_.get<R>(id);
        if (!r) throw Error(Errc::not_found, "no " + record_label(kind, id));
        return io::to_compact_json(io::record_json(*r));
    });
}

std::int64_t Service::find(core::Kind kind, const std::string &ref) {
    check_text("ref", ref);
    return dispatch(kind, [&](auto t) {
        using R = typename decltype(t)::type;
        auto id = store_.find_id<R>(ref);
        if (!id) throw Error(Errc::not_found, "no " + std::string(core::name(kind)) + " has ref '" + ref + "'");
        return *id;
    });
}

std::string Service::list_json(core::Kind kind, const store::ListFilter &filter) {
    return dispatch(kind, [&](auto t) {
        using R = typename decltype(t)::type;
        boost::json::array out;
        for (const auto &r : store_.list<R>(filter)) out.push_back(io::record_json(r));
        return io::to_compact_json(out);
    });
}

namespace {

template <class R>
std::int64_t change_status(store::Store &store, const std::string &actor, std::int64_t id, core::Status status,
                           std::int64_t expect_version) {
    constexpr core::Kind kind = store::Table<R>::kind;
    const std::string label = record_label(kind, id);
    WriteTransaction tx(store);
    auto r = store.get<R>(id);
    if (!r) throw Error(Errc::not_found, "no " + label);
    if (expect_version && r->meta.version != expect_version)
        throw Error(Errc::conflict, label + " is at version " + std::to_string(r->meta.version) + ", not " +
                                        std::to_string(expect_version) + ": it was changed since it was read");
    if (r->status == status) return r->meta.version; // already there: nothing to record
    core::check_transition(r->status, status, label + ": ");
    std::string before = audit_image(*r);
    r->status = status;
    const std::string now = core::utc_timestamp_now();
    if (!store.update(*r, now)) throw Error(Errc::conflict, label + " was changed by another writer");
    audit(store, actor, now, "status", kind, id, std::move(before), audit_image(*r));
    tx.commit();
    return r->meta.version;
}

} // namespace

std::int64_t Service::set_status(core::Kind kind, std::int64_t id, core::Status status, std::int64_t expect_version) {
    const std::string &actor = require_actor();
    if (expect_version < 0) throw Error(Errc::argument, "expect_version: must not be negative");
    switch (kind) {
    case core::Kind::issue: return change_status<core::Issue>(store_, actor, id, status, expect_version);
    case core::Kind::measure: return change_status<core::Measure>(store_, actor, id, status, expect_version);
    default:
        throw Error(Errc::argument, "kind: only issues and measures have a status, not " + std::string(core::name(kind)) + " records");
    }
}

std::int64_t Service::add_progress(std::int64_t measure_id, std::string_view date, std::string_view text,
                                   std::optional<std::string_view> author) {
    const std::string &actor = require_actor();
    check_text("date", date);
    auto day = core::parse_date(date);
    if (!day) throw Error(Errc::argument, "date: " + std::string(date) + " " + core::describe_bad_date(date));
    check_text("text", text);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw Error(Errc::argument, "text: a progress record needs a narrative");
    if (author) check_text("author", *author);

    WriteTransaction tx(store_);
    auto measure = store_.get<core::Measure>(measure_id);
    if (!measure) throw Error(Errc::not_found, "no " + record_label(core::Kind::measure, measure_id));
    core::Progress p;
    p.inspection_id = measure->inspection_id;
    p.measure_id = measure_id;
    p.seq = store_.next_seq<core::Progress>(measure_id);
    p.date = day;
    p.text = std::string(text);
    p.author = (author && !author->empty()) ? std::string(*author) : actor;
    // The ref a document would derive for this position, unless a document already took it.
    for (std::int64_t n = p.seq;; ++n) {
        p.meta.ref = measure->meta.ref + "/p" + std::to_string(n);
        if (!store_.find_id<core::Progress>(p.meta.ref)) break;
    }
    const std::string now = core::utc_timestamp_now();
    store_.insert(p, now);
    audit(store_, actor, now, "create", core::Kind::progress, p.meta.id, std::nullopt, audit_image(p));
    tx.commit();
    return p.meta.id;
}

std::string Service::render_notice(std::int64_t inspection_id, io::Audience audience) {
    ReadTransaction snapshot(store_);
    return io::render_notice_text(load_document(store_, inspection_id), audience);
}

} // namespace rectify::service
