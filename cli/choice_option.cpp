// cli/choice_option.cpp: options that take one value of a fixed set, by its code or its label.
#include "choice_option.hpp"

namespace rectify_cli {

CLI::Validator choice_validator(const choice_set &set) {
    // The command sees codes only. The description is left empty so the help shows the list once,
    // with the labels, in the option's own text.
    return CLI::Validator(
        [&set](std::string &value) -> std::string {
            if (const auto code = choice_code(set, value)) {
                value = *code;
                return {};
            }
            return choice_error(set, value);
        },
        "");
}

CLI::Option *add_choice_option(CLI::App *cmd, const std::string &name, std::string &target, const choice_set &set,
                               const std::string &more) {
    return cmd->add_option(name, target, choice_help(set) + more)->transform(choice_validator(set));
}

} // namespace rectify_cli
