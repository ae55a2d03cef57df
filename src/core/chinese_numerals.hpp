// Chinese numerals as official documents number their headings: 一 … 十 … 十一 … 二十一 … 一百.
#pragma once

#include <string>

namespace rectify::core {

// 1 → "一", 10 → "十", 11 → "十一", 20 → "二十", 105 → "一百零五". n must be in 1..9999.
std::string chinese_numeral(int n);

} // namespace rectify::core
