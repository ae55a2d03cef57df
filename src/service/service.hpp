// The operations of rectify. Each change runs in one transaction, names its actor, appends an
// audit event per record it touches and raises that record's version; a change that fails leaves
// the database exactly as it was.
#pragma once

#include "core/access.hpp"
#include "core/calendar.hpp"
#include "core/close_out.hpp"
#include "core/rule_profile.hpp"
#include "store/deadline_rows.hpp"

#include <functional>
#include "core/enums.hpp"
#include "io/document.hpp"
#include "io/json_lines.hpp"
#include "io/notice.hpp"
#include "io/report.hpp"
#include "core/statistics.hpp"
#include "service/access_control.hpp"
#include "service/progress.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rectify::service {

struct ImportResult {
    std::int64_t inspection_id = 0;
    std::string summary_json; // {"inspection_id", "created": {kind: n}, "updated": …, "unchanged": …}
};

struct ImportCounts;

struct ImportBatchResult {
    std::int64_t documents = 0;
    std::string summary_json; // {"documents", "created": {kind: n}, "updated": …, "unchanged": …}
};

class Service {
public:
    Service(const std::string &path, const store::OpenOptions &options, std::optional<std::string> actor);

    void set_actor(std::optional<std::string> actor);
    // The host's progress callback for long operations; an empty one removes it.
    void set_progress(Progress::Callback cb) { progress_.set(std::move(cb)); }
    int schema_version() const { return store_.schema_version(); }

    ImportResult import_json(std::string_view json);
    // Every document of the source in one transaction, each as import_json applies it; all or
    // nothing. An error names the line ("line 12: aspects[0]…"). Progress "import": bytes read.
    ImportBatchResult import_batch(io::LineSource &lines);
    std::string export_json(std::int64_t inspection_id);
    // Every inspection the actor may read, in id order, each as its document on one line (what
    // export_json writes, compact); emit returns false to stop early. One read snapshot, one
    // document in memory at a time; reports progress as "export".
    void export_all(const std::function<bool(const std::string &line)> &emit);
    // export_all as JSON Lines into a temporary file beside path, renamed to path when complete:
    // a failed or stopped export leaves no file.
    void export_all_file(const std::string &path);

    std::string record_json(core::Kind kind, std::int64_t id);
    std::int64_t find(core::Kind kind, const std::string &ref);
    std::string list_json(core::Kind kind, const store::ListFilter &filter);

    // Returns the record's new version.
    std::int64_t set_status(core::Kind kind, std::int64_t id, core::Status status, std::int64_t expect_version);
    // Returns the new progress record's id. author empty → the actor.
    std::int64_t add_progress(std::int64_t measure_id, std::string_view date, std::string_view text,
                              std::optional<std::string_view> author);

    // The notice (text or markdown) with the bundled template; the same as render_report with
    // today's date and totals that count what a public notice does not show.
    std::string render_notice(std::int64_t inspection_id, io::Audience audience, io::Format format = io::Format::text);

    // Reports and statistics (service_report.cpp).
    struct ReportOptions {
        core::Date as_of;
        io::Audience audience = io::Audience::internal;
        // Public totals still count what the public output does not show, unless the host says no.
        bool count_non_public = true;
        // What the report may leave out for a renderer that never reads it (the notice): each
        // measure's warning light (MeasureFacts::warning then stays as constructed), the evidence
        // counts (MeasureFacts/IssueFacts::evidence stay 0), the look-back verdicts (none).
        bool warning_lights = true;
        bool evidence = true;
        bool verdicts = true;
    };
    // One inspection as every report renders it; redacted for the public audience. Needs read
    // (internal) or read_public (public) on the inspection.
    io::Report report(std::int64_t inspection_id, const ReportOptions &o);
    // What statistics cover; all 0: every inspection the actor may read. A unit or a round needs
    // the permission on that unit or round.
    struct StatsScope {
        std::int64_t inspection_id = 0;
        std::int64_t unit_id = 0;
        std::int64_t round_id = 0;
    };
    core::Statistics statistics(const StatsScope &scope, const ReportOptions &o);
    std::string statistics_json(const StatsScope &scope, const ReportOptions &o);
    // One inspection in a format: text, bytes for xlsx. template_text (a mustache template)
    // only for the notice formats.
    std::string render_report(std::int64_t inspection_id, io::Format format, const ReportOptions &o,
                              const std::optional<std::string> &template_text);

