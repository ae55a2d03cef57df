// The data set of generator.hpp. Public API only: nothing here knows the library's internals;
// the documents are plain rectify-inspection JSON.
#include "generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <random>
#include <stdexcept>

namespace rectify_gen {

Counts &Counts::operator+=(const Counts &o) {
    inspections += o.inspections;
    aspects += o.aspects;
    issues += o.issues;
    measures += o.measures;
    progress += o.progress;
    outcomes += o.outcomes;
    overdue += o.overdue;
    extensions += o.extensions;
    return *this;
}

// ---- Dates: days since 1970-01-01, after Howard Hinnant's civil-date algorithms ----------------

namespace {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int &y, unsigned &m, unsigned &d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

} // namespace

std::int64_t parse_date(const std::string &t) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (t.size() != 10 || std::sscanf(t.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 || t[4] != '-' || t[7] != '-')
        throw std::invalid_argument("'" + t + "' is not a YYYY-MM-DD date");
    const std::int64_t days = days_from_civil(y, m, d);
    if (m < 1 || m > 12 || d < 1 || format_date(days) != t)
        throw std::invalid_argument("'" + t + "' is not a calendar date");
    return days;
}

std::string format_date(std::int64_t days) {
    int y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

namespace {

__extension__ typedef unsigned __int128 u128; // GCC and Clang; -Wpedantic knows it is an extension
__extension__ typedef __int128 i128;

// ---- Randomness ---------------------------------------------------------------------------------

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// std::mt19937_64's sequence is fixed by the standard; the mappings below are ours.
class Rng {
public:
    Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
        : mt_(splitmix64(splitmix64(seed) ^ splitmix64(stream * 0x100000001b3ULL + index))) {}

    // Uniform in [0, n), n > 0: Lemire's multiply-shift with rejection, no modulo bias.
    std::uint64_t below(std::uint64_t n) {
        u128 m = static_cast<u128>(mt_()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<u128>(mt_()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }
    // Uniform in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    bool percent(unsigned p) { return below(100) < p; }
    bool permille(unsigned p) { return below(1000) < p; }
    template <class T, std::size_t N> const T &pick(const std::array<T, N> &a) { return a[below(N)]; }

private:
    std::mt19937_64 mt_;
};

enum Stream : std::uint64_t { kWeights = 1, kUnit = 2, kInspection = 3, kExtension = 4 };

// ---- Names and texts ----------------------------------------------------------------------------

const std::array<const char *, 20> kCities = {"东湖", "西岭", "南川", "北塘", "青山", "白水", "金河", "玉泉", "云台", "碧江",
                                              "紫阳", "丹霞", "翠屏", "松涛", "柳溪", "梅岭", "竹林", "桂湖", "兰亭", "荷塘"};

const std::array<const char *, 48> kCounties = {
    "长宁", "安平", "永丰", "兴和", "清源", "丰泽", "明阳", "华容", "新城", "石门", "龙溪", "凤台",
    "太和", "宁远", "广德", "平江", "临泉", "宜丰", "桃源", "双峰", "乐平", "怀宁", "会同", "定远",
    "泰顺", "修水", "寿宁", "通江", "武宁", "石台", "祁门", "黎川", "崇仁", "安远", "岳西", "南丰",
    "宁都", "永新", "泾川", "宁陕", "柘城", "沅陵", "江华", "蓝山", "新田", "嘉禾", "桂东", "汝城"};

struct Dept {
    const char *name;
    const char *org; // 党组 or 党委
};

const std::array<Dept, 50> kDepts = {{
    {"财政局", "党组"}, {"教育局", "党组"}, {"公安局", "党委"}, {"民政局", "党组"}, {"司法局", "党组"},
    {"人力资源和社会保障局", "党组"}, {"自然资源和规划局", "党组"}, {"生态环境局", "党组"}, {"住房和城乡建设局", "党组"},
    {"交通运输局", "党组"}, {"水利局", "党组"}, {"农业农村局", "党组"}, {"商务局", "党组"}, {"文化和旅游局", "党组"},
    {"卫生健康委员会", "党组"}, {"退役军人事务局", "党组"}, {"应急管理局", "党委"}, {"审计局", "党组"},
    {"市场监督管理局", "党组"}, {"统计局", "党组"}, {"医疗保障局", "党组"}, {"林业局", "党组"}, {"体育局", "党组"},
    {"信访局", "党组"}, {"数据资源管理局", "党组"}, {"城市管理局", "党组"}, {"机关事务管理局", "党组"},
    {"发展和改革委员会", "党组"}, {"经济和信息化局", "党组"}, {"科学技术局", "党组"}, {"民族宗教事务局", "党组"},
    {"档案馆", "党组"}, {"地方志办公室", "党组"}, {"妇联", "党组"}, {"总工会", "党组"}, {"团委", "党组"},
    {"科协", "党组"}, {"残联", "党组"}, {"文联", "党组"}, {"红十字会", "党组"}, {"工商联", "党组"},
    {"供销合作社", "党组"}, {"住房公积金管理中心", "党组"}, {"公共资源交易中心", "党组"}, {"人民医院", "党委"},
    {"中医院", "党委"}, {"第一中学", "党委"}, {"职业技术学院", "党委"}, {"广播电视台", "党委"}, {"城市投资集团", "党委"},
}};

const std::array<const char *, 40> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                                "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
                                                "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
                                                "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡"};
const std::array<const char *, 40> kGiven = {"建", "国", "华", "明", "伟", "芳", "军", "平", "红", "丽",
                                             "强", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "斌", "超",
                                             "霞", "敏", "燕", "刚", "飞", "鹏", "静", "辉", "玲", "峰",
                                             "宁", "波", "文", "婷", "云", "晨", "雪", "海", "林", "志"};

const std::array<const char *, 12> kOffices = {"办公室", "组织人事科", "财务审计科", "机关党委", "政策法规科", "综合业务科",
                                               "规划发展科", "监督检查科", "宣传教育科", "信息中心", "后勤服务中心", "纪检组"};

struct Aspect {
    const char *title;
    std::array<const char *, 4> issues;
};

const std::array<Aspect, 10> kAspects = {{
    {"党的政治建设方面", {"学习贯彻习近平新时代中国特色社会主义思想不深入", "贯彻落实上级重大决策部署打折扣",
                         "“第一议题”制度落实不到位", "党组议事规则执行不严格"}},
    {"党的思想建设方面", {"理论学习中心组学习流于形式", "党员干部政治理论学习不系统", "思想政治工作针对性不强",
                         "学习教育与业务工作结合不紧"}},
    {"党的组织建设方面", {"“三会一课”制度落实不到位", "基层党组织换届不及时", "党费收缴管理不规范", "发展党员程序不规范"}},
    {"党的作风建设方面", {"形式主义、官僚主义问题仍然存在", "服务群众意识不强、办事效率不高", "调查研究不深入不扎实",
                         "文山会海问题反弹"}},
    {"党的纪律建设方面", {"廉政风险防控机制不健全", "违规发放津补贴", "政府采购程序不规范", "财务报销审核把关不严"}},
    {"落实全面从严治党主体责任方面", {"全面从严治党主体责任压得不实", "“一岗双责”落实不到位", "对下属单位监督管理缺位",
                                     "纪检组织监督作用发挥不充分"}},
    {"落实中央八项规定精神方面", {"公务用车管理不规范", "公务接待超标准", "会议费、培训费管理不严", "违规使用公务卡"}},
    {"选人用人和干部队伍建设方面", {"干部选拔任用程序不规范", "干部档案管理不规范", "领导干部个人有关事项报告不实",
                                   "年轻干部培养储备不足"}},
    {"意识形态工作方面", {"意识形态工作责任制落实不到位", "网络意识形态阵地管理不严", "意识形态领域风险研判不及时",
                         "宣传阵地管理存在薄弱环节"}},
    {"落实以往巡视巡察整改方面", {"上轮巡察反馈问题整改不彻底", "整改长效机制建设不健全", "整改台账管理不规范",
                                 "审计发现问题整改不到位"}},
}};

const std::array<const char *, 24> kMeasures = {
    "召开专题会议研究部署整改工作", "制定整改方案，明确责任分工和完成时限", "修订完善相关管理制度", "开展专项检查，全面排查问题",
    "组织专题学习培训", "建立工作台账，实行销号管理", "对相关责任人进行提醒谈话", "清退违规发放款项",
    "规范审批流程，严格程序把关", "加强日常监督检查", "开展警示教育", "建立定期报告制度",
    "完善内部控制机制", "对下属单位开展督导检查", "开展“回头看”，巩固整改成果", "建立健全长效机制",
    "补齐档案资料，规范归档管理", "严格执行财务报销制度", "规范公务用车使用登记", "落实“第一议题”学习制度",
    "按期完成支部换届", "规范党费收缴和使用管理", "开展谈心谈话", "强化问责追责"};

const std::array<const char *, 12> kProgress = {
    "已召开专题会议，研究制定整改措施。", "已完成问题排查，建立整改台账。", "已修订完善相关制度，印发执行。",
    "已组织开展专题培训，覆盖全体干部职工。", "已对相关责任人进行提醒谈话。", "已开展专项检查，发现问题已督促整改。",
    "已完成整改，相关材料已归档。", "正在推进整改，已完成阶段性任务。", "已建立长效机制，定期开展监督检查。",
    "已召开专题民主生活会，深入剖析问题根源。", "已向上级报告整改进展情况。", "已按要求完成资金清退。"};

const std::array<const char *, 10> kRules = {"公务用车管理制度", "财务报销管理办法", "公务接待管理办法", "“三会一课”制度",
                                             "干部选拔任用工作规程", "意识形态工作责任制实施细则", "政府采购内部控制制度",
                                             "会议费管理办法", "党费收缴使用管理办法", "廉政风险防控办法"};

const std::array<const char *, 6> kForms = {"reminder_talk", "criticism", "admonishment", "organisational", "discipline",
                                            "referral"};
const std::array<const char *, 4> kMoney = {"returned", "recovered", "retrieved", "other"};

const std::array<const char *, 6> kExtensionReasons = {
    "涉及制度修订，需履行集体决策程序", "需上级主管部门审批", "涉及资金清退，当事人分期退还",
    "需与相关单位协调推进", "整改涉及历史遗留问题，需进一步调查核实", "受项目建设周期影响"};

const char *const kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// 1 .. 99 as Chinese numerals (第十四巡察组); larger numbers in Arabic digits.
std::string cn_number(int n) {
    if (n < 1 || n > 99) return std::to_string(n);
    if (n < 10) return kDigits[n];
    std::string s = n >= 20 ? std::string(kDigits[n / 10]) + "十" : std::string("十");
    return s + kDigits[n % 10];
}

// City c's name: one of twenty, numbered when there are more cities than names.
std::string city_name(int c) {
    std::string s = kCities[c % kCities.size()];
    if (c >= static_cast<int>(kCities.size())) s += cn_number(c / static_cast<int>(kCities.size()) + 1);
    return s;
}

std::string person_name(Rng &r) {
    std::string s = r.pick(kSurnames);
    s += r.pick(kGiven);
    if (r.percent(70)) s += r.pick(kGiven);
    return s;
}

// ---- JSON ---------------------------------------------------------------------------------------

class Json {
public:
    explicit Json(std::string &out) : o_(out) {}
    Json &raw(const char *s) {
        o_ += s;
        return *this;
    }
    Json &key(const char *k) {
        comma();
        o_ += '"';
        o_ += k;
        o_ += "\":";
        first_ = true; // the value follows without a comma
        return *this;
    }
    Json &str(const std::string &s) {
        comma();
        o_ += '"';
        for (unsigned char c : s) {
            if (c == '"' || c == '\\') {
                o_ += '\\';
                o_ += static_cast<char>(c);
            } else if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                o_ += buf;
            } else {
                o_ += static_cast<char>(c);
            }
        }
        o_ += '"';
        first_ = false;
        return *this;
    }
    Json &num(std::int64_t n) {
        comma();
        o_ += std::to_string(n);
        first_ = false;
        return *this;
    }
    Json &boolean(bool b) {
        comma();
        o_ += b ? "true" : "false";
        first_ = false;
        return *this;
    }
    Json &null() {
        comma();
        o_ += "null";
        first_ = false;
        return *this;
    }
    Json &date(std::int64_t d) { return str(format_date(d)); }
    Json &open(char c) {
        comma();
        o_ += c;
        first_ = true;
        return *this;
    }
    Json &close(char c) {
        o_ += c;
        first_ = false;
        return *this;
    }
    Json &kv(const char *k, const std::string &v) { return key(k).str(v); }
    Json &kv(const char *k, std::int64_t v) { return key(k).num(v); }

private:
    void comma() {
        if (!first_) o_ += ',';
        first_ = false;
    }
    std::string &o_;
    bool first_ = true;
};

// ---- The model of one inspection ----------------------------------------------------------------

enum class St { not_started, in_progress, substantially_done, done, closed, reopened };
const char *status_name(St s) {
    switch (s) {
    case St::not_started: return "not_started";
    case St::in_progress: return "in_progress";
    case St::substantially_done: return "substantially_done";
    case St::done: return "done";
    case St::closed: return "closed";
    case St::reopened: return "reopened";
    }
    return "not_started";
}
bool is_open(St s) { return s != St::done && s != St::closed; }

struct Measure {
    int title = 0;
    const char *category = "deadline";
    std::int64_t deadline = -1; // -1: none
    std::int64_t completed = -1;
    St status = St::not_started;
    int leader = 0, office = 0, person = 0;
    bool is_public = true;
    std::int64_t progress = 0;
};

struct Issue {
    int aspect = 0, title = 0;
    std::vector<Measure> measures;
    std::vector<Issue> subs;
    bool is_public = true;
};

// Per-unit people: its leaders (责任领导), responsible offices and persons, fixed for all years.
struct UnitPeople {
    std::vector<std::string> leaders, persons;
    std::vector<int> offices;
};

UnitPeople unit_people(std::uint64_t seed, int u) {
    Rng r(seed, kUnit, static_cast<std::uint64_t>(u));
    UnitPeople p;
    for (int i = 0, n = static_cast<int>(r.between(4, 6)); i < n; ++i) p.leaders.push_back(person_name(r));
    for (int i = 0, n = static_cast<int>(r.between(8, 12)); i < n; ++i) p.persons.push_back(person_name(r));
    std::array<int, kOffices.size()> all{};
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    for (std::size_t i = all.size() - 1; i > 0; --i) std::swap(all[i], all[r.below(i + 1)]);
    p.offices.assign(all.begin(), all.begin() + r.between(6, 10));
    return p;
}

// Splits total into n parts by integer weights, exactly: part i is
// floor(total * W_i / W) - floor(total * W_{i-1} / W) over the prefix sums W_i.
std::vector<std::int64_t> split(std::int64_t total, const std::vector<std::int64_t> &weights) {
    std::vector<std::int64_t> out(weights.size(), 0);
    std::int64_t sum = 0;
    for (auto w : weights) sum += w;
    if (sum == 0) return out;
    std::int64_t acc = 0, prev = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        acc += weights[i];
        const auto cur = static_cast<std::int64_t>(static_cast<i128>(total) * acc / sum);
        out[i] = cur - prev;
        prev = cur;
    }
    return out;
}

// Of the measures whose deadline has passed, how many in a thousand are still open, by how long
// ago the deadline was: recent ones often, old ones seldom.
unsigned open_permille(std::int64_t days_overdue) {
    if (days_overdue < 30) return 340;
    if (days_overdue < 90) return 300;
    if (days_overdue < 180) return 240;
    if (days_overdue < 365) return 160;
    if (days_overdue < 730) return 90;
    return 50;
}

St open_status(Rng &r) {
    const auto x = r.below(100);
    if (x < 10) return St::not_started;
    if (x < 80) return St::in_progress;
    if (x < 95) return St::substantially_done;
    return St::reopened;
}

// Status and completion of one measure as of a date, from its deadline and the feedback date.
void settle(Measure &m, Rng &r, std::int64_t feedback, std::int64_t as_of) {
    if (feedback > as_of) {
        m.status = St::not_started;
        return;
    }
    auto complete_between = [&](std::int64_t lo, std::int64_t hi) {
        lo = std::max(lo, feedback);
        hi = std::min(hi, as_of);
        m.completed = hi <= lo ? std::min(lo, as_of) : r.between(lo, hi);
    };
    if (m.deadline < 0) { // ongoing: blue while it goes on
        const bool old = as_of - feedback > 730;
        const auto x = r.below(100);
        if (x < (old ? 40u : 15u)) m.status = St::done;
        else if (x < (old ? 60u : 20u)) m.status = St::closed;
        else if (x < (old ? 85u : 75u)) m.status = St::in_progress;
        else m.status = St::substantially_done;
        if (!is_open(m.status)) complete_between(feedback + 30, as_of);
        return;
    }
    if (m.deadline < as_of) {
        if (r.permille(open_permille(as_of - m.deadline))) {
            m.status = open_status(r);
            return;
        }
        m.status = r.percent(60) ? St::closed : St::done;
        if (r.percent(85)) complete_between(m.deadline - 20, m.deadline);
        else complete_between(m.deadline + 1, m.deadline + 40);
        return;
    }
    const auto x = r.below(100);
    if (x < 20) {
        m.status = St::done;
        complete_between(feedback + 1, as_of);
    } else if (x < 40) {
        m.status = St::not_started;
    } else if (x < 90) {
        m.status = St::in_progress;
    } else {
        m.status = St::substantially_done;
    }
}

// An issue's status from its measures' (and sub-issues'): closed or done when they all are, in
// progress when any has started.
St roll_up(const Issue &i) {
    bool all_closed = true, all_finished = true, any_started = false, any = false;
    auto see = [&](St s) {
        any = true;
        all_closed = all_closed && s == St::closed;
        all_finished = all_finished && !is_open(s);
        any_started = any_started || s != St::not_started;
    };
    for (const auto &m : i.measures) see(m.status);
    for (const auto &s : i.subs) see(roll_up(s));
    if (!any) return St::not_started;
    if (all_closed) return St::closed;
    if (all_finished) return St::done;
    return any_started ? St::in_progress : St::not_started;
}

std::int64_t latest_completion(const Issue &i) {
    std::int64_t c = -1;
    for (const auto &m : i.measures) c = std::max(c, m.completed);
    for (const auto &s : i.subs) c = std::max(c, latest_completion(s));
    return c;
}

} // namespace

// ---- Generator ----------------------------------------------------------------------------------

Generator::Generator(const Options &o) : opt_(o) {
    if (o.units < 1) throw std::invalid_argument("--units must be at least 1");
    if (o.years < 1 || o.years > 50) throw std::invalid_argument("--rounds (years) must be between 1 and 50");
    as_of_ = parse_date(o.as_of);
    int y;
    unsigned mo, d;
    civil_from_days(as_of_, y, mo, d);
    first_year_ = y - o.years;
    cities_ = (o.units + 199) / 200;
    prefix_ = "gen" + std::to_string(o.seed);

    const std::int64_t n = static_cast<std::int64_t>(o.units) * o.years;
    if (o.measures < n)
        throw std::invalid_argument("--measures must be at least units × years (" + std::to_string(n) +
                                    "): every inspection has one measure or more");
    if (o.progress < 0) throw std::invalid_argument("--progress must not be negative");
    // Inspections differ in size: weights 1..3 (in thirds), the same for the same seed.
    Rng r(o.seed, kWeights, 0);
    std::vector<std::int64_t> w(static_cast<std::size_t>(n));
    for (auto &x : w) x = r.between(50, 150);
    const auto extra = split(o.measures - n, w);
    measure_start_.assign(static_cast<std::size_t>(n) + 1, 0);
    progress_start_.assign(static_cast<std::size_t>(n) + 1, 0);
    for (std::int64_t k = 0; k < n; ++k) measure_start_[k + 1] = measure_start_[k] + 1 + extra[k];
    // Progress in proportion to measures, exactly o.progress in all.
    for (std::int64_t k = 0; k <= n; ++k)
        progress_start_[k] = static_cast<std::int64_t>(static_cast<i128>(o.progress) * measure_start_[k] / o.measures);
}

std::string Generator::unit_ref(int u) const { return prefix_ + "/u" + std::to_string(u); }

std::string Generator::inspection_ref(std::int64_t k) const {
    const int u = static_cast<int>(k % opt_.units);
    const int year = first_year_ + static_cast<int>(k / opt_.units);
    return prefix_ + "/y" + std::to_string(year) + "/u" + std::to_string(u);
}

std::string Generator::unit_name(int u) const {
    const int c = u % cities_, j = u / cities_;
    const std::string city = city_name(c);
    const int nd = static_cast<int>(kDepts.size());
    if (j < nd) return city + "市" + kDepts[j].name;
    const int t = (j - nd) / nd, d = (j - nd) % nd;
    std::string county = kCounties[(c * 3 + t) % kCounties.size()];
    if (t >= static_cast<int>(kCounties.size())) county += cn_number(t / static_cast<int>(kCounties.size()) + 1);
    return city + "市" + county + "县" + kDepts[d].name;
}

Counts Generator::document(std::int64_t k, std::string &out, std::vector<ExtensionPlan> *ext) const {
    out.clear();
    if (ext) ext->clear();
    // Extension requests draw from their own stream, so that they never change the documents.
    Rng xr(opt_.seed, kExtension, static_cast<std::uint64_t>(k));
    Counts n;
    n.inspections = 1;
    const int u = static_cast<int>(k % opt_.units);
    const int yi = static_cast<int>(k / opt_.units);
    const int year = first_year_ + yi;
    const int c = u % cities_, j = u / cities_;
    // Units of this city: u = c, c + cities, c + 2 cities …
    const int city_units = (opt_.units - c + cities_ - 1) / cities_;
    const int rounds = std::max(1, (city_units + 39) / 40); // ~40 units a round
    const int round = (j + yi) % rounds;                     // peers change from year to year
    const int position = j / rounds;                         // the unit's place in its round
    const std::string authority = city_name(c) + "市委";

    Rng r(opt_.seed, kInspection, static_cast<std::uint64_t>(k));
    const UnitPeople people = unit_people(opt_.seed, u);

    // The calendar of the inspection: rounds spread over March to November.
    const std::int64_t jan1 = days_from_civil(year, 1, 1);
    const std::int64_t onsite_start = jan1 + 45 + round * (280 / rounds) + r.between(0, 10);
    const std::int64_t onsite_end = onsite_start + r.between(25, 45);
    const std::int64_t feedback = onsite_end + r.between(15, 45);

    static const std::array<std::pair<const char *, unsigned>, 7> kinds = {{{"routine", 60}, {"special", 15},
                                                                            {"lookback", 10}, {"mobile", 5},
                                                                            {"elevated", 5}, {"cross", 3},
                                                                            {"linked", 2}}};
    const char *kind = "routine";
    const auto kind_x = r.below(100);
    std::uint64_t acc = 0;
    for (const auto &kd : kinds) {
        acc += kd.second;
        if (kind_x < acc) {
            kind = kd.first;
            break;
        }
    }
    const std::string kind_s = kind;
    const char *label = kind_s == "routine" ? "政治巡察" : kind_s == "special" ? "专项巡察" : kind_s == "lookback" ? "巡察整改“回头看”"
                        : kind_s == "mobile" ? "机动巡察" : kind_s == "elevated" ? "提级巡察" : kind_s == "cross" ? "交叉巡察"
                                                                                                   : "上下联动巡察";

    // Measures, issues, aspects.
    const std::int64_t m_total = measure_start_[k + 1] - measure_start_[k];
    std::vector<std::int64_t> issue_sizes;
    for (std::int64_t left = m_total; left > 0;) {
        const std::int64_t s = std::min<std::int64_t>(left, r.between(1, 5));
        issue_sizes.push_back(s);
        left -= s;
    }
    // The aspects: 3..6 of the ten, in their canonical order, never more than there are issues.
    const int na = static_cast<int>(std::min<std::int64_t>(static_cast<std::int64_t>(issue_sizes.size()), r.between(3, 6)));
    std::vector<int> aspects;
    for (int a = 0, need = na; a < static_cast<int>(kAspects.size()) && need > 0; ++a)
        if (r.below(kAspects.size() - a) < static_cast<std::uint64_t>(need)) { // selection sampling
            aspects.push_back(a);
            --need;
        }
    std::vector<int> per_aspect(aspects.size(), 1);
    for (std::size_t i = aspects.size(); i < issue_sizes.size(); ++i) ++per_aspect[r.below(aspects.size())];

    auto make_measure = [&](Measure &m) {
        m.title = static_cast<int>(r.below(kMeasures.size()));
        const auto x = r.below(100);
        if (x < 25) {
            m.category = "immediate";
            m.deadline = feedback + r.between(7, 30);
        } else if (x < 85) {
            m.category = "deadline";
            m.deadline = feedback + r.between(30, 300);
        } else {
            m.category = "ongoing";
        }
        m.leader = static_cast<int>(r.below(people.leaders.size()));
        m.office = people.offices[r.below(people.offices.size())];
        m.person = static_cast<int>(r.below(people.persons.size()));
        m.is_public = !r.percent(3);
        settle(m, r, feedback, as_of_);
    };

    std::vector<std::vector<Issue>> tree(aspects.size());
    for (std::size_t a = 0, next = 0; a < aspects.size(); ++a) {
        for (int q = 0; q < per_aspect[a]; ++q, ++next) {
            Issue is;
            is.aspect = aspects[a];
            is.title = static_cast<int>(r.below(4));
            is.is_public = !r.percent(2);
            const std::int64_t size = issue_sizes[next];
            if (size >= 2 && r.percent(10)) { // (1) and (2) under one heading
                const std::int64_t first = r.between(1, size - 1);
                for (std::int64_t part : {first, size - first}) {
                    Issue sub;
                    sub.aspect = is.aspect;
                    sub.title = static_cast<int>(r.below(4));
                    sub.measures.resize(static_cast<std::size_t>(part));
                    for (auto &m : sub.measures) make_measure(m);
                    is.subs.push_back(std::move(sub));
                }
            } else {
                is.measures.resize(static_cast<std::size_t>(size));
                for (auto &m : is.measures) make_measure(m);
            }
            tree[a].push_back(std::move(is));
        }
    }

    // Progress: this inspection's share, over its started measures (all of them if none started).
    std::vector<Measure *> all, started;
    std::function<void(Issue &)> collect = [&](Issue &is) {
        for (auto &m : is.measures) {
            all.push_back(&m);
            if (m.status != St::not_started) started.push_back(&m);
        }
        for (auto &s : is.subs) collect(s);
    };
    for (auto &a : tree)
        for (auto &is : a) collect(is);
    auto &targets = started.empty() ? all : started;
    std::vector<std::int64_t> pw(targets.size());
    for (auto &w : pw) w = r.between(1, 4);
    const auto pcount = split(progress_start_[k + 1] - progress_start_[k], pw);
    for (std::size_t i = 0; i < targets.size(); ++i) targets[i]->progress = pcount[i];

    // The document.
    Json j_(out);
    Json &w = j_;
    w.open('{');
    w.kv("format", "rectify-inspection").kv("format_version", 1);
    w.key("round").open('{');
    w.kv("ref", prefix_ + "/c" + std::to_string(c) + "/y" + std::to_string(year) + "/r" + std::to_string(round + 1));
    w.kv("name", authority + std::to_string(year) + "年第" + cn_number(round + 1) + "轮巡察");
    w.kv("year", year);
    w.close('}');
    const std::string uname = unit_name(u);
    w.key("unit").open('{');
    w.kv("ref", unit_ref(u)).kv("name", uname).kv("party_org", uname + kDepts[j % kDepts.size()].org);
    w.close('}');
    w.key("inspection").open('{');
    w.kv("ref", inspection_ref(k)).kv("kind", kind_s).kv("label", label).kv("authority", authority);
    w.kv("group", authority + "第" + cn_number(1 + position / 3) + "巡察组");
    w.key("onsite_start").date(onsite_start).key("onsite_end").date(onsite_end).key("feedback_date").date(feedback);
    w.kv("title", uname + "关于巡察整改情况的通报");
    w.close('}');

    auto write_outcome = [&](std::int64_t date) {
        w.open('{');
        const auto x = r.below(100);
        auto date_or_null = [&] { date >= 0 ? w.key("date").date(date) : w.key("date").null(); };
        if (x < 45) {
            w.kv("type", "rule").kv("name", std::string("《") + uname + r.pick(kRules) + "》");
            w.kv("action", r.percent(40) ? "made" : "revised");
        } else if (x < 65) {
            w.kv("type", "money").kv("category", r.pick(kMoney)).kv("amount_fen", r.between(1000, 5000000));
        } else if (x < 95) {
            w.kv("type", "accountability").kv("form", r.pick(kForms)).kv("count", r.between(1, 6));
        } else {
            w.kv("type", "meeting").kv("name", "专题民主生活会").kv("count", 1);
        }
        date_or_null();
        w.close('}');
        ++n.outcomes;
    };

    std::function<void(const Issue &, const std::string &)> write_issue = [&](const Issue &is, const std::string &ref) {
        ++n.issues;
        w.open('{');
        w.kv("title", kAspects[is.aspect].issues[is.title]);
        if (!is.is_public) w.key("public").boolean(false).kv("non_public_reason", "涉及问题线索，暂不公开");
        w.kv("status", status_name(roll_up(is)));
        if (!is.measures.empty()) {
            w.key("measures").open('[');
            for (std::size_t mi = 0; mi < is.measures.size(); ++mi) {
                const auto &m = is.measures[mi];
                ++n.measures;
                if (is_open(m.status) && m.deadline >= 0 && m.deadline < as_of_) ++n.overdue;
                if (is_open(m.status) && m.deadline >= as_of_ - 365 && feedback <= as_of_ &&
                    xr.permille(static_cast<unsigned>(opt_.extension_permille))) {
                    ++n.extensions;
                    ExtensionPlan plan{ref + "/m" + std::to_string(mi + 1), format_date(m.deadline + xr.between(30, 90)), "", false};
                    plan.reason = xr.pick(kExtensionReasons);
                    plan.refuse = xr.percent(40);
                    if (ext) ext->push_back(std::move(plan));
                }
                w.open('{');
                w.kv("title", kMeasures[m.title]).kv("category", m.category);
                w.kv("leader", people.leaders[m.leader]).kv("department", kOffices[m.office]);
                w.kv("person", people.persons[m.person]);
                if (m.deadline >= 0) w.key("deadline").date(m.deadline);
                if (m.completed >= 0) w.key("completed_date").date(m.completed);
                if (!m.is_public) w.key("public").boolean(false).kv("non_public_reason", "涉及干部个人信息");
                w.kv("status", status_name(m.status));
                if (m.progress > 0) {
                    w.key("progress").open('[');
                    // Dated from feedback to completion (or as_of, or the deadline), evenly.
                    const std::int64_t end = std::max(feedback, m.completed >= 0 ? m.completed : std::min(as_of_, m.deadline >= 0 ? m.deadline + 30 : as_of_));
                    for (std::int64_t p = 0; p < m.progress; ++p) {
                        ++n.progress;
                        w.open('{');
                        w.key("date").date(feedback + (end - feedback) * (p + 1) / (m.progress + 1));
                        w.kv("text", r.pick(kProgress)).kv("author", people.persons[m.person]);
                        w.close('}');
                    }
                    w.close(']');
                }
                w.close('}');
            }
            w.close(']');
        }
        if (!is.subs.empty()) {
            w.key("issues").open('[');
            for (std::size_t si = 0; si < is.subs.size(); ++si) write_issue(is.subs[si], ref + "." + std::to_string(si + 1));
            w.close(']');
        }
        const std::int64_t done = latest_completion(is);
        if (done >= 0 && r.percent(12)) {
            w.key("outcomes").open('[');
            write_outcome(done);
            w.close(']');
        }
        w.close('}');
    };

    w.key("aspects").open('[');
    for (std::size_t a = 0; a < tree.size(); ++a) {
        ++n.aspects;
        w.open('{').kv("title", kAspects[aspects[a]].title);
        w.key("issues").open('[');
        const std::string aspect_ref = inspection_ref(k) + "/a" + std::to_string(a + 1);
        for (std::size_t ii = 0; ii < tree[a].size(); ++ii) write_issue(tree[a][ii], aspect_ref + "/i" + std::to_string(ii + 1));
        w.close(']').close('}');
    }
    w.close(']');
    // The unit's 专题民主生活会 on the feedback, for half the inspections that have had time for one.
    const std::int64_t meeting = feedback + r.between(20, 60);
    if (meeting <= as_of_ && r.percent(50)) {
        w.key("outcomes").open('[');
        w.open('{').kv("type", "meeting").kv("name", "巡察整改专题民主生活会").kv("count", 1).key("date").date(meeting).close('}');
        ++n.outcomes;
        w.close(']');
    }
    w.close('}');
    return n;
}

} // namespace rectify_gen
