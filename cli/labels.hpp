// cli/labels.hpp: Chinese labels for the values records carry, as a clerk reads them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rectify_cli {

/** One value of a fixed set a user types: its code and the Chinese labels it also goes by (the first is printed). */
struct choice {
    std::string code;
    std::vector<std::string> labels;
};

/**
 * A fixed set of values, in the order help lists them: the one table each option, its help text,
 * its error message and the labels printed for its values all read.
 */
struct choice_set {
    std::string what; ///< what a value is, for messages: "role", "cadence"
    std::vector<choice> values;
};

const choice_set &role_choices();       ///< admin 巡察办 … public 社会公众 (grant, revoke)
const choice_set &status_choices();     ///< the library's statuses and their labels (status set)
const choice_set &cadence_choices();    ///< monthly 每月 … yearly 每年 (followups plan --cadence)
const choice_set &verdict_choices();    ///< held 巩固 … false 虚假整改 (review verdict)
const choice_set &disposition_choices(); ///< in_progress 办理中 … no_case 未立案 (lead dispose)
const choice_set &escalation_choices(); ///< notice 督办通知书 … accountability 问责书 (escalate --level)
const choice_set &audience_choices();   ///< internal 党内 / 党内通报, public 向社会公开 (notice, report, stats)
const choice_set &light_choices();      ///< red 红 … blue 蓝 (warnings --only)
const choice_set &rollup_choices();     ///< measure 措施 … round 轮次 (warnings --by)
const choice_set &inspection_kind_choices(); ///< routine 常规 … linked 上下联动 (parse --kind; shown by show and list)

/** The code a word names: the code itself or one of its labels; nullopt if it names none. */
std::optional<std::string> choice_code(const choice_set &set, const std::string &word);

/** The printed label of a code (its first label); the code itself if it has none or is unknown. */
std::string choice_label(const choice_set &set, const std::string &code);

/** "monthly 每月, quarterly 每季度, half_yearly 每半年 or yearly 每年": the values as help lists them. */
std::string choice_help(const choice_set &set);

/**
 * Every word accepted, for an error message: "monthly 每月, quarterly 每季度, …", a value's further
 * labels after it ("liaison 整改联络员 (also 被巡察单位整改联络员)").
 */
std::string choice_accepted(const choice_set &set);

/** "unknown cadence '每周' (use one of: monthly 每月, …)". */
std::string choice_error(const choice_set &set, const std::string &word);

/** "整改中" for "in_progress", via rectify_status_label; the name itself if the library does not know it. */
std::string status_label(const std::string &status_name);

/** 立行立改 / 限期整改 / 长期坚持 for immediate / deadline / ongoing; the name itself otherwise. */
std::string category_label(const std::string &category);

/** 常规 / 专项 / 机动 / 回头看 / 提级 / 交叉 / 上下联动 for the inspection kinds; the name itself otherwise. */
std::string inspection_kind_label(const std::string &kind);

/** 巡察办 / 巡察组 / 整改联络员 / 责任人 / 纪委监委/组织部 / 审计 / 社会公众 for the role names. */
std::string role_label(const std::string &role);

/** 工作日 / 周末 / 法定节假日 / 调休上班 / 未知 for a RECTIFY_DAY_* value (or its name). */
std::string day_type_label(int day_type);

/** 红 / 黄 / 绿 / 蓝 for the light names red / yellow / green / blue; the name itself otherwise. */
std::string light_label(const std::string &light);

/** 待审批 / 已批准 / 未批准 for the extension states pending / approved / refused. */
std::string extension_state_label(const std::string &state);

/** 督办通知书 … 问责书 for the escalation levels notice … accountability. */
std::string escalation_label(const std::string &level);

/** A small positive number in Chinese numerals (1 → 一, 11 → 十一, 26 → 二十六), as headings use. */
std::string chinese_number(long n);

} // namespace rectify_cli
