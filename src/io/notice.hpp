// The rectification notice (整改情况通报) as text, in the shape of the documents users already
// write: title, preamble with dates and counts, one section per aspect with numbered issues and
// their 整改情况, and the closing section.
#pragma once

#include "io/document.hpp"

#include <string>

namespace rectify::io {

enum class Audience { internal = 1, public_ = 2 };

// A public notice leaves out every issue and measure marked non-public; the counts in the
// preamble still include them.
std::string render_notice_text(const Document &doc, Audience audience);

} // namespace rectify::io
