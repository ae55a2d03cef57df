// Model values as JSON values: null for absent, YYYY-MM-DD for dates, names for enums.
#pragma once

#include "core/date.hpp"
#include "core/enums.hpp"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <type_traits>

namespace rectify::io {

inline boost::json::value to_json(const std::string &v) { return boost::json::value(v); }
inline boost::json::value to_json(std::int64_t v) { return boost::json::value(v); }
inline boost::json::value to_json(bool v) { return boost::json::value(v); }
inline boost::json::value to_json(const core::Date &v) { return boost::json::value(core::format_date(v)); }
template <class E, class = std::enable_if_t<std::is_enum_v<E>>> boost::json::value to_json(E v) {
    return boost::json::value(boost::json::string_view(core::name(v).data(), core::name(v).size()));
}
template <class T> boost::json::value to_json(const std::optional<T> &v) {
    return v ? to_json(*v) : boost::json::value(nullptr);
}

} // namespace rectify::io
