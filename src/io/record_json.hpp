// Records as the JSON objects of docs/records.md: what rectify_record_get/list return and what
// the audit log keeps as "before" and "after".
#pragma once

#include "core/model.hpp"

#include <boost/json/object.hpp>

namespace rectify::io {

// storage: where the object keeps its memory (a monotonic resource for an image that is
// serialised at once and dropped); the default heap otherwise.
boost::json::object record_json(const core::Round &r, boost::json::storage_ptr storage = {});
boost::json::object record_json(const core::Unit &r, boost::json::storage_ptr storage = {});
boost::json::object record_json(const core::Inspection &r, boost::json::storage_ptr storage = {});
boost::json::object record_json(const core::Aspect &r, boost::json::storage_ptr storage = {});
boost::json::object record_json(const core::Issue &r, boost::json::storage_ptr storage = {});
boost::json::object record_json(const core::Measure &r, boost::json::storage_ptr storage = {});
boost::json::object record_json(const core::Progress &r, boost::json::storage_ptr storage = {});
boost::json::object record_json(const core::Outcome &r, boost::json::storage_ptr storage = {});

// The fields a record carries in both record JSON and the interchange format, appended to o in
// the order both use: what the host wrote, without ids, positions or bookkeeping.
void put_content(boost::json::object &o, const core::Issue &r);
void put_content(boost::json::object &o, const core::Measure &r);
void put_content(boost::json::object &o, const core::Progress &r);
void put_content(boost::json::object &o, const core::Outcome &r);

// The closing section as {"heading", "paragraphs"}.
boost::json::value closing_json(const std::optional<core::Closing> &c);

} // namespace rectify::io
