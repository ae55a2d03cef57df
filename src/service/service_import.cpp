// Import: one inspection document (import_json) or many in one transaction (import_batch), both
// through apply_document, so authorisation, audit events and versions are the same either way.
#include "service/service.hpp"

#include "core/date.hpp"
#include "io/json_text.hpp"
#include "service/importer.hpp"
#include "service/transactions.hpp"

#include <boost/json.hpp>

#include <functional>
#include <set>
#include <vector>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;

constexpr const char *kImport = "import";

// The page cache a batch import runs with: large enough that a province's indexes stay in memory
// for the one long transaction instead of being spilled to the WAL and written again and again.
constexpr std::int64_t kBatchCacheKib = 256 * 1024;

// Raises the connection's page cache for a scope and puts it back afterwards.
class LargerCache {
public:
    LargerCache(store::Store &store, std::int64_t kib) : store_(store), before_(store.cache_kib()) {
        if (kib > before_) store_.set_cache_kib(kib);
    }
    ~LargerCache() {
        try {
            store_.set_cache_kib(before_);
        } catch (...) {
        }
    }
    LargerCache(const LargerCache &) = delete;
    LargerCache &operator=(const LargerCache &) = delete;

private:
    store::Store &store_;
    std::int64_t before_;
};

std::int64_t count_issue(const io::DocIssue &d) {
    std::int64_t n = 1 + static_cast<std::int64_t>(d.outcomes.size());
    for (const auto &m : d.measures) n += 1 + static_cast<std::int64_t>(m.progress.size());
    for (const auto &sub : d.sub_issues) n += count_issue(sub);
    return n;
}

// The records a document holds, as the importer visits them.
std::int64_t count_records(const io::Document &doc) {
    std::int64_t n = (doc.round ? 1 : 0) + 2 + static_cast<std::int64_t>(doc.outcomes.size());
    for (const auto &a : doc.aspects) {
        ++n;
        for (const auto &i : a.issues) n += count_issue(i);
    }
    return n;
}

void put_counts(boost::json::object &summary, const ImportCounts &c) {
    for (auto [key, counts] : {std::pair{"created", c.created}, {"updated", c.updated}, {"unchanged", c.unchanged}}) {
        boost::json::object o;
        for (int k = 1; k <= 8; ++k) {
            auto n = core::name(static_cast<core::Kind>(k));
            o[boost::json::string_view(n.data(), n.size())] = counts[k];
        }
        summary[key] = std::move(o);
    }
}

} // namespace

