package org.rectify.ffi;

/**
 * Every integer {@code #define} of the C headers, under its C name and with its value, header by
 * header. The binding test reads the headers and fails when one is missing here or differs, so
 * this class cannot silently fall behind the C API.
 */
public final class RectifyConstants {
    private RectifyConstants() {}

    // access.h
    public static final int RECTIFY_ROLE_ADMIN = 1;
    public static final int RECTIFY_ROLE_INSPECTOR = 2;
    public static final int RECTIFY_ROLE_LIAISON = 3;
    public static final int RECTIFY_ROLE_OWNER = 4;
    public static final int RECTIFY_ROLE_SUPERVISOR = 5;
    public static final int RECTIFY_ROLE_AUDITOR = 6;
    public static final int RECTIFY_ROLE_PUBLIC = 7;
    public static final int RECTIFY_SCOPE_ALL = 1;
    public static final int RECTIFY_SCOPE_ROUND = 2;
    public static final int RECTIFY_SCOPE_UNIT = 3;

    // calendar.h
    public static final int RECTIFY_DATE_SIZE = 11;
    public static final int RECTIFY_CALENDAR_MAX_OFFSET = 100000;
    public static final int RECTIFY_CALENDAR_EMPTY = 0;
    public static final int RECTIFY_CALENDAR_CHINA = 1;
    public static final int RECTIFY_DAY_WORKDAY = 1;
    public static final int RECTIFY_DAY_WEEKEND = 2;
    public static final int RECTIFY_DAY_HOLIDAY = 3;
    public static final int RECTIFY_DAY_ADJUSTED_WORKDAY = 4;
    public static final int RECTIFY_DAY_UNKNOWN = 5;
    public static final int RECTIFY_UNKNOWN_DEFAULT = 0;
    public static final int RECTIFY_UNKNOWN_FAIL = 1;
    public static final int RECTIFY_UNKNOWN_WEEKDAYS = 2;
    public static final int RECTIFY_PERIOD_DAYS = 1;
    public static final int RECTIFY_PERIOD_MONTHS = 2;
    public static final int RECTIFY_PERIOD_WORKDAYS = 3;

    // common.h
    public static final int RECTIFY_VERSION_MAJOR = 0;
    public static final int RECTIFY_VERSION_MINOR = 1;
    public static final int RECTIFY_VERSION_PATCH = 0;

    // db.h
    public static final int RECTIFY_OPEN_CREATE = 0x1;
    public static final int RECTIFY_OPEN_READONLY = 0x2;
    public static final int RECTIFY_OPEN_OPTIONS_VERSION = 1;

    // deadlines.h
    public static final int RECTIFY_LIGHT_GREEN = 1;
    public static final int RECTIFY_LIGHT_BLUE = 2;
    public static final int RECTIFY_LIGHT_YELLOW = 3;
    public static final int RECTIFY_LIGHT_RED = 4;
    public static final int RECTIFY_ROLLUP_MEASURE = 1;
    public static final int RECTIFY_ROLLUP_ISSUE = 2;
    public static final int RECTIFY_ROLLUP_INSPECTION = 3;
    public static final int RECTIFY_ROLLUP_UNIT = 4;
    public static final int RECTIFY_ROLLUP_ROUND = 5;
    public static final int RECTIFY_WARNING_OPTIONS_VERSION = 1;
    public static final int RECTIFY_ESCALATION_NOTICE = 1;
    public static final int RECTIFY_ESCALATION_GUIDANCE = 2;
    public static final int RECTIFY_ESCALATION_REMINDER = 3;
    public static final int RECTIFY_ESCALATION_WARNING = 4;
    public static final int RECTIFY_ESCALATION_ACCOUNTABILITY = 5;

