// The footnote a ledger, a notice or a warnings answer carries when a result depends on a year
// with no holiday notice loaded (see service/provisional.hpp): its deadlines were counted on the
// plain Monday-Friday rule and may move once the year is loaded.
#pragma once

#include <string>
#include <vector>

namespace rectify::io {

// "注：2027年节假日安排尚未载入，相关期限暂按常规工作日计算。" (years joined by 、); empty when
// `years` is empty.
std::string provisional_note(const std::vector<int> &years);

} // namespace rectify::io
