package org.rectify.ffi;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The whole C API (include/rectify/*.h) as a JNA interface, header by header, in the headers'
 * order and with their parameter names. The binding test checks every RECTIFY_API function is
 * declared here with matching types.
 *
 * How the C types are declared:
 * <ul>
 *   <li>handles ({@code rectify_db *}, {@code rectify_calendar *}): {@link Pointer}; their
 *       out-parameters ({@code **out}): {@link PointerByReference};</li>
 *   <li>{@code char **} and {@code unsigned char **} (memory the library hands out):
 *       {@link PointerByReference}, read and then released with {@link #rectify_free};</li>
 *   <li>{@code const char *} in: {@link String}, sent as UTF-8 (the library is loaded with
 *       that string encoding); where a length follows, {@code byte[]} and {@link SizeT};</li>
 *   <li>{@code const char *} returned (static storage): {@link String};</li>
 *   <li>{@code char *out_date}: a {@code byte[]} of RECTIFY_DATE_SIZE bytes;</li>
 *   <li>{@code int *}, {@code int64_t *}, {@code size_t *}: {@link IntByReference},
 *       {@link LongByReference}, {@link SizeTByReference};</li>
 *   <li>options structs: the {@link com.sun.jna.Structure} of the same name; null for the
 *       _INIT defaults where the header allows it.</li>
 * </ul>
 * Most Java code wants {@code org.rectify.Database} instead, which checks every code.
 */
public interface RectifyLibrary extends Library {
    // common.h
    String rectify_version();
    int rectify_version_number();
    void rectify_free(Pointer p);

    // errors.h
    String rectify_errmsg();
    int rectify_errcode();
    String rectify_strerror(int code);

    // db.h
    int rectify_db_open(PointerByReference out, String path, OpenOptions opts);
    void rectify_db_close(Pointer db);
    int rectify_db_set_actor(Pointer db, String actor);
    int rectify_db_set_progress(Pointer db, ProgressCallback cb, Pointer ctx);
    int rectify_db_schema_version(IntByReference out_version, Pointer db);
    int rectify_schema_version();

    // records.h
    int rectify_kind_from_name(IntByReference out_kind, String name);
    String rectify_kind_name(int kind);
    int rectify_status_from_name(IntByReference out_status, String name);
    String rectify_status_name(int status);
    String rectify_status_label(int status);
    int rectify_record_get(PointerByReference out_json, Pointer db, int kind, long id);
    int rectify_record_find(LongByReference out_id, Pointer db, int kind, String ref);
    int rectify_record_list(PointerByReference out_json, Pointer db, int kind, ListOptions opts);
    int rectify_status_set(LongByReference out_version, Pointer db, int kind, long id, int status,
                           long expect_version);
    int rectify_progress_add(LongByReference out_id, Pointer db, long measure_id, String date, String text,
                             String author);

    // interchange.h
    int rectify_import_json(LongByReference out_inspection_id, PointerByReference out_summary, Pointer db,
                            byte[] json, SizeT len);
    int rectify_import_file(LongByReference out_inspection_id, PointerByReference out_summary, Pointer db,
                            String path);
    int rectify_import_batch_file(PointerByReference out_summary, Pointer db, String path);
    int rectify_import_batch_json(PointerByReference out_summary, Pointer db, byte[] jsonl, SizeT len);
    int rectify_export_json(PointerByReference out_json, SizeTByReference out_len, Pointer db, long inspection_id);
    int rectify_export_all(Pointer db, RowCallback cb, Pointer ctx);
    int rectify_export_all_file(Pointer db, String path);

    // notice.h
    int rectify_notice_render(PointerByReference out_text, Pointer db, long inspection_id, NoticeOptions opts);
    int rectify_notice_parse(PointerByReference out_json, byte[] text, SizeT len, ParseOptions opts);

    // calendar.h
    int rectify_calendar_new(PointerByReference out, int flags);
    int rectify_calendar_copy(PointerByReference out, Pointer cal);
    void rectify_calendar_free(Pointer cal);
    int rectify_calendar_load_json(Pointer cal, byte[] json, SizeT len);
    int rectify_calendar_load_file(Pointer cal, String path);
    int rectify_calendar_set_day(Pointer cal, String date, int day_type);
    int rectify_calendar_clear_day(IntByReference out_removed, Pointer cal, String date);
    int rectify_calendar_set_unknown_policy(Pointer cal, int policy);
    int rectify_calendar_year_known(IntByReference out_known, Pointer cal, int year);
    int rectify_calendar_day_type(IntByReference out_type, Pointer cal, String date);
    String rectify_day_type_name(int day_type);
    int rectify_calendar_is_workday(IntByReference out_is_workday, Pointer cal, String date, int policy);
    int rectify_calendar_add_workdays(byte[] out_date, Pointer cal, String date, int n, int policy);
    int rectify_calendar_count_workdays(IntByReference out_count, Pointer cal, String from, String to, int policy);
    int rectify_calendar_next_workday(byte[] out_date, Pointer cal, String date, int policy);
    int rectify_period_end(byte[] out_date, Pointer cal, String start, int unit, int n, int policy);

    // access.h
    int rectify_role_from_name(IntByReference out_role, String name);
    String rectify_role_name(int role);
    int rectify_user_add(Pointer db, String name, String display_name);
    int rectify_user_grant(Pointer db, String name, int role, int scope, long scope_id);
    int rectify_user_revoke(Pointer db, String name, int role, int scope, long scope_id);
    int rectify_user_list(PointerByReference out_json, Pointer db);

    // audit.h
    int rectify_audit_log(PointerByReference out_json, Pointer db, int kind, long record_id, long offset, long limit);
    int rectify_audit_verify(PointerByReference out_report, Pointer db);
    int rectify_backup(Pointer db, String dest_path);
    int rectify_audit_head(PointerByReference out_head_json, Pointer db, String private_key_pem);
    int rectify_audit_prove_consistency(PointerByReference out_proof_json, Pointer db, String from_head_json, String to_head_json);
    int rectify_audit_prove_inclusion(PointerByReference out_proof_json, Pointer db, long event_id, String head_json);
    int rectify_audit_verify_head(PointerByReference out_report, Pointer db, String head_json, String public_key_pem);

    // deadlines.h
    int rectify_db_calendar_load_json(Pointer db, byte[] json, SizeT len);
    int rectify_db_calendar_load_json_changes(PointerByReference out_json, Pointer db, byte[] json, SizeT len);
    int rectify_db_calendar_load_file(Pointer db, String path);
    int rectify_db_calendar_set_day(Pointer db, String date, int day_type);
    int rectify_db_calendar(PointerByReference out, Pointer db);
    int rectify_profile_add(LongByReference out_version, Pointer db, byte[] json, SizeT len);
    int rectify_profile_list(PointerByReference out_json, Pointer db);
    int rectify_inspection_apply_profile(Pointer db, long inspection_id, String profile_name);
    int rectify_warnings(PointerByReference out_json, Pointer db, WarningOptions opts);
    int rectify_warnings_each(Pointer db, WarningOptions opts, RowCallback cb, Pointer ctx);
    int rectify_overdue(PointerByReference out_json, Pointer db, WarningOptions opts);
    int rectify_overdue_count(LongByReference out_count, Pointer db, WarningOptions opts);
    int rectify_due_within(PointerByReference out_json, Pointer db, int days, WarningOptions opts);
    int rectify_extension_request(LongByReference out_id, Pointer db, long measure_id, String new_deadline,
                                  String reason);
    int rectify_extension_decide(Pointer db, long extension_id, int approve, String note);
    int rectify_extension_list(PointerByReference out_json, Pointer db, long measure_id, int pending_only);
    int rectify_escalate(LongByReference out_id, Pointer db, int kind, long target_id, int level, String date,
                         String issued_to, String new_deadline, String note);
    int rectify_escalation_list_open(PointerByReference out_json, Pointer db, WarningOptions opts);

    // followthrough.h
    int rectify_evidence_add(LongByReference out_id, Pointer db, int kind, long target_id, Evidence evidence);
    int rectify_evidence_list(PointerByReference out_json, Pointer db, int kind, long target_id);
    int rectify_evidence_verify(PointerByReference out_report, Pointer db, long inspection_id);
    int rectify_close_out(LongByReference out_version, Pointer db, long issue_id, String date, String note);
    int rectify_close_out_guards_set(Pointer db, byte[] json, SizeT len);
    int rectify_close_out_guards(PointerByReference out_json, Pointer db);
    int rectify_close_out_list(PointerByReference out_json, Pointer db, long issue_id);
    int rectify_review_schedule(LongByReference out_id, Pointer db, int scope, long scope_id, String date,
                                String team, String title);
    int rectify_review_verdict(LongByReference out_id, Pointer db, long review_id, long issue_id, String verdict,
                               String date, String findings, String new_measures_json);
    int rectify_review_report(PointerByReference out_json, Pointer db, long review_id);
    int rectify_followup_plan(Pointer db, long measure_id, String cadence, String start);
    int rectify_followup_record(LongByReference out_id, Pointer db, long measure_id, String date, String narrative);
    int rectify_followups_due(PointerByReference out_json, Pointer db, int days, WarningOptions opts);
    int rectify_evaluate(PointerByReference out_json, Pointer db, long inspection_id, String date,
                         String deductions_json, String thresholds_json);
    int rectify_lead_add(LongByReference out_id, Pointer db, long inspection_id, String summary, String handed_to,
                         String handed_on);
    int rectify_lead_dispose(Pointer db, long lead_id, String disposition, String concluded_on, String note);
    int rectify_lead_list(PointerByReference out_json, Pointer db, long inspection_id);

    // report.h
    int rectify_report_render(PointerByReference out_data, SizeTByReference out_size, Pointer db,
                              long inspection_id, ReportOptions opts);
    int rectify_stats_json(PointerByReference out_json, Pointer db, StatsOptions opts);
}
