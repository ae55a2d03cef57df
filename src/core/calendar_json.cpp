#include "core/calendar_json.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"

#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <cstdlib>

namespace rectify::core {

namespace {

namespace json = boost::json;

[[noreturn]] void invalid(const std::string &path, const std::string &what) {
    throw Error(Errc::invalid, path + ": " + what);
}

std::string line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // characters, not bytes
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

json::value parse_text(std::string_view text) {
    if (auto bad = find_invalid_utf8(text))
        throw Error(Errc::utf8, "calendar JSON: invalid UTF-8 at byte " + std::to_string(*bad) + " (" +
                                    line_and_column(text, *bad) + ")");
    json::parse_options opts;
    opts.max_depth = 16; // a notice nests three levels; anything deeper is not one
    json::parser p(json::storage_ptr(), opts);
    boost::system::error_code ec;
    std::size_t offset = p.write(text.data(), text.size(), ec); // write() refuses trailing text
    if (ec)
        throw Error(Errc::json, "calendar JSON is malformed at " + line_and_column(text, offset) + ": " + ec.message());
    return p.release();
}

const char *kind_name(const json::value &v) {
    switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
    }
    return "a value";
}

std::string join(const std::string &path, const std::string &key) { return path.empty() ? key : path + "." + key; }

// At most 40 bytes of a text for a message, cut at a character boundary.
std::string excerpt(const std::string &s) {
    if (s.size() <= 40) return s;
    std::size_t n = 40;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n) + "...";
}

const json::value &member(const json::object &o, const char *key, const std::string &path) {
    auto it = o.find(key);
    if (it == o.end()) invalid(join(path, key), "is required but missing");
    return it->value();
}

// holiday-cn declares year a "number"; accept 2019 and 2019.0, nothing fractional or absurd.
int year_of(const json::value &v, const std::string &path) {
    double y;
    if (v.is_int64()) y = static_cast<double>(v.get_int64());
    else if (v.is_uint64()) y = static_cast<double>(v.get_uint64());
    else if (v.is_double()) y = v.get_double();
    else invalid(path, std::string("must be a number, not ") + kind_name(v));
    if (!(y >= 1900 && y <= 9999) || std::floor(y) != y)
        invalid(path, "must be a whole year from 1900 to 9999, got " + json::serialize(v));
    return static_cast<int>(y);
}

const std::string &string_at(const json::value &v, const std::string &path, std::string &buf) {
    if (!v.is_string()) invalid(path, std::string("must be a string, not ") + kind_name(v));
    buf.assign(v.get_string().data(), v.get_string().size());
    return buf;
}

NoticeDay day_of(const json::value &v, int year, const std::string &path) {
    if (!v.is_object()) invalid(path, std::string("must be an object {name, date, isOffDay}, not ") + kind_name(v));
    const auto &o = v.get_object();
    NoticeDay day;
    std::string buf;
    day.name = string_at(member(o, "name", path), join(path, "name"), buf);

    const auto date_path = join(path, "date");
    const auto &text = string_at(member(o, "date", path), date_path, buf);
    auto d = parse_date(text);
    if (!d) invalid(date_path, "\"" + excerpt(text) + "\" " + describe_bad_date(text));
    // A notice arranges its own year; only the adjusted days around New Year reach into the
    // year before (2018-12-29 in 2019's). A date further off is a typo, not an arrangement.
    if (std::abs(int(d->year()) - year) > 1)
        invalid(date_path, text + " is more than a year away from the notice's year " + std::to_string(year));
    day.date = *d;

    const auto &off = member(o, "isOffDay", path);
    if (!off.is_bool()) invalid(join(path, "isOffDay"), std::string("must be true or false, not ") + kind_name(off));
    day.off = off.get_bool();
    return day;
}

HolidayNotice notice_of(const json::value &v, const std::string &path) {
    if (!v.is_object()) invalid(path.empty() ? "(document)" : path,
                                std::string("a notice must be an object {year, papers, days}, not ") + kind_name(v));
    const auto &o = v.get_object();
    HolidayNotice n;
    n.path = path;
    n.year = year_of(member(o, "year", path), join(path, "year"));

    const auto &papers = member(o, "papers", path);
    if (!papers.is_array()) invalid(join(path, "papers"), std::string("must be an array of strings, not ") + kind_name(papers));
    std::string buf;
    for (std::size_t i = 0; i < papers.get_array().size(); ++i)
        n.papers.push_back(string_at(papers.get_array()[i], join(path, "papers[" + std::to_string(i) + "]"), buf));

    const auto &days = member(o, "days", path);
    if (!days.is_array()) invalid(join(path, "days"), std::string("must be an array of days, not ") + kind_name(days));
    for (std::size_t i = 0; i < days.get_array().size(); ++i)
        n.days.push_back(day_of(days.get_array()[i], n.year, join(path, "days[" + std::to_string(i) + "]")));
    return n;
}

} // namespace

std::vector<HolidayNotice> parse_holiday_notices(std::string_view text) {
    const json::value doc = parse_text(text);
    std::vector<HolidayNotice> out;
    if (doc.is_array()) {
        const auto &a = doc.get_array();
        out.reserve(a.size());
        for (std::size_t i = 0; i < a.size(); ++i) out.push_back(notice_of(a[i], "[" + std::to_string(i) + "]"));
    } else {
        out.push_back(notice_of(doc, ""));
    }
    return out;
}

} // namespace rectify::core
