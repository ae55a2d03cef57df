// Who a notice, a report or a statistic is for. The notice itself renders in notice_render.hpp.
#pragma once

#include <string_view>

namespace rectify::io {

// A public output leaves out the text of every issue and measure marked non-public.
enum class Audience { internal = 1, public_ = 2 };

// Which version an output is, as its title or header says it: 党内版 or 向社会公开版.
constexpr std::string_view audience_label(Audience a) { return a == Audience::public_ ? "向社会公开版" : "党内版"; }

} // namespace rectify::io
