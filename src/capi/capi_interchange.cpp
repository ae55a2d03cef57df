// rectify/interchange.h: whole inspections in and out as JSON.
#include "capi/guard.hpp"

#include "io/json_lines.hpp"

#include <memory>

using namespace rectify;
using capi::guarded;

namespace {

int import_text(int64_t *out_inspection_id, char **out_summary, rectify_db *db, std::string_view json) {
    return guarded([&] {
        auto result = capi::service_of(db).import_json(json);
        if (out_summary) *out_summary = capi::copy_out(result.summary_json);
        if (out_inspection_id) *out_inspection_id = result.inspection_id;
    });
}

int import_batch(char **out_summary, rectify_db *db, io::LineSource &lines) {
    return guarded([&] {
        auto result = capi::service_of(db).import_batch(lines);
        if (out_summary) *out_summary = capi::copy_out(result.summary_json);
    });
}

} // namespace

extern "C" {

int rectify_import_json(int64_t *out_inspection_id, char **out_summary, rectify_db *db, const char *json, size_t len) {
    if (out_inspection_id) *out_inspection_id = 0;
    if (out_summary) *out_summary = nullptr;
    if (!json) return capi::set_error(RECTIFY_E_ARGUMENT, "json must not be NULL");
    return import_text(out_inspection_id, out_summary, db, std::string_view(json, len));
}

int rectify_import_file(int64_t *out_inspection_id, char **out_summary, rectify_db *db, const char *path) {
    if (out_inspection_id) *out_inspection_id = 0;
    if (out_summary) *out_summary = nullptr;
    std::string text;
    int rc = guarded([&] {
        capi::service_of(db);
        capi::require(path, "path");
        text = io::read_whole_file(path);
    });
    if (rc != RECTIFY_OK) return rc;
    rc = import_text(out_inspection_id, out_summary, db, text);
    if (rc != RECTIFY_OK) capi::set_error(rc, (std::string(path) + ": " + rectify_errmsg()).c_str());
    return rc;
}

int rectify_import_batch_json(char **out_summary, rectify_db *db, const char *jsonl, size_t len) {
    if (out_summary) *out_summary = nullptr;
    if (!jsonl) return capi::set_error(RECTIFY_E_ARGUMENT, "jsonl must not be NULL");
    io::MemoryLines lines(std::string_view(jsonl, len));
    return import_batch(out_summary, db, lines);
}

int rectify_import_batch_file(char **out_summary, rectify_db *db, const char *path) {
    if (out_summary) *out_summary = nullptr;
    std::unique_ptr<io::FileLines> lines;
    int rc = guarded([&] {
        capi::service_of(db);
        capi::require(path, "path");
        lines = std::make_unique<io::FileLines>(path);
    });
    if (rc != RECTIFY_OK) return rc;
    rc = import_batch(out_summary, db, *lines);
    if (rc != RECTIFY_OK && rc != RECTIFY_E_INTERRUPTED)
        capi::set_error(rc, (std::string(path) + ": " + rectify_errmsg()).c_str());
    return rc;
}

int rectify_export_json(char **out_json, size_t *out_len, rectify_db *db, int64_t inspection_id) {
    if (out_json) *out_json = nullptr;
    if (out_len) *out_len = 0;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        if (inspection_id <= 0) capi::bad_argument("inspection_id must be positive, got " + std::to_string(inspection_id));
        std::string text = svc.export_json(inspection_id);
        *out_json = capi::copy_out(text);
        if (out_len) *out_len = text.size();
    });
}

int rectify_export_all(rectify_db *db, rectify_row_callback cb, void *ctx) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(reinterpret_cast<const void *>(cb), "cb");
        svc.export_all([&](const std::string &line) { return cb(ctx, line.c_str(), line.size()) == 0; });
    });
}

int rectify_export_all_file(rectify_db *db, const char *path) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(path, "path");
        svc.export_all_file(path);
    });
}

} // extern "C"
