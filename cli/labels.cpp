// cli/labels.cpp: the fixed sets of values the command line takes, with their Chinese labels, and the
// labels of the values records carry.
#include "labels.hpp"

#include <rectify/rectify.h>

#include <initializer_list>
#include <utility>

namespace rectify_cli {

namespace {

std::string lookup(const std::string &key, std::initializer_list<std::pair<const char *, const char *>> table) {
    for (const auto &[name, label] : table) {
        if (key == name) {
            return label;
        }
    }
    return key;
}

/** The statuses the library knows, walked by code from 1 until it knows no more (a newer library may add some). */
choice_set library_statuses() {
    choice_set set{"status", {}};
    for (int code = 1; code < 64; ++code) {
        const char *name = rectify_status_name(code);
        if (name == nullptr) {
            break;
        }
        choice c{name, {}};
        if (const char *label = rectify_status_label(code)) {
            c.labels.emplace_back(label);
        }
        set.values.push_back(std::move(c));
    }
    return set;
}

} // namespace

// The labels docs/access.md and docs/cli.md print are all here: a label the docs use for a value
// is one the command line accepts for it.
const choice_set &role_choices() {
    static const choice_set set{"role",
                                {{"admin", {"巡察办"}},
                                 {"inspector", {"巡察组"}},
                                 {"liaison", {"整改联络员", "被巡察单位整改联络员"}},
                                 {"owner", {"责任人"}},
                                 {"supervisor", {"纪委监委/组织部", "纪委监委 / 组织部"}},
                                 {"auditor", {"审计"}},
                                 {"public", {"社会公众"}}}};
    return set;
}

const choice_set &status_choices() {
    static const choice_set set = library_statuses();
    return set;
}

const choice_set &cadence_choices() {
    static const choice_set set{"cadence",
                                {{"monthly", {"每月"}},
                                 {"quarterly", {"每季度"}},
                                 {"half_yearly", {"每半年"}},
                                 {"yearly", {"每年"}}}};
    return set;
}

const choice_set &verdict_choices() {
    static const choice_set set{"verdict",
                                {{"held", {"巩固"}},
                                 {"relapsed", {"反弹"}},
                                 {"incomplete", {"整改不到位"}},
                                 {"false", {"虚假整改"}}}};
    return set;
}

const choice_set &disposition_choices() {
    static const choice_set set{"disposition",
                                {{"in_progress", {"办理中"}}, {"concluded", {"已办结"}}, {"no_case", {"未立案"}}}};
    return set;
}

const choice_set &escalation_choices() {
    static const choice_set set{"escalation level",
                                {{"notice", {"督办通知书"}},
                                 {"guidance", {"阶段督查指导书"}},
                                 {"reminder", {"提醒书"}},
                                 {"warning", {"告诫书"}},
                                 {"accountability", {"问责书"}}}};
    return set;
}

const choice_set &audience_choices() {
    static const choice_set set{"audience", {{"internal", {"党内", "党内通报"}}, {"public", {"向社会公开"}}}};
    return set;
}

const choice_set &light_choices() {
    static const choice_set set{"light", {{"red", {"红"}}, {"yellow", {"黄"}}, {"green", {"绿"}}, {"blue", {"蓝"}}}};
    return set;
}

const choice_set &rollup_choices() {
    static const choice_set set{"row",
                                {{"measure", {"措施"}},
                                 {"issue", {"问题"}},
                                 {"inspection", {"巡察"}},
                                 {"unit", {"单位"}},
                                 {"round", {"轮次"}}}};
    return set;
}

// The short labels docs/schema.md and docs/parse.md print first; the library's longer ones after.
const choice_set &inspection_kind_choices() {
    static const choice_set set{"inspection kind",
                                {{"routine", {"常规", "常规巡察"}},
                                 {"special", {"专项", "专项巡察"}},
                                 {"mobile", {"机动", "机动巡察"}},
                                 {"lookback", {"回头看", "巡察“回头看”"}},
                                 {"elevated", {"提级", "提级巡察"}},
                                 {"cross", {"交叉", "交叉巡察"}},
                                 {"linked", {"上下联动", "上下联动巡察"}}}};
    return set;
}

std::optional<std::string> choice_code(const choice_set &set, const std::string &word) {
    for (const auto &c : set.values) {
        if (word == c.code) {
            return c.code;
        }
        for (const auto &label : c.labels) {
            if (word == label) {
                return c.code;
            }
        }
    }
    return std::nullopt;
}

std::string choice_label(const choice_set &set, const std::string &code) {
    for (const auto &c : set.values) {
        if (c.code == code) {
            return c.labels.empty() ? code : c.labels.front();
        }
    }
    return code;
}

namespace {

std::string code_and_label(const choice &c) { return c.labels.empty() ? c.code : c.code + " " + c.labels.front(); }

} // namespace

std::string choice_help(const choice_set &set) {
    std::string out;
    const std::size_t n = set.values.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) {
            out += i + 1 == n ? " or " : ", ";
        }
        out += code_and_label(set.values[i]);
    }
    return out;
}

std::string choice_accepted(const choice_set &set) {
    std::string out;
    for (const auto &c : set.values) {
        if (!out.empty()) {
            out += ", ";
        }
        out += code_and_label(c);
        for (std::size_t i = 1; i < c.labels.size(); ++i) {
            out += (i == 1 ? " (also " : ", ") + c.labels[i];
        }
        if (c.labels.size() > 1) {
            out += ")";
        }
    }
    return out;
}

std::string choice_error(const choice_set &set, const std::string &word) {
    return "unknown " + set.what + " '" + word + "' (use one of: " + choice_accepted(set) + ")";
}

std::string status_label(const std::string &status_name) { return choice_label(status_choices(), status_name); }

std::string category_label(const std::string &category) {
    return lookup(category, {{"immediate", "立行立改"}, {"deadline", "限期整改"}, {"ongoing", "长期坚持"}});
}

std::string inspection_kind_label(const std::string &kind) { return choice_label(inspection_kind_choices(), kind); }

std::string role_label(const std::string &role) { return choice_label(role_choices(), role); }

std::string day_type_label(int day_type) {
    switch (day_type) {
    case RECTIFY_DAY_WORKDAY:
        return "工作日";
    case RECTIFY_DAY_WEEKEND:
        return "周末";
    case RECTIFY_DAY_HOLIDAY:
        return "法定节假日";
    case RECTIFY_DAY_ADJUSTED_WORKDAY:
        return "调休上班";
    default:
        return "未知";
    }
}

std::string light_label(const std::string &light) { return choice_label(light_choices(), light); }

std::string extension_state_label(const std::string &state) {
    return lookup(state, {{"pending", "待审批"}, {"approved", "已批准"}, {"refused", "未批准"}});
}

std::string escalation_label(const std::string &level) { return choice_label(escalation_choices(), level); }

std::string chinese_number(long n) {
    static const char *const digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n >= 100) {
        return std::to_string(n);
    }
    if (n < 10) {
        return digits[n];
    }
    std::string s = n / 10 == 1 ? "" : digits[n / 10];
    s += "十";
    if (n % 10 != 0) {
        s += digits[n % 10];
    }
    return s;
}

} // namespace rectify_cli
