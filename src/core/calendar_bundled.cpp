#include "core/calendar_bundled.hpp"

// Defined in the source src/CMakeLists.txt generates from data/calendars/cn-2007-2026.json.
namespace rectify::core::embedded {
extern const unsigned char china_calendar_bytes[];
extern const std::size_t china_calendar_size;
} // namespace rectify::core::embedded

namespace rectify::core {

std::string_view bundled_china_calendar_json() {
    return {reinterpret_cast<const char *>(embedded::china_calendar_bytes), embedded::china_calendar_size};
}

const Calendar &bundled_china_calendar() {
    // A function-local static: built once, by whichever thread comes first, the others wait.
    static const Calendar calendar = [] {
        Calendar c;
        c.load_json(bundled_china_calendar_json());
        return c;
    }();
    return calendar;
}

} // namespace rectify::core
