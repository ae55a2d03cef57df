// The status machine shared by issues and measures (docs/schema.md draws it). Every status
// change in the library asks it first; an illegal move is refused before anything is written.
#pragma once

#include "core/enums.hpp"

#include <string>

namespace rectify::core {

bool can_transition(Status from, Status to);

// "illegal transition from done to not_started (allowed from done: in_progress, closed)".
std::string describe_illegal_transition(Status from, Status to);

// Throws Error(Errc::transition) with `where` prefixed to the description, when the move is
// illegal. A move to the same status is not a transition and is accepted.
void check_transition(Status from, Status to, const std::string &where);

} // namespace rectify::core
