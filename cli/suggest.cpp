// cli/suggest.cpp: the nearest subcommand to a mistyped one.
#include "suggest.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <vector>

namespace rectify_cli {

std::size_t edit_distance(const std::string &a, const std::string &b) {
    // Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters.
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

std::optional<std::string> unknown_command_message(const CLI::App &app) {
    // The deepest command the user did give ("calendar" in "rectify calendar is-wrkday").
    const CLI::App *level = &app;
    std::string path;
    for (;;) {
        const auto given = level->get_subcommands();
        if (given.empty()) break;
        level = given.front();
        path += level->get_name() + " ";
    }
    const auto choices = level->get_subcommands([](const CLI::App *sub) { return !sub->get_group().empty(); });
    if (choices.empty()) return std::nullopt; // a leaf command: its own error says what is wrong
    std::string word;
    for (const std::string &arg : app.remaining(true)) {
        if (!arg.empty() && arg.front() != '-') {
            word = arg;
            break;
        }
    }
    if (word.empty()) return std::nullopt;

    std::string best;
    std::size_t best_distance = 0;
    for (const CLI::App *sub : choices) {
        std::vector<std::string> names{sub->get_name()};
        for (const std::string &alias : sub->get_aliases()) names.push_back(alias);
        for (const std::string &name : names) {
            const std::size_t distance = edit_distance(word, name);
            if (best.empty() || distance < best_distance) {
                best = name;
                best_distance = distance;
            }
        }
    }
    std::string message = "unknown command '" + path + word + "'";
    // Close enough to be a slip of the keyboard: at most 2 edits, and fewer than half the letters.
    const std::size_t limit = std::min<std::size_t>(2, std::max<std::size_t>(1, word.size() / 2));
    if (!best.empty() && best_distance <= limit) {
        message += "; did you mean '" + path + best + "'?";
    } else {
        message += "; run 'rectify " + path + "--help' for the commands";
    }
    return message;
}

} // namespace rectify_cli
