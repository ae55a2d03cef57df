// JSON text in and out: parsing with errors that say where, and the one pretty layout that
// exports use (two-space indentation, keys in insertion order, UTF-8 unescaped, final newline),
// so that the same data always gives the same bytes.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace rectify::io {

// Parses text as one JSON value. Throws core::Error: utf8 (naming the field path or line and
// column of the first bad byte), json (naming line and column of the syntax error).
boost::json::value parse_json(std::string_view text);
// The same, with the value's memory taken from `storage` (a monotonic resource for a value that
// is read once and dropped: one release instead of a free per string, array and object).
boost::json::value parse_json(std::string_view text, boost::json::storage_ptr storage);

// The pretty layout described above.
std::string to_pretty_json(const boost::json::value &v);

// One line, no spaces: the layout of record JSON.
std::string to_compact_json(const boost::json::value &v);

} // namespace rectify::io
