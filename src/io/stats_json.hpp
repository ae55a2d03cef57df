// Statistics as JSON: the flat fields hosts and scripts read (issues_total … completion_rate),
// then the breakdowns. Every rate is the rendered string ("98.71%") with its basis points beside
// it; every amount of money is fen with its 元 and 万元 renderings beside it.
#pragma once

#include "core/statistics.hpp"

#include <string>

namespace rectify::io {

std::string statistics_json(const core::Statistics &s);

} // namespace rectify::io
