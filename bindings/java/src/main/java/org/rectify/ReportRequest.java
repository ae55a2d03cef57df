package org.rectify;

import org.rectify.ffi.RectifyConstants;
import org.rectify.ffi.ReportOptions;

/**
 * How rectify_report_render() renders an inspection: format, audience, as-of date, a host's own
 * mustache template, and whether public totals count only what is shown.
 * {@code new ReportRequest().format(Format.CSV).asOf("2019-01-31")}.
 */
public final class ReportRequest {
    private Format format = Format.TEXT;
    private Audience audience = Audience.INTERNAL;
    private String asOf;
    private String template;
    private boolean countShownOnly;

    public ReportRequest format(Format value) { format = value; return this; }
    public ReportRequest audience(Audience value) { audience = value; return this; }
    /** "YYYY-MM-DD" for the warnings and overdue counts; unset means today (UTC). */
    public ReportRequest asOf(String date) { asOf = date; return this; }
    /** A mustache template for TEXT or MARKDOWN; unset for the bundled one. */
    public ReportRequest template(String text) { template = text; return this; }
    public ReportRequest countShownOnly(boolean value) { countShownOnly = value; return this; }

    Format format() {
        return format;
    }

    ReportOptions toOptions() {
        ReportOptions options = new ReportOptions();
        options.audience = audience.code();
        options.format = format.code();
        options.as_of = asOf;
        options.template_text = template;
        options.flags = countShownOnly ? RectifyConstants.RECTIFY_REPORT_COUNT_SHOWN_ONLY : 0;
        return options;
    }
}
