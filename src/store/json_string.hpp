// A string written as JSON, byte for byte as boost::json::serialize writes it: in quotes, with '"',
// '\\' and control characters escaped (\b \t \n \f \r, others \u00xx), every other byte as it is.
// The audit chain hashes these bytes and row images are compared by them, so both must agree
// with what earlier releases wrote; the tests of event_hash pin them against Boost.JSON's.
#pragma once

#include <string>
#include <string_view>

namespace rectify::store {

namespace detail {

// For each byte, what follows the backslash that escapes it: 0 for none (written as it is),
// 'u' for \u00xx, else the short escape. Built once, so that the scan is one load a byte.
struct JsonEscapes {
    char of[256] = {};
    constexpr JsonEscapes() {
        for (int c = 0; c < 0x20; ++c) of[c] = 'u';
        of[0x08] = 'b';
        of[0x09] = 't';
        of[0x0A] = 'n';
        of[0x0C] = 'f';
        of[0x0D] = 'r';
        of[static_cast<unsigned char>('"')] = '"';
        of[static_cast<unsigned char>('\\')] = '\\';
    }
};
inline constexpr JsonEscapes kJsonEscapes{};

} // namespace detail

// Out has put(std::string_view) and put(char).
template <class Out> void put_json_string(Out &out, std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    out.put('"');
    const char *const data = s.data();
    const std::size_t size = s.size();
    std::size_t run = 0; // start of the bytes not yet written, which need no escape
    for (std::size_t i = 0; i < size; ++i) {
        const char e = detail::kJsonEscapes.of[static_cast<unsigned char>(data[i])];
        if (e == 0) continue;
        if (i > run) out.put(std::string_view(data + run, i - run));
        run = i + 1;
        if (e != 'u') {
            const char escaped[2] = {'\\', e};
            out.put(std::string_view(escaped, 2));
        } else {
            const auto c = static_cast<unsigned char>(data[i]);
            const char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.put(std::string_view(escaped, sizeof escaped));
        }
    }
    if (size > run) out.put(std::string_view(data + run, size - run));
    out.put('"');
}

// Appends to a std::string.
struct StringOut {
    std::string &text;
    void put(std::string_view s) { text.append(s); }
    void put(char c) { text.push_back(c); }
};

} // namespace rectify::store
