// cli/commands_audit.cpp: `rectify audit log|verify` (the tamper-evident audit log) and
// `rectify backup FILE` (a consistent copy of a live database); `audit head|prove` are in
// commands_audit_proofs.cpp.
#include "audit_proofs.hpp"
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "output.hpp"
#include "progress_bar.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <set>

namespace rectify_cli {

namespace {

struct log_args {
    std::string kind;
    std::string id;
    std::int64_t limit = 0;
    std::int64_t offset = 0;
};

/** A value of a record image, short: strings as they are, the rest as JSON. */
std::string short_value(const json::value &v) {
    if (v.is_string()) {
        return std::string(v.as_string());
    }
    return json::serialize(v);
}

/**
 * What an event changed, in a few words: "status: done → closed" for one changed field, else the
 * names of the changed fields; "新建" for a record created, "删除" for one removed. The version and
 * timestamps every change moves are left out.
 */
std::string change_summary(const json::object &event) {
    const json::value *before = event.if_contains("before");
    const json::value *after = event.if_contains("after");
    const bool has_before = before != nullptr && !before->is_null();
    const bool has_after = after != nullptr && !after->is_null();
    if (!has_before && has_after) {
        return "新建";
    }
    if (has_before && !has_after) {
        return "删除";
    }
    if (!has_before || !before->is_object() || !after->is_object()) {
        return std::string(none_mark);
    }
    static const std::set<std::string> ignored = {"version", "updated_at", "created_at"};
    const json::object &b = before->as_object();
    const json::object &a = after->as_object();
    std::string keys;
    std::string only;
    int changed = 0;
    for (const auto &kv : a) {
        const std::string key(kv.key());
        if (ignored.count(key) != 0) {
            continue;
        }
        const json::value *old = b.if_contains(kv.key());
        if (old != nullptr && *old == kv.value()) {
            continue;
        }
        ++changed;
        keys += keys.empty() ? "" : ", ";
        keys += key;
        only = key + ": " + (old != nullptr ? short_value(*old) : std::string(none_mark)) + " → " +
               short_value(kv.value());
    }
    if (changed == 0) {
        return std::string(none_mark);
    }
    return changed == 1 ? only : keys;
}

void print_events_table(std::ostream &out, const json::array &events) {
    using align = table::align;
    table t({{"编号", align::right},
             {"时间", align::left},
             {"操作人", align::left, 16},
             {"动作", align::left},
             {"记录", align::left},
             {"变更", align::left, 40},
             {"哈希", align::left}});
    for (const json::value &v : events) {
        const json::object &e = v.as_object();
        const std::string hash = get_string(e, "hash").value_or("");
        t.add_row({int_or_none(e, "id"), text_or_none(e, "at"), text_or_none(e, "actor"), text_or_none(e, "action"),
                   text_or_none(e, "kind") + " " + int_or_none(e, "record_id"), change_summary(e),
                   hash.empty() ? std::string(none_mark) : hash.substr(0, 12)});
    }
    t.print(out);
    out << "共 " << t.size() << " 条\n";
}

/** The id of the event whose hash is anchor, or 0 when the chain no longer holds it. */
std::int64_t event_with_hash(rectify::db &db, const std::string &anchor) {
    const json::array events =
        parse_json_array(doing("reading the audit log", [&] { return db.audit_log(); }), "the audit log");
    for (const json::value &v : events) {
        const json::object &e = v.as_object();
        if (get_string(e, "hash").value_or("") == anchor) {
            return get_int(e, "id").value_or(0);
        }
    }
    return 0;
}

struct verify_args {
    std::string anchor;
    std::string head;
    std::string public_key_file;
};

void add_verify_command(CLI::App &group, context &ctx) {
    CLI::App *verify = group.add_subcommand(
        "verify", "Walk the audit chain and compare every record with its last audited state; prints the events "
                  "checked and the head hash, or names the first broken link on stderr and exits 7");
    auto args = std::make_shared<verify_args>();
    verify->add_option("--anchor", args->anchor,
                       "a head hash kept from an earlier verify: fail (exit 7) unless the chain still passes through it");
    CLI::Option *head = verify->add_option(
        "--head", args->head, "a signed head kept from `audit head` (a file or its JSON): fail (exit 7) unless it is "
                              "signed by --public-key and the log now extends it");
    CLI::Option *key = verify->add_option("--public-key", args->public_key_file,
                                          "the Ed25519 public key the head must be signed with, PEM (openssl pkey -pubout)");
    head->needs(key);
    key->needs(head);
    verify->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            // Read what the options name before the long walk, so a wrong path fails at once.
            const std::string head_json = args->head.empty() ? std::string() : head_argument(args->head, "the head");
            const std::string public_key =
                args->head.empty() ? std::string() : read_input_file(args->public_key_file, "the public key");
            progress_bar bar("verifying the audit log", "events and records");
            rectify::db db = ctx.open(open_mode::read);
            bar.attach(db);
            const rectify::audit_verification v = doing("verifying the audit log", [&] { return db.audit_verify(); });
            bar.finish();
            const json::object report = parse_json_object(v.report, "the verification report");
            const std::int64_t events = get_int(report, "events").value_or(0);
            const std::string head_hash = get_string(report, "head_hash").value_or("");
            std::string problem = v.problem;
            std::int64_t anchor_event = 0;
            if (v.intact && !args->anchor.empty()) {
                anchor_event = event_with_hash(db, args->anchor);
                if (anchor_event == 0) {
                    problem = "the audit log no longer passes through the anchor " + args->anchor +
                              ": it was rewritten since that hash was taken";
                }
            }
            std::optional<json::object> head_report;
            if (!head_json.empty()) {
                const rectify::audit_verification hv =
                    doing("checking the head " + args->head, [&] { return db.audit_verify_head(head_json, public_key); });
                head_report = parse_json_object(hv.report, "the head report");
                if (problem.empty() && !hv.intact) {
                    problem = "the head " + args->head + ": " + hv.problem;
                }
            }
            const bool intact = problem.empty();
            if (ctx.json) {
                json::object out = report;
                out["intact"] = intact;
                if (!args->anchor.empty()) {
                    out["anchor"] = args->anchor;
                    out["anchor_event"] = anchor_event == 0 ? json::value(nullptr) : json::value(anchor_event);
                }
                if (head_report) {
                    out["head"] = *head_report;
                }
                if (!intact) {
                    out["problem"] = problem;
                }
                std::cout << json::serialize(out) << '\n';
            } else if (intact) {
                std::cout << "audit log intact: " << events << " events checked, every record matches its last event\n"
                          << "head hash: " << head_hash << '\n';
                if (anchor_event != 0) {
                    std::cout << "anchor: event " << anchor_event << '\n';
                }
                if (head_report) {
                    std::cout << "signed head: " << get_int(*head_report, "head_size").value_or(0)
                              << " events, signed by the trusted key; the log extends it (" << events << " events now)\n";
                }
            }
            if (!intact) {
                std::cout.flush();
                throw cli_error(exit_tampered, "audit verify: " + problem);
            }
            return exit_ok;
        };
    });
}

} // namespace

