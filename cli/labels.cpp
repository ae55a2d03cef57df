// cli/labels.cpp: Chinese labels for statuses, categories and inspection kinds.
#include "labels.hpp"

#include <rectify/rectify.h>

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

} // namespace

std::string status_label(const std::string &status_name) {
    int code = 0;
    if (rectify_status_from_name(&code, status_name.c_str()) == RECTIFY_OK) {
        if (const char *label = rectify_status_label(code)) {
            return label;
        }
    }
    return status_name;
}

std::string category_label(const std::string &category) {
    return lookup(category, {{"immediate", "立行立改"}, {"deadline", "限期整改"}, {"ongoing", "长期坚持"}});
}

std::string inspection_kind_label(const std::string &kind) {
    return lookup(kind, {{"routine", "常规"},
                         {"special", "专项"},
                         {"mobile", "机动"},
                         {"lookback", "回头看"},
                         {"elevated", "提级"},
                         {"cross", "交叉"},
                         {"linked", "上下联动"}});
}

std::string role_label(const std::string &role) {
    return lookup(role, {{"admin", "巡察办"},
                         {"inspector", "巡察组"},
                         {"liaison", "整改联络员"},
                         {"owner", "责任人"},
                         {"supervisor", "纪委监委/组织部"},
                         {"auditor", "审计"},
                         {"public", "社会公众"}});
}

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

std::string light_label(const std::string &light) {
    return lookup(light, {{"red", "红"}, {"yellow", "黄"}, {"green", "绿"}, {"blue", "蓝"}});
}

std::string extension_state_label(const std::string &state) {
    return lookup(state, {{"pending", "待审批"}, {"approved", "已批准"}, {"refused", "未批准"}});
}

std::string escalation_label(const std::string &level) {
    return lookup(level, {{"notice", "督办通知书"},
                          {"guidance", "阶段督查指导书"},
                          {"reminder", "提醒书"},
                          {"warning", "告诫书"},
                          {"accountability", "问责书"}});
}

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
