// The inspection document importer, through rectify_import_json() on a fresh in-memory database.
// Promises checked (include/rectify/interchange.h):
//   - a failed import changes nothing (no audit event, no inspection) and says why;
//   - a successful one gives an inspection id and a summary, the inspection exports, and
//     importing the same document again succeeds and changes nothing (import is idempotent), and
//     so does importing its export.
#include "fuzz_support.hpp"

#include <cstdint>
#include <cstddef>
#include <cstdio>
#include <cstring>

using namespace rectify_fuzz;

namespace {

int64_t inspection_count(rectify_db *db) {
    int64_t count = 0;
    char *json = nullptr;
    rectify_list_options opts = RECTIFY_LIST_OPTIONS_INIT;
    if (rectify_record_list(&json, db, RECTIFY_KIND_INSPECTION, &opts) != RECTIFY_OK) fail("cannot list inspections", rectify_errmsg());
    // Each listed inspection is an object that starts so (src/io/record_json.cpp); a string
    // holding these bytes would have its quotes escaped.
    const char head[] = "{\"kind\":\"inspection\",\"id\":";
    for (const char *p = json; (p = std::strstr(p, head)) != nullptr; p += sizeof head - 1) ++count;
    rectify_free(json);
    return count;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rectify_db *db = open_scratch_db();
    const char *json = reinterpret_cast<const char *>(data);
    const int64_t events_before = audit_event_count(db);
    const int64_t inspections_before = inspection_count(db);

    int64_t id = 0;
    char *summary = nullptr;
    if (checked_out(rectify_import_json(&id, &summary, db, json, size), "rectify_import_json", &summary) != RECTIFY_OK) {
        if (id != 0) fail("rectify_import_json set an inspection id and failed");
        if (audit_event_count(db) != events_before) fail("a failed import wrote audit events");
        if (inspection_count(db) != inspections_before) fail("a failed import left an inspection behind");
        rectify_db_close(db);
        return 0;
    }
    if (id <= 0 || !summary) fail("a successful import gave no inspection id or no summary");
    if (inspection_count(db) != inspections_before + 1) fail("a successful import did not list one more inspection");
    rectify_free(summary);

    // Into an empty database everything is created, and every creation is audited.
    const int64_t events_after = audit_event_count(db);
    if (events_after <= events_before) fail("a successful import into an empty database wrote no audit event");
    int64_t again = 0;
    if (checked(rectify_import_json(&again, nullptr, db, json, size), "rectify_import_json") != RECTIFY_OK)
        fail("importing the same document twice fails the second time", rectify_errmsg());
    if (again != id) fail("importing the same document twice gives another inspection");
    if (audit_event_count(db) != events_after) fail("importing the same document twice changes the database");

    // The export is the inspection as stored: importing it back must change nothing either.
    char *exported = nullptr;
    size_t exported_len = 0;
    if (checked_out(rectify_export_json(&exported, &exported_len, db, id), "rectify_export_json", &exported) != RECTIFY_OK)
        fail("an inspection just imported does not export", rectify_errmsg());
    if (checked(rectify_import_json(&again, nullptr, db, exported, exported_len), "rectify_import_json") != RECTIFY_OK) {
        std::fprintf(stderr, "export:\n%s\n", exported);
        fail("an export does not import back", rectify_errmsg());
    }
    if (again != id) fail("importing an export gives another inspection");
    if (audit_event_count(db) != events_after) {
        char *log = nullptr;
        rectify_audit_log(&log, db, 0, 0, events_after, 0);
        std::fprintf(stderr, "export:\n%s\nchanges:\n%s\n", exported, log);
        fail("importing an export changes the database");
    }
    rectify_free(exported);

    rectify_db_close(db);
    return 0;
}
