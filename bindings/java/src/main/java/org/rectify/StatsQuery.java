package org.rectify;

import org.rectify.ffi.RectifyConstants;
import org.rectify.ffi.StatsOptions;

/**
 * What rectify_stats_json() counts: one inspection, one unit's or one round's inspections, or
 * (none set) every inspection the actor reads; as of a date; for an audience.
 * {@code StatsQuery.asOf("2019-01-31").inspection(id)}.
 */
public final class StatsQuery {
    private long inspectionId;
    private long unitId;
    private long roundId;
    private String asOf;
    private Audience audience = Audience.INTERNAL;
    private boolean countShownOnly;

    /** Statistics as of today (UTC). */
    public StatsQuery() {}

    /** Statistics as of a date, "YYYY-MM-DD". */
    public static StatsQuery asOf(String date) {
        StatsQuery query = new StatsQuery();
        query.asOf = date;
        return query;
    }

    public StatsQuery inspection(long id) { inspectionId = id; return this; }
    public StatsQuery unit(long id) { unitId = id; return this; }
    public StatsQuery round(long id) { roundId = id; return this; }
    public StatsQuery audience(Audience value) { audience = value; return this; }
    /** Public totals count only what is shown (RECTIFY_REPORT_COUNT_SHOWN_ONLY). */
    public StatsQuery countShownOnly(boolean value) { countShownOnly = value; return this; }

    StatsOptions toOptions() {
        StatsOptions options = new StatsOptions();
        options.inspection_id = inspectionId;
        options.unit_id = unitId;
        options.round_id = roundId;
        options.as_of = asOf;
        options.audience = audience.code();
        options.flags = countShownOnly ? RectifyConstants.RECTIFY_REPORT_COUNT_SHOWN_ONLY : 0;
        return options;
    }
}
