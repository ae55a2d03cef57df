// Whether an inspection's derived deadlines (plan_due, concentrated_end, report_due,
// evaluation_due) are provisional: counted on the plain Monday-Friday rule because a year they
// depend on has no notice in the database's calendar. Computed on read from the calendar and the
// inspection's own profile, so it cannot go stale; loading the year derives them again
// (Service::calendar_load_json) and the mark goes.
#pragma once

#include "core/calendar.hpp"
#include "core/model.hpp"
#include "store/store.hpp"

#include <boost/json.hpp>

#include <vector>

namespace rectify::service {

// The years without a notice the inspection's derived deadlines depend on; empty when they are
// final (or it has none).
std::vector<int> provisional_years(store::Store &store, const core::Inspection &in, const core::Calendar &cal);

// Adds "provisional": true|false to an inspection's JSON, and "provisional_years" when true.
void mark_provisional(boost::json::object &o, const std::vector<int> &years);

} // namespace rectify::service