std::int64_t Service::apply_document(io::Document &doc, const std::string &actor, const core::Calendar &cal,
                                     ImportCounts &counts, const std::function<void()> &on_record) {
    // The scope the document writes into: its unit and round where they exist already, and the
    // scope the inspection has now, if it exists. New units and rounds need a whole-database grant.
    const std::string what = "importing inspection '" + doc.inspection.meta.ref + "'";
    core::RecordScope target;
    target.unit_id = store_.find_id<core::Unit>(doc.unit.meta.ref);
    if (doc.round) target.round_id = store_.find_id<core::Round>(doc.round->meta.ref);
    require(core::Permission::import, target, what);
    if (auto existing = store_.find_id<core::Inspection>(doc.inspection.meta.ref))
        require(core::Permission::import, store_.scope_of_inspection(*existing), what);
    Importer::Checks checks;
    // Closing out (销号) through an import needs what closing out needs anywhere.
    std::set<std::string> closed_by_document; // status paths of records the document closes
    checks.status = [&](std::optional<core::Status> from, core::Status to, std::int64_t inspection_id, const std::string &path) {
        const bool closing = to == core::Status::closed || to == core::Status::reopened ||
                             (from && *from == core::Status::closed);
        if (closing)
            require(core::Permission::close_out, store_.scope_of_inspection(inspection_id),
                    what + ": " + path + " sets " + std::string(core::name(to)));
        if (to == core::Status::closed) closed_by_document.insert(path);
    };
    // A unit or round is shared by every inspection of it: changing one needs a grant on it,
    // not only on the round or unit this inspection sits in.
    checks.shared_change = [&](core::Kind kind, std::int64_t id, const std::string &path) {
        core::RecordScope own;
        (kind == core::Kind::unit ? own.unit_id : own.round_id) = id;
        require(core::Permission::import, own, what + ": " + path + " changes " + record_label(kind, id));
    };
    // A deadline the library moved (approved extensions, escalations) stands against a document
    // that still carries a deadline it moved from: the chain of moves that led to the measure's
    // deadline is walked back, latest first, so a second extension does not let the document
    // undo both.
    checks.keep_deadline = [&](const core::Measure &existing, core::Measure &incoming) {
        if (incoming.deadline == existing.deadline) return;
        // Moves made within one second sort in either order, so each step takes the latest move
        // not yet taken that ends where the walk stands.
        auto moves = store::Deadlines(store_).deadline_moves(existing.meta.id);
        std::vector<bool> taken(moves.size(), false);
        std::optional<core::Date> reached = existing.deadline;
        for (bool stepped = true; stepped;) {
            stepped = false;
            for (std::size_t i = 0; i < moves.size(); ++i) {
                if (taken[i] || moves[i].second != reached) continue;
                taken[i] = stepped = true;
                reached = moves[i].first;
                if (incoming.deadline == reached) {
                    incoming.deadline = existing.deadline;
                    return;
                }
                break;
            }
        }
    };
    Importer importer(
        store_, actor,
        [&](core::Inspection &incoming, const core::Inspection *existing) { derive_for_import(incoming, existing, actor, cal); },
        checks);
    if (on_record) importer.on_record(on_record);
    const std::int64_t inspection_id = importer.apply(doc);
    // An issue the document closes is a close-out like any other: its guards are checked on the
    // issue as the whole document left it, and the close-out is recorded.
    if (!closed_by_document.empty()) {
        const std::string now = core::utc_timestamp_now();
        const core::CloseOutGuards guards = close_out_guards(); // read once for all the issues it closes
        std::function<void(const io::DocIssue &)> close_outs = [&](const io::DocIssue &d) {
            if (closed_by_document.count(d.path + ".status")) {
                check_close_out_guards(guards, d.record.meta.id, actor, d.path + ".status");
                record_close_out(d.record.meta.id, actor, core::today(), std::string("导入"), now);
            }
            for (const auto &sub : d.sub_issues) close_outs(sub);
        };
        for (const auto &a : doc.aspects)
            for (const auto &i : a.issues) close_outs(i);
    }
    counts += importer.counts();
    return inspection_id;
}

ImportResult Service::import_json(std::string_view json) {
    const std::string &actor = require_actor();
    io::Document doc = io::read_document(json); // every check that needs no database, first
    WriteTransaction tx(store_);
    const core::Calendar cal = calendar();
    ImportCounts counts;
    std::function<void()> on_record;
    std::int64_t total = 0, applied = 0;
    if (progress_.active()) {
        total = count_records(doc);
        progress_.start(kImport, total);
        on_record = [&] { progress_.step(kImport, ++applied, total); };
    }
    ImportResult result;
    result.inspection_id = apply_document(doc, actor, cal, counts, on_record);
    progress_.finish(kImport, total); // the host may still stop it here: nothing is committed yet
    tx.commit();

    boost::json::object summary;
    summary["inspection_id"] = result.inspection_id;
    put_counts(summary, counts);
    result.summary_json = io::to_compact_json(summary);
    return result;
}

ImportBatchResult Service::import_batch(io::LineSource &lines) {
    const std::string &actor = require_actor();
    LargerCache cache(store_, kBatchCacheKib);
    WriteTransaction tx(store_);
    AccessControl::Pin grants_read_once(access_); // the import changes no user or grant
    const core::Calendar cal = calendar();
    const std::int64_t total = lines.bytes_total();
    progress_.start(kImport, total);
    ImportCounts counts;
    ImportBatchResult result;
    std::string_view line;
    std::int64_t line_no = 0;
    while (lines.next(line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (is_blank(line)) continue;
        try {
            io::Document doc = io::read_document(line);
            apply_document(doc, actor, cal, counts, nullptr);
        } catch (const Error &e) {
            throw Error(e.code(), "line " + std::to_string(line_no) + ": " + e.what());
        }
        ++result.documents;
        progress_.step(kImport, lines.bytes_read(), total);
    }
    progress_.finish(kImport, total); // the host may still stop it here: nothing is committed yet
    tx.commit();

    boost::json::object summary;
    summary["documents"] = result.documents;
    put_counts(summary, counts);
    result.summary_json = io::to_compact_json(summary);
    return result;
}

} // namespace rectify::service
