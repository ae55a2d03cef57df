// cli/errors.hpp: how the rectify command fails: exit codes by error class, and context for messages.
#pragma once

#include <rectify/rectify.hpp>

#include <stdexcept>
#include <string>
#include <utility>

namespace rectify_cli {

/** Exit codes. Each class of failure has its own, so scripts can tell them apart. */
enum exit_code : int {
    exit_ok = 0,
    exit_other = 1,     ///< anything else: I/O, database, internal
    exit_usage = 2,     ///< the command line is wrong (unknown option, kind or status name)
    exit_not_found = 3, ///< no such record, ref, database or input file
    exit_conflict = 4,  ///< stale --expect-version, forbidden status transition, duplicate ref
    exit_invalid = 5,   ///< input the library refused: malformed JSON, schema, bad date, UTF-8, a date
                        ///< in a year the calendar has no data for
    exit_denied = 6,    ///< the actor may not do this (not a user, or no role that allows it)
    exit_tampered = 7,  ///< audit or evidence verify: the audit log, the records or evidence files
                        ///< fail verification
    exit_guard = 8,     ///< a close-out (销号) guard refused: measures not done, no evidence, verifier an owner
};

/** The text of the --help footer that documents the exit codes above. */
extern const char *const exit_code_help;

/** The exit code for a RECTIFY_E_* code. */
int exit_code_for(int rectify_code) noexcept;

/** A failure the CLI itself detected, with the exit code it ends with. */
class cli_error : public std::runtime_error {
public:
    cli_error(int exit, const std::string &message) : std::runtime_error(message), exit_(exit) {}
    int exit() const noexcept { return exit_; }

private:
    int exit_;
};

/**
 * Runs f, and if the library fails, rethrows its error with what the CLI was doing in front of
 * the library's message ("importing seed.json: aspects[0].title: ..."), keeping the code.
 */
template <class F>
auto doing(const std::string &what, F &&f) -> decltype(f()) {
    try {
        return std::forward<F>(f)();
    } catch (const rectify::error &e) {
        throw rectify::error(e.code(), what + ": " + e.what());
    }
}

} // namespace rectify_cli
