#include "core/error.hpp"
#include "core/figures.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace rectify::core;

TEST_CASE("completion rates are exact, rounded half up to two decimals, trailing zeros dropped") {
    CHECK(completion_rate(19, 25) == "76%");
    CHECK(completion_rate(688, 697) == "98.71%");
    CHECK(completion_rate(1, 8) == "12.5%");
    CHECK(completion_rate(2, 3) == "66.67%");
    CHECK(completion_rate(1, 3) == "33.33%");
    CHECK(completion_rate(11, 11) == "100%");
    CHECK(completion_rate(0, 7) == "0%");
    CHECK(completion_rate(1, 20000) == "0.01%"); // 0.005% rounds half up
    CHECK(completion_rate(1, 20001) == "0%");
    CHECK(completion_rate(3, 7) == "42.86%");
    CHECK(completion_rate(5, 7) == "71.43%");
    CHECK_FALSE(completion_rate(0, 0));
    CHECK(completion_basis_points(688, 697) == 9871);
    const auto big = std::numeric_limits<std::int64_t>::max();
    CHECK(completion_rate(big - 1, big) == "100%"); // no overflow on the way
    CHECK_THROWS_AS(completion_rate(5, 4), Error);
    CHECK_THROWS_AS(completion_rate(-1, 4), Error);
}

TEST_CASE("money prints in 元 or 万元 with exact digits") {
    CHECK(format_yuan(1155000) == "11550元");
    CHECK(format_yuan(1155050) == "11550.5元");
    CHECK(format_yuan(5) == "0.05元");
    CHECK(format_yuan(0) == "0元");
    CHECK(format_wan_yuan(7132000) == "7.132万元");
    CHECK(format_wan_yuan(1155000) == "1.155万元");
    CHECK(format_wan_yuan(100000000) == "100万元");
    CHECK(format_wan_yuan(1) == "0.000001万元");
    CHECK(format_yuan(-250) == "-2.5元");
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
