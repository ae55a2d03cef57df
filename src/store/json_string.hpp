// A string written as JSON, byte for byte as boost::json::serialize writes it: in quotes, with '"',
// '\\' and control characters escaped (\b \t \n \f \r, others \u00xx), every other byte as it is.
// The audit chain hashes these bytes and row images are compared by them, so both must agree
// with what earlier releases wrote; the tests of event_hash pin them against Boost.JSON's.
#pragma once

#include <string>
#include <string_view>

namespace rectify::store {

// Out has put(std::string_view) and put(char).
template <class Out> void put_json_string(Out &out, std::string_view s) {
    static const char short_escape[32] = {'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
                                          'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u'};
    static const char hex[] = "0123456789abcdef";
    out.put('"');
    std::size_t run = 0; // start of the bytes not yet written, which need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.put(s.substr(run, i - run));
        run = i + 1;
        out.put('\\');
        if (c == '"' || c == '\\') out.put(static_cast<char>(c));
        else if (short_escape[c] != 'u') out.put(short_escape[c]);
        else {
            const char escaped[5] = {'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.put(std::string_view(escaped, sizeof escaped));
        }
    }
    out.put(s.substr(run));
    out.put('"');
}

// Appends to a std::string.
struct StringOut {
    std::string &text;
    void put(std::string_view s) { text.append(s); }
    void put(char c) { text.push_back(c); }
};

} // namespace rectify::store
