package org.rectify;

import static org.rectify.Calls.check;
import static org.rectify.Calls.length;
import static org.rectify.Calls.lib;
import static org.rectify.Calls.takeText;
import static org.rectify.Calls.utf8;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.rectify.ffi.ListOptions;
import org.rectify.ffi.NoticeOptions;
import org.rectify.ffi.OpenOptions;
import org.rectify.ffi.RectifyConstants;
import org.rectify.ffi.ProgressCallback;
import org.rectify.ffi.RowCallback;
import org.rectify.ffi.SizeTByReference;

/**
 * An open rectify database: one handle, closed by {@link #close()} (use try-with-resources).
 *
 * <p>Every method is one C call. A failed call throws the {@link RectifyException} subclass for its
 * code, with the library's message. Records and reports come back as JSON text, the library's own
 * (docs/records.md, docs/schema.md): this binding adds no JSON library a host may not want; parse
 * them with yours, or with the small {@link Json} reader here. Dates are "YYYY-MM-DD" strings; an
 * as-of date left null means today (UTC).
 *
 * <p>Like the C handle, a Database is used by one thread at a time; open one per thread (several
 * handles on one file are safe). A Database dropped without close() is closed when it is
 * garbage-collected, but close it: the file stays open until then.
 */
public final class Database implements AutoCloseable {
    private final NativeHandle handle;
    private final String path;
    private ProgressCallback progress; // held so the JVM does not collect what the library calls

    private Database(Pointer pointer, String path) {
        this.handle = new NativeHandle(this, pointer, p -> lib().rectify_db_close(p),
                                       "the database " + path + " is closed");
        this.path = path;
    }

    /**
     * Opens the database at path for actor (who every change is recorded under; null for
     * read-only use), creating the file when create is true. The first actor to open a new
     * database read-write becomes its admin.
     */
    public static Database open(String path, String actor, boolean create) {
        return open(path, actor, create ? RectifyConstants.RECTIFY_OPEN_CREATE : 0, 0);
    }

    /** Opens with RECTIFY_OPEN_* flags and a busy timeout (0: 5000 ms). */
    public static Database open(String path, String actor, int flags, int busyTimeoutMs) {
        OpenOptions options = new OpenOptions();
        options.flags = flags;
        options.busy_timeout_ms = busyTimeoutMs;
        options.actor = actor;
        PointerByReference out = new PointerByReference();
        check(lib().rectify_db_open(out, path, options));
        return new Database(out.getValue(), path);
    }

    /** Closes the handle. Closing again does nothing; any other call after it throws Closed. */
    @Override
    public void close() {
        handle.close();
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    public String path() {
        return path;
    }

    /** The raw handle, for calls through {@link Rectify#library()} that this class does not wrap. */
    public Pointer handle() {
        return handle.get();
    }

    @Override
    public String toString() {
        return "Database(" + path + (isClosed() ? ", closed)" : ")");
    }

    // ---- the handle ------------------------------------------------------------------------

    /** Sets who acts through this handle; null clears it, after which changes throw NoActor. */
    public void setActor(String actor) {
        check(lib().rectify_db_set_actor(handle(), actor));
    }

    /** What a long operation tells as it goes; see {@link #setProgress}. */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * operation is "import", "export", "audit_verify" or "backup"; total is 0 when not known.
         * Return false to stop the operation: it then throws {@link RectifyException.Stopped}
         * and changes nothing.
         */
        boolean onProgress(String operation, long done, long total);
    }

    /**
     * Calls listener during long operations (rectify_db_set_progress); null removes it. A listener
     * that throws stops the operation.
     */
    public void setProgress(ProgressListener listener) {
        if (listener == null) {
            check(lib().rectify_db_set_progress(handle(), null, null));
            progress = null;
            return;
        }
        ProgressCallback callback = (ctx, operation, done, total) -> {
            try {
                return listener.onProgress(operation, done, total) ? 0 : 1;
            } catch (RuntimeException e) {
                return 1; // an exception must not unwind through C: stop instead
            }
        };
        check(lib().rectify_db_set_progress(handle(), callback, null));
        progress = callback; // the library keeps the pointer: keep the callback reachable
    }

