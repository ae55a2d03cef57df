#include "service/document_loader.hpp"

#include <map>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;

// Children grouped by parent id, each group in display order (the store lists in that order).
template <class R, class Key> std::map<std::int64_t, std::vector<R>> group_by(std::vector<R> rows, Key key) {
    std::map<std::int64_t, std::vector<R>> out;
    for (auto &r : rows) out[key(r)].push_back(std::move(r));
    return out;
}

struct Children {
    std::map<std::int64_t, std::vector<core::Issue>> issues_by_aspect; // top-level issues only
    std::map<std::int64_t, std::vector<core::Issue>> issues_by_parent;
    std::map<std::int64_t, std::vector<core::Measure>> measures_by_issue;
    std::map<std::int64_t, std::vector<core::Progress>> progress_by_measure;
    std::map<std::int64_t, std::vector<core::Outcome>> outcomes_by_issue; // 0: the inspection's own
};

io::DocIssue build_issue(core::Issue issue, Children &c) {
    io::DocIssue d;
    d.status_given = true;
    for (auto &m : c.measures_by_issue[issue.meta.id]) {
        io::DocMeasure dm;
        dm.status_given = true;
        for (auto &p : c.progress_by_measure[m.meta.id]) dm.progress.push_back({std::move(p), {}});
        dm.record = std::move(m);
        d.measures.push_back(std::move(dm));
    }
    for (auto &sub : c.issues_by_parent[issue.meta.id]) d.sub_issues.push_back(build_issue(std::move(sub), c));
    for (auto &o : c.outcomes_by_issue[issue.meta.id]) d.outcomes.push_back({std::move(o), {}});
    d.record = std::move(issue);
    return d;
}

} // namespace

io::Document load_document(store::Store &store, std::int64_t inspection_id, const LoadParts &parts) {
    auto inspection = store.get<core::Inspection>(inspection_id);
    if (!inspection) throw Error(Errc::not_found, "no inspection with id " + std::to_string(inspection_id));
    io::Document doc;
    if (inspection->round_id) doc.round = store.get<core::Round>(*inspection->round_id);
    auto unit = store.get<core::Unit>(inspection->unit_id);
    if (!unit) throw Error(Errc::db, "inspection " + std::to_string(inspection_id) + " names a missing unit");
    doc.unit = std::move(*unit);
    doc.inspection = std::move(*inspection);

    store::ListFilter f;
    f.inspection_id = inspection_id;
    f.position_order = true; // grouped by parent below, so each group comes out in display order
    Children c;
    for (auto &i : store.list<core::Issue>(f)) {
        if (i.parent_id) c.issues_by_parent[*i.parent_id].push_back(std::move(i));
        else c.issues_by_aspect[i.aspect_id].push_back(std::move(i));
    }
    c.measures_by_issue = group_by(store.list<core::Measure>(f), [](const core::Measure &m) { return m.issue_id; });
    if (parts.progress)
        c.progress_by_measure = group_by(store.list<core::Progress>(f), [](const core::Progress &p) { return p.measure_id; });
    c.outcomes_by_issue = group_by(store.list<core::Outcome>(f), [](const core::Outcome &o) { return o.issue_id.value_or(0); });

    for (auto &a : store.list<core::Aspect>(f)) {
        io::DocAspect da;
        for (auto &i : c.issues_by_aspect[a.meta.id]) da.issues.push_back(build_issue(std::move(i), c));
        da.record = std::move(a);
        doc.aspects.push_back(std::move(da));
    }
    for (auto &o : c.outcomes_by_issue[0]) doc.outcomes.push_back({std::move(o), {}});
    return doc;
}

} // namespace rectify::service
