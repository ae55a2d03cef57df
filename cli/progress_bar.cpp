// cli/progress_bar.cpp: see progress_bar.hpp.
#include "progress_bar.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

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

/** The terminal's width in columns, asked again at every redraw so a resized window is followed;
 *  COLUMNS where the terminal does not say, 80 where nothing does. */
int terminal_width() {
    winsize ws{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char *env = std::getenv("COLUMNS")) {
        const int n = std::atoi(env);
        if (n > 0) return n;
    }
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

namespace {

/** Columns a code point takes on a terminal: East Asian wide and full-width characters take two. */
int code_point_columns(char32_t c) {
    if (c < 0x1100) return 1;
    if ((c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) || (c >= 0xAC00 && c <= 0xD7A3) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

/** One code point of s from i (advanced past it); a stray byte counts as one column of its own. */
char32_t next_code_point(const std::string &s, std::size_t &i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (len == 1 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return b;
    }
    char32_t c = b & (0x7F >> len);
    for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += static_cast<std::size_t>(len);
    return c;
}

/** Each code point of s with its byte offset and columns. */
struct glyph {
    std::size_t begin, end;
    int columns;
};

std::vector<glyph> glyphs_of(const std::string &s) {
    std::vector<glyph> out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t begin = i;
        const char32_t c = next_code_point(s, i);
        out.push_back({begin, i, code_point_columns(c)});
    }
    return out;
}

const std::string ellipsis = "\u2026"; // …, one column

} // namespace

int progress_bar::columns(const std::string &text) {
    int n = 0;
    for (const auto &g : glyphs_of(text)) n += g.columns;
    return n;
}

std::string progress_bar::shorten_middle(const std::string &text, int max_columns) {
    if (columns(text) <= max_columns) return text;
    if (max_columns <= 0) return {};
    if (max_columns == 1) return ellipsis;
    // The end of a label is the file's name, the part a reader looks for: it keeps the larger share.
    const auto g = glyphs_of(text);
    const int budget = max_columns - 1;
    const int head_budget = budget * 2 / 5;
    int head_cols = 0;
    std::size_t head = 0;
    while (head < g.size() && head_cols + g[head].columns <= head_budget) head_cols += g[head++].columns;
    int tail_cols = 0;
    std::size_t tail = g.size();
    while (tail > head && tail_cols + g[tail - 1].columns <= budget - head_cols) tail_cols += g[--tail].columns;
    return text.substr(0, head ? g[head - 1].end : 0) + ellipsis + text.substr(tail < g.size() ? g[tail].begin : text.size());
}

std::string progress_bar::render(const std::string &label, const std::string &unit, std::int64_t done,
                                 std::int64_t total, std::chrono::seconds elapsed, int width) {
    // The line stays a column short of the edge, so the terminal never wraps it.
    const int room = width - 1;
    std::string counts = grouped(done);
    if (total > 0) counts += "/" + grouped(total);
    counts += " " + unit + "  " + clock_text(elapsed);
    if (total <= 0) { // nothing to measure a bar against
        const int label_room = room - 2 - columns(counts);
        if (label_room >= 8) return shorten_middle(label, label_room) + "  " + counts;
        return shorten_middle(label + "  " + counts, room);
    }

    const std::int64_t clamped = done < 0 ? 0 : (done > total ? total : done);
    const int percent = static_cast<int>(clamped * 100 / total);
    const std::string pct = std::to_string(percent) + "%";
    constexpr int min_cells = 10, max_cells = 50, min_label = 8;
    // label  [#####-----]  42%  counts. The bar always shows, with at least ten cells: the label is
    // shortened in the middle to make room for it, and on a very narrow terminal the counts go.
    const int separators = 2 + 2 + 2 + 2; // "  [", "]  ", "  " before the counts
    int label_room = room - separators - min_cells - static_cast<int>(pct.size()) - columns(counts);
    if (label_room < min_label) {
        counts.clear();
        label_room = room - (separators - 2) - min_cells - static_cast<int>(pct.size());
    }
    const std::string shown = shorten_middle(label, label_room < 0 ? 0 : label_room);
    const int used = columns(shown) + static_cast<int>(pct.size()) + (counts.empty() ? separators - 2 : separators) +
                     columns(counts);
    const int cells = room - used > min_cells ? (room - used > max_cells ? max_cells : room - used) : min_cells;
    const int filled = static_cast<int>(clamped * cells / total);
    std::string line = shown + "  [" + std::string(filled, '#') + std::string(cells - filled, '-') + "]  " + pct;
    if (!counts.empty()) line += "  " + counts;
    return line;
}

void progress_bar::update(std::int64_t done, std::int64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = total > 0 && done >= total;
    if (drawn_ && !last && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - started_);
    const int width = terminal_width();
    const std::string line = render(label_, unit_, done, total, elapsed, width);
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
