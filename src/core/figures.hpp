// Figures as reports print them, exactly: completion rates and money. Integer arithmetic only,
// so that 688 of 697 is 98.71% on every machine, and no amount of money ever passes through a
// float.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rectify::core {

// done / total as a percentage rounded half up to two decimals, trailing zeros dropped:
// 19 of 25 → "76%", 688 of 697 → "98.71%", 1 of 8 → "12.5%". nullopt when total is 0 (there is
// no rate of nothing). Errc::argument for negative counts or done > total.
std::optional<std::string> completion_rate(std::int64_t done, std::int64_t total);

// The same rate in hundredths of a percent (688 of 697 → 9871).
std::int64_t completion_basis_points(std::int64_t done, std::int64_t total);

// An amount of fen as 元 with exact digits, trailing zeros dropped: 1155000 → "11550元",
// 1155050 → "11550.5元", 5 → "0.05元".
std::string format_yuan(std::int64_t fen);

// The same amount in 万元: 7132000 → "7.132万元", 1155000 → "1.155万元", 100000000 → "100万元".
std::string format_wan_yuan(std::int64_t fen);

} // namespace rectify::core
