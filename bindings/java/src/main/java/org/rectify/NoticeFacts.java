package org.rectify;

import org.rectify.ffi.ParseOptions;

/**
 * What a written notice does not say, for {@link Rectify#parseNotice}: each fact given wins over
 * the notice's preamble; each left unset is taken from it (rectify_parse_options).
 */
public final class NoticeFacts {
    private final ParseOptions options = new ParseOptions();

    /** The inspection's ref; unset: "&lt;unit&gt;-&lt;onsite_start&gt;". */
    public NoticeFacts ref(String value) { options.ref = value; return this; }
    public NoticeFacts unit(String value) { options.unit = value; return this; }
    /** "routine", "special" …; unset: from the label (专项巡察 is special). */
    public NoticeFacts kind(String value) { options.kind = value; return this; }
    public NoticeFacts group(String value) { options.group = value; return this; }
    public NoticeFacts onsiteStart(String date) { options.onsite_start = date; return this; }
    public NoticeFacts onsiteEnd(String date) { options.onsite_end = date; return this; }
    public NoticeFacts feedbackDate(String date) { options.feedback_date = date; return this; }

    ParseOptions toOptions() {
        return options;
    }
}
