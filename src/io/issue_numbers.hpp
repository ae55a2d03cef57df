// The numbers issues carry in every tabular report (the ledger, OSCAL): running on across
// aspects as in the notice (1. … 11.), a sub-issue under its parent's (1.（1）, and below that
// 1.（1）1)). One place, so that a row of the ledger and an item of the POA&M say the same "3.".
#pragma once

#include "io/report.hpp"

#include <string>
#include <vector>

namespace rectify::io {

struct NumberedIssue {
    const DocAspect *aspect = nullptr;
    const DocIssue *issue = nullptr;
    std::string number; // "1.", "1.（1）", "1.（1）1)"
    int depth = 0;      // 0 for an issue fed back under an aspect, 1 for its sub-issues …

    // "1. title" for an issue, "1.（1）title" below it.
    std::string numbered_title() const;
};

// Every issue of the report's document in display order, sub-issues after their parent. The
// document is already redacted for the public; should a caller hand over an unredacted one for
// the public, its non-public issues are skipped here so the numbering still matches the notice.
std::vector<NumberedIssue> numbered_issues(const Report &r);

} // namespace rectify::io