    // Users and grants (service_users.cpp).
    void add_user(std::string_view name, std::optional<std::string_view> display_name);
    void grant(std::string_view user, const core::Grant &g);
    void revoke(std::string_view user, const core::Grant &g);
    std::string users_json();

    // The audit log (service_audit.cpp). kind empty: every event.
    std::string audit_log_json(const std::string &kind, std::int64_t record_id, std::int64_t offset, std::int64_t limit);
    struct Verification {
        bool intact = true;
        std::string report_json;
        std::string problem; // the first broken link, when not intact
    };
    Verification verify_audit();
    void backup(const std::string &dest_path);

    // Signed Merkle tree heads of the audit log and proofs (service_audit_proofs.cpp); all need
    // read_audit on the whole database. A head is JSON {"size", "root", "algorithm": "ed25519",
    // "public_key", "signature"} signed with the host's Ed25519 private key (PEM); the heads
    // passed in are such JSON, refused with Errc::argument when malformed, and Errc::tampered
    // when the log does not extend them.
    std::string audit_head(const std::string &private_key_pem);
    // {"from_size", "from_root", "to_size", "to_root", "proof": [hex]}: the log now extends the head.
    // to_head_json empty: the log now.
    std::string audit_prove_consistency(const std::string &from_head_json, const std::string &to_head_json);
    // {"event_id", "leaf_index", "event_hash", "tree_size", "root", "proof": [hex]}: the event is in the head.
    std::string audit_prove_inclusion(std::int64_t event_id, const std::string &head_json);
    // Whether the head is signed by the trusted key (public key PEM) and the log extends it; the
    // report is {"intact", "head_size", "head_root", "size", "root", "problem"}.
    Verification audit_verify_head(const std::string &head_json, const std::string &public_key_pem);

    // Deadlines (service_deadlines.cpp).
    // Stores the notices and derives again every provisional derived deadline that depended on
    // a year they make known (audited as "recalculate"); returns the changes as a JSON array of
    // {"inspection_id", "ref", "deadline", "label", "from", "to", "provisional"}.
    std::string calendar_load_json(std::string_view json);
    void calendar_set_day(std::string_view date, bool off);
    core::Calendar calendar(); // the database's calendar as it is now (no authorisation: internal)
    core::Calendar calendar_for_reader(); // the same, for an actor who may read
    std::int64_t profile_add(std::string_view json);
    std::string profiles_json();
    void apply_profile(std::int64_t inspection_id, std::string_view name);

    struct WarningQuery {
        core::Date as_of;
        store::MeasureScope scope; // its `visible` is set by the service
        int rollup = 1;            // RECTIFY_ROLLUP_*
        unsigned lights = 0;       // bit per light; 0: all
        std::int64_t offset = 0;
        std::int64_t limit = 0;
    };
    // Totals and rows; each row goes to `row` (compact JSON) when given, else into the document.
    std::string warnings(const WarningQuery &q, const std::function<bool(const std::string &)> &row = nullptr);
    std::string overdue_json(const WarningQuery &q);
    std::int64_t overdue_count(const WarningQuery &q);
    std::string due_within_json(const WarningQuery &q, std::int64_t days);

    std::int64_t extension_request(std::int64_t measure_id, std::string_view new_deadline, std::string_view reason);
    void extension_decide(std::int64_t extension_id, bool approve, std::optional<std::string_view> note);
    std::string extensions_json(std::int64_t measure_id, bool pending_only);

    std::int64_t escalate(core::Kind kind, std::int64_t target_id, int level, std::string_view date,
                          std::string_view issued_to, std::optional<std::string_view> new_deadline,
                          std::optional<std::string_view> note);
    std::string open_escalations_json(const store::MeasureScope &scope);

    // The second half of rectification (service_followthrough.cpp).
    struct EvidenceInput {
        std::string title;
        std::optional<std::string> kind, path, uri, media_type;
    };
    std::int64_t evidence_add(core::Kind kind, std::int64_t target_id, const EvidenceInput &e);
    std::string evidence_json(std::int64_t inspection_id, core::Kind kind, std::int64_t target_id);
    // Re-hashes every evidence file of the inspection (0: all); the report lists changed and
    // missing files. Returns whether every file is as recorded.
    bool evidence_verify(std::int64_t inspection_id, std::string &report_json);

