// Chinese numerals as official documents number their headings: 一 … 十 … 十一 … 二十一 … 一百.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rectify::core {

// 1 → "一", 10 → "十", 11 → "十一", 20 → "二十", 105 → "一百零五". n must be in 1..9999.
std::string chinese_numeral(int n);

// The inverse, for reading headings back: "十一" → 11, "一百零五" → 105. Accepts exactly what
// chinese_numeral() writes (and 一十一 for 11, which some documents use); anything else, including
// an empty text, gives nullopt.
std::optional<int> parse_chinese_numeral(std::string_view text);

} // namespace rectify::core
