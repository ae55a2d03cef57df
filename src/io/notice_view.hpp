// The notice's data view: everything a notice template may print, built from one io::Report.
// The templates (data/templates/notice.*.mustache, or a host's own) hold the wording; this holds
// the facts, already numbered and formatted as official documents write them. docs/reports.md
// lists every name.
//
// Only what the report holds goes in: for the public audience the report's document is already
// redacted, so nothing hidden can reach a template, whatever the template asks for.
#pragma once

#include "io/notice_render.hpp"
#include "io/report.hpp"

#include <kainjow/mustache.hpp>

namespace rectify::io {

// parts says which costly parts to build; a template that never names them has no use for them.
kainjow::mustache::data notice_view(const Report &report, const NoticeParts &parts = {});

// "2018年9月19日至10月25日": the end date leaves out what it shares with the start.
std::string chinese_date_range(const core::Date &from, const std::optional<core::Date> &to);

} // namespace rectify::io
