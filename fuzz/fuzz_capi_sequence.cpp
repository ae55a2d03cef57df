// The C API as a host might misuse it: the input is read as a little program, one call a step,
// its arguments taken from the bytes that follow (ids, versions, enum values, dates and strings,
// NULL among them). Programs start from the seed case, compiled in, or from nothing.
// Promises checked after every call (include/rectify/common.h, errors.h): the result is
// RECTIFY_OK or a known error code, rectify_errmsg() is never NULL and says something after a
// failure, and an owned out-parameter is NULL after one. ASan and UBSan watch the rest: nothing
// crashes, overflows, leaks or reads freed memory. Calls that touch files take no fuzzed paths.
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>

// data/examples/seed-case.json, NUL-terminated (fuzz/CMakeLists.txt generates it).
extern const unsigned char rectify_fuzz_seed_case[];
extern const std::size_t rectify_fuzz_seed_case_size;

using namespace rectify_fuzz;

namespace {

const char *seed_case() { return reinterpret_cast<const char *>(rectify_fuzz_seed_case); }

// The input's bytes, read front to back; once they run out every read gives 0.
class Bytes {
public:
    Bytes(const uint8_t *data, size_t size) : data_(data), size_(size) {}
    bool empty() const { return pos_ >= size_; }
    uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    int small(int bound) { return byte() % bound; }
    // Mostly small ids that name real records, sometimes anything at all.
    int64_t id() {
        const uint8_t b = byte();
        if (b < 200) return b % 80;
        if (b < 220) return -static_cast<int64_t>(b);
        int64_t v = 0;
        for (int i = 0; i < 8; ++i) v = static_cast<int64_t>(static_cast<uint64_t>(v) << 8 | byte());
        return v;
    }
    int number() {
        const uint8_t b = byte();
        if (b < 240) return static_cast<int>(b) - 120;
        const int big[] = {0x7fffffff, -0x7fffffff - 1, 100000, -100000, 100001, 36500, -36500,
                           1 << 20, 400, -400, 29, 366, 1000000, -1000000, 65535, 12};
        return big[b - 240];
    }
    std::string raw(size_t max) {
        size_t n = byte() % (max + 1);
        if (n > size_ - pos_) n = size_ - pos_;
        if (n == 0) return {};
        std::string s(reinterpret_cast<const char *>(data_ + pos_), n);
        pos_ += n;
        return s;
    }

private:
    const uint8_t *data_;
    size_t size_;
    size_t pos_ = 0;
};

// A string argument: NULL, a word the library knows, or raw bytes (invalid UTF-8 included).
// Every string handed out lives in `kept` until the step is over.
const char *const kWords[] = {
    "", "fuzzer", "2019-03-01", "2018-09-19", "2024-02-29", "2023-02-29", "2018-13-01", "0000-00-00",
    "9999-12-31", "19-3-1", "tongcheng-2018-fulian", "tongcheng-2018-fulian/a6/i4/m1", "tongcheng-fulian",
    "tongcheng-2018-round", "routine", "done", "in_progress", "closed", "held", "relapsed", "false", "monthly",
    "quarterly", "admin", "auditor", "{}", "[]", "{\"deductions\":[]}", "null", "工会账户已通过年度检查。",
    "市委第一巡察组", "整改", "\xe6\x95", "a\xff\x62", "{{#aspects}}{{title}}{{/aspects}}", "{{>missing}}{{",
};

struct Step {
    Bytes &in;
    std::deque<std::string> kept; // a deque: earlier strings stay where they are

