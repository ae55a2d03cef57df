// rectify/notice.h: the rendered notice.
#include "capi/guard.hpp"
#include "capi/options.hpp"

using namespace rectify;
using capi::guarded;

extern "C" {

int rectify_notice_render(char **out_text, rectify_db *db, int64_t inspection_id, const rectify_notice_options *opts) {
    if (out_text) *out_text = nullptr;
    return guarded([&] {
        capi::require(out_text, "out_text");
        auto &svc = capi::service_of(db);
        rectify_notice_options o = RECTIFY_NOTICE_OPTIONS_INIT;
        capi::copy_options(o, opts);
        const io::Audience audience = capi::audience_arg(o.audience);
        if (o.format != RECTIFY_FORMAT_TEXT && o.format != RECTIFY_FORMAT_MARKDOWN)
            capi::bad_argument("format " + std::to_string(o.format) + " is not a RECTIFY_FORMAT_* value");
        if (inspection_id <= 0) capi::bad_argument("inspection_id must be positive, got " + std::to_string(inspection_id));
        *out_text = capi::copy_out(svc.render_notice(
            inspection_id, audience, static_cast<io::Format>(o.format)));
    });
}

} // extern "C"
