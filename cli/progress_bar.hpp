// cli/progress_bar.hpp: a progress bar on standard error for long commands (import, export,
// audit verify, backup). Drawn only when standard error is a terminal, so scripts, pipes and
// logs see nothing of it; redrawn at most ten times a second; erased when the work ends.
#pragma once

#include <rectify/rectify.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace rectify_cli {

class progress_bar {
public:
    /** label says what is being done ("importing province.jsonl"); unit names what is counted. */
    progress_bar(std::string label, std::string unit);
    ~progress_bar();

    progress_bar(const progress_bar &) = delete;
    progress_bar &operator=(const progress_bar &) = delete;

    /** Whether anything is drawn: standard error is a terminal and TERM is not "dumb". */
    bool enabled() const noexcept { return enabled_; }

    /** done of total (0: unknown). Cheap when nothing needs redrawing. */
    void update(std::int64_t done, std::int64_t total);

    /** Erases the bar, leaving the line clean for what the command prints next. */
    void finish();

    /** Shows the library's reports for db's long operations on this bar. */
    void attach(rectify::db &db);

    /**
     * The line as drawn for done of total after elapsed on a terminal width columns wide; pure, so
     * it is tested without a terminal. The line takes at most width - 1 columns and always shows
     * the bar: a long label (a file's path) is shortened in the middle with …
     */
    static std::string render(const std::string &label, const std::string &unit, std::int64_t done, std::int64_t total,
                              std::chrono::seconds elapsed, int width);

    /** Columns text takes on a terminal (UTF-8; CJK characters take two). */
    static int columns(const std::string &text);

    /** text in at most max_columns columns: its start and end kept, the middle replaced by …. */
    static std::string shorten_middle(const std::string &text, int max_columns);

private:
    std::string label_;
    std::string unit_;
    bool enabled_ = false;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_draw_{};
};

} // namespace rectify_cli
