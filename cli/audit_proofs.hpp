// cli/audit_proofs.hpp: the parts of `rectify audit` that deal in signed heads and proofs.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace rectify_cli {

struct context;

/** Adds `audit head` and `audit prove` to the audit group. */
void add_audit_proof_commands(CLI::App &group, context &ctx);

/**
 * The head an option names: the JSON itself when arg begins with '{', else the content of the
 * file arg (what names it in errors).
 */
std::string head_argument(const std::string &arg, const std::string &what);

} // namespace rectify_cli
