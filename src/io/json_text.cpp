#include "io/json_text.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"

#include <boost/json.hpp>

namespace rectify::io {

namespace {

using core::Errc;
using core::Error;

std::string line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not bytes
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// The path of the first string or key holding invalid UTF-8, or "" if there is none.
std::string find_bad_utf8_path(const boost::json::value &v, const std::string &path) {
    auto join = [&](const std::string &key) { return path.empty() ? key : path + "." + key; };
    switch (v.kind()) {
    case boost::json::kind::string:
        return core::find_invalid_utf8(v.get_string()) ? (path.empty() ? "(document)" : path) : "";
    case boost::json::kind::array: {
        const auto &a = v.get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            auto p = find_bad_utf8_path(a[i], path + "[" + std::to_string(i) + "]");
            if (!p.empty()) return p;
        }
        return "";
    }
    case boost::json::kind::object:
        for (const auto &kv : v.get_object()) {
            if (core::find_invalid_utf8(kv.key())) return join("(a key)");
            auto p = find_bad_utf8_path(kv.value(), join(std::string(kv.key())));
            if (!p.empty()) return p;
        }
        return "";
    default: return "";
    }
}

boost::json::value parse_raw(std::string_view text, bool allow_invalid_utf8, std::size_t &error_offset,
                             boost::system::error_code &ec, boost::json::storage_ptr storage = {}) {
    boost::json::parse_options opts;
    opts.allow_invalid_utf8 = allow_invalid_utf8;
    opts.max_depth = 64;
    boost::json::parser p(boost::json::storage_ptr(), opts);
    p.reset(std::move(storage));
    error_offset = p.write(text.data(), text.size(), ec); // write(), unlike write_some(), refuses trailing text
    if (ec) return nullptr;
    return p.release();
}

void write_pretty(std::string &out, const boost::json::value &v, int depth) {
    auto indent = [&](int d) { out.append(static_cast<std::size_t>(d) * 2, ' '); };
    switch (v.kind()) {
    case boost::json::kind::object: {
        const auto &o = v.get_object();
        if (o.empty()) { out += "{}"; return; }
        out += "{\n";
        std::size_t i = 0;
        for (const auto &kv : o) {
            indent(depth + 1);
            out += boost::json::serialize(boost::json::string_view(kv.key()));
            out += ": ";
            write_pretty(out, kv.value(), depth + 1);
            out += ++i < o.size() ? ",\n" : "\n";
        }
        indent(depth);
        out += "}";
        return;
    }
    case boost::json::kind::array: {
        const auto &a = v.get_array();
        if (a.empty()) { out += "[]"; return; }
        out += "[\n";
        for (std::size_t i = 0; i < a.size(); ++i) {
            indent(depth + 1);
            write_pretty(out, a[i], depth + 1);
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        indent(depth);
        out += "]";
        return;
    }
    default: out += boost::json::serialize(v); return;
    }
}

} // namespace

boost::json::value parse_json(std::string_view text) { return parse_json(text, {}); }

boost::json::value parse_json(std::string_view text, boost::json::storage_ptr storage) {
    std::size_t offset = 0;
    boost::system::error_code ec;
    if (auto bad = core::find_invalid_utf8(text)) {
        // Say which field holds the bad bytes when the rest of the text is well-formed JSON.
        auto v = parse_raw(text, true, offset, ec);
        std::string where = ec ? std::string() : find_bad_utf8_path(v, "");
        throw Error(Errc::utf8, (where.empty() ? std::string() : where + ": ") + "invalid UTF-8 at byte " +
                                    std::to_string(*bad) + " (" + line_and_column(text, *bad) + ")");
    }
    // The whole text is valid UTF-8 (checked above): the parser need not check its strings again.
    auto v = parse_raw(text, true, offset, ec, std::move(storage));
    if (ec)
        throw Error(Errc::json, "malformed JSON at " + line_and_column(text, offset) + ": " + ec.message());
    return v;
}

std::string to_pretty_json(const boost::json::value &v) {
    std::string out;
    write_pretty(out, v, 0);
    out += "\n";
    return out;
}

std::string to_compact_json(const boost::json::value &v) { return boost::json::serialize(v); }

} // namespace rectify::io
