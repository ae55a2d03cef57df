// Reading one JSON object of a document: typed getters that name the field path in every error,
// and a final check that no unknown key was given (a misspelt key must never drop data quietly).
#pragma once

#include "core/date.hpp"
#include "core/error.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace rectify::io {

// path + "." + key, or key alone at the top level.
std::string join_path(const std::string &path, std::string_view key);

class Fields {
public:
    // Throws invalid if v is not an object.
    Fields(const boost::json::value &v, std::string path);

    const std::string &path() const { return path_; }
    std::string at(std::string_view key) const { return join_path(path_, key); }
    [[noreturn]] void fail(std::string_view key, const std::string &what) const;

    bool has(std::string_view key); // present and not null

    std::string text(std::string_view key);                       // required, non-empty
    std::optional<std::string> opt_text(std::string_view key);    // null/absent → nullopt; "" kept
    core::Date date(std::string_view key);
    std::optional<core::Date> opt_date(std::string_view key);
    std::optional<std::int64_t> opt_int(std::string_view key);
    bool boolean(std::string_view key, bool fallback);
    const boost::json::array *opt_array(std::string_view key);    // null/absent → nullptr
    const boost::json::array &array(std::string_view key);
    const boost::json::value *opt_object(std::string_view key);   // null/absent → nullptr

    // A value of a closed vocabulary: parse(name) → optional<E>; names lists the choices.
    template <class E, class Parse>
    std::optional<E> opt_enum(std::string_view key, Parse parse, std::string_view names) {
        auto t = opt_text(key);
        if (!t) return std::nullopt;
        auto v = parse(*t);
        if (!v) fail(key, "unknown value '" + *t + "' (expected one of: " + std::string(names) + ")");
        return v;
    }

    // Throws invalid naming the first key that no getter asked for.
    void finish() const;

private:
    const boost::json::value *get(std::string_view key);

    const boost::json::object *object_;
    std::string path_;
    std::set<std::string, std::less<>> seen_;
};

} // namespace rectify::io
