#include "service/service.hpp"
#include "service/optional_text.hpp"

#include "core/date.hpp"
#include "core/status_machine.hpp"
#include "core/utf8.hpp"
#include "core/warning.hpp"
#include "io/json_text.hpp"
#include "io/notice_render.hpp"
#include "io/record_json.hpp"
#include "service/provisional.hpp"
#include "service/audit.hpp"
#include "service/dispatch.hpp"
#include "service/document_loader.hpp"
#include "service/importer.hpp"
#include "service/record_dates.hpp"
#include "service/transactions.hpp"

#include <SQLiteCpp/Transaction.h>
#include <boost/json.hpp>

#include <optional>
#include <type_traits>

#include <functional>
#include <set>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;

} // namespace

Service::Service(const std::string &path, const store::OpenOptions &options, std::optional<std::string> actor)
    : actor_(checked_actor(std::move(actor))), store_(path, options) {
    if (actor_) store_.set_unattributed_actor(*actor_);
    bootstrap_admin();
}

std::optional<std::string> Service::checked_actor(std::optional<std::string> actor) {
    if (actor) {
        check_text("actor", *actor);
        if (is_blank(*actor))
            throw Error(Errc::argument, "actor: must not be empty");
    }
    return actor;
}

void Service::set_actor(std::optional<std::string> actor) {
    actor_ = checked_actor(std::move(actor));
    if (actor_) store_.set_unattributed_actor(*actor_);
    bootstrap_admin();
}

const std::string &Service::require_actor() const {
    if (store_.read_only()) throw Error(Errc::misuse, "the database is open read-only");
    if (!actor_) throw Error(Errc::no_actor, "no actor is set on this handle: every change must name who makes it");
    return *actor_;
}

std::string Service::export_json(std::int64_t inspection_id) {
    ReadTransaction snapshot(store_);
    require(core::Permission::read, access_.scope_of(core::Kind::inspection, inspection_id),
            "exporting inspection " + std::to_string(inspection_id));
    return io::write_document(load_document(store_, inspection_id));
}

std::string Service::record_json(core::Kind kind, std::int64_t id) {
    ReadTransaction snapshot(store_);
    access_.require_read(actor_, kind, id, "reading " + record_label(kind, id));
    return dispatch(kind, [&](auto t) {
        using R = typename decltype(t)::type;
        auto r = store_.get<R>(id);
        if (!r) throw Error(Errc::not_found, "no " + record_label(kind, id));
        auto o = io::record_json(*r);
        if constexpr (std::is_same_v<R, core::Inspection>) mark_provisional(o, provisional_years(store_, *r, calendar()));
        return io::to_compact_json(o);
    });
}

std::int64_t Service::find(core::Kind kind, const std::string &ref) {
    check_text("ref", ref);
    // A ref names a record as its id does, for every actor: looking it up needs no permission of
    // its own, only a user, and tells no more than the id would (that the record exists).
    // Whatever is then done with the id is authorised there, with the same denial either way.
    access_.require_user(actor_, "looking up the " + std::string(core::name(kind)) + " whose ref is '" + ref + "'");
    return dispatch(kind, [&](auto t) {
        using R = typename decltype(t)::type;
        auto id = store_.find_id<R>(ref);
        if (!id) throw Error(Errc::not_found, "no " + std::string(core::name(kind)) + " has ref '" + ref + "'");
        return *id;
    });
}

std::string Service::list_json(core::Kind kind, const store::ListFilter &filter) {
    ReadTransaction snapshot(store_);
    // Only what the actor may read: the scope is part of the query, so paging stays exact.
    const core::Visibility visible =
        access_.visibility(actor_, core::Permission::read, "listing " + std::string(core::name(kind)) + " records");
    store::ListFilter scoped = filter;
    scoped.visible = &visible;
    return dispatch(kind, [&](auto t) {
        using R = typename decltype(t)::type;
        boost::json::array out;
        std::optional<core::Calendar> cal;
        for (const auto &r : store_.list<R>(scoped)) {
            auto o = io::record_json(r);
            if constexpr (std::is_same_v<R, core::Inspection>) {
                if (!cal) cal = calendar();
                mark_provisional(o, provisional_years(store_, r, *cal));
            }
            out.push_back(std::move(o));
        }
        return io::to_compact_json(out);
    });
}

