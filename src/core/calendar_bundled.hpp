// The China calendar bundled with the library: data/calendars/cn-2007-2026.json, the State
// Council's notices as holiday-cn JSON, embedded at build time by src/CMakeLists.txt (so an
// installed library needs no data file).
#pragma once

#include "core/calendar.hpp"

#include <cstddef>
#include <string_view>

namespace rectify::core {

// The embedded JSON text, byte for byte.
std::string_view bundled_china_calendar_json();

// The bundled calendar, parsed on first use (thread-safe) and shared read-only afterwards.
// Copy it to add years or local days. Its unknown-date policy is fail.
const Calendar &bundled_china_calendar();

} // namespace rectify::core
