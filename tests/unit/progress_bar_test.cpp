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

TEST_CASE("progress bar: a long path is shortened in the middle and the bar always shows") {
    const std::string path = "/srv/oa/" + std::string(200, 'd') + "/province-2026.jsonl";
    for (int width : {40, 60, 80, 120, 200}) {
        const std::string line = progress_bar::render("importing " + path, "bytes", 500, 1000, seconds(3), width);
        CAPTURE(width);
        CAPTURE(line);
        CHECK(progress_bar::columns(line) <= width - 1);
        CHECK(line.find("] 50%") == std::string::npos);
        CHECK(line.find("]  50%") != std::string::npos);
        CHECK(line.find("\u2026") != std::string::npos);
        CHECK(line.rfind("imp", 0) == 0);
        if (width >= 80) {
            CHECK(line.rfind("importing /sr", 0) == 0);
            CHECK(line.find("province-2026.jsonl  [") != std::string::npos);
            CHECK(line.find("500/1,000 bytes  0:03") != std::string::npos);
        }
    }
}

TEST_CASE("progress bar: a label that fits is left whole") {
    const std::string line = progress_bar::render("importing a.jsonl", "bytes", 1, 2, seconds(0), 80);
    CHECK(line.rfind("importing a.jsonl  [", 0) == 0);
    CHECK(line.find("\u2026") == std::string::npos);
}

TEST_CASE("progress bar: Chinese file names are measured in columns, never cut inside a character") {
    const std::string label = "importing /data/" + std::string() + "婺城区文旅体局党组关于巡察整改进展情况的通报第二批次附件材料汇总.jsonl";
    const std::string line = progress_bar::render(label, "bytes", 1, 4, seconds(0), 60);
    CAPTURE(line);
    CHECK(progress_bar::columns(line) <= 59);
    CHECK(line.find("]  25%") != std::string::npos);
    CHECK(progress_bar::columns("婺城") == 4);
    // Still valid UTF-8: every shortened label decodes to whole characters.
    for (int cols = 1; cols < 40; ++cols) {
        const std::string s = progress_bar::shorten_middle("整改" + std::string("台账") + "通报abc文件.json", cols);
        CAPTURE(cols);
        CHECK(progress_bar::columns(s) <= cols);
        for (std::size_t i = 0; i < s.size();) {
            const auto b = static_cast<unsigned char>(s[i]);
            const std::size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            REQUIRE(i + len <= s.size());
            for (std::size_t k = 1; k < len; ++k) CHECK((static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80);
            i += len;
        }
    }
}

TEST_CASE("progress bar: an unknown total on a narrow terminal fits the line too") {
    const std::string line = progress_bar::render("exporting " + std::string(100, 'x'), "records", 5, 0, seconds(1), 40);
    CHECK(progress_bar::columns(line) <= 39);
    CHECK(line.find("5 records") != std::string::npos);
}
