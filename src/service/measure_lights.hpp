// The warning light of a measure as of a date, as every reader of the deadline machinery sees
// it: the ladder of its inspection's rule profile, and a missed follow-up of ongoing work turning
// the light red. Reads lazily and caches per inspection; lives inside one read transaction.
#pragma once

#include "core/warning.hpp"
#include "store/followthrough_rows.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace rectify::service {

class MeasureLights {
public:
    MeasureLights(store::Store &store, const core::Date &as_of);

    core::Warning of(const core::Measure &m);

private:
    const std::vector<std::int64_t> &ladder(std::int64_t inspection_id);

    store::Store &store_;
    core::Date as_of_;
    std::map<std::int64_t, std::vector<std::int64_t>> ladders_;
    std::optional<std::map<std::int64_t, store::FollowupPlanRow>> plans_;
};

} // namespace rectify::service
