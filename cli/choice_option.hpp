// cli/choice_option.hpp: an option or argument that takes one value of a fixed set (cli/labels.hpp).
#pragma once

#include "labels.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace rectify_cli {

/** Turns a label of set into its code, and fails for a word that names no value of set. */
CLI::Validator choice_validator(const choice_set &set);

/**
 * Adds NAME to cmd: it takes a code of set or any of its labels and leaves the code in target; its
 * help lists the codes with their labels, then `more`; anything else fails with the accepted
 * values listed. set must outlive cmd (the sets of cli/labels.hpp are static).
 */
CLI::Option *add_choice_option(CLI::App *cmd, const std::string &name, std::string &target, const choice_set &set,
                               const std::string &more = " (the name or the label)");

} // namespace rectify_cli
