// rectify/deadlines.h: the database's calendar, profiles, warnings, extensions, escalations.
#include "capi/guard.hpp"
#include "capi/options.hpp"

#include "core/date.hpp"
#include "core/utf8.hpp"
#include "core/warning.hpp"

#include <fstream>
#include <sstream>

using namespace rectify;
using capi::guarded;

namespace {

service::Service::WarningQuery query_of(const rectify_warning_options *opts) {
    rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
    capi::copy_options(o, opts);
    if (o.inspection_id < 0 || o.unit_id < 0 || o.round_id < 0) capi::bad_argument("ids must not be negative");
    if (o.offset < 0 || o.limit < 0) capi::bad_argument("offset and limit must not be negative");
    if (o.rollup < 0 || o.rollup > RECTIFY_ROLLUP_ROUND) capi::bad_argument("rollup " + std::to_string(o.rollup) + " is not a RECTIFY_ROLLUP_* value");
    if (o.lights & ~0x1Eu) capi::bad_argument("lights: only bits 1 << RECTIFY_LIGHT_* may be set");
    service::Service::WarningQuery q;
    q.as_of = capi::as_of_arg(o.as_of);
    q.scope.inspection_id = o.inspection_id;
    q.scope.unit_id = o.unit_id;
    q.scope.round_id = o.round_id;
    if (o.leader) {
        if (core::find_invalid_utf8(o.leader)) throw core::Error(core::Errc::utf8, "leader: not valid UTF-8");
        q.scope.leader = std::string(o.leader);
    }
    q.rollup = o.rollup ? o.rollup : RECTIFY_ROLLUP_MEASURE;
    q.lights = o.lights;
    q.offset = o.offset;
    q.limit = o.limit;
    return q;
}

std::string read_whole_file(const char *path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::Error(core::Errc::io, std::string("cannot open '") + path + "'");
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

} // namespace

static_assert(static_cast<int>(core::Light::red) == RECTIFY_LIGHT_RED);
static_assert(static_cast<int>(core::Light::blue) == RECTIFY_LIGHT_BLUE);

extern "C" {

int rectify_db_calendar_load_json(rectify_db *db, const char *json, size_t len) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(json, "json");
        svc.calendar_load_json(std::string_view(json, len));
    });
}

int rectify_db_calendar_load_json_changes(char **out_json, rectify_db *db, const char *json, size_t len) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        capi::require(json, "json");
        *out_json = capi::copy_out(svc.calendar_load_json(std::string_view(json, len)));
    });
}

int rectify_db_calendar_load_file(rectify_db *db, const char *path) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(path, "path");
        svc.calendar_load_json(read_whole_file(path));
    });
}

int rectify_db_calendar_set_day(rectify_db *db, const char *date, int day_type) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(date, "date");
        if (day_type != RECTIFY_DAY_HOLIDAY && day_type != RECTIFY_DAY_WORKDAY)
            capi::bad_argument("day_type must be RECTIFY_DAY_HOLIDAY or RECTIFY_DAY_WORKDAY");
        svc.calendar_set_day(date, day_type == RECTIFY_DAY_HOLIDAY);
    });
}

int rectify_db_calendar(rectify_calendar **out, rectify_db *db) {
    if (out) *out = nullptr;
    return guarded([&] {
        capi::require(out, "out");
        auto &svc = capi::service_of(db);
        auto cal = std::make_unique<rectify_calendar>();
        cal->calendar = svc.calendar_for_reader();
        *out = cal.release();
    });
}

int rectify_profile_add(int64_t *out_version, rectify_db *db, const char *json, size_t len) {
    if (out_version) *out_version = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(json, "json");
        auto v = svc.profile_add(std::string_view(json, len));
        if (out_version) *out_version = v;
    });
}

int rectify_profile_list(char **out_json, rectify_db *db) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        *out_json = capi::copy_out(capi::service_of(db).profiles_json());
    });
}

int rectify_inspection_apply_profile(rectify_db *db, int64_t inspection_id, const char *profile_name) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        if (inspection_id <= 0) capi::bad_argument("inspection_id must be positive");
        capi::require(profile_name, "profile_name");
        svc.apply_profile(inspection_id, profile_name);
    });
}

int rectify_warnings(char **out_json, rectify_db *db, const rectify_warning_options *opts) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        *out_json = capi::copy_out(svc.warnings(query_of(opts)));
    });
}

int rectify_warnings_each(rectify_db *db, const rectify_warning_options *opts, rectify_row_callback cb, void *ctx) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(reinterpret_cast<const void *>(cb), "cb");
        svc.warnings(query_of(opts), [&](const std::string &row) { return cb(ctx, row.c_str(), row.size()) == 0; });
    });
}

int rectify_overdue(char **out_json, rectify_db *db, const rectify_warning_options *opts) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        *out_json = capi::copy_out(svc.overdue_json(query_of(opts)));
    });
}

int rectify_overdue_count(int64_t *out_count, rectify_db *db, const rectify_warning_options *opts) {
    if (out_count) *out_count = 0;
    return guarded([&] {
        capi::require(out_count, "out_count");
        auto &svc = capi::service_of(db);
        *out_count = svc.overdue_count(query_of(opts));
    });
}

int rectify_due_within(char **out_json, rectify_db *db, int days, const rectify_warning_options *opts) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        *out_json = capi::copy_out(svc.due_within_json(query_of(opts), days));
    });
}

int rectify_extension_request(int64_t *out_id, rectify_db *db, int64_t measure_id, const char *new_deadline,
                              const char *reason) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        if (measure_id <= 0) capi::bad_argument("measure_id must be positive");
        capi::require(new_deadline, "new_deadline");
        capi::require(reason, "reason");
        auto id = svc.extension_request(measure_id, new_deadline, reason);
        if (out_id) *out_id = id;
    });
}

int rectify_extension_decide(rectify_db *db, int64_t extension_id, int approve, const char *note) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        if (extension_id <= 0) capi::bad_argument("extension_id must be positive");
        svc.extension_decide(extension_id, approve != 0, note ? std::optional<std::string_view>(note) : std::nullopt);
    });
}

int rectify_extension_list(char **out_json, rectify_db *db, int64_t measure_id, int pending_only) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        if (measure_id < 0) capi::bad_argument("measure_id must not be negative");
        *out_json = capi::copy_out(svc.extensions_json(measure_id, pending_only != 0));
    });
}

int rectify_escalate(int64_t *out_id, rectify_db *db, int kind, int64_t target_id, int level, const char *date,
                     const char *issued_to, const char *new_deadline, const char *note) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        auto k = capi::kind_arg(kind);
        if (target_id <= 0) capi::bad_argument("target_id must be positive");
        capi::require(date, "date");
        capi::require(issued_to, "issued_to");
        auto id = svc.escalate(k, target_id, level, date, issued_to,
                               new_deadline ? std::optional<std::string_view>(new_deadline) : std::nullopt,
                               note ? std::optional<std::string_view>(note) : std::nullopt);
        if (out_id) *out_id = id;
    });
}

int rectify_escalation_list_open(char **out_json, rectify_db *db, const rectify_warning_options *opts) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        *out_json = capi::copy_out(svc.open_escalations_json(query_of(opts).scope));
    });
}

} // extern "C"
