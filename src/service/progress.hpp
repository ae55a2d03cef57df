// The progress of a long operation (import, export, audit verification, backup), told to the
// host's callback, which may ask to stop. Stopping throws Errc::interrupted from inside the
// operation, so its transaction rolls back and stopping changes nothing.
#pragma once

#include "core/error.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace rectify::service {

class Progress {
public:
    // Returns false to stop the operation.
    using Callback = std::function<bool(const char *operation, std::int64_t done, std::int64_t total)>;

    void set(Callback cb) { cb_ = std::move(cb); }
    bool active() const { return static_cast<bool>(cb_); }

    // The first and the last report of an operation always reach the host.
    void start(const char *operation, std::int64_t total) { tell(operation, 0, total); }
    void finish(const char *operation, std::int64_t total) { tell(operation, total, total); }

    // Called as often as the operation likes; reaches the host at most every 10 ms, so a loop
    // over a million records costs a clock read per call, not a callback.
    void step(const char *operation, std::int64_t done, std::int64_t total) {
        if (!cb_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(10)) return;
        tell(operation, done, total);
    }

private:
    void tell(const char *operation, std::int64_t done, std::int64_t total) {
        if (!cb_) return;
        last_ = std::chrono::steady_clock::now();
        if (!cb_(operation, done, total))
            throw core::Error(core::Errc::interrupted,
                              std::string(operation) + ": stopped by the progress callback at " +
                                  std::to_string(done) + " of " + std::to_string(total) + "; nothing was changed");
    }

    Callback cb_;
    std::chrono::steady_clock::time_point last_{};
};

} // namespace rectify::service
