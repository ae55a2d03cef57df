// cli/commands_audit_proofs.cpp: `rectify audit head|prove`, the signed Merkle tree heads of the
// audit log and the proofs an outsider checks against them (examples/check_audit_proof.py).
// Heads and proofs are JSON documents to keep or hand over, so they go to stdout as JSON whatever
// --json says; only `audit head -o FILE` prints a line of its own (JSON with --json).
#include "audit_proofs.hpp"
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace rectify_cli {

std::string head_argument(const std::string &arg, const std::string &what) {
    // A head is small and begins with '{'; a file name never does in practice, and a name that
    // does can still be given as ./{…}.
    if (!arg.empty() && arg.front() == '{') {
        return arg;
    }
    return read_input_file(arg, what);
}

namespace {

struct head_args {
    std::string key_file;
    std::string output;
};

struct prove_args {
    std::string from;
    std::string to;
    std::string head;
    std::int64_t event = 0;
};

void add_head_command(CLI::App &group, context &ctx) {
    CLI::App *head = group.add_subcommand(
        "head", "Sign the audit log's size and Merkle root with an Ed25519 key (openssl genpkey -algorithm "
                "ed25519) and print the head as JSON, to be kept outside the database");
    auto args = std::make_shared<head_args>();
    head->add_option("--key", args->key_file, "the Ed25519 private key, PEM")->required();
    head->add_option("-o,--output", args->output, "write the head to this file (never overwritten) instead of stdout");
    head->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            std::error_code ec;
            if (!args->output.empty() && std::filesystem::exists(args->output, ec)) {
                throw cli_error(exit_other, "audit head: " + args->output + " exists already; a kept head is never overwritten");
            }
            const std::string key = read_input_file(args->key_file, "the private key");
            rectify::db db = ctx.open(open_mode::read);
            const std::string text = doing("taking a head of the audit log", [&] { return db.audit_head(key); });
            if (args->output.empty()) {
                std::cout << with_final_newline(text);
                return exit_ok;
            }
            write_output_file(args->output, with_final_newline(text), "the head");
            const json::object h = parse_json_object(text, "the head");
            if (ctx.json) {
                json::object out;
                out["path"] = args->output;
                out["size"] = get_int(h, "size").value_or(0);
                out["root"] = get_string(h, "root").value_or("");
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "wrote the head of " << get_int(h, "size").value_or(0) << " events to " << args->output << "\n"
                          << "root: " << get_string(h, "root").value_or("") << '\n';
            }
            return exit_ok;
        };
    });
}

void add_prove_command(CLI::App &group, context &ctx) {
    CLI::App *prove = group.add_subcommand(
        "prove", "Print a proof as JSON: with --from HEAD, that the log now (or the later head --to) extends an "
                 "earlier head; with --event N --head HEAD, that event N is in that head");
    auto args = std::make_shared<prove_args>();
    CLI::Option *from = prove->add_option("--from", args->from, "an earlier head: a file as `audit head` wrote it, or its JSON");
    CLI::Option *to = prove->add_option("--to", args->to, "a later head to prove the earlier one extended by (default: the log now)");
    CLI::Option *event = prove->add_option("--event", args->event, "the id of an audit event (audit log --json shows them)")
                             ->check(CLI::PositiveNumber);
    CLI::Option *head = prove->add_option("--head", args->head, "the head the event is to be proved in (with --event)");
    from->excludes(event)->excludes(head);
    to->needs(from);
    event->needs(head);
    head->needs(event);
    prove->callback([&ctx, args, from, event] {
        ctx.action = [&ctx, args, from, event] {
            if (from->count() == 0 && event->count() == 0) {
                throw cli_error(exit_usage, "audit prove: give --from HEAD, or --event N --head HEAD");
            }
            rectify::db db = ctx.open(open_mode::read);
            std::string text;
            if (from->count() != 0) {
                const std::string earlier = head_argument(args->from, "the earlier head");
                const std::string later = args->to.empty() ? std::string() : head_argument(args->to, "the later head");
                text = doing("proving " + (args->to.empty() ? std::string("the audit log") : args->to) + " extends " + args->from,
                             [&] { return db.audit_prove_consistency(earlier, later); });
            } else {
                const std::string h = head_argument(args->head, "the head");
                text = doing("proving event " + std::to_string(args->event) + " is in " + args->head,
                             [&] { return db.audit_prove_inclusion(args->event, h); });
            }
            std::cout << with_final_newline(text);
            return exit_ok;
        };
    });
}

} // namespace

void add_audit_proof_commands(CLI::App &group, context &ctx) {
    add_head_command(group, ctx);
    add_prove_command(group, ctx);
}

} // namespace rectify_cli
