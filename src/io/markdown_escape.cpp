#include "io/markdown_escape.hpp"

#include <cstring>

namespace rectify::io {

namespace {

// Markup wherever it stands.
bool is_inline_markup(char c) { return c != '\0' && std::strchr("\\`*_[]<>&#~|", c) != nullptr; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A list marker ends the line or is followed by a blank: "- 项" and "1. 项" are lists, "-5" and
// "1.155万元" are not.
bool ends_marker(const std::string &text, std::size_t next) {
    return next >= text.size() || text[next] == ' ' || text[next] == '\t' || text[next] == '\n';
}

// Markup only at the start of a line: a list item ("- ", "+ ") or a setext underline ("=").
bool is_line_start_markup(const std::string &text, std::size_t i) {
    const char c = text[i];
    return c == '=' || ((c == '-' || c == '+') && ends_marker(text, i + 1));
}

} // namespace

std::string markdown_escape(const std::string &text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (line_start && is_digit(c)) {
            // "1." or "1)" opening a line would begin an ordered list.
            std::size_t end = i;
            while (end < text.size() && is_digit(text[end])) ++end;
            out.append(text, i, end - i);
            if (end < text.size() && (text[end] == '.' || text[end] == ')') && ends_marker(text, end + 1)) {
                out += '\\';
                out += text[end];
                ++end;
            }
            i = end - 1;
            line_start = false;
            continue;
        }
        if (is_inline_markup(c) || (line_start && is_line_start_markup(text, i))) out += '\\';
        out += c;
        line_start = c == '\n';
    }
    return out;
}

} // namespace rectify::io
