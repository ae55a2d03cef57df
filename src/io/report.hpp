// One inspection as every report renders it (the notice, the ledger, the dashboard, OSCAL): the
// document tree, what the deadline and follow-through machinery knows of each record as of a
// date, and the statistics. The service builds it; the renderers only read it.
//
// For the public audience the service hands over a document already redacted (redact_for_public):
// a renderer cannot leak what it is never given.
#pragma once

#include "core/statistics.hpp"
#include "core/warning.hpp"
#include "io/document.hpp"
#include "io/notice.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rectify::io {

// The formats a report renders to; the numbers are RECTIFY_FORMAT_*.
enum class Format { text = 1, markdown, html, csv, xlsx, oscal };

struct MeasureFacts {
    core::Warning warning;       // the light as of the report's date
    bool extended = false;       // an approved extension moved its deadline
    bool overdue = false;        // open with its deadline before the as-of date
    std::int64_t evidence = 0;   // evidence items attached to the measure
};

struct IssueFacts {
    std::optional<core::Date> closed_on; // the latest close-out (销号)
    std::int64_t evidence = 0;           // evidence items attached to the issue itself
};

// A look-back (回头看) verdict on one of the inspection's issues.
struct VerdictFacts {
    std::int64_t review_id = 0;
    core::Date scheduled_on;
    std::string team;
    std::optional<std::string> review_title;
    std::int64_t issue_id = 0;
    std::string verdict; // consolidated, relapsed, incomplete, false (docs/followthrough.md)
    core::Date decided_on;
    std::optional<std::string> findings;
};

struct Report {
    Document doc; // redacted when audience is public
    Audience audience = Audience::internal;
    core::Date as_of;
    std::map<std::int64_t, MeasureFacts> measures; // by measure id; every measure in doc
    std::map<std::int64_t, IssueFacts> issues;     // by issue id; every issue in doc
    std::vector<VerdictFacts> verdicts;            // of issues in doc, by review date then issue
    core::Statistics stats;                        // counts per the report's options
    // The years with no holiday notice the inspection's derived deadlines depend on (counted on
    // the plain Monday-Friday rule, see service/provisional.hpp); the notice and the workbook
    // ledger end with a footnote saying so (io/provisional_note.hpp). Empty when final.
    std::vector<int> provisional_years;
};

// The document as the public may see it: every issue marked non-public goes with its sub-issues,
// measures, progress and outcomes; every non-public measure goes with its progress; no
// non_public_reason survives. Inspection, aspects and closing stay.
Document redact_for_public(Document doc);

// Every issue of the document, sub-issues after their parent, in display order.
std::vector<const DocIssue *> all_issues(const Document &doc);

} // namespace rectify::io
