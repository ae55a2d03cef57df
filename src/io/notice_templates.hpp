// The bundled notice templates (data/templates/notice.*.mustache), compiled into the library so
// that an installed library needs no data files.
#pragma once

#include "io/report.hpp"

#include <string_view>

namespace rectify::io {

// The bundled template of Format::text or Format::markdown.
std::string_view bundled_notice_template(Format format);

} // namespace rectify::io
