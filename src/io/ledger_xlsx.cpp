// The ledger as an Excel workbook through libxlsxwriter: a title row, the header row bold on a
// fill, frozen, with an autofilter; one row per measure; columns sized to their content.
//
// libxlsxwriter 1.1.4 (Debian's) writes only to a file, so the workbook goes to a fresh temporary
// file (mkstemps: a unique name, created with mode 0600) that is read back and removed on every
// path out of here.
#include "io/ledger.hpp"
#include "io/provisional_note.hpp"

#include "core/error.hpp"

#include <xlsxwriter.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <unistd.h>

namespace rectify::io {

namespace {

namespace fs = std::filesystem;
using core::Errc;
using core::Error;

// A temporary file that exists from construction until destruction.
class TempFile {
public:
    TempFile() {
        std::string pattern = (fs::temp_directory_path() / "rectify-ledger-XXXXXX.xlsx").string();
        const int fd = ::mkstemps(pattern.data(), 5);
        if (fd < 0) throw Error(Errc::io, "cannot create a temporary file for the workbook in " + fs::temp_directory_path().string());
        ::close(fd);
        path_ = pattern;
    }
    ~TempFile() {
        std::error_code ignored;
        fs::remove(path_, ignored);
    }
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;
    const std::string &path() const { return path_; }

private:
    std::string path_;
};

// Owns the workbook until it is closed; an early exit closes (and so frees) it too.
class Workbook {
public:
    explicit Workbook(const std::string &path) : wb_(workbook_new(path.c_str())) {
        if (!wb_) throw Error(Errc::io, "cannot start the workbook");
    }
    ~Workbook() {
        if (wb_) workbook_close(wb_);
    }
    Workbook(const Workbook &) = delete;
    Workbook &operator=(const Workbook &) = delete;
    lxw_workbook *get() const { return wb_; }
    void close() {
        const lxw_error e = workbook_close(wb_);
        wb_ = nullptr;
        if (e != LXW_NO_ERROR) throw Error(Errc::io, std::string("cannot write the workbook: ") + lxw_strerror(e));
    }

private:
    lxw_workbook *wb_;
};

void check(lxw_error e, const char *what) {
    if (e != LXW_NO_ERROR) throw Error(Errc::io, std::string("cannot write the workbook (") + what + "): " + lxw_strerror(e));
}

// Walks UTF-8 text a code point at a time: its byte length and whether it is wide.
struct CodePoint {
    std::size_t bytes;
    bool wide;
};
CodePoint code_point_at(const std::string &s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    // CJK, fullwidth forms and everything above the BMP take two columns; 3-byte sequences from
    // U+2E80 on (lead byte E2 BA and above) cover them.
    bool wide = n == 4;
    if (n == 3 && i + 1 < s.size()) {
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        wide = c > 0xE2 || (c == 0xE2 && c1 >= 0xBA);
    }
    return {std::min(n, s.size() - i), wide};
}

// How many character columns the widest line of the text takes, a CJK character counting two.
double display_width(const std::string &s) {
    double widest = 0, line = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\n') {
            widest = std::max(widest, line);
            line = 0;
            ++i;
            continue;
        }
        const CodePoint cp = code_point_at(s, i);
        line += cp.wide ? 2 : 1;
        i += cp.bytes;
    }
    return std::max(widest, line);
}

// Excel holds at most 32767 characters in a cell; longer text is cut at a character boundary
// and marked, rather than failing the whole ledger.
constexpr std::size_t kCellMax = 32767;
std::string fit_cell(const std::string &s) {
    std::size_t chars = 0, i = 0;
    while (i < s.size()) {
        if (chars == kCellMax - 1) return s.substr(0, i) + "…";
        i += code_point_at(s, i).bytes;
        ++chars;
    }
    return s;
}

// Long text columns wrap within a cap; short ones are as wide as their widest cell.
double width_cap(LedgerColumn c) {
    switch (c) {
    case LedgerColumn::progress: return 60;
    case LedgerColumn::issue:
    case LedgerColumn::measure: return 40;
    default: return 24;
    }
}

lxw_color_t light_fill(core::Light l) {
    switch (l) {
    case core::Light::red: return 0xFFC7CE;
    case core::Light::yellow: return 0xFFEB9C;
    case core::Light::green: return 0xC6EFCE;
    case core::Light::blue: return 0xBDD7EE;
    }
    return LXW_COLOR_WHITE;
}

