// A whole inspection as the interchange format (docs/schema.md) carries it: the records, nested
// as in the document, each with the JSON path it came from so that later checks (a status
// transition, a ref owned by another inspection) can still say where.
#pragma once

#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectify::io {

constexpr std::string_view kFormatName = "rectify-inspection";
constexpr int kFormatVersion = 1;

struct DocOutcome {
    core::Outcome record;
    std::string path;
};

struct DocProgress {
    core::Progress record;
    std::string path;
};

struct DocMeasure {
    core::Measure record;
    bool status_given = false;
    std::string path;
    std::vector<DocProgress> progress;
};

struct DocIssue {
    core::Issue record;
    bool status_given = false;
    std::string path;
    std::vector<DocMeasure> measures;
    std::vector<DocIssue> sub_issues;
    std::vector<DocOutcome> outcomes;
};

struct DocAspect {
    core::Aspect record;
    std::string path;
    std::vector<DocIssue> issues;
};

struct Document {
    std::optional<core::Round> round;
    core::Unit unit;
    core::Inspection inspection;
    std::vector<DocAspect> aspects;
    std::vector<DocOutcome> outcomes;
};

// Reads and validates a document. Ids in the records are left 0: the importer resolves them.
// Refs are filled in (derived where the document leaves them out). Throws core::Error naming the
// field path: json, utf8 or invalid.
Document read_document(std::string_view json);

// Writes a document in the one export layout. Ids are ignored; refs are written as stored.
std::string write_document(const Document &doc);

// The same document compact, on one line with no trailing newline (a JSON Lines record).
std::string write_document_line(const Document &doc);

} // namespace rectify::io
