#include "core/chinese_numerals.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

#include <doctest/doctest.h>

using rectify::core::chinese_numeral;
using rectify::core::find_invalid_utf8;
using rectify::core::parse_chinese_numeral;

TEST_CASE("UTF-8 validation finds the first bad byte") {
    CHECK_FALSE(find_invalid_utf8("市妇联党组 ascii"));
    CHECK_FALSE(find_invalid_utf8("\xF0\x9F\x98\x80")); // U+1F600, 4 bytes
    CHECK(find_invalid_utf8("ab\xFF") == 2u);
    CHECK(find_invalid_utf8("\xC0\xAF") == 0u);          // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);      // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
    CHECK(find_invalid_utf8("x\xE5\xB8") == 1u);         // truncated
    CHECK(find_invalid_utf8("\xE5\x41\x80") == 0u);      // bad continuation
}

TEST_CASE("Chinese numerals number headings as documents do") {
    CHECK(chinese_numeral(1) == "一");
    CHECK(chinese_numeral(7) == "七");
    CHECK(chinese_numeral(10) == "十");
    CHECK(chinese_numeral(11) == "十一");
    CHECK(chinese_numeral(20) == "二十");
    CHECK(chinese_numeral(21) == "二十一");
    CHECK(chinese_numeral(100) == "一百");
    CHECK(chinese_numeral(105) == "一百零五");
    CHECK(chinese_numeral(110) == "一百一十");
    CHECK(chinese_numeral(1001) == "一千零一");
    CHECK_THROWS_AS(chinese_numeral(0), rectify::core::Error);
}

TEST_CASE("Chinese numerals read back as the numbers they write") {
    for (int n = 1; n <= 9999; ++n) REQUIRE(parse_chinese_numeral(chinese_numeral(n)) == n);
    CHECK(parse_chinese_numeral("一十一") == 11);
    CHECK_FALSE(parse_chinese_numeral(""));
    CHECK_FALSE(parse_chinese_numeral("零"));
    CHECK_FALSE(parse_chinese_numeral("一二"));
    CHECK_FALSE(parse_chinese_numeral("十十"));
    CHECK_FALSE(parse_chinese_numeral("一百五"));
    CHECK_FALSE(parse_chinese_numeral("百"));
    CHECK_FALSE(parse_chinese_numeral("一千零"));
    CHECK_FALSE(parse_chinese_numeral("一是"));
    CHECK_FALSE(parse_chinese_numeral("1"));
}