    /** The schema version of the open file (after any upgrade). */
    public int schemaVersion() {
        IntByReference out = new IntByReference();
        check(lib().rectify_db_schema_version(out, handle()));
        return out.getValue();
    }

    // ---- records (records.h) ---------------------------------------------------------------

    /** One record as a JSON object; NotFound when there is none. */
    public String get(Kind kind, long id) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_record_get(out, handle(), kind.code(), id));
        return takeText(out);
    }

    /** The id of the record of this kind whose host key is ref; NotFound if none. */
    public long find(Kind kind, String ref) {
        LongByReference out = new LongByReference();
        check(lib().rectify_record_find(out, handle(), kind.code(), ref));
        return out.getValue();
    }

    /** Every record of a kind as a JSON array, in display order. */
    public String list(Kind kind) {
        return list(kind, 0, 0, 0, 0);
    }

    /**
     * Records of a kind as a JSON array: of one inspection and/or children of one parent (0: any),
     * skipping offset, at most limit (0: no limit).
     */
    public String list(Kind kind, long inspectionId, long parentId, long offset, long limit) {
        ListOptions options = new ListOptions();
        options.inspection_id = inspectionId;
        options.parent_id = parentId;
        options.offset = offset;
        options.limit = limit;
        PointerByReference out = new PointerByReference();
        check(lib().rectify_record_list(out, handle(), kind.code(), options));
        return takeText(out);
    }

    /**
     * Moves an issue or a measure to a status. expectVersion is the version the caller last saw
     * (0 skips the check): Conflict when the record has moved on, Transition when the status
     * machine forbids the move. Returns the record's new version.
     */
    public long setStatus(Kind kind, long id, Status status, long expectVersion) {
        LongByReference out = new LongByReference();
        check(lib().rectify_status_set(out, handle(), kind.code(), id, status.code(), expectVersion));
        return out.getValue();
    }

    /** Adds a dated progress record to a measure; author null for the actor. Returns its id. */
    public long addProgress(long measureId, String date, String text, String author) {
        LongByReference out = new LongByReference();
        check(lib().rectify_progress_add(out, handle(), measureId, date, text, author));
        return out.getValue();
    }

    // ---- interchange (interchange.h) -------------------------------------------------------

    /** Imports an inspection document ("rectify-inspection" JSON); all or nothing, idempotent by ref. */
    public ImportResult importJson(String document) {
        byte[] bytes = utf8(document);
        LongByReference id = new LongByReference();
        PointerByReference summary = new PointerByReference();
        check(lib().rectify_import_json(id, summary, handle(), bytes, length(bytes)));
        return new ImportResult(id.getValue(), takeText(summary));
    }

    /** As {@link #importJson}, the library reading the file itself. */
    public ImportResult importFile(String path) {
        LongByReference id = new LongByReference();
        PointerByReference summary = new PointerByReference();
        check(lib().rectify_import_file(id, summary, handle(), path));
        return new ImportResult(id.getValue(), takeText(summary));
    }

    /**
     * Imports many inspection documents, JSON Lines (one document a line, blank lines skipped), in
     * one transaction: all or nothing. Returns the summed summary JSON
     * ({"documents", "created", "updated", "unchanged"}); a refusal's message names the line.
     */
    public String importBatchJson(String jsonLines) {
        byte[] bytes = utf8(jsonLines);
        PointerByReference summary = new PointerByReference();
        check(lib().rectify_import_batch_json(summary, handle(), bytes, length(bytes)));
        return takeText(summary);
    }

    /** As {@link #importBatchJson}, the library reading the JSON Lines file a line at a time. */
    public String importBatchFile(String path) {
        PointerByReference summary = new PointerByReference();
        check(lib().rectify_import_batch_file(summary, handle(), path));
        return takeText(summary);
    }

    /** One inspection as a "rectify-inspection" document. */
    public String exportJson(long inspectionId) {
        PointerByReference out = new PointerByReference();
        SizeTByReference size = new SizeTByReference();
        check(lib().rectify_export_json(out, size, handle(), inspectionId));
        return new String(Calls.takeBytes(out, size.getValue()), StandardCharsets.UTF_8);
    }

    /**
     * Every inspection this actor may read, in id order, handed to onDocument one at a time as its
     * document on one line of compact JSON (rectify_export_all); onDocument returns true to go on,
     * false to stop early. All documents come from one consistent snapshot and only one is held in
     * memory at a time. An exception onDocument throws stops the export and is rethrown here; a
     * progress listener that stops it throws {@link RectifyException.Stopped}.
     */
    public void eachExport(Predicate<String> onDocument) {
        eachRow(onDocument, callback -> lib().rectify_export_all(handle(), callback, null));
    }

    /**
     * Writes every inspection this actor may read to path as JSON Lines (rectify_export_all_file):
     * the file appears only when complete, so a failed or stopped export leaves path as it was.
     */
    public void exportAllFile(String path) {
        check(lib().rectify_export_all_file(handle(), path));
    }

    // ---- notices, reports, statistics (notice.h, report.h) ---------------------------------

    /** The internal notice (党内通报) of an inspection as plain text. */
    public String renderNotice(long inspectionId) {
        return renderNotice(inspectionId, Audience.INTERNAL, Format.TEXT);
    }

    /** The notice for an audience, as TEXT or MARKDOWN, with the bundled template. */
    public String renderNotice(long inspectionId, Audience audience, Format format) {
        NoticeOptions options = new NoticeOptions();
        options.audience = audience.code();
        options.format = format.code();
        PointerByReference out = new PointerByReference();
        check(lib().rectify_notice_render(out, handle(), inspectionId, options));
        return takeText(out);
    }

    /** An inspection rendered as the request says; the bytes as they are (XLSX is binary). */
    public byte[] renderReport(long inspectionId, ReportRequest request) {
        PointerByReference out = new PointerByReference();
        SizeTByReference size = new SizeTByReference();
        check(lib().rectify_report_render(out, size, handle(), inspectionId, request.toOptions()));
        return Calls.takeBytes(out, size.getValue());
    }

    /**
     * A text format (TEXT, MARKDOWN, HTML, CSV, OSCAL) as a String. CSV keeps its byte order
     * mark as U+FEFF at the start.
     */
    public String renderReportText(long inspectionId, ReportRequest request) {
        if (request.format() == Format.XLSX) {
            throw new RectifyException.Argument(RectifyConstants.RECTIFY_E_ARGUMENT,
                "XLSX is binary: use renderReport() for it");
        }
        return new String(renderReport(inspectionId, request), StandardCharsets.UTF_8);
    }

    /** Statistics as a JSON object (docs/statistics.md). */
    public String stats(StatsQuery query) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_stats_json(out, handle(), query.toOptions()));
        return takeText(out);
    }

    // ---- users and roles (access.h) --------------------------------------------------------

    /** Adds a user (the name the host authenticates); displayName may be null. */
    public void addUser(String name, String displayName) {
        check(lib().rectify_user_add(handle(), name, displayName));
    }

    /** Grants a role on a scope (scopeId 0 for Scope.ALL). */
    public void grant(String name, Role role, Scope scope, long scopeId) {
        check(lib().rectify_user_grant(handle(), name, role.code(), scope.code(), scopeId));
    }

    public void revoke(String name, Role role, Scope scope, long scopeId) {
        check(lib().rectify_user_revoke(handle(), name, role.code(), scope.code(), scopeId));
    }

    /** The users and their grants as a JSON array. */
    public String users() {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_user_list(out, handle()));
        return takeText(out);
    }

    // ---- audit log and backups (audit.h) ---------------------------------------------------

    /** Audit events as a JSON array: every event (kind null) or one record's. */
    public String auditLog(Kind kind, long recordId, long offset, long limit) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_audit_log(out, handle(), kind == null ? 0 : kind.code(), recordId, offset, limit));
        return takeText(out);
    }

    /**
     * Verifies the audit chain and the records; returns the report (JSON) when all is whole,
     * throws Tampered carrying the report when not.
     */
    public String verifyAudit() {
        PointerByReference out = new PointerByReference();
        int code = lib().rectify_audit_verify(out, handle());
        return verified(code, out);
    }

    /**
     * A signed head of the audit log's Merkle tree (JSON: size, root, algorithm, public_key,
     * signature), signed with the Ed25519 private key in PEM. Keep it outside the database.
     * Throws Tampered when the hash chain is broken.
     */
    public String auditHead(String privateKeyPem) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_audit_head(out, handle(), privateKeyPem));
        return takeText(out);
    }

    /**
     * A consistency proof (JSON) that toHead, or the log now when toHead is null, extends the
     * earlier head fromHead (both as auditHead() returned them).
     */
    public String proveConsistency(String fromHead, String toHead) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_audit_prove_consistency(out, handle(), fromHead, toHead));
        return takeText(out);
    }

    /** An inclusion proof (JSON) that audit event eventId is in head, with the event as hashed. */
    public String proveInclusion(long eventId, String head) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_audit_prove_inclusion(out, handle(), eventId, head));
        return takeText(out);
    }

    /**
     * Checks a kept head against the trusted Ed25519 public key (PEM) and the log now; returns
     * the report (JSON) when it holds, throws Tampered carrying the report when the head was
     * signed by another key, was altered, or the log no longer extends it.
     */
    public String verifyHead(String head, String publicKeyPem) {
        PointerByReference out = new PointerByReference();
        int code = lib().rectify_audit_verify_head(out, handle(), head, publicKeyPem);
        return verified(code, out);
    }

    /** Writes a consistent copy of the database to destPath, which must not exist. */
    public void backup(String destPath) {
        check(lib().rectify_backup(handle(), destPath));
    }

    // ---- the database's calendar and rule profiles (deadlines.h) ---------------------------

    /** Stores holiday notices (holiday-cn JSON) over the bundled China calendar. */
    public void loadCalendarJson(String notices) {
        byte[] bytes = utf8(notices);
        check(lib().rectify_db_calendar_load_json(handle(), bytes, length(bytes)));
    }

    public void loadCalendarFile(String path) {
        check(lib().rectify_db_calendar_load_file(handle(), path));
    }

    /** Stores a local day: DayType.HOLIDAY or DayType.WORKDAY. */
    public void setCalendarDay(String date, DayType type) {
        check(lib().rectify_db_calendar_set_day(handle(), date, type.code()));
    }

    /** The database's calendar as it is now, as a calendar of its own to query (and close). */
    public WorkCalendar calendar() {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_db_calendar(out, handle()));
        return new WorkCalendar(out.getValue());
    }

    /** Stores a rule profile (JSON, docs/deadlines.md); returns its new version. */
    public long addProfile(String profileJson) {
        byte[] bytes = utf8(profileJson);
        LongByReference out = new LongByReference();
        check(lib().rectify_profile_add(out, handle(), bytes, length(bytes)));
        return out.getValue();
    }

    public String profiles() {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_profile_list(out, handle()));
        return takeText(out);
    }

    /** Gives an inspection the latest version of the named profile and derives its deadlines. */
    public void applyProfile(long inspectionId, String profileName) {
        check(lib().rectify_inspection_apply_profile(handle(), inspectionId, profileName));
    }

    // ---- warnings (预警), overdue and due measures -----------------------------------------

    /** Warnings as a JSON object {"as_of", "rollup", "totals", "rows"}, most urgent first. */
    public String warnings(WarningQuery query) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_warnings(out, handle(), query.toOptions()));
        return takeText(out);
    }

    /**
     * The warnings rows one at a time, each a JSON object, without building one document.
     * onRow returns true to go on, false to stop. An exception onRow throws stops the walk and
     * is thrown from here.
     */
    public void eachWarning(WarningQuery query, Predicate<String> onRow) {
        eachRow(onRow, callback -> lib().rectify_warnings_each(handle(), query.toOptions(), callback, null));
    }

    /**
     * Runs call with a RowCallback that hands each row, as text, to onRow (true to go on, false to
     * stop). An exception onRow throws stops the stream and is thrown from here, before the call's
     * own result is checked.
     */
    private static void eachRow(Predicate<String> onRow, ToIntFunction<RowCallback> call) {
        RuntimeException[] thrown = new RuntimeException[1];
        RowCallback callback = (ctx, row, len) -> {
            try {
                String text = new String(row.getByteArray(0, Math.toIntExact(len.longValue())),
                                         StandardCharsets.UTF_8);
                return onRow.test(text) ? 0 : 1;
            } catch (RuntimeException e) {
                thrown[0] = e;  // never let it unwind through C frames
                return 1;
            }
        };
        int code = call.applyAsInt(callback);
        if (thrown[0] != null) {
            throw thrown[0];
        }
        check(code);
    }

    /** Open measures past their deadline as of the query's date, earliest first, as a JSON array. */
    public String overdue(WarningQuery query) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_overdue(out, handle(), query.toOptions()));
        return takeText(out);
    }

    public long overdueCount(WarningQuery query) {
        LongByReference out = new LongByReference();
        check(lib().rectify_overdue_count(out, handle(), query.toOptions()));
        return out.getValue();
    }

    /** Open measures falling due within days of the query's date, as a JSON array. */
    public String dueWithin(int days, WarningQuery query) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_due_within(out, handle(), days, query.toOptions()));
        return takeText(out);
    }

    // ---- extensions (延期) and escalations (督办) ------------------------------------------

    /** Requests a new deadline for a measure; returns the request's id. */
    public long requestExtension(long measureId, String newDeadline, String reason) {
        LongByReference out = new LongByReference();
        check(lib().rectify_extension_request(out, handle(), measureId, newDeadline, reason));
        return out.getValue();
    }

    /** Approves or refuses a pending request; note may be null. */
    public void decideExtension(long extensionId, boolean approve, String note) {
        check(lib().rectify_extension_decide(handle(), extensionId, approve ? 1 : 0, note));
    }

    /** Requests of one measure (measureId 0: all) as a JSON array. */
    public String extensions(long measureId, boolean pendingOnly) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_extension_list(out, handle(), measureId, pendingOnly ? 1 : 0));
        return takeText(out);
    }

    /** Records an escalation against an issue or a measure; newDeadline and note may be null. */
    public long escalate(Kind kind, long targetId, EscalationLevel level, String date, String issuedTo,
                         String newDeadline, String note) {
        LongByReference out = new LongByReference();
        check(lib().rectify_escalate(out, handle(), kind.code(), targetId, level.code(), date, issuedTo,
                                     newDeadline, note));
        return out.getValue();
    }

    /** Escalations whose target is still open, oldest first, as a JSON array. */
    public String openEscalations(WarningQuery scope) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_escalation_list_open(out, handle(), scope.toOptions()));
        return takeText(out);
    }

    // ---- evidence and close-out (followthrough.h) ------------------------------------------

    /** Attaches evidence to an issue or a measure; returns its id. */
    public long addEvidence(Kind kind, long targetId, EvidenceItem item) {
        LongByReference out = new LongByReference();
        check(lib().rectify_evidence_add(out, handle(), kind.code(), targetId, item.toStruct()));
        return out.getValue();
    }

    public String evidence(Kind kind, long targetId) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_evidence_list(out, handle(), kind.code(), targetId));
        return takeText(out);
    }

    /**
     * Re-hashes the evidence files of an inspection (0: all); returns the report when every file
     * is as recorded, throws Tampered carrying the report when not.
     */
    public String verifyEvidence(long inspectionId) {
        PointerByReference out = new PointerByReference();
        int code = lib().rectify_evidence_verify(out, handle(), inspectionId);
        return verified(code, out);
    }

    /** The actor, as verifier, closes out (销号) a done issue; Guard names a guard that failed. */
    public long closeOut(long issueId, String date, String note) {
        LongByReference out = new LongByReference();
        check(lib().rectify_close_out(out, handle(), issueId, date, note));
        return out.getValue();
    }

    /** Sets the close-out guards from JSON {"measures_done", "min_evidence", "verifier_not_owner"}. */
    public void setCloseOutGuards(String guardsJson) {
        byte[] bytes = utf8(guardsJson);
        check(lib().rectify_close_out_guards_set(handle(), bytes, length(bytes)));
    }

    public String closeOutGuards() {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_close_out_guards(out, handle()));
        return takeText(out);
    }

    public String closeOuts(long issueId) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_close_out_list(out, handle(), issueId));
        return takeText(out);
    }

    // ---- look-back reviews (回头看), follow-ups, evaluation, leads --------------------------

    public long scheduleReview(ReviewScope scope, long scopeId, String date, String team, String title) {
        LongByReference out = new LongByReference();
        check(lib().rectify_review_schedule(out, handle(), scope.code(), scopeId, date, team, title));
        return out.getValue();
    }

    /**
     * Records a verdict ("held", "relapsed", "incomplete", "false") on an issue; newMeasuresJson
     * (may be null) is a JSON array of re-rectification measures.
     */
    public long recordVerdict(long reviewId, long issueId, String verdict, String date, String findings,
                              String newMeasuresJson) {
        LongByReference out = new LongByReference();
        check(lib().rectify_review_verdict(out, handle(), reviewId, issueId, verdict, date, findings,
                                           newMeasuresJson));
        return out.getValue();
    }

    public String reviewReport(long reviewId) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_review_report(out, handle(), reviewId));
        return takeText(out);
    }

    /** Plans follow-ups of an ongoing measure: "monthly", "quarterly", "half_yearly", "yearly". */
    public void planFollowups(long measureId, String cadence, String start) {
        check(lib().rectify_followup_plan(handle(), measureId, cadence, start));
    }

    public long recordFollowup(long measureId, String date, String narrative) {
        LongByReference out = new LongByReference();
        check(lib().rectify_followup_record(out, handle(), measureId, date, narrative));
        return out.getValue();
    }

    public String followupsDue(int days, WarningQuery scope) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_followups_due(out, handle(), days, scope.toOptions()));
        return takeText(out);
    }

    /** Scores an inspection: deductions as a JSON array; thresholdsJson null for 90/80/60. */
    public String evaluate(long inspectionId, String date, String deductionsJson, String thresholdsJson) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_evaluate(out, handle(), inspectionId, date, deductionsJson, thresholdsJson));
        return takeText(out);
    }

    public long addLead(long inspectionId, String summary, String handedTo, String handedOn) {
        LongByReference out = new LongByReference();
        check(lib().rectify_lead_add(out, handle(), inspectionId, summary, handedTo, handedOn));
        return out.getValue();
    }

    /** Records a lead's disposition: "in_progress", "concluded" or "no_case". */
    public void disposeLead(long leadId, String disposition, String concludedOn, String note) {
        check(lib().rectify_lead_dispose(handle(), leadId, disposition, concludedOn, note));
    }

    public String leads(long inspectionId) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_lead_list(out, handle(), inspectionId));
        return takeText(out);
    }

    /**
     * The verification calls write their report whether or not the check passes, so it is
     * taken (and freed) in both cases, and rides on the exception. The message is read first:
     * it lives only until the next call into the library on this thread, rectify_free included.
     */
    private static String verified(int code, PointerByReference out) {
        RectifyException error = code < 0 ? Calls.lastError(code) : null;
        String report = takeText(out);
        if (error instanceof RectifyException.Tampered) {
            throw new RectifyException.Tampered(code, error.getMessage(), report);
        }
        if (error != null) {
            throw error;
        }
        return report;
    }
}
