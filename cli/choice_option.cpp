// cli/choice_option.cpp: options that take one value of a fixed set, by its code or its label.
#include "choice_option.hpp"

namespace rectify_cli {

CLI::Option *add_choice_option(CLI::App *cmd, const std::string &name, std::string &target, const choice_set &set,
                               const std::string &more) {
    // The validator turns a label into its code, so the command sees codes only; its description
    // is left empty so the help shows the list once, with the labels.
    CLI::Validator to_code(
        [&set](std::string &value) -> std::string {
            if (const auto code = choice_code(set, value)) {
                value = *code;
                return {};
            }
            return choice_error(set, value);
        },
        "");
    return cmd->add_option(name, target, choice_help(set) + more)->transform(to_code);
}

} // namespace rectify_cli
