// cli/progress_bar.cpp: see progress_bar.hpp.
#include "progress_bar.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <sys/ioctl.h>
#include <unistd.h>

namespace rectify_cli {

namespace {

/** 1234567 → "1,234,567": counts of a province's records are read at a glance this way. */
std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string clock_text(std::chrono::seconds s) {
    const long long t = s.count();
    char buf[32];
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", t / 60, t % 60);
    return buf;
}

int terminal_width() {
    winsize ws{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 80;
}

bool stderr_is_terminal() {
    if (!isatty(STDERR_FILENO)) return false;
    const char *term = std::getenv("TERM");
    return !(term && std::strcmp(term, "dumb") == 0);
}

void write_stderr(const std::string &s) {
    std::fwrite(s.data(), 1, s.size(), stderr);
    std::fflush(stderr);
}

} // namespace

progress_bar::progress_bar(std::string label, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)), enabled_(stderr_is_terminal()),
      started_(std::chrono::steady_clock::now()) {}

progress_bar::~progress_bar() { finish(); }

std::string progress_bar::render(const std::string &label, const std::string &unit, std::int64_t done,
                                 std::int64_t total, std::chrono::seconds elapsed, int width) {
    std::string counts = grouped(done);
    if (total > 0) counts += "/" + grouped(total);
    counts += " " + unit + "  " + clock_text(elapsed);
    if (total <= 0) return label + "  " + counts; // nothing to measure a bar against

    const std::int64_t clamped = done < 0 ? 0 : (done > total ? total : done);
    const int percent = static_cast<int>(clamped * 100 / total);
    std::string pct = std::to_string(percent) + "%";
    // label  [#####-----]  42%  counts: the bar takes what the text leaves, at least 10 cells.
    const int text = static_cast<int>(label.size() + pct.size() + counts.size()) + 8;
    const int cells = width - text > 10 ? (width - text > 50 ? 50 : width - text) : 10;
    const int filled = static_cast<int>(clamped * cells / total);
    return label + "  [" + std::string(filled, '#') + std::string(cells - filled, '-') + "]  " + pct + "  " + counts;
}

void progress_bar::update(std::int64_t done, std::int64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = total > 0 && done >= total;
    if (drawn_ && !last && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - started_);
    const int width = terminal_width();
    std::string line = render(label_, unit_, done, total, elapsed, width);
    // Labels are ASCII or file names; cut by bytes, a byte short of the edge so the terminal does
    // not wrap.
    if (static_cast<int>(line.size()) >= width) line.resize(static_cast<std::size_t>(width - 1));
    write_stderr("\r" + line + "\x1b[K");
    drawn_ = true;
}

void progress_bar::finish() {
    if (!drawn_) return;
    write_stderr("\r\x1b[K");
    drawn_ = false;
}

void progress_bar::attach(rectify::db &db) {
    if (!enabled_) return; // no callback at all: quiet costs nothing
    db.set_progress([this](std::string_view, std::int64_t done, std::int64_t total) {
        update(done, total);
        return true;
    });
}

} // namespace rectify_cli
