#include "io/issue_numbers.hpp"

namespace rectify::io {

namespace {

bool shown(const Report &r, bool is_public) { return r.audience != Audience::public_ || is_public; }

void add(const Report &r, const DocAspect &a, const DocIssue &issue, std::string number, int depth,
         std::vector<NumberedIssue> &out) {
    out.push_back({&a, &issue, number, depth});
    int n = 0;
    for (const auto &sub : issue.sub_issues) {
        if (!shown(r, sub.record.is_public)) continue;
        ++n;
        const std::string own = depth == 0 ? "（" + std::to_string(n) + "）" : std::to_string(n) + ")";
        add(r, a, sub, number + own, depth + 1, out);
    }
}

} // namespace

std::string NumberedIssue::numbered_title() const { return number + (depth == 0 ? " " : "") + issue->record.title; }

std::vector<NumberedIssue> numbered_issues(const Report &r) {
    std::vector<NumberedIssue> out;
    int number = 0;
    for (const auto &a : r.doc.aspects)
        for (const auto &i : a.issues)
            if (shown(r, i.record.is_public)) add(r, a, i, std::to_string(++number) + ".", 0, out);
    return out;
}

} // namespace rectify::io
