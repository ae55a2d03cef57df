// Text as Markdown prints it literally: a title with * or [ in it must not turn into emphasis or
// a link, nor a line that starts "1." into a list.
#pragma once

#include <string>

namespace rectify::io {

// Backslash-escapes the ASCII punctuation Markdown (CommonMark and GitHub's tables and
// strikethrough) reads as markup, and what would start a list or a setext heading at the start
// of a line ("- ", "1. ", "="). Every other byte, all of CJK text included, passes unchanged.
std::string markdown_escape(const std::string &text);

} // namespace rectify::io
