#include "io/ledger.hpp"

#include "core/date.hpp"
#include "core/enums.hpp"
#include "core/warning.hpp"
#include "io/close_outs.hpp"
#include "io/issue_numbers.hpp"

namespace rectify::io {

namespace {

// 预警 as a clerk reads it: the light's name with what made it that colour.
std::string warning_text(const MeasureFacts &f) {
    std::string out = std::string(core::label(f.warning.light)) + "灯";
    std::vector<std::string> notes;
    if (f.warning.light == core::Light::red && f.warning.followup_missed) notes.push_back("未按期跟进");
    else if (f.warning.light == core::Light::red && f.warning.days_left && *f.warning.days_left < 0)
        notes.push_back("已逾期" + std::to_string(-*f.warning.days_left) + "天");
    else if (f.warning.light == core::Light::yellow && f.warning.days_left)
        notes.push_back(*f.warning.days_left == 0 ? "今日到期" : "剩余" + std::to_string(*f.warning.days_left) + "天");
    if (f.extended) notes.push_back("已延期");
    if (notes.empty()) return out;
    out += "（";
    for (std::size_t i = 0; i < notes.size(); ++i) out += (i ? "，" : "") + notes[i];
    return out + "）";
}

// 整改时限: the date when there is one; otherwise what the category promises instead. A 限期整改
// measure without a date is left empty rather than given a promise nobody made.
std::string deadline_text(const core::Measure &m) {
    if (m.deadline) return core::format_date_chinese(*m.deadline);
    switch (m.category) {
    case core::MeasureCategory::ongoing:
    case core::MeasureCategory::immediate: return std::string(core::label(m.category));
    case core::MeasureCategory::deadline: break;
    }
    return {};
}

// 完成情况: every progress record in order, one a line, dated where the record has a date.
std::string progress_text(const DocMeasure &m) {
    std::string out;
    for (const auto &p : m.progress) {
        if (!out.empty()) out += "\n";
        if (p.record.date) out += core::format_date_chinese(*p.record.date) + "：";
        out += p.record.text;
    }
    return out;
}

// 完成时间: the day the measure was done, while it stands as done or closed out. A measure sent
// back to work keeps no date here, whatever a document once recorded.
std::string completed_text(const core::Measure &m) {
    return !core::is_open(m.status) && m.completed_date ? core::format_date_chinese(*m.completed_date) : std::string();
}

LedgerRow make_row(const Report &r, const NumberedIssue &n, const DocMeasure &m, const CloseOuts &close_outs) {
    const auto &rec = m.record;
    MeasureFacts facts;
    if (auto it = r.measures.find(rec.meta.id); it != r.measures.end()) facts = it->second;
    const CloseOutStanding closed = close_outs.of(n.issue->record);
    LedgerRow row;
    auto set = [&row](LedgerColumn c, std::string v) { row.cells[static_cast<std::size_t>(c)] = std::move(v); };
    set(LedgerColumn::issue, n.numbered_title());
    set(LedgerColumn::measure, rec.title);
    set(LedgerColumn::leader, rec.leader.value_or(""));
    set(LedgerColumn::department, rec.department.value_or(""));
    set(LedgerColumn::person, rec.person.value_or(""));
    set(LedgerColumn::deadline, deadline_text(rec));
    set(LedgerColumn::progress, progress_text(m));
    set(LedgerColumn::status, std::string(core::label(rec.status)));
    set(LedgerColumn::warning, warning_text(facts));
    set(LedgerColumn::evidence, std::to_string(facts.evidence));
    set(LedgerColumn::closed_on, closed.closed_on ? core::format_date_chinese(*closed.closed_on) : std::string());
    set(LedgerColumn::completed, completed_text(rec));
    set(LedgerColumn::remark, reopened_remark(closed));
    row.evidence = facts.evidence;
    row.light = facts.warning.light;
    return row;
}

} // namespace

const std::array<std::string_view, kLedgerColumns> &ledger_headers() {
    static const std::array<std::string_view, kLedgerColumns> h = {
        "问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "完成情况", "状态", "预警", "佐证材料数", "销号日期", "完成时间", "备注"};
    return h;
}

std::vector<LedgerRow> ledger_rows(const Report &r) {
    std::vector<LedgerRow> rows;
    // An issue's own measures come before its sub-issues', as numbered_issues orders them.
    const auto issues = numbered_issues(r);
    const CloseOuts close_outs(r);
    for (const auto &n : issues)
        for (const auto &m : n.issue->measures)
            if (r.audience != Audience::public_ || m.record.is_public) rows.push_back(make_row(r, n, m, close_outs));
    return rows;
}

std::string ledger_sheet_name(const Report &r) {
    return "台账（" + std::string(audience_label(r.audience)) + "）";
}

std::string ledger_title(const Report &r) {
    const auto &in = r.doc.inspection;
    const std::string org = r.doc.unit.party_org.value_or(r.doc.unit.name);
    const std::string kind = in.label.value_or(std::string(core::label(in.kind)));
    return org + kind + "整改台账（" + std::string(audience_label(r.audience)) + "，截至" +
           core::format_date_chinese(r.as_of) + "）";
}

} // namespace rectify::io
