// The notice parser: a rectification notice (整改情况通报) as people write it, read into the
// interchange format (docs/schema.md), so that a unit's existing notice can be imported instead
// of typed in again. docs/parse.md describes what it accepts and how it maps the text.
#pragma once

#include "io/document.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rectify::io {

// What the notice cannot say (a host's ref) or may leave out (dates, the group). A value given
// here wins over what the preamble says; nullopt leaves the preamble's value or the derivation.
struct NoticeParseOptions {
    std::optional<std::string> ref;           // inspection ref; default "<unit name>-<onsite_start>"
    std::optional<std::string> unit;          // unit name; default the party org less 党组/党委 …
    std::optional<std::string> kind;          // "routine" …; default from the label (专项巡察 → special)
    std::optional<std::string> group;         // 市委第一巡察组
    std::optional<std::string> onsite_start;  // YYYY-MM-DD
    std::optional<std::string> onsite_end;    // YYYY-MM-DD
    std::optional<std::string> feedback_date; // YYYY-MM-DD
};

// Parses the notice. Throws core::Error: utf8 (naming the line), invalid (naming the 1-based line
// and quoting it, for text the parser cannot place, or naming a required field found nowhere and
// the option that supplies it), argument (an option that is not valid).
Document parse_notice_document(std::string_view text, const NoticeParseOptions &options);

// The same, written in the export layout (write_document), ready for import.
std::string parse_notice(std::string_view text, const NoticeParseOptions &options);

} // namespace rectify::io
