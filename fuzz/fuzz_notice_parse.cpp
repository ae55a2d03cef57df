// The notice parser, through rectify_notice_parse(): the input is the notice's text, parsed once
// as it is and once with every fact the preamble could lack given as an option.
// Promises checked (include/rectify/notice.h, docs/parse.md): a failure says why and sets no
// output; a success is an inspection document that rectify_import_json() takes (or refuses, with
// nothing changed, only because its dates lie beyond the database's calendar), and exporting what
// was imported gives back the parser's bytes.
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

using namespace rectify_fuzz;

namespace {

void parse_and_import(const char *text, size_t len, const rectify_parse_options *opts) {
    char *json = nullptr;
    if (checked_out(rectify_notice_parse(&json, text, len, opts), "rectify_notice_parse", &json) != RECTIFY_OK) return;
    if (!json) fail("rectify_notice_parse succeeded without a document");

    rectify_db *db = open_scratch_db();
    const int64_t events_before = audit_event_count(db);
    int64_t id = 0;
    const int rc = checked(rectify_import_json(&id, nullptr, db, json, std::strlen(json)), "rectify_import_json");
    if (rc == RECTIFY_E_UNKNOWN_DATE) {
        // The document is well-formed, but its dates fall in years this database's calendar has
        // no notices for (a notice of 4036 parses), so their deadlines cannot be derived. That
        // refusal depends on the database, not on the parser (docs/deadlines.md); it must name
        // the day and change nothing.
        if (!std::strstr(rectify_errmsg(), "calendar has no data for"))
            fail("an unknown-date refusal does not say which day the calendar lacks", rectify_errmsg());
        if (audit_event_count(db) != events_before) fail("a refused import left audit events behind");
        rectify_db_close(db);
        rectify_free(json);
        return;
    }
    if (rc != RECTIFY_OK) {
        std::fprintf(stderr, "document:\n%s\n", json);
        fail("the parser's document does not import", rectify_errmsg());
    }
    if (id <= 0) fail("importing the parser's document gave no inspection id");

    // docs/parse.md: "the output is in the export layout, so parse -> import -> export gives back
    // the parser's bytes".
    char *exported = nullptr;
    size_t exported_len = 0;
    if (checked_out(rectify_export_json(&exported, &exported_len, db, id), "rectify_export_json", &exported) != RECTIFY_OK)
        fail("the parser's document, imported, does not export", rectify_errmsg());
    if (exported_len != std::strlen(json) || std::memcmp(exported, json, exported_len) != 0) {
        std::fprintf(stderr, "parsed:\n%s\nexported:\n%s\n", json, exported);
        fail("parse -> import -> export does not give back the parser's bytes");
    }
    rectify_free(exported);
    rectify_db_close(db);
    rectify_free(json);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *text = reinterpret_cast<const char *>(data);
    parse_and_import(text, size, nullptr);

    rectify_parse_options facts = RECTIFY_PARSE_OPTIONS_INIT;
    facts.ref = "fuzz-inspection";
    facts.unit = "市妇联";
    facts.kind = "routine";
    facts.group = "市委第一巡察组";
    facts.onsite_start = "2018-09-19";
    facts.onsite_end = "2018-10-25";
    facts.feedback_date = "2018-11-20";
    parse_and_import(text, size, &facts);
    return 0;
}
