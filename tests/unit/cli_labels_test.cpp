// The fixed sets of values the command line takes (cli/labels.hpp): every code and every label
// names its value, the help text lists what is accepted, and the labels the docs print are
// accepted.
#include "labels.hpp"

#include <rectify/rectify.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace rectify_cli;

namespace {

const std::vector<std::pair<const char *, const choice_set *>> &all_sets() {
    static const std::vector<std::pair<const char *, const choice_set *>> sets = {
        {"role", &role_choices()},
        {"status", &status_choices()},
        {"cadence", &cadence_choices()},
        {"verdict", &verdict_choices()},
        {"disposition", &disposition_choices()},
        {"escalation", &escalation_choices()},
        {"audience", &audience_choices()},
        {"light", &light_choices()},
        {"rollup", &rollup_choices()},
        {"inspection kind", &inspection_kind_choices()},
    };
    return sets;
}

/** Splits "a 甲, b 乙 or c 丙" into its items. */
std::vector<std::string> help_items(const std::string &help) {
    std::vector<std::string> items;
    std::string rest = help;
    for (;;) {
        std::size_t comma = rest.find(", ");
        std::size_t orw = rest.find(" or ");
        std::size_t cut = std::min(comma, orw);
        if (cut == std::string::npos) {
            items.push_back(rest);
            return items;
        }
        items.push_back(rest.substr(0, cut));
        rest = rest.substr(cut + (cut == comma ? 2 : 4));
    }
}

std::string read_doc(const std::string &name) {
    std::ifstream in(std::string(RECTIFY_DOCS_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read docs/" << name);
    std::ostringstream buf;
    buf << in.rdbuf();
    // A Markdown paragraph may break a line anywhere: read every run of blanks as one space. Code
    // spans read as plain text (`routine` 常规).
    std::string text;
    for (char c : buf.str()) {
        if (c == '`') continue;
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (blank) {
            if (!text.empty() && text.back() != ' ') text += ' ';
        } else {
            text += c;
        }
    }
    return text;
}

/** The length of the Han character (U+4E00..U+9FFF, three bytes in UTF-8) at text[i], or 0. */
std::size_t han_at(const std::string &text, std::size_t i) {
    if (i + 2 >= text.size()) return 0;
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0xE4 || b > 0xE9) return 0;
    return 3;
}

std::size_t han_run(const std::string &text, std::size_t i) {
    std::size_t j = i;
    while (std::size_t n = han_at(text, j)) j += n;
    return j - i;
}

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

struct doc_pair {
    std::string code;
    std::string label;
};

/**
 * Every "code 中文" the text prints for a code of some set: the code as a whole word, one space,
 * then Han characters, possibly joined by "/" or " / " ("纪委监委 / 组织部").
 */
std::vector<doc_pair> doc_pairs(const std::string &text) {
    std::vector<doc_pair> pairs;
    for (const auto &[what, set] : all_sets()) {
        for (const auto &value : set->values) {
            const std::string &code = value.code;
            for (std::size_t at = text.find(code); at != std::string::npos; at = text.find(code, at + 1)) {
                const std::size_t end = at + code.size();
                if ((at > 0 && word_char(text[at - 1])) || end + 1 >= text.size() || text[end] != ' ') continue;
                std::size_t j = end + 1;
                std::size_t run = han_run(text, j);
                if (run == 0) continue;
                j += run;
                for (;;) {
                    std::size_t sep = text.compare(j, 1, "/") == 0 ? 1 : text.compare(j, 3, " / ") == 0 ? 3 : 0;
                    if (sep == 0 || han_run(text, j + sep) == 0) break;
                    j += sep + han_run(text, j + sep);
                }
                pairs.push_back({code, text.substr(end + 1, j - end - 1)});
            }
        }
    }
    return pairs;
}

} // namespace

TEST_CASE("cli labels: every code and every label of every set names its value") {
    for (const auto &[what, set] : all_sets()) {
        INFO("set " << what);
        REQUIRE(!set->values.empty());
        for (const auto &value : set->values) {
            INFO("code " << value.code);
            CHECK(choice_code(*set, value.code) == value.code);
            REQUIRE(!value.labels.empty());
            CHECK(choice_label(*set, value.code) == value.labels.front());
            for (const auto &label : value.labels) {
                CHECK(choice_code(*set, label) == value.code);
            }
        }
        CHECK(!choice_code(*set, "no-such-value"));
        CHECK(!choice_code(*set, ""));
        CHECK(choice_label(*set, "no-such-value") == "no-such-value");
    }
}

TEST_CASE("cli labels: the help lists every value as code and label, and each item parses back") {
    for (const auto &[what, set] : all_sets()) {
        INFO("set " << what << ": " << choice_help(*set));
        const std::vector<std::string> items = help_items(choice_help(*set));
        REQUIRE(items.size() == set->values.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string &item = items[i];
            const std::size_t space = item.find(' ');
            REQUIRE(space != std::string::npos);
            const std::string code = item.substr(0, space);
            const std::string label = item.substr(space + 1);
            CHECK(code == set->values[i].code);
            CHECK(choice_code(*set, code) == code);
            CHECK(choice_code(*set, label) == code);
            CHECK(choice_label(*set, code) == label);
        }
    }
}

TEST_CASE("cli labels: an unknown value's error names it and lists every code and label") {
    for (const auto &[what, set] : all_sets()) {
        const std::string message = choice_error(*set, "每周");
        INFO(message);
        CHECK(message.find("'每周'") != std::string::npos);
        CHECK(message.find(set->what) != std::string::npos);
        for (const auto &value : set->values) {
            CHECK(message.find(value.code) != std::string::npos);
            for (const auto &label : value.labels) {
                CHECK(message.find(label) != std::string::npos);
            }
        }
    }
    CHECK(choice_error(role_choices(), "boss").find("liaison 整改联络员 (also 被巡察单位整改联络员)") !=
          std::string::npos);
}

TEST_CASE("cli labels: the statuses and roles are exactly the library's, with its status labels") {
    std::size_t statuses = 0;
    for (int code = 1; rectify_status_name(code) != nullptr; ++code, ++statuses) {
        INFO("status " << code);
        CHECK(choice_code(status_choices(), rectify_status_name(code)) == std::string(rectify_status_name(code)));
        CHECK(choice_code(status_choices(), rectify_status_label(code)) == std::string(rectify_status_name(code)));
    }
    CHECK(statuses == status_choices().values.size());
    CHECK(statuses >= 6);

    std::size_t roles = 0;
    for (int code = RECTIFY_ROLE_ADMIN; code <= RECTIFY_ROLE_PUBLIC; ++code, ++roles) {
        const char *name = rectify_role_name(code);
        REQUIRE(name != nullptr);
        CHECK(choice_code(role_choices(), name) == std::string(name));
    }
    CHECK(roles == role_choices().values.size());
    CHECK(choice_code(role_choices(), "被巡察单位整改联络员") == std::string("liaison"));
    CHECK(choice_code(cadence_choices(), "每月") == std::string("monthly"));
}

TEST_CASE("docs: every code-label pair docs/cli.md, access.md, schema.md and deadlines.md print is accepted") {
    for (const char *doc : {"cli.md", "access.md", "schema.md", "deadlines.md"}) {
        const std::vector<doc_pair> pairs = doc_pairs(read_doc(doc));
        INFO("docs/" << doc);
        CHECK(pairs.size() >= 4);
        for (const auto &p : pairs) {
            INFO(p.code << " " << p.label);
            // A code may be in more than one set (public: a role and an audience); one takes the label.
            bool accepted = false;
            for (const auto &[what, set] : all_sets()) {
                if (choice_code(*set, p.code) && choice_code(*set, p.label) == p.code) accepted = true;
            }
            CHECK(accepted);
        }
    }
    // The pairs this reads are the ones a user copies: the liaison as docs/access.md names it, the
    // cadence as the help prints it, a kind as docs/schema.md lists it.
    auto found = [](const char *doc, const std::string &code, const std::string &label) {
        for (const auto &p : doc_pairs(read_doc(doc))) {
            if (p.code == code && p.label == label) return true;
        }
        return false;
    };
    CHECK(found("access.md", "liaison", "被巡察单位整改联络员"));
    CHECK(found("access.md", "supervisor", "纪委监委 / 组织部"));
    CHECK(found("cli.md", "monthly", "每月"));
    CHECK(found("schema.md", "routine", "常规"));
}
