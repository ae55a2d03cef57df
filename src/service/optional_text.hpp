// An optional text argument where absent and empty mean the same: nothing given.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rectify::service {

// The text given, or nullopt when it is absent or empty. Reads the view only when it is engaged:
// `o && !o->empty()` lets the compiler test the payload's size first, and a disengaged optional
// (the C API's NULL) has an unset payload, which valgrind rightly reports.
inline std::optional<std::string> given_text(const std::optional<std::string_view> &o) {
    if (!o.has_value()) return std::nullopt;
    const std::string_view v = *o;
    if (v.empty()) return std::nullopt;
    return std::string(v);
}

} // namespace rectify::service
