#include "service/importer.hpp"

#include "core/date.hpp"
#include "core/status_machine.hpp"
#include "service/audit.hpp"

#include <type_traits>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;

template <class R> constexpr bool has_inspection_id = !std::is_same_v<R, core::Round> &&
                                                     !std::is_same_v<R, core::Unit> &&
                                                     !std::is_same_v<R, core::Inspection>;
std::string join_ref_path(const std::string &path) { return path.empty() ? "ref" : path + ".ref"; }

template <class R> constexpr bool has_status = std::is_same_v<R, core::Issue> || std::is_same_v<R, core::Measure>;

} // namespace

Importer::Importer(store::Store &store, const std::string &actor, Deriver derive, Checks checks)
    : store_(store), actor_(actor), derive_(std::move(derive)), checks_(std::move(checks)), now_(core::utc_timestamp_now()) {}

template <class R> void Importer::upsert(R &incoming, const std::string &path, bool status_given) {
    upsert_one(incoming, path, status_given);
    if (on_record_) on_record_();
}

template <class R> void Importer::upsert_one(R &incoming, const std::string &path, bool status_given) {
    constexpr core::Kind kind = store::Table<R>::kind;
    const int k = static_cast<int>(kind);
    auto created = [&] {
        audit(store_, actor_, now_, "create", kind, incoming.meta.id, std::nullopt, audit_image(incoming));
        ++counts_.created[k];
    };
    auto check_new_status = [&] {
        if constexpr (has_status<R>)
            if (checks_.status) checks_.status(std::nullopt, incoming.status, incoming.inspection_id, path + ".status");
    };
    // Under an inspection this import has just created, a record is new unless its ref is taken
    // elsewhere: it is inserted at once, and looked up only when the insert finds the ref taken
    // (which ends below as a duplicate, since no record of this inspection existed before).
    if constexpr (has_inspection_id<R>) {
        if (inspection_created_) {
            check_new_status();
            if (store_.insert_if_ref_free(incoming, now_)) return created();
        }
    }
    auto id = store_.find_id<R>(incoming.meta.ref);
    if (!id) {
        if constexpr (std::is_same_v<R, core::Inspection>)
            if (derive_) derive_(incoming, nullptr);
        check_new_status();
        store_.insert(incoming, now_);
        return created();
    }
    R existing = *store_.get<R>(*id);
    if constexpr (has_inspection_id<R>) {
        if (existing.inspection_id != incoming.inspection_id)
            throw Error(Errc::duplicate, join_ref_path(path) + ": '" + incoming.meta.ref + "' is already the ref of " +
                                             std::string(core::name(kind)) + " " + std::to_string(existing.meta.id) +
                                             " in inspection " + std::to_string(existing.inspection_id));
    }
    incoming.meta = existing.meta;
    if constexpr (has_status<R>) {
        if (!status_given) incoming.status = existing.status;
        else core::check_transition(existing.status, incoming.status, path + ".status: ");
        if (incoming.status != existing.status && checks_.status)
            checks_.status(existing.status, incoming.status, incoming.inspection_id, path + ".status");
    }
    if constexpr (std::is_same_v<R, core::Issue>) incoming.relapse_count = existing.relapse_count;
    if constexpr (std::is_same_v<R, core::Measure>)
        if (checks_.keep_deadline) checks_.keep_deadline(existing, incoming);
    if constexpr (std::is_same_v<R, core::Inspection>)
        if (derive_) derive_(incoming, &existing);

    std::string before = audit_image(existing);
    if (before == audit_image(incoming)) {
        ++counts_.unchanged[k];
        return;
    }
    if constexpr (std::is_same_v<R, core::Unit> || std::is_same_v<R, core::Round>)
        if (checks_.shared_change) checks_.shared_change(kind, incoming.meta.id, path);
    if (!store_.update(incoming, now_))
        throw Error(Errc::conflict, path + ": changed by another writer during the import");
    audit(store_, actor_, now_, "update", kind, incoming.meta.id, std::move(before), audit_image(incoming));
    ++counts_.updated[k];
}

std::int64_t Importer::apply(io::Document &doc) {
    if (doc.round) {
        upsert(*doc.round, "round", false);
        doc.inspection.round_id = doc.round->meta.id;
    } else {
        doc.inspection.round_id.reset();
    }
    upsert(doc.unit, "unit", false);
    doc.inspection.unit_id = doc.unit.meta.id;
    const std::int64_t inspections_created = counts_.created[static_cast<int>(core::Kind::inspection)];
    upsert(doc.inspection, "inspection", false);
    inspection_created_ = counts_.created[static_cast<int>(core::Kind::inspection)] > inspections_created;
    const std::int64_t inspection_id = doc.inspection.meta.id;

    for (auto &a : doc.aspects) {
        a.record.inspection_id = inspection_id;
        upsert(a.record, a.path, false);
        for (auto &i : a.issues) apply_issue(i, inspection_id, a.record.meta.id, std::nullopt);
    }
    for (auto &o : doc.outcomes) apply_outcome(o, inspection_id, std::nullopt);
    return inspection_id;
}

void Importer::apply_issue(io::DocIssue &d, std::int64_t inspection_id, std::int64_t aspect_id,
                           std::optional<std::int64_t> parent_id) {
    auto &r = d.record;
    r.inspection_id = inspection_id;
    r.aspect_id = aspect_id;
    r.parent_id = parent_id;
    upsert(r, d.path, d.status_given);
    for (auto &m : d.measures) {
        m.record.inspection_id = inspection_id;
        m.record.issue_id = r.meta.id;
        upsert(m.record, m.path, m.status_given);
        for (auto &p : m.progress) {
            p.record.inspection_id = inspection_id;
            p.record.measure_id = m.record.meta.id;
            upsert(p.record, p.path, false);
        }
    }
    for (auto &sub : d.sub_issues) apply_issue(sub, inspection_id, aspect_id, r.meta.id);
    for (auto &o : d.outcomes) apply_outcome(o, inspection_id, r.meta.id);
}

void Importer::apply_outcome(io::DocOutcome &d, std::int64_t inspection_id, std::optional<std::int64_t> issue_id) {
    d.record.inspection_id = inspection_id;
    d.record.issue_id = issue_id;
    upsert(d.record, d.path, false);
}

} // namespace rectify::service
