#include "service/measure_lights.hpp"

#include "core/followthrough.hpp"
#include "core/rule_profile.hpp"
#include "io/profile_json.hpp"
#include "store/deadline_rows.hpp"

namespace rectify::service {

MeasureLights::MeasureLights(store::Store &store, const core::Date &as_of) : store_(store), as_of_(as_of) {}

const std::vector<std::int64_t> &MeasureLights::ladder(std::int64_t inspection_id) {
    auto it = ladders_.find(inspection_id);
    if (it != ladders_.end()) return it->second;
    std::vector<std::int64_t> warn = core::default_profile().warn_days;
    auto in = store_.get<core::Inspection>(inspection_id);
    if (in && in->profile_id)
        if (auto p = store::Deadlines(store_).profile(*in->profile_id)) warn = io::read_profile(p->body).warn_days;
    return ladders_.emplace(inspection_id, std::move(warn)).first->second;
}

core::Warning MeasureLights::of(const core::Measure &m) {
    auto w = core::classify_measure(m.status, m.category, m.deadline, as_of_, ladder(m.inspection_id));
    if (!core::is_open(m.status) || w.light == core::Light::red) return w;
    store::Followthrough ft(store_);
    if (!plans_) {
        plans_.emplace();
        for (auto &p : ft.plans()) plans_->emplace(p.measure_id, std::move(p));
    }
    auto plan = plans_->find(m.meta.id);
    if (plan == plans_->end()) return w;
    std::vector<core::Date> recorded;
    for (const auto &f : ft.followups(m.meta.id)) recorded.push_back(f.on_date);
    auto state = core::followup_state(plan->second.start_on, *core::parse_cadence(plan->second.cadence), recorded, as_of_);
    if (state.missed) {
        w.light = core::Light::red;
        w.followup_missed = true;
    }
    return w;
}

} // namespace rectify::service
