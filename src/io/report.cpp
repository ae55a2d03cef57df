#include "io/report.hpp"

#include <algorithm>

namespace rectify::io {

namespace {

void redact_issues(std::vector<DocIssue> &issues) {
    issues.erase(std::remove_if(issues.begin(), issues.end(), [](const DocIssue &i) { return !i.record.is_public; }),
                 issues.end());
    for (auto &i : issues) {
        i.record.non_public_reason.reset();
        auto &ms = i.measures;
        ms.erase(std::remove_if(ms.begin(), ms.end(), [](const DocMeasure &m) { return !m.record.is_public; }), ms.end());
        for (auto &m : ms) m.record.non_public_reason.reset();
        redact_issues(i.sub_issues);
    }
}

void collect(const std::vector<DocIssue> &issues, std::vector<const DocIssue *> &out) {
    for (const auto &i : issues) {
        out.push_back(&i);
        collect(i.sub_issues, out);
    }
}

} // namespace

Document redact_for_public(Document doc) {
    for (auto &a : doc.aspects) redact_issues(a.issues);
    return doc;
}

std::vector<const DocIssue *> all_issues(const Document &doc) {
    std::vector<const DocIssue *> out;
    for (const auto &a : doc.aspects) collect(a.issues, out);
    return out;
}

} // namespace rectify::io
