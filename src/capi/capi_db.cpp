// rectify/db.h: opening and closing.
#include "capi/guard.hpp"
#include "capi/options.hpp"

#include "core/utf8.hpp"
#include "store/schema.hpp"

using namespace rectify;
using capi::guarded;

extern "C" {

int rectify_db_open(rectify_db **out, const char *path, const rectify_open_options *opts) {
    if (out) *out = nullptr;
    return guarded([&] {
        capi::require(out, "out");
        capi::require(path, "path");
        if (!*path) capi::bad_argument("path must not be empty");
        if (core::find_invalid_utf8(path)) capi::bad_argument("path is not valid UTF-8");
        rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
        capi::copy_options(o, opts);
        const unsigned known = RECTIFY_OPEN_CREATE | RECTIFY_OPEN_READONLY;
        if (o.flags & ~known) capi::bad_argument("flags: unknown bits " + std::to_string(o.flags & ~known));
        if (o.busy_timeout_ms < 0) capi::bad_argument("busy_timeout_ms must not be negative");

        store::OpenOptions so;
        so.read_only = (o.flags & RECTIFY_OPEN_READONLY) != 0;
        so.create = (o.flags & RECTIFY_OPEN_CREATE) != 0 && !so.read_only;
        so.busy_timeout_ms = o.busy_timeout_ms ? o.busy_timeout_ms : 5000;
        std::optional<std::string> actor;
        if (o.actor) actor = o.actor;

        auto db = std::make_unique<rectify_db>();
        db->service = std::make_unique<service::Service>(path, so, std::move(actor));
        *out = db.release();
    });
}

void rectify_db_close(rectify_db *db) {
    try {
        delete db;
    } catch (...) {
        // Closing never fails towards the caller; SQLite finishes what it can.
    }
}

int rectify_db_set_actor(rectify_db *db, const char *actor) {
    return guarded([&] {
        capi::service_of(db).set_actor(actor ? std::optional<std::string>(actor) : std::nullopt);
    });
}

int rectify_db_set_progress(rectify_db *db, rectify_progress_callback cb, void *ctx) {
    return guarded([&] {
        auto &service = capi::service_of(db);
        if (!cb) {
            service.set_progress(nullptr);
            return;
        }
        service.set_progress([cb, ctx](const char *operation, std::int64_t done, std::int64_t total) {
            return cb(ctx, operation, done, total) == 0;
        });
    });
}

int rectify_db_schema_version(int *out_version, rectify_db *db) {
    if (out_version) *out_version = 0;
    return guarded([&] {
        capi::require(out_version, "out_version");
        *out_version = capi::service_of(db).schema_version();
    });
}

int rectify_schema_version(void) { return store::latest_schema_version(); }

} // extern "C"
