// Close-out (销号) guards: what must hold before a verifier may accept an issue as rectified.
// This is where rectification is faked, so the defaults are strict and each refusal says which
// guard failed and on what.
#pragma once

#include "core/enums.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rectify::core {

struct CloseOutGuards {
    bool measures_done = true;      // every measure of the issue (and its sub-issues) done or closed
    std::int64_t min_evidence = 1;  // evidence items on the issue and its measures, at least
    bool verifier_not_owner = true; // the verifier is no measure's responsible person (责任人)
};

struct CloseOutFacts {
    struct MeasureFact {
        std::int64_t id;
        std::string title;
        Status status;
        std::optional<std::string> person;
    };
    std::vector<MeasureFact> measures;
    std::int64_t evidence = 0;
    std::string verifier;
};

// Throws Errc::guard naming the first guard that fails and why.
void check_close_out(const CloseOutGuards &g, const CloseOutFacts &f);

} // namespace rectify::core
