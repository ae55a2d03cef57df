// The one exception type of the library. Its code is a RECTIFY_E_* value (the C API maps it
// straight through), its message says what went wrong and where.
#pragma once

#include <stdexcept>
#include <string>

namespace rectify::core {

// Mirrors include/rectify/errors.h; src/capi checks the two agree at compile time.
enum class Errc : int {
    internal = -1,
    nomem = -2,
    argument = -3,
    not_found = -4,
    conflict = -5,
    transition = -6,
    json = -7,
    invalid = -8,
    utf8 = -9,
    io = -10,
    db = -11,
    busy = -12,
    schema_newer = -13,
    not_a_db = -14,
    no_actor = -15,
    duplicate = -16,
    misuse = -17,
    denied = -18,
    unknown_date = -19,
    tampered = -20,
    guard = -21,
    interrupted = -22,
};

class Error : public std::runtime_error {
public:
    Error(Errc code, const std::string &message) : std::runtime_error(message), code_(code) {}
    Errc code() const noexcept { return code_; }

private:
    Errc code_;
};

} // namespace rectify::core
