// Figures as reports print them, exactly: completion rates and money. Integer arithmetic only,
// so that 688 of 697 is 98.71% on every machine, and no amount of money ever passes through a
// float.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rectify::core {

// done / total as a percentage rounded half up to two decimals, always both printed: 688 of 697 →
// "98.71%", 19 of 25 → "76.00%", 1 of 8 → "12.50%", 0 of 7 → "0.00%", 11 of 11 → "100.00%".
// nullopt when total is 0 (there is no rate of nothing). Errc::argument for negative counts or
// done > total.
std::optional<std::string> completion_rate(std::int64_t done, std::int64_t total);

// The same rate in hundredths of a percent (688 of 697 → 9871).
std::int64_t completion_basis_points(std::int64_t done, std::int64_t total);

// An amount of fen as 元 with two decimals, the fen: 1155000 → "11550.00元", 1155050 →
// "11550.50元", 5 → "0.05元". No thousands separators, as notices print money. A negative
// amount keeps its sign ("-2.50元"); the records refuse one, a formatter does not.
std::string format_yuan(std::int64_t fen);

// The same amount in 万元, never rounded: two decimals at least, more when the amount needs them
// to stay exact: 100000000 → "100.00万元", 15000000 → "15.00万元", 1155000 → "1.155万元",
// 7132000 → "7.132万元", 1 → "0.000001万元".
std::string format_wan_yuan(std::int64_t fen);

} // namespace rectify::core
