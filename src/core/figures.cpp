#include "core/figures.hpp"

#include "core/error.hpp"

#include <limits>

namespace rectify::core {

namespace {

// value / 10^places with its fraction digits, trailing zeros dropped down to at least `keep`
// digits: decimal(1234, 2, 2) → "12.34", (1200, 2, 2) → "12.00", (1200000, 6, 2) → "1.20",
// (1155000, 6, 2) → "1.155".
std::string decimal(std::uint64_t value, int places, int keep) {
    std::uint64_t scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    std::string out = std::to_string(value / scale);
    std::string frac = std::to_string(value % scale);
    frac.insert(0, static_cast<std::size_t>(places) - frac.size(), '0');
    while (frac.size() > static_cast<std::size_t>(keep) && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += "." + frac;
    return out;
}

std::string money(std::int64_t fen, int places, const char *unit) {
    // The magnitude as unsigned, so that the most negative amount has one too.
    const bool negative = fen < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    return (negative ? "-" : "") + decimal(magnitude, places, 2) + unit;
}

} // namespace

std::int64_t completion_basis_points(std::int64_t done, std::int64_t total) {
    if (done < 0 || total < 0 || done > total)
        throw Error(Errc::argument, "completion rate: " + std::to_string(done) + " done of " + std::to_string(total));
    if (total == 0) return 0;
    // done * 10000 / total by long division, four decimal digits, so that no product can
    // overflow whatever the counts; then half up on what remains.
    const auto t = static_cast<std::uint64_t>(total);
    std::uint64_t result = static_cast<std::uint64_t>(done) / t;
    std::uint64_t rem = static_cast<std::uint64_t>(done) % t;
    for (int digit = 0; digit < 4; ++digit) {
        std::uint64_t acc = 0, d = 0; // acc = 10 * rem mod t, d = 10 * rem / t
        for (int i = 0; i < 10; ++i) {
            if (acc >= t - rem) {
                acc -= t - rem;
                ++d;
            } else {
                acc += rem;
            }
        }
        result = result * 10 + d;
        rem = acc;
    }
    if (rem >= t - rem) ++result; // 2 * rem >= t: half or more rounds up
    return static_cast<std::int64_t>(result);
}

std::optional<std::string> completion_rate(std::int64_t done, std::int64_t total) {
    const std::int64_t bp = completion_basis_points(done, total);
    if (total == 0) return std::nullopt;
    return decimal(static_cast<std::uint64_t>(bp), 2, 2) + "%";
}

std::string format_yuan(std::int64_t fen) { return money(fen, 2, "元"); }

std::string format_wan_yuan(std::int64_t fen) { return money(fen, 6, "万元"); }

} // namespace rectify::core
