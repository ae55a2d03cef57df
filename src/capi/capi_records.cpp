// rectify/records.h: names of kinds and statuses, reading records, status and progress.
#include "capi/guard.hpp"
#include "capi/options.hpp"

using namespace rectify;
using capi::guarded;

extern "C" {

int rectify_kind_from_name(int *out_kind, const char *name) {
    if (out_kind) *out_kind = 0;
    return guarded([&] {
        capi::require(out_kind, "out_kind");
        capi::require(name, "name");
        auto k = core::parse_kind(name);
        if (!k) capi::bad_argument(std::string("kind '") + name + "' is unknown (expected one of: " +
                                   std::string(core::all_names(core::Kind{})) + ")");
        *out_kind = static_cast<int>(*k);
    });
}

const char *rectify_kind_name(int kind) {
    if (kind < RECTIFY_KIND_ROUND || kind > RECTIFY_KIND_OUTCOME) return nullptr;
    return core::name(static_cast<core::Kind>(kind)).data();
}

int rectify_status_from_name(int *out_status, const char *name) {
    if (out_status) *out_status = 0;
    return guarded([&] {
        capi::require(out_status, "out_status");
        capi::require(name, "name");
        auto s = core::parse_status(name);
        if (!s) capi::bad_argument(std::string("status '") + name + "' is unknown (expected one of: " +
                                   std::string(core::all_names(core::Status{})) + ")");
        *out_status = static_cast<int>(*s);
    });
}

const char *rectify_status_name(int status) {
    if (status < RECTIFY_STATUS_NOT_STARTED || status > RECTIFY_STATUS_REOPENED) return nullptr;
    return core::name(static_cast<core::Status>(status)).data();
}

const char *rectify_status_label(int status) {
    if (status < RECTIFY_STATUS_NOT_STARTED || status > RECTIFY_STATUS_REOPENED) return nullptr;
    return core::label(static_cast<core::Status>(status)).data();
}

int rectify_record_get(char **out_json, rectify_db *db, int kind, int64_t id) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        auto k = capi::kind_arg(kind);
        if (id <= 0) capi::bad_argument("id must be positive, got " + std::to_string(id));
        *out_json = capi::copy_out(svc.record_json(k, id));
    });
}

int rectify_record_find(int64_t *out_id, rectify_db *db, int kind, const char *ref) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        capi::require(out_id, "out_id");
        auto &svc = capi::service_of(db);
        auto k = capi::kind_arg(kind);
        capi::require(ref, "ref");
        *out_id = svc.find(k, ref);
    });
}

int rectify_record_list(char **out_json, rectify_db *db, int kind, const rectify_list_options *opts) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        auto k = capi::kind_arg(kind);
        rectify_list_options o = RECTIFY_LIST_OPTIONS_INIT;
        capi::copy_options(o, opts);
        if (o.inspection_id < 0 || o.parent_id < 0) capi::bad_argument("inspection_id and parent_id must not be negative");
        if (o.offset < 0 || o.limit < 0) capi::bad_argument("offset and limit must not be negative");
        store::ListFilter f{o.inspection_id, o.parent_id, o.offset, o.limit};
        *out_json = capi::copy_out(svc.list_json(k, f));
    });
}

int rectify_status_set(int64_t *out_version, rectify_db *db, int kind, int64_t id, int status,
                       int64_t expect_version) {
    if (out_version) *out_version = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        auto k = capi::kind_arg(kind);
        auto s = capi::status_arg(status);
        if (id <= 0) capi::bad_argument("id must be positive, got " + std::to_string(id));
        auto v = svc.set_status(k, id, s, expect_version);
        if (out_version) *out_version = v;
    });
}

int rectify_progress_add(int64_t *out_id, rectify_db *db, int64_t measure_id, const char *date, const char *text,
                         const char *author) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        if (measure_id <= 0) capi::bad_argument("measure_id must be positive, got " + std::to_string(measure_id));
        capi::require(date, "date");
        capi::require(text, "text");
        auto id = svc.add_progress(measure_id, date, text,
                                   author ? std::optional<std::string_view>(author) : std::nullopt);
        if (out_id) *out_id = id;
    });
}

} // extern "C"
