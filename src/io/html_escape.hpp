// Text from the data as HTML sees it. Every title, name and finding a renderer puts into markup
// passes through here, so that a stray "<script>" in a progress note stays text.
#pragma once

#include <string>
#include <string_view>

namespace rectify::io {

// Escapes &, <, >, " and ' so that the result is safe both as element text and inside a quoted
// attribute value.
std::string html_escape(std::string_view text);

// At most max_chars characters (code points) of UTF-8 text, the last one "…" when something was cut;
// never splits a character. Chart labels use it: SVG text does not wrap.
std::string shorten_utf8(std::string_view text, std::size_t max_chars);

} // namespace rectify::io