namespace {

// A measure's completion date (完成时间) follows its status: set to the day it becomes done, in
// the database's zone, unless it already carries one a document gave; kept when it goes on to be
// closed; cleared when it leaves done or closed for more work, the audit log keeping the old one.
void stamp_completion(core::Measure &m, core::Status from, core::Status to) {
    if (to == core::Status::done && core::is_open(from)) {
        if (!m.completed_date) m.completed_date = core::today();
    } else if (!core::is_open(from) && core::is_open(to)) {
        m.completed_date.reset();
    }
}

template <class R>
std::int64_t change_status(store::Store &store, AccessControl &access, const std::optional<std::string> &actor_opt,
                           std::int64_t id, core::Status status, std::int64_t expect_version) {
    constexpr core::Kind kind = store::Table<R>::kind;
    const std::string &actor = *actor_opt;
    const std::string label = record_label(kind, id);
    WriteTransaction tx(store);
    auto r = store.get<R>(id);
    if (!r) throw Error(Errc::not_found, "no " + label);
    // Closing out (销号) and reopening what was closed are the supervisors' call.
    const bool closing = status == core::Status::closed || r->status == core::Status::closed;
    access.require(actor_opt, closing ? core::Permission::close_out : core::Permission::change_status,
                   store.scope_of_inspection(r->inspection_id),
                   "moving " + label + " to " + std::string(core::name(status)));
    if (expect_version && r->meta.version != expect_version)
        throw Error(Errc::conflict, label + " is at version " + std::to_string(r->meta.version) + ", not " +
                                        std::to_string(expect_version) + ": it was changed since it was read");
    if (r->status == status) return r->meta.version; // already there: nothing to record
    core::check_transition(r->status, status, label + ": ");
    std::string before = audit_image(*r);
    if constexpr (std::is_same_v<R, core::Measure>) stamp_completion(*r, r->status, status);
    r->status = status;
    const std::string now = core::utc_timestamp_now();
    if (!store.update(*r, now)) throw Error(Errc::conflict, label + " was changed by another writer");
    audit(store, actor, now, "status", kind, id, std::move(before), audit_image(*r));
    tx.commit();
    return r->meta.version;
}

} // namespace

std::int64_t Service::set_status(core::Kind kind, std::int64_t id, core::Status status, std::int64_t expect_version) {
    require_actor();
    if (expect_version < 0) throw Error(Errc::argument, "expect_version: must not be negative");
    if (kind == core::Kind::issue && status == core::Status::closed) {
        // Closing an issue is a close-out (销号), with its guards, whichever call asks for it.
        return close_out(id, core::format_date(core::today()), std::nullopt, expect_version, true);
    }
    switch (kind) {
    case core::Kind::issue: return change_status<core::Issue>(store_, access_, actor_, id, status, expect_version);
    case core::Kind::measure: return change_status<core::Measure>(store_, access_, actor_, id, status, expect_version);
    default:
        throw Error(Errc::argument, "kind: only issues and measures have a status, not " + std::string(core::name(kind)) + " records");
    }
}

std::int64_t Service::add_progress(std::int64_t measure_id, std::string_view date, std::string_view text,
                                   std::optional<std::string_view> author) {
    const std::string &actor = require_actor();
    const core::Date day = date_arg("date", date);
    check_text("text", text);
    if (is_blank(text))
        throw Error(Errc::argument, "text: a progress record needs a narrative");
    if (author) check_text("author", *author);

    WriteTransaction tx(store_);
    auto measure = store_.get<core::Measure>(measure_id);
    if (!measure) throw Error(Errc::not_found, "no " + record_label(core::Kind::measure, measure_id));
    // A responsible person (责任人) reports on their own measures; liaisons and admins on any.
    const auto where = store_.scope_of_inspection(measure->inspection_id);
    const bool own = measure->person && *measure->person == actor;
    if (!(own && access_.allows(actor_, core::Permission::add_own_progress, where)))
        require(core::Permission::add_progress, where, "adding progress to " + record_label(core::Kind::measure, measure_id));
    require_within_inspection(store_, "date", day, measure->inspection_id);
    core::Progress p;
    p.inspection_id = measure->inspection_id;
    p.measure_id = measure_id;
    p.seq = store_.next_seq<core::Progress>(measure_id);
    p.date = day;
    p.text = std::string(text);
    p.author = given_text(author).value_or(actor);
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

std::string Service::render_notice(std::int64_t inspection_id, io::Audience audience, io::Format format) {
    // The older call: the notice with the bundled template, as of today (the notice's text does
    // not depend on the date).
    ReportOptions o;
    o.as_of = core::today();
    o.audience = audience;
    o.warning_lights = io::notice_parts(format, std::nullopt).lights;
    o.evidence = false;
    o.verdicts = false;
    return io::render_notice(report(inspection_id, o), format, std::nullopt);
}

} // namespace rectify::service
