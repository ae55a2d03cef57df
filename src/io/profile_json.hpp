// Rule profiles as JSON (docs/deadlines.md): what hosts send and what the database stores.
#pragma once

#include "core/rule_profile.hpp"

#include <string>
#include <string_view>

namespace rectify::io {

// Reads and checks a profile; name and offsets are required, warn_days and unknown_dates
// default to [20, 10] and "fail". Errors name the field path.
core::RuleProfile read_profile(std::string_view json);

// Compact JSON of the profile, without its version (the version is the store's).
std::string write_profile(const core::RuleProfile &p);

} // namespace rectify::io
