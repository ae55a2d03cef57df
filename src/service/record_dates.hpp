// Dates given for what happens to a record may not precede the record itself: nothing of an
// inspection happens before its on-site work began (进驻), so a close-out, progress, follow-up,
// escalation, lead, evaluation or look-back dated earlier is a typing error, refused with both
// dates named rather than kept to skew every deadline and rate computed from it.
#pragma once

#include "core/date.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <string_view>

namespace rectify::service {

// Throws Errc::argument, "<what>: <day> is before <before_what> (<start>)", when day < start.
void require_not_before(std::string_view what, const core::Date &day, const core::Date &start,
                        std::string_view before_what);

// day may not precede the on-site start of inspection inspection_id (which must exist).
void require_within_inspection(store::Store &store, std::string_view what, const core::Date &day,
                               std::int64_t inspection_id);

} // namespace rectify::service
