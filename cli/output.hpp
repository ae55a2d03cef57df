// cli/output.hpp: text tables for a terminal, where CJK characters take two columns.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace rectify_cli {

/**
 * The columns text takes in a terminal: East Asian wide and fullwidth characters (汉字, （）、，)
 * count two, combining marks and zero-width characters none, everything else one (ambiguous-width
 * characters such as “ ” — … count one, as in a non-CJK locale). Invalid UTF-8 counts one a byte.
 */
std::size_t display_width(std::string_view text);

/** text cut to at most max_width columns, ending in "…" when cut; never splits a character. */
std::string truncate_to_width(std::string_view text, std::size_t max_width);

/** A table printed with columns aligned by display width, two spaces between columns. */
class table {
public:
    enum class align { left, right };

    struct column {
        std::string heading;
        align alignment = align::left;
        std::size_t max_width = 0; ///< cells wider than this are truncated; 0 for no limit
    };

    explicit table(std::vector<column> columns);

    /** Adds a row; it must have one cell per column. */
    void add_row(std::vector<std::string> cells);

    std::size_t size() const { return rows_.size(); }

    /** Prints the heading, a rule of dashes and the rows; no trailing spaces on any line. */
    void print(std::ostream &out) const;

private:
    std::vector<column> columns_;
    std::vector<std::vector<std::string>> rows_;
};

/** The placeholder for an absent value. */
inline constexpr std::string_view none_mark = "—";

} // namespace rectify_cli
