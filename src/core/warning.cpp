#include "core/warning.hpp"

namespace rectify::core {

std::string_view name(Light l) {
    switch (l) {
    case Light::green: return "green";
    case Light::blue: return "blue";
    case Light::yellow: return "yellow";
    case Light::red: return "red";
    }
    return "?";
}

std::string_view label(Light l) {
    switch (l) {
    case Light::green: return "绿";
    case Light::blue: return "蓝";
    case Light::yellow: return "黄";
    case Light::red: return "红";
    }
    return "?";
}

bool is_open(Status s) { return s != Status::done && s != Status::closed; }

Warning classify_measure(Status status, MeasureCategory category, const std::optional<Date> &deadline,
                         const Date &as_of, const std::vector<std::int64_t> &warn_days) {
    Warning w;
    // Done and closed work is green and has no days left or overdue, whatever its dates were.
    if (!is_open(status)) return w;
    if (deadline) w.days_left = (*deadline - as_of).days();
    if (w.days_left && *w.days_left < 0) {
        w.light = Light::red;
        w.stage = static_cast<int>(warn_days.size()) + 1;
        return w;
    }
    if (w.days_left) {
        for (auto threshold : warn_days)
            if (*w.days_left <= threshold) ++w.stage;
        if (w.stage > 0) {
            w.light = Light::yellow;
            return w;
        }
    }
    if (category == MeasureCategory::ongoing || status == Status::substantially_done) w.light = Light::blue;
    return w;
}

Light worst(Light a, Light b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }

} // namespace rectify::core
