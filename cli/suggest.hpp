// cli/suggest.hpp: a mistyped subcommand is answered with the nearest real one.
#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace rectify_cli {

/// Edit distance (insertions, deletions, substitutions, adjacent swaps) between two names.
std::size_t edit_distance(const std::string &a, const std::string &b);

/// After a failed parse of `app`: when the first unmatched word stands where a subcommand of the
/// deepest command given was expected, the message naming it and, when one is close enough, the
/// nearest subcommand ("unknown command 'impor'; did you mean 'import'?"). Empty otherwise.
std::optional<std::string> unknown_command_message(const CLI::App &app);

} // namespace rectify_cli
