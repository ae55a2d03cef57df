#include "core/chinese_numerals.hpp"

#include "core/error.hpp"

namespace rectify::core {

std::string chinese_numeral(int n) {
    static const char *const digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const char *const units[] = {"", "十", "百", "千"};
    if (n < 1 || n > 9999) throw Error(Errc::argument, "chinese_numeral: " + std::to_string(n) + " is out of 1..9999");
    int d[4] = {n % 10, n / 10 % 10, n / 100 % 10, n / 1000};
    int top = d[3] ? 3 : d[2] ? 2 : d[1] ? 1 : 0;
    std::string out;
    bool pending_zero = false;
    for (int pos = top; pos >= 0; --pos) {
        if (d[pos] == 0) {
            pending_zero = true;
            continue;
        }
        if (pending_zero && !out.empty()) out += digits[0];
        pending_zero = false;
        // 10-19 are written 十, 十一 … (not 一十一) when they lead the number.
        if (!(pos == 1 && d[pos] == 1 && top == 1)) out += digits[d[pos]];
        out += units[pos];
    }
    return out;
}

std::optional<int> parse_chinese_numeral(std::string_view text) {
    static const std::string_view digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const std::string_view units[] = {"十", "百", "千"};
    static const int unit_values[] = {10, 100, 1000};
    int total = 0;
    int pending = -1;     // a digit read and not yet given its unit
    int last_unit = 10000; // units must fall: 一百零五, never 五百一千
    bool zero_seen = false;
    while (!text.empty()) {
        bool matched = false;
        for (int d = 0; d < 10 && !matched; ++d) {
            if (text.substr(0, digits[d].size()) != digits[d]) continue;
            text.remove_prefix(digits[d].size());
            matched = true;
            if (pending >= 0) return std::nullopt; // two digits in a row: 一二
            if (d == 0) {
                if (zero_seen || total == 0) return std::nullopt;
                zero_seen = true;
            } else {
                pending = d;
            }
        }
        for (int u = 0; u < 3 && !matched; ++u) {
            if (text.substr(0, units[u].size()) != units[u]) continue;
            text.remove_prefix(units[u].size());
            matched = true;
            if (unit_values[u] >= last_unit) return std::nullopt;
            // A bare leading 十 means 一十; anywhere else a unit needs its digit.
            if (pending < 0 && !(u == 0 && total == 0 && !zero_seen)) return std::nullopt;
            total += (pending < 0 ? 1 : pending) * unit_values[u];
            last_unit = unit_values[u];
            pending = -1;
            zero_seen = false;
        }
        if (!matched) return std::nullopt;
    }
    if (pending >= 0) {
        // A trailing digit is ones, and only where the tens place was written or skipped by 零.
        if (total != 0 && last_unit != 10 && !zero_seen) return std::nullopt;
        total += pending;
    } else if (zero_seen) {
        return std::nullopt; // a trailing 零
    }
    if (total == 0) return std::nullopt;
    return total;
}

} // namespace rectify::core
