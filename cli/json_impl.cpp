// cli/json_impl.cpp: the one translation unit that compiles Boost.JSON (header-only mode, with
// BOOST_JSON_NO_LIB set by cli/CMakeLists.txt), plus the small readers the commands share.
#include <boost/json/src.hpp>

#include "errors.hpp"
#include "json.hpp"
#include "output.hpp"

namespace rectify_cli {

json::value parse_json(std::string_view text, const std::string &what) {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec) {
        throw cli_error(exit_other, "the library returned malformed JSON for " + what + ": " + ec.message());
    }
    return v;
}

json::array parse_json_array(std::string_view text, const std::string &what) {
    json::value v = parse_json(text, what);
    if (!v.is_array()) {
        throw cli_error(exit_other, "the library returned " + what + " that is not a JSON array");
    }
    return std::move(v.as_array());
}

json::object parse_json_object(std::string_view text, const std::string &what) {
    json::value v = parse_json(text, what);
    if (!v.is_object()) {
        throw cli_error(exit_other, "the library returned " + what + " that is not a JSON object");
    }
    return std::move(v.as_object());
}

std::optional<std::string> get_string(const json::object &o, std::string_view key) {
    const json::value *v = o.if_contains(key);
    if (v == nullptr || !v->is_string()) {
        return std::nullopt;
    }
    return std::string(v->as_string());
}

std::optional<std::int64_t> get_int(const json::object &o, std::string_view key) {
    const json::value *v = o.if_contains(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (v->is_int64()) {
        return v->as_int64();
    }
    if (v->is_uint64()) {
        return static_cast<std::int64_t>(v->as_uint64());
    }
    return std::nullopt;
}

std::string text_or_none(const json::object &o, std::string_view key) {
    auto s = get_string(o, key);
    return s && !s->empty() ? *s : std::string(none_mark);
}

std::string int_or_none(const json::object &o, std::string_view key) {
    auto i = get_int(o, key);
    return i ? std::to_string(*i) : std::string(none_mark);
}

std::string with_final_newline(std::string text) {
    if (!text.empty() && text.back() != '\n') {
        text += '\n';
    }
    return text;
}

} // namespace rectify_cli
