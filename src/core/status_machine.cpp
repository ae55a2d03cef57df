#include "core/status_machine.hpp"

#include "core/error.hpp"

#include <initializer_list>
#include <vector>

namespace rectify::core {

namespace {

std::vector<Status> successors(Status from) {
    switch (from) {
    case Status::not_started: return {Status::in_progress};
    case Status::in_progress: return {Status::substantially_done, Status::done};
    case Status::substantially_done: return {Status::in_progress, Status::done};
    case Status::done: return {Status::in_progress, Status::closed};
    case Status::closed: return {Status::reopened};
    case Status::reopened: return {Status::in_progress};
    }
    return {};
}

} // namespace

bool can_transition(Status from, Status to) {
    for (Status s : successors(from))
        if (s == to) return true;
    return false;
}

std::string describe_illegal_transition(Status from, Status to) {
    std::string allowed;
    for (Status s : successors(from)) {
        if (!allowed.empty()) allowed += ", ";
        allowed += name(s);
    }
    return "illegal transition from " + std::string(name(from)) + " to " + std::string(name(to)) +
           " (allowed from " + std::string(name(from)) + ": " + allowed + ")";
}

void check_transition(Status from, Status to, const std::string &where) {
    if (from == to || can_transition(from, to)) return;
    throw Error(Errc::transition, where + describe_illegal_transition(from, to));
}

} // namespace rectify::core
