// rectify/notice.h: a written notice parsed into an inspection document. Parsing reads no
// database and changes nothing, so there is no service operation to go through: the shim calls
// the parser in src/io directly.
#include "capi/guard.hpp"
#include "capi/options.hpp"

#include "core/utf8.hpp"
#include "io/notice_parser.hpp"

using namespace rectify;
using capi::guarded;

namespace {

// An option as the parser takes it; options enter the library here, so they are checked here.
std::optional<std::string> opt(const char *s, const char *name) {
    if (!s) return std::nullopt;
    if (core::find_invalid_utf8(s)) capi::bad_argument(std::string("rectify_parse_options.") + name + " is not valid UTF-8");
    return std::string(s);
}

} // namespace

extern "C" {

int rectify_notice_parse(char **out_json, const char *text, size_t len, const rectify_parse_options *opts) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        capi::require(text, "text");
        rectify_parse_options o = RECTIFY_PARSE_OPTIONS_INIT;
        capi::copy_options(o, opts);
        io::NoticeParseOptions p;
        p.ref = opt(o.ref, "ref");
        p.unit = opt(o.unit, "unit");
        p.kind = opt(o.kind, "kind");
        p.group = opt(o.group, "group");
        p.onsite_start = opt(o.onsite_start, "onsite_start");
        p.onsite_end = opt(o.onsite_end, "onsite_end");
        p.feedback_date = opt(o.feedback_date, "feedback_date");
        *out_json = capi::copy_out(io::parse_notice(std::string_view(text, len), p));
    });
}

} // extern "C"