    std::int64_t review_schedule(const std::string &scope_kind, std::int64_t scope_id, std::string_view date,
                                 std::string_view team, std::optional<std::string_view> title);
    // A verdict on one issue; relapsed, incomplete and false reopen it, raise its relapse count and
    // add the re-rectification measures given as a JSON array of measures (docs/schema.md).
    std::int64_t review_verdict(std::int64_t review_id, std::int64_t issue_id, std::string_view verdict,
                                std::string_view date, std::optional<std::string_view> findings,
                                std::optional<std::string_view> new_measures_json);
    std::string review_report(std::int64_t review_id);

    void followup_plan(std::int64_t measure_id, std::string_view cadence, std::string_view start);
    std::int64_t followup_record(std::int64_t measure_id, std::string_view date, std::string_view narrative);
    // Plans whose next follow-up falls within `days` of as_of, or whose last one was missed.
    std::string followups_due(const core::Date &as_of, std::int64_t days, const store::MeasureScope &scope);

    // deductions: a JSON array of {"item", "points", "issue_id"?, "note"?}; thresholds may be
    // empty for the defaults, else {"good", "fairly_good", "fair"}.
    std::string evaluate(std::int64_t inspection_id, std::string_view date, std::string_view deductions_json,
                         std::optional<std::string_view> thresholds_json);

    // Close-out (销号): the verifier (the actor) accepts a done issue as rectified, if every guard
    // holds. Returns the issue's new version.
    // expect_version 0 skips the version check; already_closed_ok returns the version of an issue
    // closed out before instead of refusing (for status changes that ask for what is so).
    std::int64_t close_out(std::int64_t issue_id, std::string_view date, std::optional<std::string_view> note,
                           std::int64_t expect_version = 0, bool already_closed_ok = false);
    void set_close_out_guards(std::string_view json);
    std::string close_out_guards_json();
    std::string close_outs_json(std::int64_t issue_id);

    std::int64_t lead_add(std::int64_t inspection_id, std::string_view summary, std::string_view handed_to,
                          std::string_view handed_on);
    void lead_dispose(std::int64_t lead_id, std::string_view disposition, std::optional<std::string_view> concluded_on,
                      std::optional<std::string_view> note);
    std::string leads_json(std::int64_t inspection_id);

    // The store behind the operations, for tests that watch what reaches SQLite.
    store::Store &store() { return store_; }

private:
    const std::string &require_actor() const;
    static std::optional<std::string> checked_actor(std::optional<std::string> actor);
    // A database with no users makes the first actor who opens it read-write its administrator.
    void bootstrap_admin();
    // The profile a new inspection gets, stored on first use.
    store::ProfileRow default_profile_row(const std::string &actor);
    // One read document into the open transaction, as import_json and import_batch both apply it:
    // authorisation, records (created or updated by ref), audit events, versions, close-outs.
    // Adds what it did to counts; on_record (may be empty) is called after each record.
    std::int64_t apply_document(io::Document &doc, const std::string &actor, const core::Calendar &cal,
                                ImportCounts &counts, const std::function<void()> &on_record);
    // Fills an imported inspection's derived deadlines (import keeps what is derived already).
    void derive_for_import(core::Inspection &incoming, const core::Inspection *existing, const std::string &actor,
                           const core::Calendar &cal);
    // Reopens an issue for re-rectification: closed → reopened, done or substantially done →
    // in progress; relapse raises its relapse count. Audited; inside the caller's transaction.
    void reopen_issue(core::Issue &issue, bool relapse, const std::string &actor, const std::string &now,
                      const char *action);
    // The close-out guards the database holds now (the defaults until some are set).
    core::CloseOutGuards close_out_guards();
    // Those guards on an issue as it stands, for this verifier; Errc::guard when one fails.
    void check_close_out_guards(const core::CloseOutGuards &guards, std::int64_t issue_id, const std::string &verifier,
                                const std::string &where);
    void record_close_out(std::int64_t issue_id, const std::string &verifier, const core::Date &day,
                          const std::optional<std::string> &note, const std::string &now);
    void require(core::Permission p, const core::RecordScope &where, const std::string &what) {
        access_.require(actor_, p, where, what);
    }

    // The actor is checked before the file is opened, so a refused open never creates a file.
    std::optional<std::string> actor_;
    store::Store store_;
    AccessControl access_{store_};
    Progress progress_;
};

} // namespace rectify::service
