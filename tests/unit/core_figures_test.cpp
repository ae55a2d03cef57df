#include "core/error.hpp"
#include "core/figures.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace rectify::core;

TEST_CASE("completion rates are exact, rounded half up, and always print two decimals") {
    CHECK(completion_rate(688, 697) == "98.71%");
    CHECK(completion_rate(19, 25) == "76.00%");
    CHECK(completion_rate(1, 8) == "12.50%");
    CHECK(completion_rate(2, 3) == "66.67%");
    CHECK(completion_rate(1, 3) == "33.33%");
    CHECK(completion_rate(11, 11) == "100.00%");
    CHECK(completion_rate(0, 7) == "0.00%");
    CHECK(completion_rate(1, 20000) == "0.01%"); // 0.005% rounds half up
    CHECK(completion_rate(1, 20001) == "0.00%");
    CHECK(completion_rate(19741, 20000) == "98.71%"); // 98.705% rounds half up, not to even
    CHECK(completion_rate(19739, 20000) == "98.70%"); // 98.695%
    CHECK(completion_rate(19999, 20000) == "100.00%"); // 99.995% rounds up to a whole hundred
    CHECK(completion_rate(3, 7) == "42.86%");
    CHECK(completion_rate(5, 7) == "71.43%");
    CHECK_FALSE(completion_rate(0, 0));
    CHECK(completion_basis_points(688, 697) == 9871);
    const auto big = std::numeric_limits<std::int64_t>::max();
    CHECK(completion_rate(big - 1, big) == "100.00%"); // no overflow on the way
    CHECK_THROWS_AS(completion_rate(5, 4), Error);
    CHECK_THROWS_AS(completion_rate(-1, 4), Error);
}

TEST_CASE("money prints in 元 with two decimals, and in 万元 with two decimals at least and never rounded") {
    CHECK(format_yuan(1155000) == "11550.00元");
    CHECK(format_yuan(1155050) == "11550.50元");
    CHECK(format_yuan(4200050) == "42000.50元");
    CHECK(format_yuan(5) == "0.05元");
    CHECK(format_yuan(0) == "0.00元");
    CHECK(format_yuan(123456789012345) == "1234567890123.45元"); // no separators, as notices print money
    CHECK(format_wan_yuan(7132000) == "7.132万元");
    CHECK(format_wan_yuan(1155000) == "1.155万元");
    CHECK(format_wan_yuan(15000000) == "15.00万元");
    CHECK(format_wan_yuan(100000000) == "100.00万元");
    CHECK(format_wan_yuan(150000) == "0.15万元");
    CHECK(format_wan_yuan(0) == "0.00万元");
    CHECK(format_wan_yuan(1) == "0.000001万元");
    CHECK(format_yuan(-250) == "-2.50元"); // shown with its sign, not refused
    CHECK(format_wan_yuan(-15000000) == "-15.00万元");
    CHECK(format_yuan(std::numeric_limits<std::int64_t>::max()) == "92233720368547758.07元");
    CHECK(format_yuan(std::numeric_limits<std::int64_t>::min()) == "-92233720368547758.08元");
}

TEST_CASE("the long division agrees with the plain formula wherever the plain one cannot overflow") {
    for (std::int64_t total = 1; total <= 400; ++total)
        for (std::int64_t done = 0; done <= total; ++done) {
            CAPTURE(done);
            CAPTURE(total);
            CHECK(completion_basis_points(done, total) == (done * 20000 + total) / (2 * total));
        }
}
