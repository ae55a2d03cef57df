// rectify/report.h: reports in every format, and statistics.
#include "capi/guard.hpp"
#include "capi/options.hpp"

#include "core/utf8.hpp"

#include <cstdlib>

using namespace rectify;
using capi::guarded;

namespace {

void flags_arg(unsigned flags) {
    if (flags & ~RECTIFY_REPORT_COUNT_SHOWN_ONLY) capi::bad_argument("flags: only RECTIFY_REPORT_* bits may be set");
}

} // namespace

extern "C" {

int rectify_report_render(unsigned char **out_data, size_t *out_size, rectify_db *db, int64_t inspection_id,
                          const rectify_report_options *opts) {
    if (out_data) *out_data = nullptr;
    if (out_size) *out_size = 0;
    return guarded([&] {
        capi::require(out_data, "out_data");
        auto &svc = capi::service_of(db);
        rectify_report_options o = RECTIFY_REPORT_OPTIONS_INIT;
        capi::copy_options(o, opts);
        if (o.format < RECTIFY_FORMAT_TEXT || o.format > RECTIFY_FORMAT_OSCAL)
            capi::bad_argument("format " + std::to_string(o.format) + " is not a RECTIFY_FORMAT_* value");
        // The workbook is the one format with NULs inside; its size cannot be left behind.
        if (o.format == RECTIFY_FORMAT_XLSX) capi::require(out_size, "out_size (needed for RECTIFY_FORMAT_XLSX)");
        if (inspection_id <= 0) capi::bad_argument("inspection_id must be positive, got " + std::to_string(inspection_id));
        service::Service::ReportOptions ro;
        ro.audience = capi::audience_arg(o.audience);
        flags_arg(o.flags);
        ro.count_non_public = !(o.flags & RECTIFY_REPORT_COUNT_SHOWN_ONLY);
        ro.as_of = capi::as_of_arg(o.as_of);
        std::optional<std::string> tmpl;
        if (o.template_text) {
            if (auto bad = core::find_invalid_utf8(o.template_text))
                throw core::Error(core::Errc::utf8, "template_text: not valid UTF-8 at byte " + std::to_string(*bad));
            tmpl = std::string(o.template_text);
        }
        const std::string bytes = svc.render_report(inspection_id, static_cast<io::Format>(o.format), ro, tmpl);
        auto *copy = static_cast<unsigned char *>(std::malloc(bytes.size() + 1));
        if (!copy) throw std::bad_alloc();
        std::memcpy(copy, bytes.data(), bytes.size());
        copy[bytes.size()] = 0;
        *out_data = copy;
        if (out_size) *out_size = bytes.size();
    });
}

int rectify_stats_json(char **out_json, rectify_db *db, const rectify_stats_options *opts) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        rectify_stats_options o = RECTIFY_STATS_OPTIONS_INIT;
        capi::copy_options(o, opts);
        if (o.inspection_id < 0 || o.unit_id < 0 || o.round_id < 0) capi::bad_argument("ids must not be negative");
        if (o.inspection_id && (o.unit_id || o.round_id))
            capi::bad_argument("give an inspection, or a unit and/or a round, not both");
        service::Service::ReportOptions ro;
        ro.audience = capi::audience_arg(o.audience);
        flags_arg(o.flags);
        ro.count_non_public = !(o.flags & RECTIFY_REPORT_COUNT_SHOWN_ONLY);
        ro.as_of = capi::as_of_arg(o.as_of);
        service::Service::StatsScope scope{o.inspection_id, o.unit_id, o.round_id};
        *out_json = capi::copy_out(svc.statistics_json(scope, ro));
    });
}

} // extern "C"