struct Formats {
    lxw_format *title, *header, *text, *number;
    std::map<core::Light, lxw_format *> light;
};

lxw_format *body_format(lxw_workbook *wb) {
    lxw_format *f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f);
    return f;
}

Formats make_formats(lxw_workbook *wb) {
    Formats f{};
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_pattern(f.header, LXW_PATTERN_SOLID);
    format_set_bg_color(f.header, 0xD9E1F2);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f.header);
    f.text = body_format(wb);
    f.number = body_format(wb);
    format_set_align(f.number, LXW_ALIGN_CENTER);
    for (auto l : {core::Light::red, core::Light::yellow, core::Light::green, core::Light::blue}) {
        lxw_format *lf = body_format(wb);
        format_set_pattern(lf, LXW_PATTERN_SOLID);
        format_set_bg_color(lf, light_fill(l));
        f.light[l] = lf;
    }
    return f;
}

std::string read_all(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw Error(Errc::io, "cannot read back the workbook from " + path);
    return bytes;
}

} // namespace

std::string render_ledger_xlsx(const Report &r) {
    const std::vector<LedgerRow> rows = ledger_rows(r);
    const auto &headers = ledger_headers();
    std::string title = ledger_title(r);
    std::string subject = "巡察整改台账";

    TempFile file;
    {
        Workbook wb(file.path());
        lxw_doc_properties props{};
        props.title = title.data();
        props.subject = subject.data();
        // The report's date rather than the clock, so that the same ledger gives the same bytes.
        props.created = static_cast<time_t>((r.as_of - boost::gregorian::date(1970, 1, 1)).days()) * 86400;
        check(workbook_set_properties(wb.get(), &props), "properties");
        const std::string sheet = ledger_sheet_name(r);
        lxw_worksheet *ws = workbook_add_worksheet(wb.get(), sheet.c_str());
        if (!ws) throw Error(Errc::io, "cannot add the worksheet");
        const Formats f = make_formats(wb.get());

        const lxw_col_t last_col = static_cast<lxw_col_t>(kLedgerColumns - 1);
        const lxw_row_t header_row = 1;
        check(worksheet_merge_range(ws, 0, 0, 0, last_col, fit_cell(title).c_str(), f.title), "title");
        check(worksheet_set_row(ws, 0, 28, nullptr), "title row");
        for (std::size_t c = 0; c < kLedgerColumns; ++c)
            check(worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(c), std::string(headers[c]).c_str(), f.header),
                  "header");

        lxw_row_t row_no = header_row;
        for (const auto &row : rows) {
            ++row_no;
            for (std::size_t c = 0; c < kLedgerColumns; ++c) {
                const auto col = static_cast<LedgerColumn>(c);
                const auto x = static_cast<lxw_col_t>(c);
                // Strings are written as strings: a workbook cell never becomes a formula, so no
                // injection guard is needed here.
                if (col == LedgerColumn::evidence)
                    check(worksheet_write_number(ws, row_no, x, static_cast<double>(row.evidence), f.number), "cell");
                else
                    check(worksheet_write_string(ws, row_no, x, fit_cell(row.cells[c]).c_str(),
                                                 col == LedgerColumn::warning ? f.light.at(row.light) : f.text),
                          "cell");
            }
        }

        for (std::size_t c = 0; c < kLedgerColumns; ++c) {
            double width = display_width(std::string(headers[c]));
            for (const auto &row : rows) width = std::max(width, display_width(row.cells[c]));
            width = std::min(width, width_cap(static_cast<LedgerColumn>(c))) + 2;
            check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr), "width");
        }
        // The title and header rows stay in view while the rows scroll.
        worksheet_freeze_panes(ws, header_row + 1, 0);
        check(worksheet_autofilter(ws, header_row, 0, row_no, last_col), "autofilter");
        // Deadlines counted on the plain Monday-Friday rule: a footnote below the table after a
        // blank row, outside the autofilter, across the table's width.
        if (const std::string note = provisional_note(r.provisional_years); !note.empty())
            check(worksheet_merge_range(ws, row_no + 2, 0, row_no + 2, last_col, note.c_str(), nullptr), "footnote");
        wb.close();
    }
    return read_all(file.path());
}

} // namespace rectify::io