    const char *str() {
        const uint8_t b = in.byte();
        if (b == 255) return nullptr;
        constexpr size_t words = sizeof kWords / sizeof kWords[0];
        if (b < 2 * words) return kWords[b % words];
        kept.push_back(in.raw(40));
        return kept.back().c_str();
    }
    const char *date() { return in.small(8) == 0 ? str() : kWords[2 + in.small(7)]; }
};

struct State {
    rectify_db *db = nullptr;
    rectify_calendar *cal = nullptr;
    rectify_calendar *cal_copy = nullptr;
    int64_t version = 0; // the last version a call gave back, for expect_version
};

// Owned out-strings: checked, then freed.
void done_with(int rc, const char *call, char **out) {
    checked_out(rc, call, out);
    rectify_free(*out);
}

// Arguments are drawn into named locals one statement at a time: C++ leaves the order of a
// call's arguments unspecified, and an input must mean the same program to gcc and to clang.

void open_db(State &s, Step &a) {
    rectify_db_close(s.db);
    s.db = nullptr;
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    const uint8_t how = a.in.byte();
    opts.actor = (how & 1) ? a.str() : "fuzzer";
    if (how & 2) opts.flags = RECTIFY_OPEN_READONLY;
    if (how & 4) opts.version = a.in.small(3);
    opts.busy_timeout_ms = (how & 8) ? -1 : 0;
    // Only an in-memory database is made; a missing file without CREATE exercises the refusal.
    const char *path = (how & 16) ? "/nonexistent/rectify-fuzz.db" : ":memory:";
    if (how & 16) opts.flags = 0;
    checked_out(rectify_db_open(&s.db, path, (how & 32) ? nullptr : &opts), "rectify_db_open", &s.db);
}

void import_seed(State &s, Step &a) {
    // The whole seed case, or a cut of it (most cuts are not JSON), or the seed with one byte
    // changed.
    const size_t len = rectify_fuzz_seed_case_size;
    std::string doc(seed_case(), len);
    const uint8_t how = a.in.byte();
    if (how >= 128 && how < 192) doc.resize(len * (how - 128) / 64);
    if (how >= 192) {
        const size_t hi = a.in.byte();
        const size_t lo = a.in.byte();
        doc[(hi << 8 | lo) % len] = static_cast<char>(a.in.byte());
    }
    int64_t id = 0;
    char *summary = nullptr;
    done_with(rectify_import_json(&id, &summary, s.db, doc.data(), doc.size()), "rectify_import_json", &summary);
}

void calendar_step(State &s, Step &a) {
    char out[RECTIFY_DATE_SIZE] = {0};
    int value = 0;
    const rectify_calendar *cal = a.in.small(4) == 0 ? s.cal_copy : s.cal;
    switch (a.in.small(12)) {
    case 0: {
        rectify_calendar_free(s.cal);
        s.cal = nullptr;
        const int flags = a.in.small(4);
        checked_out(rectify_calendar_new(&s.cal, flags), "rectify_calendar_new", &s.cal);
        break;
    }
    case 1:
        rectify_calendar_free(s.cal_copy);
        s.cal_copy = nullptr;
        checked_out(rectify_calendar_copy(&s.cal_copy, s.cal), "rectify_calendar_copy", &s.cal_copy);
        break;
    case 2: {
        const char *json = a.str();
        const size_t len = json ? std::strlen(json) : a.in.small(4);
        checked(rectify_calendar_load_json(s.cal, json, len), "rectify_calendar_load_json");
        break;
    }
    case 3: {
        const char *date = a.date();
        const int type = a.in.small(7);
        checked(rectify_calendar_set_day(s.cal, date, type), "rectify_calendar_set_day");
        break;
    }
    case 4: {
        int *removed = a.in.small(2) ? &value : nullptr;
        const char *date = a.date();
        checked(rectify_calendar_clear_day(removed, s.cal, date), "rectify_calendar_clear_day");
        break;
    }
    case 5: checked(rectify_calendar_set_unknown_policy(s.cal, a.in.small(5) - 1), "rectify_calendar_set_unknown_policy"); break;
    case 6: {
        const int year = a.in.small(2) ? a.in.number() : 1990 + a.in.small(50);
        checked(rectify_calendar_year_known(&value, cal, year), "rectify_calendar_year_known");
        break;
    }
    case 7: checked(rectify_calendar_day_type(&value, cal, a.date()), "rectify_calendar_day_type"); break;
    case 8: {
        const char *date = a.date();
        const int policy = a.in.small(4);
        checked(rectify_calendar_is_workday(&value, cal, date, policy), "rectify_calendar_is_workday");
        break;
    }
    case 9: {
        const char *date = a.date();
        const int n = a.in.number();
        const int policy = a.in.small(4);
        checked(rectify_calendar_add_workdays(out, cal, date, n, policy), "rectify_calendar_add_workdays");
        break;
    }
    case 10: {
        const char *from = a.date();
        const char *to = a.date();
        const int policy = a.in.small(4);
        checked(rectify_calendar_count_workdays(&value, cal, from, to, policy), "rectify_calendar_count_workdays");
        break;
    }
    default: {
        const bool next = a.in.small(2);
        const char *date = a.date();
        const int unit = a.in.small(5);
        const int n = a.in.number();
        const int policy = a.in.small(4);
        if (next)
            checked(rectify_calendar_next_workday(out, cal, date, policy), "rectify_calendar_next_workday");
        else
            checked(rectify_period_end(out, cal, date, unit, n, policy), "rectify_period_end");
    }
    }
    (void)rectify_day_type_name(a.in.small(8) - 1);
}

rectify_warning_options warning_options(Step &a) {
    rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
    const uint8_t how = a.in.byte();
    if (how & 1) o.as_of = a.date();
    if (how & 2) o.inspection_id = a.in.id();
    if (how & 4) o.unit_id = a.in.id();
    if (how & 8) o.leader = a.str();
    if (how & 16) o.rollup = a.in.small(7);
    if (how & 32) o.lights = a.in.byte();
    if (how & 64) {
        o.offset = a.in.id();
        o.limit = a.in.id();
    }
    if (how & 128) o.version = a.in.small(3);
    return o;
}

int stop_after_one(void *, const char *, size_t) { return 1; }

void records_step(State &s, Step &a) {
    char *out = nullptr;
    int64_t id = 0;
    const int kind = a.in.small(10);
    switch (a.in.small(8)) {
    case 0: done_with(rectify_record_get(&out, s.db, kind, a.in.id()), "rectify_record_get", &out); break;
    case 1: checked(rectify_record_find(&id, s.db, kind, a.str()), "rectify_record_find"); break;
    case 2: {
        rectify_list_options o = RECTIFY_LIST_OPTIONS_INIT;
        o.inspection_id = a.in.id();
        o.parent_id = a.in.id();
        o.offset = a.in.id();
        o.limit = a.in.id();
        if (a.in.small(8) == 0) o.version = a.in.small(3);
        const rectify_list_options *opts = a.in.small(4) ? &o : nullptr;
        done_with(rectify_record_list(&out, s.db, kind, opts), "rectify_record_list", &out);
        break;
    }
    case 3: {
        // expect_version: the last version seen, one off it, 0 (any) or anything.
        const int64_t record = a.in.id();
        const int status = a.in.small(8);
        const int64_t choices[] = {s.version, s.version + 1, s.version - 1, 0, a.in.id()};
        const int64_t expect = choices[a.in.small(5)];
        int64_t version = 0;
        checked(rectify_status_set(&version, s.db, kind, record, status, expect), "rectify_status_set");
        if (version > 0) s.version = version;
        break;
    }
    case 4: {
        const int64_t measure = a.in.id();
        const char *date = a.date();
        const char *text = a.str();
        const char *author = a.str();
        checked(rectify_progress_add(&id, s.db, measure, date, text, author), "rectify_progress_add");
        break;
    }
    case 5: done_with(rectify_export_json(&out, nullptr, s.db, a.in.id()), "rectify_export_json", &out); break;
    case 6: {
        const int64_t record = a.in.id();
        const int64_t offset = a.in.id();
        const int64_t limit = a.in.id();
        done_with(rectify_audit_log(&out, s.db, kind, record, offset, limit), "rectify_audit_log", &out);
        break;
    }
    default: done_with(rectify_audit_verify(&out, s.db), "rectify_audit_verify", &out); break;
    }
}

void report_step(State &s, Step &a) {
    char *out = nullptr;
    int64_t count = 0;
    switch (a.in.small(8)) {
    case 0: {
        rectify_notice_options o = RECTIFY_NOTICE_OPTIONS_INIT;
        o.audience = a.in.small(4);
        o.format = a.in.small(4);
        const int64_t inspection = a.in.id();
        const rectify_notice_options *opts = a.in.small(4) ? &o : nullptr;
        done_with(rectify_notice_render(&out, s.db, inspection, opts), "rectify_notice_render", &out);
        break;
    }
    case 1: {
        rectify_report_options o = RECTIFY_REPORT_OPTIONS_INIT;
        o.audience = a.in.small(4);
        o.format = a.in.small(8);
        o.as_of = a.date();
        if (a.in.small(4) == 0) o.template_text = a.str();
        o.flags = a.in.small(4);
        const int64_t inspection = a.in.id();
        unsigned char *data = nullptr;
        size_t size = 0;
        checked_out(rectify_report_render(&data, &size, s.db, inspection, &o), "rectify_report_render", &data);
        rectify_free(data);
        break;
    }
    case 2: {
        rectify_stats_options o = RECTIFY_STATS_OPTIONS_INIT;
        o.inspection_id = a.in.id();
        if (a.in.small(2)) o.unit_id = a.in.id();
        if (a.in.small(2)) o.round_id = a.in.id();
        o.as_of = a.date();
        o.audience = a.in.small(4);
        o.flags = a.in.small(4);
        const rectify_stats_options *opts = a.in.small(8) ? &o : nullptr;
        done_with(rectify_stats_json(&out, s.db, opts), "rectify_stats_json", &out);
        break;
    }
    case 3: {
        const rectify_warning_options o = warning_options(a);
        done_with(rectify_warnings(&out, s.db, &o), "rectify_warnings", &out);
        break;
    }
    case 4: {
        const rectify_warning_options o = warning_options(a);
        checked(rectify_warnings_each(s.db, &o, stop_after_one, nullptr), "rectify_warnings_each");
        break;
    }
    case 5: {
        const rectify_warning_options o = warning_options(a);
        done_with(rectify_overdue(&out, s.db, &o), "rectify_overdue", &out);
        checked(rectify_overdue_count(&count, s.db, &o), "rectify_overdue_count");
        break;
    }
    case 6: {
        const int days = a.in.number();
        const rectify_warning_options o = warning_options(a);
        done_with(rectify_due_within(&out, s.db, days, &o), "rectify_due_within", &out);
        break;
    }
    default: {
        const char *text = a.str();
        rectify_parse_options o = RECTIFY_PARSE_OPTIONS_INIT;
        o.unit = a.str();
        o.onsite_start = a.date();
        done_with(rectify_notice_parse(&out, text, text ? std::strlen(text) : 0, &o), "rectify_notice_parse", &out);
    }
    }
}

void followthrough_step(State &s, Step &a) {
    char *out = nullptr;
    int64_t id = 0;
    switch (a.in.small(14)) {
    case 0: {
        const int64_t measure = a.in.id();
        const char *deadline = a.date();
        const char *reason = a.str();
        checked(rectify_extension_request(&id, s.db, measure, deadline, reason), "rectify_extension_request");
        break;
    }
    case 1: {
        const int64_t extension = a.in.id();
        const int approve = a.in.small(3);
        const char *note = a.str();
        checked(rectify_extension_decide(s.db, extension, approve, note), "rectify_extension_decide");
        break;
    }
    case 2: {
        const int64_t measure = a.in.id();
        const int pending_only = a.in.small(2);
        done_with(rectify_extension_list(&out, s.db, measure, pending_only), "rectify_extension_list", &out);
        break;
    }
    case 3: {
        const int kind = a.in.small(8);
        const int64_t target = a.in.id();
        const int level = a.in.small(7);
        const char *date = a.date();
        const char *issued_to = a.str();
        const char *deadline = a.date();
        const char *note = a.str();
        checked(rectify_escalate(&id, s.db, kind, target, level, date, issued_to, deadline, note), "rectify_escalate");
        break;
    }
    case 4: {
        const int64_t issue = a.in.id();
        const char *date = a.date();
        const char *note = a.str();
        checked(rectify_close_out(&id, s.db, issue, date, note), "rectify_close_out");
        break;
    }
    case 5: {
        // Evidence by URI only: a fuzzed path could name a device that never ends.
        rectify_evidence e = RECTIFY_EVIDENCE_INIT;
        e.title = a.str();
        e.kind = a.str();
        e.uri = a.str();
        e.media_type = a.str();
        if (a.in.small(8) == 0) e.version = a.in.small(3);
        const int kind = a.in.small(8);
        const int64_t target = a.in.id();
        checked(rectify_evidence_add(&id, s.db, kind, target, &e), "rectify_evidence_add");
        done_with(rectify_evidence_list(&out, s.db, kind, target), "rectify_evidence_list", &out);
        break;
    }
    case 6: {
        const int scope = a.in.small(5);
        const int64_t scope_id = a.in.id();
        const char *date = a.date();
        const char *team = a.str();
        const char *title = a.str();
        checked(rectify_review_schedule(&id, s.db, scope, scope_id, date, team, title), "rectify_review_schedule");
        break;
    }
    case 7: {
        const int64_t review = a.in.id();
        const int64_t issue = a.in.id();
        const char *verdict = a.str();
        const char *date = a.date();
        const char *findings = a.str();
        const char *new_measures = a.str();
        checked(rectify_review_verdict(&id, s.db, review, issue, verdict, date, findings, new_measures), "rectify_review_verdict");
        done_with(rectify_review_report(&out, s.db, review), "rectify_review_report", &out);
        break;
    }
    case 8: {
        const int64_t measure = a.in.id();
        const char *cadence = a.str();
        const char *start = a.date();
        checked(rectify_followup_plan(s.db, measure, cadence, start), "rectify_followup_plan");
        break;
    }
    case 9: {
        const int64_t measure = a.in.id();
        const char *date = a.date();
        const char *narrative = a.str();
        checked(rectify_followup_record(&id, s.db, measure, date, narrative), "rectify_followup_record");
        const int days = a.in.number();
        const rectify_warning_options o = warning_options(a);
        done_with(rectify_followups_due(&out, s.db, days, &o), "rectify_followups_due", &out);
        break;
    }
    case 10: {
        const int64_t inspection = a.in.id();
        const char *date = a.date();
        const char *deductions = a.str();
        const char *thresholds = a.str();
        done_with(rectify_evaluate(&out, s.db, inspection, date, deductions, thresholds), "rectify_evaluate", &out);
        break;
    }
    case 11: {
        const char *json = a.str();
        checked(rectify_profile_add(&id, s.db, json, json ? std::strlen(json) : 0), "rectify_profile_add");
        done_with(rectify_profile_list(&out, s.db), "rectify_profile_list", &out);
        const int64_t inspection = a.in.id();
        const char *name = a.str();
        checked(rectify_inspection_apply_profile(s.db, inspection, name), "rectify_inspection_apply_profile");
        break;
    }
    case 12: {
        const char *json = a.str();
        checked(rectify_close_out_guards_set(s.db, json, json ? std::strlen(json) : 0), "rectify_close_out_guards_set");
        done_with(rectify_close_out_guards(&out, s.db), "rectify_close_out_guards", &out);
        out = nullptr;
        done_with(rectify_close_out_list(&out, s.db, a.in.id()), "rectify_close_out_list", &out);
        break;
    }
    default: {
        const int64_t inspection = a.in.id();
        const char *summary = a.str();
        const char *handed_to = a.str();
        const char *handed_on = a.date();
        checked(rectify_lead_add(&id, s.db, inspection, summary, handed_to, handed_on), "rectify_lead_add");
        const int64_t lead = a.in.id();
        const char *disposition = a.str();
        const char *concluded_on = a.date();
        const char *note = a.str();
        checked(rectify_lead_dispose(s.db, lead, disposition, concluded_on, note), "rectify_lead_dispose");
        done_with(rectify_lead_list(&out, s.db, a.in.id()), "rectify_lead_list", &out);
    }
    }
}

void admin_step(State &s, Step &a) {
    char *out = nullptr;
    int value = 0;
    switch (a.in.small(8)) {
    case 0: checked(rectify_db_set_actor(s.db, a.str()), "rectify_db_set_actor"); break;
    case 1: {
        const char *name = a.str();
        const char *display_name = a.str();
        checked(rectify_user_add(s.db, name, display_name), "rectify_user_add");
        break;
    }
    case 2:
    case 3: {
        const bool grant = a.in.small(2);
        const char *name = a.str();
        const int role = a.in.small(9);
        const int scope = a.in.small(5);
        const int64_t scope_id = a.in.id();
        if (grant)
            checked(rectify_user_grant(s.db, name, role, scope, scope_id), "rectify_user_grant");
        else
            checked(rectify_user_revoke(s.db, name, role, scope, scope_id), "rectify_user_revoke");
        break;
    }
    case 4: done_with(rectify_user_list(&out, s.db), "rectify_user_list", &out); break;
    case 5:
        if (a.in.small(2)) {
            const char *date = a.date();
            const int type = a.in.small(7);
            checked(rectify_db_calendar_set_day(s.db, date, type), "rectify_db_calendar_set_day");
        } else {
            const char *json = a.str();
            checked(rectify_db_calendar_load_json(s.db, json, json ? std::strlen(json) : 0), "rectify_db_calendar_load_json");
        }
        checked(rectify_db_schema_version(&value, s.db), "rectify_db_schema_version");
        break;
    case 6: {
        rectify_calendar *cal = nullptr;
        checked_out(rectify_db_calendar(&cal, s.db), "rectify_db_calendar", &cal);
        rectify_calendar_free(cal);
        break;
    }
    default:
        checked(rectify_kind_from_name(&value, a.str()), "rectify_kind_from_name");
        checked(rectify_status_from_name(&value, a.str()), "rectify_status_from_name");
        checked(rectify_role_from_name(&value, a.str()), "rectify_role_from_name");
        (void)rectify_kind_name(a.in.number());
        (void)rectify_status_name(a.in.number());
        (void)rectify_status_label(a.in.number());
        (void)rectify_role_name(a.in.number());
        if (!rectify_strerror(a.in.number())) fail("rectify_strerror returned NULL");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Bytes in(data, size);
    State s;
    // Most programs start with the seed case in an open database; the rest from nothing.
    if (in.small(4) != 0) {
        s.db = open_scratch_db();
        int64_t id = 0;
        if (checked(rectify_import_json(&id, nullptr, s.db, seed_case(), rectify_fuzz_seed_case_size), "rectify_import_json") != RECTIFY_OK)
            fail("the seed case does not import", rectify_errmsg());
    }
    for (int steps = 0; steps < 64 && !in.empty(); ++steps) {
        Step a{in, {}};
        switch (in.small(10)) {
        case 0: open_db(s, a); break;
        case 1:
            rectify_db_close(s.db);
            s.db = nullptr;
            break;
        case 2: import_seed(s, a); break;
        case 3: {
            std::string doc = in.raw(255);
            int64_t id = 0;
            checked(rectify_import_json(&id, nullptr, s.db, doc.data(), doc.size()), "rectify_import_json");
            break;
        }
        case 4: records_step(s, a); break;
        case 5: report_step(s, a); break;
        case 6: calendar_step(s, a); break;
        case 7: followthrough_step(s, a); break;
        default: admin_step(s, a); break;
        }
    }
    rectify_calendar_free(s.cal_copy);
    rectify_calendar_free(s.cal);
    rectify_db_close(s.db);
    return 0;
}
