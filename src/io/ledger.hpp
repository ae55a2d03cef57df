// The ledger (台账): one row per measure, as a clerk keeps it in a spreadsheet. The rows are built
// here once; the CSV and XLSX renderers only lay them out, so both always say the same thing.
#pragma once

#include "io/report.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rectify::io {

// The columns, in order. The numbers index LedgerRow::cells().
enum class LedgerColumn {
    issue,       // 问题: "1. title", sub-issues "1.（1）title" (io/issue_numbers.hpp)
    measure,     // 整改措施
    leader,      // 责任领导
    department,  // 责任部门
    person,      // 责任人
    deadline,    // 整改时限: 2018年12月31日, or 长期坚持 / 立行立改 when there is no date
    progress,    // 完成情况: every progress record, in order, one a line
    status,      // 状态: the Chinese status label
    warning,     // 预警: 红灯/黄灯/绿灯/蓝灯 with a note (已逾期N天, 剩余N天, 已延期)
    evidence,    // 佐证材料数
    closed_on,   // 销号日期: the close-out that stands for the issue (see close_outs.hpp), or empty
    completed,   // 完成时间: the day the measure was done, or empty while it is not
    remark,      // 备注: the history a row no longer shows, e.g. 重新整改（曾于2019年2月1日销号）
};
// Columns added later go at the end, so that a script reading the CSV by position keeps working.
constexpr std::size_t kLedgerColumns = 13;

// The header row: 问题, 整改措施, … 销号日期, 完成时间, 备注.
const std::array<std::string_view, kLedgerColumns> &ledger_headers();

struct LedgerRow {
    std::array<std::string, kLedgerColumns> cells; // evidence as its decimal digits
    std::int64_t evidence = 0;                     // the same count as a number, for the workbook
    core::Light light = core::Light::green;        // for the workbook's cell colour

    const std::string &operator[](LedgerColumn c) const { return cells[static_cast<std::size_t>(c)]; }
};

// Every measure of the report's document in display order: aspects, then issues with their
// running numbers, each issue's own measures before its sub-issues'.
std::vector<LedgerRow> ledger_rows(const Report &r);

// "市妇联党组政治巡察整改台账（党内版，截至2026年11月27日）", for the public
// "…（向社会公开版，截至…）": the workbook's title row and property.
std::string ledger_title(const Report &r);
// The worksheet's name: 台账（党内版） or 台账（向社会公开版）.
std::string ledger_sheet_name(const Report &r);

// UTF-8 with a BOM, RFC 4180 quoting, CRLF line ends, the header row first; cells that a
// spreadsheet would take for a formula are defused (see ledger_csv.cpp).
std::string render_ledger_csv(const Report &r);

// An Office Open XML workbook (the bytes of an .xlsx file): a title row, the frozen header row
// with an autofilter, the rows, columns sized to their content.
std::string render_ledger_xlsx(const Report &r);

} // namespace rectify::io
