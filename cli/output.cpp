// cli/output.cpp: display width of UTF-8 text and aligned tables.
#include "output.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace rectify_cli {

namespace {

/** Decodes one UTF-8 character at text[i]; advances i. Invalid bytes decode as themselves. */
char32_t next_code_point(std::string_view text, std::size_t &i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    char32_t cp = b0;
    if (b0 >= 0xF0 && b0 < 0xF8) {
        len = 4;
        cp = b0 & 0x07u;
    } else if (b0 >= 0xE0) {
        len = 3;
        cp = b0 & 0x0Fu;
    } else if (b0 >= 0xC0) {
        len = 2;
        cp = b0 & 0x1Fu;
    }
    if (len > 1) {
        if (i + len > text.size()) {
            ++i;
            return b0;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if ((b & 0xC0u) != 0x80u) {
                ++i;
                return b0;
            }
            cp = (cp << 6) | (b & 0x3Fu);
        }
    }
    i += len;
    return cp;
}

/** Columns one code point takes; after Markus Kuhn's wcwidth, East Asian Wide/Fullwidth = 2. */
int code_point_width(char32_t c) {
    if (c == 0) {
        return 0;
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
        return 0; // control characters
    }
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F) ||
        (c >= 0x20D0 && c <= 0x20FF) || c == 0xFEFF) {
        return 0; // combining marks, zero-width spaces and joiners, variation selectors
    }
    const bool wide =
        (c >= 0x1100 && c <= 0x115F) ||   // Hangul Jamo initials
        (c >= 0x2E80 && c <= 0x303E) ||   // CJK radicals, Kangxi, CJK symbols and punctuation
        (c >= 0x3041 && c <= 0x33FF) ||   // kana, bopomofo, CJK compatibility
        (c >= 0x3400 && c <= 0x4DBF) ||   // CJK extension A
        (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK unified ideographs
        (c >= 0xA000 && c <= 0xA4CF) ||   // Yi
        (c >= 0xAC00 && c <= 0xD7A3) ||   // Hangul syllables
        (c >= 0xF900 && c <= 0xFAFF) ||   // CJK compatibility ideographs
        (c >= 0xFE10 && c <= 0xFE19) ||   // vertical forms
        (c >= 0xFE30 && c <= 0xFE6F) ||   // CJK compatibility forms, small forms
        (c >= 0xFF00 && c <= 0xFF60) ||   // fullwidth forms （），：
        (c >= 0xFFE0 && c <= 0xFFE6) ||   // fullwidth signs ￥
        (c >= 0x1F300 && c <= 0x1F64F) || // pictographs, emoticons
        (c >= 0x1F900 && c <= 0x1F9FF) || // supplemental pictographs
        (c >= 0x20000 && c <= 0x2FFFD) || // CJK extensions B-F
        (c >= 0x30000 && c <= 0x3FFFD);   // CJK extension G
    return wide ? 2 : 1;
}

} // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        width += static_cast<std::size_t>(code_point_width(next_code_point(text, i)));
    }
    return width;
}

std::string truncate_to_width(std::string_view text, std::size_t max_width) {
    if (max_width == 0 || display_width(text) <= max_width) {
        return std::string(text);
    }
    const std::string ellipsis = "…"; // one column
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t next = i;
        const auto w = static_cast<std::size_t>(code_point_width(next_code_point(text, next)));
        if (width + w > max_width - 1) {
            break;
        }
        width += w;
        i = next;
    }
    return std::string(text.substr(0, i)) + ellipsis;
}

table::table(std::vector<column> columns) : columns_(std::move(columns)) {}

void table::add_row(std::vector<std::string> cells) {
    if (cells.size() != columns_.size()) {
        throw std::logic_error("table row has " + std::to_string(cells.size()) + " cells, expected " +
                               std::to_string(columns_.size()));
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
        cells[c] = truncate_to_width(cells[c], columns_[c].max_width);
    }
    rows_.push_back(std::move(cells));
}

void table::print(std::ostream &out) const {
    std::vector<std::size_t> widths(columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        widths[c] = display_width(columns_[c].heading);
        for (const auto &row : rows_) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    }
    auto print_line = [&](auto cell_of) {
        std::string line;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const std::string &cell = cell_of(c);
            const std::size_t pad = widths[c] - display_width(cell);
            if (c > 0) {
                line += "  ";
            }
            if (columns_[c].alignment == align::right) {
                line.append(pad, ' ');
                line += cell;
            } else {
                line += cell;
                line.append(pad, ' ');
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out << line << '\n';
    };
    print_line([&](std::size_t c) -> const std::string & { return columns_[c].heading; });
    std::vector<std::string> rules;
    for (std::size_t w : widths) {
        rules.emplace_back(w, '-');
    }
    print_line([&](std::size_t c) -> const std::string & { return rules[c]; });
    for (const auto &row : rows_) {
        print_line([&](std::size_t c) -> const std::string & { return row[c]; });
    }
}

} // namespace rectify_cli
