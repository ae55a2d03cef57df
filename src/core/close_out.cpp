#include "core/close_out.hpp"

#include "core/error.hpp"

namespace rectify::core {

void check_close_out(const CloseOutGuards &g, const CloseOutFacts &f) {
    auto refuse = [](const std::string &guard, const std::string &why) {
        throw Error(Errc::guard, "close-out refused by guard " + guard + ": " + why);
    };
    if (g.measures_done) {
        if (f.measures.empty()) refuse("measures_done", "the issue has no measures");
        for (const auto &m : f.measures)
            if (m.status != Status::done && m.status != Status::closed)
                refuse("measures_done", "measure " + std::to_string(m.id) + " (" + m.title + ") is " + std::string(name(m.status)));
    }
    if (f.evidence < g.min_evidence)
        refuse("min_evidence", std::to_string(f.evidence) + " evidence item" + (f.evidence == 1 ? "" : "s") +
                                   " attached, " + std::to_string(g.min_evidence) + " required");
    if (g.verifier_not_owner)
        for (const auto &m : f.measures)
            if (m.person && *m.person == f.verifier)
                refuse("verifier_not_owner", "'" + f.verifier + "' is the responsible person of measure " + std::to_string(m.id) +
                                                 " and cannot verify it");
}

} // namespace rectify::core
