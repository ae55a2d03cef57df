// Applies a read document to the store: records are matched by ref, created or updated, never
// deleted; a status that changes must be a legal transition. Runs inside the caller's
// transaction, so an error anywhere leaves nothing behind.
#pragma once

#include "io/document.hpp"
#include "store/store.hpp"

#include <functional>
#include <string>

namespace rectify::service {

struct ImportCounts {
    std::int64_t created[9] = {};
    std::int64_t updated[9] = {};
    std::int64_t unchanged[9] = {};

    ImportCounts &operator+=(const ImportCounts &o) {
        for (int k = 0; k < 9; ++k) {
            created[k] += o.created[k];
            updated[k] += o.updated[k];
            unchanged[k] += o.unchanged[k];
        }
        return *this;
    }
};

class Importer {
public:
    // Fills an inspection's derived fields before it is written; existing is null for a new one.
    using Deriver = std::function<void(core::Inspection &incoming, const core::Inspection *existing)>;

    // Authorisation the import needs beyond its scope, raised before the write it guards.
    struct Checks {
        // A status a record is created with or moved to; from is empty for a new record.
        std::function<void(std::optional<core::Status> from, core::Status to, std::int64_t inspection_id,
                           const std::string &path)>
            status;
        // A change to an existing unit or round, records other inspections share.
        std::function<void(core::Kind kind, std::int64_t id, const std::string &path)> shared_change;
        // May keep fields of an existing measure the document would overwrite.
        std::function<void(const core::Measure &existing, core::Measure &incoming)> keep_deadline;
    };

    Importer(store::Store &store, const std::string &actor, Deriver derive = nullptr, Checks checks = {});

    // Returns the inspection's id; doc's records get their ids and versions filled in.
    std::int64_t apply(io::Document &doc);
    const ImportCounts &counts() const { return counts_; }
    // Called after each record is applied (created, updated or found unchanged).
    void on_record(std::function<void()> fn) { on_record_ = std::move(fn); }

private:
    template <class R> void upsert(R &incoming, const std::string &path, bool status_given);
    template <class R> void upsert_one(R &incoming, const std::string &path, bool status_given);
    void apply_issue(io::DocIssue &d, std::int64_t inspection_id, std::int64_t aspect_id, std::optional<std::int64_t> parent_id);
    void apply_outcome(io::DocOutcome &d, std::int64_t inspection_id, std::optional<std::int64_t> issue_id);

    store::Store &store_;
    const std::string &actor_;
    Deriver derive_;
    Checks checks_;
    std::string now_;
    ImportCounts counts_;
    std::function<void()> on_record_;
    bool inspection_created_ = false; // the document's inspection did not exist before it

};

} // namespace rectify::service
