// cli/json.hpp: reading the JSON the library returns (Boost.JSON, header-only in json_impl.cpp).
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rectify_cli {

namespace json = boost::json;

/** Parses text the library returned; a parse failure is the library's bug, reported as such. */
json::value parse_json(std::string_view text, const std::string &what);

/** parse_json() of an array, or of an object. */
json::array parse_json_array(std::string_view text, const std::string &what);
json::object parse_json_object(std::string_view text, const std::string &what);

/** The string at key, or nullopt when absent, null or not a string. */
std::optional<std::string> get_string(const json::object &o, std::string_view key);

/** The integer at key, or nullopt when absent, null or not an integer. */
std::optional<std::int64_t> get_int(const json::object &o, std::string_view key);

/** The string at key, or "—" when absent or null. */
std::string text_or_none(const json::object &o, std::string_view key);

/** The integer at key as decimal text, or "—". */
std::string int_or_none(const json::object &o, std::string_view key);

/** text followed by a newline, unless it already ends with one (or is empty). */
std::string with_final_newline(std::string text);

} // namespace rectify_cli
