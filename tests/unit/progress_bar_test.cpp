// The command line's progress bar as drawn: progress_bar::render is pure, so the line is checked
// here without a terminal.
#include "progress_bar.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using rectify_cli::progress_bar;
using std::chrono::seconds;

TEST_CASE("progress bar: label, bar, percentage, grouped counts and the elapsed clock") {
    const std::string line = progress_bar::render("importing a.jsonl", "bytes", 1234567, 2469134, seconds(75), 100);
    CHECK(line.rfind("importing a.jsonl  [", 0) == 0);
    CHECK(line.find("]  50%  1,234,567/2,469,134 bytes  1:15") != std::string::npos);
    // Half the cells filled.
    const auto open = line.find('['), close = line.find(']');
    const std::string cells = line.substr(open + 1, close - open - 1);
    CHECK(cells.size() >= 10);
    CHECK(std::count(cells.begin(), cells.end(), '#') == static_cast<long>(cells.size() / 2));
    CHECK(static_cast<int>(line.size()) <= 100);
}

TEST_CASE("progress bar: done clamped to 0..total, 100% at the end, hours on the clock") {
    CHECK(progress_bar::render("x", "records", 150, 100, seconds(3661), 80).find("100%  150/100 records  1:01:01") !=
          std::string::npos);
    CHECK(progress_bar::render("x", "records", -5, 100, seconds(0), 80).find("[----------") != std::string::npos);
    CHECK(progress_bar::render("x", "records", 0, 100, seconds(0), 80).find(" 0%") != std::string::npos);
}

TEST_CASE("progress bar: an unknown total draws counts without a bar") {
    const std::string line = progress_bar::render("exporting", "records", 1000, 0, seconds(5), 80);
    CHECK(line == "exporting  1,000 records  0:05");
}

TEST_CASE("progress bar: a narrow terminal still gets ten cells") {
    const std::string line = progress_bar::render("importing a very long file name.jsonl", "bytes", 1, 2, seconds(1), 20);
    const auto open = line.find('['), close = line.find(']');
    CHECK(close - open - 1 == 10);
}
