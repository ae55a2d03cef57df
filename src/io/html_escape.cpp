#include "io/html_escape.hpp"

namespace rectify::io {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string shorten_utf8(std::string_view text, std::size_t max_chars) {
    // Byte offsets where each character starts: a byte that is not a continuation (10xxxxxx).
    std::size_t chars = 0, keep_bytes = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (max_chars > 0 && chars == max_chars - 1) keep_bytes = i;
        ++chars;
    }
    if (chars <= max_chars) return std::string(text);
    if (max_chars == 0) return std::string();
    return std::string(text.substr(0, keep_bytes)) + "…";
}

} // namespace rectify::io
