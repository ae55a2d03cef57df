#include "io/fields.hpp"

#include <cmath>
#include <limits>

namespace rectify::io {

using core::Errc;
using core::Error;

std::string join_path(const std::string &path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

namespace {
const char *type_name(const boost::json::value &v) {
    switch (v.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "a number";
    case boost::json::kind::string: return "a string";
    case boost::json::kind::array: return "an array";
    case boost::json::kind::object: return "an object";
    }
    return "a value";
}
} // namespace

Fields::Fields(const boost::json::value &v, std::string path) : object_(v.if_object()), path_(std::move(path)) {
    if (!object_)
        throw Error(Errc::invalid, (path_.empty() ? std::string("the document") : path_) + ": expected an object, got " + type_name(v));
}

void Fields::fail(std::string_view key, const std::string &what) const {
    throw Error(Errc::invalid, at(key) + ": " + what);
}

const boost::json::value *Fields::get(std::string_view key) {
    seen_.emplace(key);
    const auto *v = object_->if_contains(key);
    return (v && !v->is_null()) ? v : nullptr;
}

bool Fields::has(std::string_view key) { return get(key) != nullptr; }

std::optional<std::string> Fields::opt_text(std::string_view key) {
    const auto *v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) fail(key, std::string("expected a string, got ") + type_name(*v));
    return std::string(v->get_string());
}

std::string Fields::text(std::string_view key) {
    auto t = opt_text(key);
    if (!t) fail(key, "is required");
    if (t->find_first_not_of(" \t\r\n") == std::string::npos) fail(key, "must not be empty");
    return *t;
}

std::optional<core::Date> Fields::opt_date(std::string_view key) {
    auto t = opt_text(key);
    if (!t) return std::nullopt;
    auto d = core::parse_date(*t);
    if (!d) fail(key, *t + " " + core::describe_bad_date(*t));
    return d;
}

core::Date Fields::date(std::string_view key) {
    auto d = opt_date(key);
    if (!d) fail(key, "is required");
    return *d;
}

std::optional<std::int64_t> Fields::opt_int(std::string_view key) {
    const auto *v = get(key);
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64()) fail(key, "is too large");
    if (v->is_double()) fail(key, "must be a whole number (money is counted in integer fen)");
    fail(key, std::string("expected an integer, got ") + type_name(*v));
}

bool Fields::boolean(std::string_view key, bool fallback) {
    const auto *v = get(key);
    if (!v) return fallback;
    if (!v->is_bool()) fail(key, std::string("expected true or false, got ") + type_name(*v));
    return v->get_bool();
}

const boost::json::array *Fields::opt_array(std::string_view key) {
    const auto *v = get(key);
    if (!v) return nullptr;
    if (!v->is_array()) fail(key, std::string("expected an array, got ") + type_name(*v));
    return &v->get_array();
}

const boost::json::array &Fields::array(std::string_view key) {
    const auto *a = opt_array(key);
    if (!a) fail(key, "is required");
    return *a;
}

const boost::json::value *Fields::opt_object(std::string_view key) {
    const auto *v = get(key);
    if (v && !v->is_object()) fail(key, std::string("expected an object, got ") + type_name(*v));
    return v;
}

void Fields::finish() const {
    for (const auto &kv : *object_)
        if (seen_.find(kv.key()) == seen_.end())
            throw Error(Errc::invalid, at(kv.key()) + ": unknown key (see docs/schema.md)");
}

} // namespace rectify::io
