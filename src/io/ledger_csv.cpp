// The ledger as CSV, for Excel and for scripts alike:
// - UTF-8 with a byte order mark first: without it Excel reads the file in the local ANSI code
//   page and the Chinese comes out garbled;
// - RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled;
//   records end in CRLF;
// - a plain table, the header row first: no title row, so that scripts read it as is;
// - formula injection (OWASP, "CSV Injection"): a spreadsheet evaluates a cell that starts with
//   =, +, - or @ (and, in some, one starting with a tab or CR) as a formula, so text typed by
//   anyone could run as one when a clerk opens the file. Such a cell gets a leading apostrophe,
//   which spreadsheets show as text; the rest of the cell is left as written.
#include "io/ledger.hpp"

namespace rectify::io {

namespace {

bool looks_like_formula(const std::string &cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
    }
}

void append_field(std::string &out, const std::string &cell) {
    const std::string text = looks_like_formula(cell) ? "'" + cell : cell;
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

template <typename Cells> void append_record(std::string &out, const Cells &cells) {
    bool first = true;
    for (const auto &c : cells) {
        if (!first) out += ',';
        first = false;
        append_field(out, std::string(c));
    }
    out += "\r\n";
}

} // namespace

std::string render_ledger_csv(const Report &r) {
    std::string out = "\xEF\xBB\xBF";
    append_record(out, ledger_headers());
    for (const auto &row : ledger_rows(r)) append_record(out, row.cells);
    return out;
}

} // namespace rectify::io