    // errors.h
    public static final int RECTIFY_OK = 0;
    public static final int RECTIFY_E_INTERNAL = -1;
    public static final int RECTIFY_E_NOMEM = -2;
    public static final int RECTIFY_E_ARGUMENT = -3;
    public static final int RECTIFY_E_NOT_FOUND = -4;
    public static final int RECTIFY_E_CONFLICT = -5;
    public static final int RECTIFY_E_TRANSITION = -6;
    public static final int RECTIFY_E_JSON = -7;
    public static final int RECTIFY_E_INVALID = -8;
    public static final int RECTIFY_E_UTF8 = -9;
    public static final int RECTIFY_E_IO = -10;
    public static final int RECTIFY_E_DB = -11;
    public static final int RECTIFY_E_BUSY = -12;
    public static final int RECTIFY_E_SCHEMA_NEWER = -13;
    public static final int RECTIFY_E_NOT_A_DB = -14;
    public static final int RECTIFY_E_NO_ACTOR = -15;
    public static final int RECTIFY_E_DUPLICATE = -16;
    public static final int RECTIFY_E_MISUSE = -17;
    public static final int RECTIFY_E_DENIED = -18;
    public static final int RECTIFY_E_UNKNOWN_DATE = -19;
    public static final int RECTIFY_E_TAMPERED = -20;
    public static final int RECTIFY_E_GUARD = -21;
    public static final int RECTIFY_E_INTERRUPTED = -22;

    // followthrough.h
    public static final int RECTIFY_EVIDENCE_VERSION = 1;
    public static final int RECTIFY_REVIEW_INSPECTION = 1;
    public static final int RECTIFY_REVIEW_ROUND = 2;

    // notice.h
    public static final int RECTIFY_AUDIENCE_INTERNAL = 1;
    public static final int RECTIFY_AUDIENCE_PUBLIC = 2;
    public static final int RECTIFY_FORMAT_TEXT = 1;
    public static final int RECTIFY_NOTICE_OPTIONS_VERSION = 1;
    public static final int RECTIFY_PARSE_OPTIONS_VERSION = 1;

    // records.h
    public static final int RECTIFY_KIND_ROUND = 1;
    public static final int RECTIFY_KIND_UNIT = 2;
    public static final int RECTIFY_KIND_INSPECTION = 3;
    public static final int RECTIFY_KIND_ASPECT = 4;
    public static final int RECTIFY_KIND_ISSUE = 5;
    public static final int RECTIFY_KIND_MEASURE = 6;
    public static final int RECTIFY_KIND_PROGRESS = 7;
    public static final int RECTIFY_KIND_OUTCOME = 8;
    public static final int RECTIFY_STATUS_NOT_STARTED = 1;
    public static final int RECTIFY_STATUS_IN_PROGRESS = 2;
    public static final int RECTIFY_STATUS_SUBSTANTIALLY_DONE = 3;
    public static final int RECTIFY_STATUS_DONE = 4;
    public static final int RECTIFY_STATUS_CLOSED = 5;
    public static final int RECTIFY_STATUS_REOPENED = 6;
    public static final int RECTIFY_LIST_OPTIONS_VERSION = 1;

    // report.h
    public static final int RECTIFY_FORMAT_MARKDOWN = 2;
    public static final int RECTIFY_FORMAT_HTML = 3;
    public static final int RECTIFY_FORMAT_CSV = 4;
    public static final int RECTIFY_FORMAT_XLSX = 5;
    public static final int RECTIFY_FORMAT_OSCAL = 6;
    public static final int RECTIFY_REPORT_COUNT_SHOWN_ONLY = 0x1;
    public static final int RECTIFY_REPORT_OPTIONS_VERSION = 1;
    public static final int RECTIFY_STATS_OPTIONS_VERSION = 1;

    /** MAJOR * 10000 + MINOR * 100 + PATCH, as rectify_version_number() returns it. */
    public static final int RECTIFY_VERSION_NUMBER =
        RECTIFY_VERSION_MAJOR * 10000 + RECTIFY_VERSION_MINOR * 100 + RECTIFY_VERSION_PATCH;
}
