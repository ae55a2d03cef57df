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

} // namespace rectify::core