void add_audit_command(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand(
        "audit", "The audit log: every change, who made it and when, in a hash chain that shows tampering");
    group->require_subcommand(1);

    CLI::App *log = group->add_subcommand(
        "log", "List audit events, oldest first: of one record (KIND ID) or all of them; as a table or JSON");
    auto args = std::make_shared<log_args>();
    log->add_option("KIND", args->kind, "round, unit, inspection, aspect, issue, measure, progress or outcome")
        ->check(CLI::IsMember({"round", "unit", "inspection", "aspect", "issue", "measure", "progress", "outcome"}));
    log->add_option("ID", args->id, "the record's id, or its ref");
    log->add_option("--limit", args->limit, "at most this many events (default: all)")->check(CLI::NonNegativeNumber);
    log->add_option("--offset", args->offset, "skip this many events first")->check(CLI::NonNegativeNumber);
    log->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            if (!args->kind.empty() && args->id.empty()) {
                throw cli_error(exit_usage, "audit log " + args->kind + ": the record's ID is missing");
            }
            rectify::db db = ctx.open(open_mode::read);
            std::string text;
            if (args->kind.empty()) {
                text = doing("reading the audit log", [&] { return db.audit_log(args->offset, args->limit); });
            } else {
                const rectify::kind k = parse_kind(args->kind);
                const std::int64_t id = resolve_id(db, k, args->id);
                text = doing("reading the audit log of " + args->kind + " " + args->id,
                             [&] { return db.audit_log(k, id, args->offset, args->limit); });
            }
            if (ctx.json) {
                std::cout << with_final_newline(text);
                return exit_ok;
            }
            print_events_table(std::cout, parse_json_array(text, "the audit log"));
            return exit_ok;
        };
    });

    add_verify_command(*group, ctx);
    add_audit_proof_commands(*group, ctx);
}

void add_backup_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "backup", "Write a consistent copy of the database to FILE while others go on writing (admin or auditor "
                  "on the whole database); never overwrites a file");
    auto file = std::make_shared<std::string>();
    cmd->add_option("FILE", *file, "where the copy goes; must not exist")->required();
    cmd->callback([&ctx, file] {
        ctx.action = [&ctx, file] {
            const std::string path = ctx.db_path();
            progress_bar bar("backing up", "pages");
            rectify::db db = ctx.open(path, open_mode::read);
            bar.attach(db);
            doing("backing up " + path + " to " + *file, [&] { db.backup(*file); });
            bar.finish();
            if (ctx.json) {
                json::object out;
                out["path"] = path;
                out["backup"] = *file;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "backed up " << path << " to " << *file << '\n';
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
