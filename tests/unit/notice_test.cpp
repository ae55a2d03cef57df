#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <sstream>
#include <vector>

using namespace rectify;
using rectify::test::TempDir;

namespace {

// The seed report's aspect headings and, per issue, its title and narrative, read from the
// original text so that the notice is checked against the real document.
struct SeedReport {
    std::vector<std::string> aspects;
    std::vector<std::pair<std::string, std::string>> issues;
};

std::string after(const std::string &line, const std::string &marker) {
    auto at = line.find(marker);
    return at == std::string::npos ? std::string() : line.substr(at + marker.size());
}

SeedReport read_seed_report() {
    std::istringstream in(test::read_file(RECTIFY_SEED_REPORT));
    SeedReport r;
    std::string line, title;
    while (std::getline(in, line)) {
        if (line.rfind("(", 0) == 0 && r.aspects.size() < 6) r.aspects.push_back(after(line, ")"));
        else if (!line.empty() && line[0] >= '1' && line[0] <= '9' && line.find("、") != std::string::npos) {
            title = after(line, "、");
            title.erase(0, title.find_first_not_of(' '));
        } else if (line.rfind("整改情况:", 0) == 0) {
            r.issues.emplace_back(title, after(line, "整改情况:"));
        }
    }
    return r;
}

} // namespace

TEST_CASE("the seed case renders as the seed notice: headings, issues and narratives in order") {
    const SeedReport seed = read_seed_report();
    REQUIRE(seed.aspects.size() == 6);
    REQUIRE(seed.issues.size() == 11);

    TempDir dir;
    service::Service svc(dir.file("n.db"), {}, std::string("tester"));
    svc.import_json(test::seed_json());
    const auto notice = svc.render_notice(1, io::Audience::internal);

    CHECK(notice.rfind("市妇联党组关于巡察整改情况的通报\n", 0) == 0);
    CHECK(notice.find("根据市委统一部署，2018年9月19日至10月25日，市委第一巡察组对市妇联党组开展了政治巡察。") != std::string::npos);
    CHECK(notice.find("6个方面11项整改任务") != std::string::npos);

    const char *numerals[] = {"一", "二", "三", "四", "五", "六", "七"};
    std::size_t pos = 0;
    int n = 0;
    for (std::size_t a = 0; a < seed.aspects.size(); ++a) {
        auto heading = std::string("（") + numerals[a] + "）" + seed.aspects[a] + "\n";
        auto at = notice.find(heading, pos);
        CHECK_MESSAGE(at != std::string::npos, heading);
        if (at == std::string::npos) continue;
        pos = at;
    }
    pos = 0;
    for (const auto &[title, narrative] : seed.issues) {
        auto block = std::to_string(++n) + "." + title + "\n整改情况：" + narrative + "\n";
        auto at = notice.find(block, pos);
        CHECK_MESSAGE(at != std::string::npos, block);
        if (at != std::string::npos) pos = at;
    }
    CHECK(notice.find("（七）巩固整改成果,推进全面从严治党\n") != std::string::npos);
    CHECK(notice.find("一是毫不松懈抓好后续整改。") != std::string::npos);
}

TEST_CASE("a public notice leaves out non-public issues but still counts them") {
    auto v = boost::json::parse(test::seed_json());
    auto &issue = v.as_object()["aspects"].as_array()[5].as_object()["issues"].as_array()[0].as_object();
    issue["public"] = false;
    issue["non_public_reason"] = "涉及个人信息";

    TempDir dir;
    service::Service svc(dir.file("p.db"), {}, std::string("tester"));
    svc.import_json(boost::json::serialize(v));
    const auto internal = svc.render_notice(1, io::Audience::internal);
    const auto pub = svc.render_notice(1, io::Audience::public_);
    CHECK(internal.find("超范围发放公务交通补贴") != std::string::npos);
    CHECK(pub.find("超范围发放公务交通补贴") == std::string::npos);
    CHECK(pub.find("追缴超范围发放的公务交通补贴") == std::string::npos);
    // The outcome totals still count the hidden issue's money, as the preamble counts the issue.
    CHECK(pub.find("追缴资金11550.00元") != std::string::npos);
    CHECK(pub.find("6个方面11项整改任务") != std::string::npos);
    // The following issues are renumbered so that no gap hints at the hidden one.
    CHECK(pub.find("8.公务用车管理制度执行不严") != std::string::npos);
}
