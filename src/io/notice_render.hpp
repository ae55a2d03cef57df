// The rectification notice (整改情况通报) as text or Markdown: the notice's data view
// (notice_view.hpp) rendered through a mustache template, the bundled one for the format or a
// host's own, so that a host changes the wording without code.
#pragma once

#include "io/report.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rectify::io {

// The costly parts of a notice's data that a template may not read: each measure's view (its
// number, owners, light, progress list …, under the name "measures") and the warning lights
// (MeasureFacts::warning, "light"). A template whose text never holds the name cannot print it:
// mustache reads names only from the template itself, partials included.
struct NoticeParts {
    bool measures = true;
    bool lights = true;
};
NoticeParts notice_parts_of(std::string_view template_text);
// The parts the notice in this format (text or markdown) reads with this template, or the bundled one.
NoticeParts notice_parts(Format format, const std::optional<std::string> &template_text);

// format is Format::text or Format::markdown. template_text, when given, replaces the bundled
// template. Values print verbatim in text; in Markdown {{name}} escapes what Markdown would read
// as markup and {{{name}}} prints verbatim. A template mustache cannot read (or that fails while
// rendering) gives Errc::invalid, "template: <mustache's message>".
std::string render_notice(const Report &report, Format format, const std::optional<std::string> &template_text);

} // namespace rectify::io
