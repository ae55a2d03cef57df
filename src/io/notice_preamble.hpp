// The facts a notice's preamble states in its usual sentences: who deployed the inspection, when
// the group was on site, which group inspected which Party organisation, what the inspection is
// called, when feedback was given, and the counts it announces. The notice parser takes them from
// here; the renderer writes its own preamble from them, so the wording itself is not kept.
#pragma once

#include "core/date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rectify::io {

struct PreambleFacts {
    std::optional<std::string> authority; // 根据市委统一部署 → 市委
    std::optional<std::string> group;     // 市委第一巡察组 (…组对…开展了…)
    std::optional<std::string> party_org; // 市妇联党组
    std::optional<std::string> label;     // 政治巡察
    std::optional<core::Date> onsite_start, onsite_end;
    std::optional<core::Date> feedback_date; // a dated sentence that speaks of 反馈
    std::optional<int> aspect_count, issue_count; // 6个方面11项整改任务
    std::optional<int> done_count;                // 已经完成11项 (基本完成 does not count)
};

// Reads what it recognises and leaves the rest unset; never throws for text it does not
// understand. A date that names no real day (2018年2月30日) is left unset too.
PreambleFacts read_preamble(std::string_view text);

// Full-width digits ０-９ as ASCII, everything else unchanged.
std::string ascii_digits(std::string_view text);

} // namespace rectify::io
