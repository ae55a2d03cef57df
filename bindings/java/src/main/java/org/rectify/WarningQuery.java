package org.rectify;

import java.util.EnumSet;
import java.util.Set;
import org.rectify.ffi.WarningOptions;

/**
 * Which measures a warnings-style query looks at (rectify_warning_options): an as-of date and a
 * scope. Setters return this, so a query reads as one line:
 * {@code WarningQuery.asOf("2019-01-16").unit(unitId).limit(20)}.
 * Anything left unset means "any"; an unset date means today (UTC), which tests never rely on.
 */
public final class WarningQuery {
    private String asOf;
    private long inspectionId;
    private long unitId;
    private long roundId;
    private String leader;
    private Rollup rollup = Rollup.MEASURE;
    private final Set<Light> lights = EnumSet.noneOf(Light.class);
    private long offset;
    private long limit;

    /** A query as of today (UTC). */
    public WarningQuery() {}

    /** A query as of a date, "YYYY-MM-DD". */
    public static WarningQuery asOf(String date) {
        WarningQuery query = new WarningQuery();
        query.asOf = date;
        return query;
    }

    public WarningQuery inspection(long id) { inspectionId = id; return this; }
    public WarningQuery unit(long id) { unitId = id; return this; }
    public WarningQuery round(long id) { roundId = id; return this; }
    /** Only measures whose responsible leader (责任领导) is this. */
    public WarningQuery leader(String name) { leader = name; return this; }
    public WarningQuery rollup(Rollup value) { rollup = value; return this; }
    /** Only rows with these lights; none given means all. */
    public WarningQuery lights(Light... values) { lights.addAll(java.util.Arrays.asList(values)); return this; }
    public WarningQuery offset(long rows) { offset = rows; return this; }
    /** At most this many rows; 0 for no limit. */
    public WarningQuery limit(long rows) { limit = rows; return this; }

    WarningOptions toOptions() {
        WarningOptions options = new WarningOptions();
        options.as_of = asOf;
        options.inspection_id = inspectionId;
        options.unit_id = unitId;
        options.round_id = roundId;
        options.leader = leader;
        options.rollup = rollup.code();
        int mask = 0;
        for (Light light : lights) {
            mask |= 1 << light.code();
        }
        options.lights = mask;
        options.offset = offset;
        options.limit = limit;
        return options;
    }
}
