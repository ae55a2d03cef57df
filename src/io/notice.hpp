// Who a notice, a report or a statistic is for. The notice itself renders in notice_render.hpp.
#pragma once

namespace rectify::io {

// A public output leaves out the text of every issue and measure marked non-public.
enum class Audience { internal = 1, public_ = 2 };

} // namespace rectify::io
