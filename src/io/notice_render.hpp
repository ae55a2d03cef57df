// The rectification notice (整改情况通报) as text or Markdown: the notice's data view
// (notice_view.hpp) rendered through a mustache template, the bundled one for the format or a
// host's own, so that a host changes the wording without code.
#pragma once

#include "io/report.hpp"

#include <optional>
#include <string>

namespace rectify::io {

// format is Format::text or Format::markdown. template_text, when given, replaces the bundled
// template. Values print verbatim in text; in Markdown {{name}} escapes what Markdown would read
// as markup and {{{name}}} prints verbatim. A template mustache cannot read (or that fails while
// rendering) gives Errc::invalid, "template: <mustache's message>".
std::string render_notice(const Report &report, Format format, const std::optional<std::string> &template_text);

} // namespace rectify::io
