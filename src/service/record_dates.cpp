#include "service/record_dates.hpp"

#include "core/error.hpp"
#include "core/model.hpp"
#include "service/transactions.hpp"

#include <string>

namespace rectify::service {

void require_not_before(std::string_view what, const core::Date &day, const core::Date &start,
                        std::string_view before_what) {
    if (!(day < start)) return;
    throw core::Error(core::Errc::argument, std::string(what) + ": " + core::format_date(day) + " is before " +
                                                std::string(before_what) + " (" + core::format_date(start) + ")");
}

void require_within_inspection(store::Store &store, std::string_view what, const core::Date &day,
                               std::int64_t inspection_id) {
    auto in = store.get<core::Inspection>(inspection_id);
    if (!in) return; // the caller has already refused a record of no inspection
    require_not_before(what, day, in->onsite_start,
                       record_label(core::Kind::inspection, inspection_id) + " began on site");
}

} // namespace rectify::service
