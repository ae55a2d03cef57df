// cli/errors.cpp: the mapping from library codes to exit codes.
#include "errors.hpp"

namespace rectify_cli {

const char *const exit_code_help =
    "Exit codes: 0 success, 1 other failure (I/O, database), 2 usage, 3 not found (record, ref,\n"
    "database or input file), 4 conflict (stale --expect-version, forbidden status transition,\n"
    "duplicate ref), 5 invalid input (malformed JSON, schema violation, bad date, bad UTF-8, a date\n"
    "in a year the calendar has no data for),\n"
    "6 denied (the actor is not a user of the database, or holds no role that allows this),\n"
    "7 tampered (audit verify found the audit log or the records altered, or evidence verify\n"
    "found evidence files changed or missing), 8 guard (a close-out guard refused: a measure not\n"
    "done, too little evidence, or the verifier a measure's responsible person).\n"
    "Every command, reads included, acts as --actor; a new database's first actor is its admin.\n"
    "An ID is a record's numeric id or, when not all digits, its ref (host key).\n"
    "Environment: RECTIFY_DB (default --db), RECTIFY_ACTOR (default --actor, else USER).";

int exit_code_for(int rectify_code) noexcept {
    switch (rectify_code) {
    case RECTIFY_OK:
        return exit_ok;
    case RECTIFY_E_NOT_FOUND:
        return exit_not_found;
    case RECTIFY_E_CONFLICT:
    case RECTIFY_E_TRANSITION:
    case RECTIFY_E_DUPLICATE:
        return exit_conflict;
    case RECTIFY_E_ARGUMENT:
    case RECTIFY_E_JSON:
    case RECTIFY_E_INVALID:
    case RECTIFY_E_UTF8:
    case RECTIFY_E_UNKNOWN_DATE:
        return exit_invalid;
    case RECTIFY_E_DENIED:
    case RECTIFY_E_NO_ACTOR:
        return exit_denied;
    case RECTIFY_E_TAMPERED:
        return exit_tampered;
    case RECTIFY_E_GUARD:
        return exit_guard;
    default:
        return exit_other;
    }
}

} // namespace rectify_cli
