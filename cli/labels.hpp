// cli/labels.hpp: Chinese labels for the values records carry, as a clerk reads them.
#pragma once

#include <string>

namespace rectify_cli {

/** "整改中" for "in_progress", via rectify_status_label; the name itself if the library does not know it. */
std::string status_label(const std::string &status_name);

/** 立行立改 / 限期整改 / 长期坚持 for immediate / deadline / ongoing; the name itself otherwise. */
std::string category_label(const std::string &category);

/** 常规 / 专项 / 机动 / 回头看 / 提级 / 交叉 / 上下联动 for the inspection kinds. */
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
