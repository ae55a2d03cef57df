// cli/context.cpp: global options, opening the database, resolving ID arguments.
#include "context.hpp"

#include "errors.hpp"
#include "labels.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace rectify_cli {

namespace {

std::string env(const char *name) {
    const char *v = std::getenv(name);
    return v != nullptr ? std::string(v) : std::string();
}

bool all_digits(const std::string &s) {
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

} // namespace

bool context::db_given() const { return db_flag != nullptr && db_flag->count() > 0; }

std::string context::db_path() const {
    if (!db_option.empty()) {
        return db_option;
    }
    std::string from_env = env("RECTIFY_DB");
    return from_env.empty() ? std::string("rectify.db") : from_env;
}

std::string context::actor() const {
    if (!actor_option.empty()) {
        return actor_option;
    }
    for (const char *name : {"RECTIFY_ACTOR", "USER"}) {
        std::string v = env(name);
        if (!v.empty()) {
            return v;
        }
    }
    return "cli";
}

rectify::db context::open_as(const std::string &path, open_mode mode, const std::string &as_actor) const {
    if (mode != open_mode::create) {
        // Opening without RECTIFY_OPEN_CREATE would fail too, but this says what to do about it.
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            throw cli_error(exit_not_found, "no database at " + path +
                                                " (create one with: rectify --db " + path + " init)");
        }
    }
    unsigned flags = 0;
    if (mode == open_mode::create) {
        flags = RECTIFY_OPEN_CREATE;
    } else if (mode == open_mode::read) {
        flags = RECTIFY_OPEN_READONLY;
    }
    // Every call is authorised by the actor, reads included, so every handle acts for one.
    return doing("opening " + path, [&] { return rectify::db(path, flags, as_actor); });
}

std::int64_t resolve_id(rectify::db &db, rectify::kind k, const std::string &arg) {
    const std::string kind_name(rectify::kind_name(k));
    if (all_digits(arg)) {
        std::int64_t id = 0;
        const auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), id);
        if (ec != std::errc() || end != arg.data() + arg.size() || id <= 0) {
            throw cli_error(exit_usage, kind_name + " id " + arg + " is out of range");
        }
        return id;
    }
    if (arg.empty()) {
        throw cli_error(exit_usage, "an empty " + kind_name + " ID");
    }
    return doing("finding the " + kind_name + " whose ref is '" + arg + "'",
                 [&] { return db.record_find(k, arg); });
}

rectify::kind parse_kind(const std::string &name) {
    try {
        return rectify::kind_from_name(name);
    } catch (const rectify::error &) {
        throw cli_error(exit_usage, "unknown record kind '" + name +
                                        "' (use round, unit, inspection, aspect, issue, measure, "
                                        "progress or outcome)");
    }
}

rectify::status parse_status(const std::string &word) {
    int code = 0;
    const auto name = choice_code(status_choices(), word);
    if (!name || rectify_status_from_name(&code, name->c_str()) != RECTIFY_OK) {
        throw cli_error(exit_usage, choice_error(status_choices(), word));
    }
    return static_cast<rectify::status>(code);
}

rectify::role parse_role(const std::string &word) {
    int code = 0;
    const auto name = choice_code(role_choices(), word);
    if (!name || rectify_role_from_name(&code, name->c_str()) != RECTIFY_OK) {
        throw cli_error(exit_usage, choice_error(role_choices(), word));
    }
    return static_cast<rectify::role>(code);
}

std::string read_input_file(const std::string &path, const std::string &what) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw cli_error(exit_not_found, "cannot read " + what + " " + path + ": no such file");
    }
    if (std::filesystem::is_directory(path, ec)) {
        throw cli_error(exit_other, "cannot read " + what + " " + path + ": it is a directory");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in && !in.eof()) {
        throw cli_error(exit_other, "cannot read " + what + " " + path);
    }
    return buf.str();
}

void write_output_file(const std::string &path, const std::string &bytes, const std::string &what) {
    const std::string temp = path + ".part";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(temp, ec);
            throw cli_error(exit_other, "cannot write " + what + " to " + path);
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        throw cli_error(exit_other, "cannot write " + what + " to " + path + ": " + ec.message());
    }
}

} // namespace rectify_cli
