#include "io/provisional_note.hpp"

namespace rectify::io {

std::string provisional_note(const std::vector<int> &years) {
    if (years.empty()) return {};
    std::string list;
    for (int y : years) list += (list.empty() ? "" : "、") + std::to_string(y);
    return "注：" + list + "年节假日安排尚未载入，相关期限暂按常规工作日计算。";
}

} // namespace rectify::io
