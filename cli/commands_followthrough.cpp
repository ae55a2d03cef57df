// cli/commands_followthrough.cpp: the second half of rectification (rectify/followthrough.h):
// `rectify evidence add|list|verify` (佐证材料), `rectify close-out` and its guards (销号),
// `rectify review schedule|verdict|report` (回头看), `rectify followups plan|record|due` (长期坚持),
// `rectify evaluate` (整改评估) and `rectify lead add|dispose|list` (问题线索).
#include "choice_option.hpp"
#include "context.hpp"
#include "deadline_options.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "labels.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>

namespace rectify_cli {

namespace {

// --- shared helpers ----------------------------------------------------------------------------


/** A positive record number (reviews and leads have no refs). */
std::int64_t parse_number(const std::string &what, const std::string &text) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0) {
        throw cli_error(exit_usage, what + " '" + text + "' is not a positive number");
    }
    return id;
}

/** issue or measure: the kinds evidence belongs to. */
rectify::kind evidence_kind(const std::string &word) {
    const rectify::kind k = parse_kind(word);
    if (k != rectify::kind::issue && k != rectify::kind::measure) {
        throw cli_error(exit_usage, "evidence belongs to an issue or a measure, not a " + word);
    }
    return k;
}

/** Whether the key holds true. */
bool get_bool(const json::object &o, std::string_view key) {
    const json::value *v = o.if_contains(key);
    return v != nullptr && v->is_bool() && v->as_bool();
}

/** Ensures the record exists and the actor may read it (a missing one is "not found", exit 3). */
void must_read(rectify::db &db, rectify::kind k, std::int64_t id, const std::string &arg) {
    const std::string what = "reading " + std::string(rectify::kind_name(k)) + " " + arg;
    doing(what, [&] { return db.record_get(k, id); });
}

std::string verdict_label(const std::string &verdict) { return choice_label(verdict_choices(), verdict); }

std::string cadence_label(const std::string &cadence) { return choice_label(cadence_choices(), cadence); }

std::string disposition_label(const std::string &d) { return choice_label(disposition_choices(), d); }

std::string guard_label(const std::string &guard) {
    if (guard == "measures_done") return "整改措施全部完成";
    if (guard == "min_evidence") return "佐证材料";
    if (guard == "verifier_not_owner") return "验收人不得为责任人";
    return guard;
}

/** "66.67%" for 6667 basis points: exact, from the integer the library rounded. */
std::string percent_text(std::int64_t basis_points) {
    std::string frac = std::to_string(basis_points % 100);
    if (frac.size() < 2) frac.insert(0, 1, '0');
    return std::to_string(basis_points / 100) + "." + frac + "%";
}

// --- evidence ----------------------------------------------------------------------------------

struct evidence_args {
    std::string kind;
    std::string id;
    std::string title;
    std::string file;
    std::string uri;
    std::string evidence_kind;
    std::string media_type;
    std::string inspection;
};

json::object find_evidence(rectify::db &db, rectify::kind k, std::int64_t target, std::int64_t id) {
    const std::string what = "listing evidence";
    const json::array rows = parse_json_array(doing(what, [&] { return db.evidence_list(k, target); }), what);
    for (const json::value &v : rows) {
        if (v.is_object() && get_int(v.as_object(), "id") == id) {
            return v.as_object();
        }
    }
    throw cli_error(exit_other, "evidence " + std::to_string(id) + " was added but is not listed");
}

void print_evidence(std::ostream &out, const json::array &rows) {
    using align = table::align;
    table t({{"编号", align::right},
             {"标题", align::left, 30u},
             {"类别", align::left},
             {"文件或地址", align::left, 50u},
             {"大小", align::right},
             {"SHA-256", align::left},
             {"添加人", align::left}});
    for (const json::value &v : rows) {
        const json::object &e = v.as_object();
        const auto path = get_string(e, "path");
        const auto sha = get_string(e, "sha256");
        t.add_row({int_or_none(e, "id"), text_or_none(e, "title"), text_or_none(e, "kind"),
                   path ? *path : text_or_none(e, "uri"), int_or_none(e, "size"),
                   sha ? sha->substr(0, 12) : std::string(none_mark), text_or_none(e, "added_by")});
    }
    t.print(out);
    out << "共 " << t.size() << " 件\n";
}

void add_evidence_commands(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand(
        "evidence", "Evidence (佐证材料) of issues and measures: attach a file (the library records its size and "
                    "SHA-256) or a URI, list it, and verify that the files are unchanged");
    group->require_subcommand(1);

    CLI::App *add = group->add_subcommand(
        "add", "Attach evidence to an issue or a measure; with --file the library hashes the file itself. Prints "
               "the evidence's id. Liaisons, and owners for their own measures.");
    auto aa = std::make_shared<evidence_args>();
    add->add_option("KIND", aa->kind, "issue or measure")->required()->check(CLI::IsMember({"issue", "measure"}));
    add->add_option("ID", aa->id, "the issue's or measure's ID or ref")->required();
    add->add_option("--title", aa->title, "what it is (缴款凭证, 会议记录 …)")->required();
    CLI::Option *file = add->add_option("--file", aa->file, "a file to hash and record (its absolute path is kept)");
    CLI::Option *uri = add->add_option("--uri", aa->uri, "where the host keeps it (oa://…); needed without --file");
    file->excludes(uri);
    uri->excludes(file);
    add->add_option("--kind", aa->evidence_kind, "the host's word for it (文件, 照片, 会议记录 …)");
    add->add_option("--media-type", aa->media_type, "e.g. application/pdf");
    add->callback([&ctx, aa, file, uri] {
        ctx.action = [&ctx, aa, file, uri] {
            const rectify::kind k = evidence_kind(aa->kind);
            if (file->count() == 0 && uri->count() == 0) {
                throw cli_error(exit_usage, "give --file PATH or --uri URI");
            }
            if (file->count() > 0) {
                std::error_code ec;
                if (!std::filesystem::exists(aa->file, ec)) {
                    throw cli_error(exit_not_found, "cannot read evidence file " + aa->file + ": no such file");
                }
            }
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t target = resolve_id(db, k, aa->id);
            rectify::evidence e;
            e.title = aa->title;
            if (file->count() > 0) e.path = aa->file;
            if (uri->count() > 0) e.uri = aa->uri;
            if (!aa->evidence_kind.empty()) e.kind = aa->evidence_kind;
            if (!aa->media_type.empty()) e.media_type = aa->media_type;
            const std::int64_t id =
                doing("adding evidence to " + aa->kind + " " + aa->id, [&] { return db.evidence_add(k, target, e); });
            const json::object row = find_evidence(db, k, target, id);
            if (ctx.json) {
                std::cout << json::serialize(row) << '\n';
            } else {
                std::cout << "evidence " << id << " added to " << aa->kind << ' ' << target << ": "
                          << text_or_none(row, "title");
                if (auto sha = get_string(row, "sha256")) {
                    std::cout << ", " << int_or_none(row, "size") << " bytes, sha256 " << *sha;
                }
                std::cout << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *list = group->add_subcommand("list", "List the evidence of an issue or a measure");
    auto la = std::make_shared<evidence_args>();
    list->add_option("KIND", la->kind, "issue or measure")->required()->check(CLI::IsMember({"issue", "measure"}));
    list->add_option("ID", la->id, "the issue's or measure's ID or ref")->required();
    list->callback([&ctx, la] {
        ctx.action = [&ctx, la] {
            const rectify::kind k = evidence_kind(la->kind);
            rectify::db db = ctx.open(open_mode::read);
            const std::int64_t target = resolve_id(db, k, la->id);
            const std::string text =
                doing("listing the evidence of " + la->kind + " " + la->id, [&] { return db.evidence_list(k, target); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
            } else {
                print_evidence(std::cout, parse_json_array(text, "the evidence"));
            }
            return exit_ok;
        };
    });

    CLI::App *verify = group->add_subcommand(
        "verify", "Re-hash every evidence file (of one inspection, or all) and compare it with what was recorded; "
                  "exits 7 and lists the changed and missing files on stderr when they differ");
    auto va = std::make_shared<evidence_args>();
    verify->add_option("--inspection,-i", va->inspection, "only this inspection's evidence (its ID or ref)");
    verify->callback([&ctx, va] {
        ctx.action = [&ctx, va] {
            rectify::db db = ctx.open(open_mode::read);
            std::int64_t inspection = 0;
            if (!va->inspection.empty()) {
                inspection = resolve_id(db, rectify::kind::inspection, va->inspection);
                must_read(db, rectify::kind::inspection, inspection, va->inspection);
            }
            const rectify::evidence_verification v =
                doing("verifying evidence", [&] { return db.evidence_verify(inspection); });
            const json::object report = parse_json_object(v.report, "the verification report");
            if (ctx.json) {
                std::cout << v.report << '\n';
            } else if (v.intact) {
                std::cout << "evidence intact: " << int_or_none(report, "checked")
                          << " files checked, every one as recorded\n";
            }
            if (v.intact) {
                return exit_ok;
            }
            std::cout.flush();
            const json::value *changed = report.if_contains("changed");
            const json::value *missing = report.if_contains("missing");
            const std::size_t n_changed = changed && changed->is_array() ? changed->as_array().size() : 0;
            const std::size_t n_missing = missing && missing->is_array() ? missing->as_array().size() : 0;
            std::cerr << "rectify: evidence not intact: " << n_changed << " changed, " << n_missing << " missing of "
                      << int_or_none(report, "checked") << " files checked\n";
            if (n_changed > 0) {
                for (const json::value &e : changed->as_array()) {
                    const json::object &o = e.as_object();
                    std::cerr << "changed: " << text_or_none(o, "path") << " (evidence " << int_or_none(o, "id") << ", "
                              << text_or_none(o, "title") << "; recorded " << int_or_none(o, "size") << " bytes sha256 "
                              << text_or_none(o, "sha256") << ", now " << int_or_none(o, "now_size") << " bytes sha256 "
                              << text_or_none(o, "now_sha256") << ")\n";
                    if (o.contains("database_sha256"))
                        std::cerr << "  the database's hash of evidence " << int_or_none(o, "id") << " (" << text_or_none(o, "database_sha256")
                                  << ") is not the audited one: it was rewritten behind the library's back\n";
                }
            }
            if (n_missing > 0) {
                for (const json::value &e : missing->as_array()) {
                    const json::object &o = e.as_object();
                    std::cerr << "missing: " << text_or_none(o, "path") << " (evidence " << int_or_none(o, "id") << ", "
                              << text_or_none(o, "title") << ")\n";
                }
            }
            return exit_tampered;
        };
    });
}

// --- close-out ---------------------------------------------------------------------------------

struct close_out_args {
    std::string issue;
    std::string date;
    std::string note;
    std::string set;
};

/**
 * A guard's refusal as the clerk reads it: the library says "... close-out refused by guard NAME:
 * REASON"; the CLI names the guard in Chinese too and ends with exit 8.
 */
[[noreturn]] void refused(const std::string &issue, const rectify::error &e) {
    const std::string message = e.what();
    const std::string marker = "refused by guard ";
    const std::size_t at = message.find(marker);
    if (at == std::string::npos) {
        throw cli_error(exit_guard, "issue " + issue + " not closed out: " + message);
    }
    const std::size_t name_at = at + marker.size();
    const std::size_t colon = message.find(':', name_at);
    const std::string guard = message.substr(name_at, colon == std::string::npos ? std::string::npos : colon - name_at);
    const std::string reason = colon == std::string::npos ? std::string() : message.substr(colon + 1);
    throw cli_error(exit_guard, "issue " + issue + " not closed out (销号被拒): guard " + guard + "（" +
                                    guard_label(guard) + "）:" + reason);
}

void add_close_out_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "close-out", "Close out (销号) a done issue as its verifier, on a date. Refused (exit 8, naming the guard) "
                     "unless every guard holds: by default every measure done, at least one evidence item, and a "
                     "verifier who is no measure's 责任人. Admin or supervisor.");
    auto a = std::make_shared<close_out_args>();
    cmd->add_option("ISSUE", a->issue, "the issue's ID or ref");
    cmd->add_option("--date", a->date, "the close-out date, YYYY-MM-DD");
    CLI::Option *note = cmd->add_option("--note", a->note, "the verifier's note (验收意见)");

    CLI::App *guards = cmd->add_subcommand(
        "guards", "Show the close-out guards in force, or set them with --set (admin on the whole database)");
    auto ga = std::make_shared<close_out_args>();
    CLI::Option *set = guards->add_option(
        "--set", ga->set,
        "JSON {\"measures_done\": bool, \"min_evidence\": n, \"verifier_not_owner\": bool}; keys left out keep "
        "their defaults (true, 1, true)");
    guards->callback([&ctx, ga, set] {
        ctx.action = [&ctx, ga, set] {
            rectify::db db = ctx.open(set->count() > 0 ? open_mode::write : open_mode::read);
            if (set->count() > 0) {
                doing("setting the close-out guards", [&] { db.close_out_guards_set(ga->set); });
            }
            const std::string text = doing("reading the close-out guards", [&] { return db.close_out_guards(); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
                return exit_ok;
            }
            const json::object g = parse_json_object(text, "the close-out guards");
            std::cout << "measures_done       " << (get_bool(g, "measures_done") ? "on" : "off")
                      << "  （每项整改措施均已完成）\n";
            std::cout << "min_evidence        " << int_or_none(g, "min_evidence") << "   （至少几件佐证材料）\n";
            std::cout << "verifier_not_owner  " << (get_bool(g, "verifier_not_owner") ? "on" : "off")
                      << "  （验收人不得为措施责任人）\n";
            return exit_ok;
        };
    });

    cmd->callback([&ctx, a, note, guards] {
        if (guards->parsed()) {
            return; // `close-out guards`: its own callback set the action
        }
        ctx.action = [&ctx, a, note] {
            if (a->issue.empty()) {
                throw cli_error(exit_usage, "close-out needs ISSUE (or: rectify close-out guards)");
            }
            if (a->date.empty()) {
                throw cli_error(exit_usage, "close-out needs --date YYYY-MM-DD");
            }
            const std::string date = checked_date("--date", a->date);
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t id = resolve_id(db, rectify::kind::issue, a->issue);
            std::optional<std::string_view> note_text;
            if (note->count() > 0) {
                note_text = a->note;
            }
            std::int64_t version = 0;
            try {
                version = db.close_out(id, date, note_text);
            } catch (const rectify::error &e) {
                if (e.code() == RECTIFY_E_GUARD) {
                    refused(std::to_string(id), e);
                }
                throw rectify::error(e.code(), "closing out issue " + a->issue + ": " + e.what());
            }
            const std::string what = "reading the close-outs of issue " + a->issue;
            const json::array outs = parse_json_array(doing(what, [&] { return db.close_out_list(id); }), what);
            if (ctx.json) {
                json::object out;
                out["issue_id"] = id;
                out["status"] = "closed";
                out["version"] = version;
                out["close_out"] = outs.empty() ? json::value(nullptr) : outs.back();
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "issue " << id << " closed out（已销号）on " << date << " by " << ctx.actor()
                          << ", version " << version << '\n';
            }
            return exit_ok;
        };
    });
}

// --- look-back reviews -------------------------------------------------------------------------

struct review_args {
    std::string inspection;
    std::string round;
    std::string date;
    std::string team;
    std::string title;
    std::string review;
    std::string issue;
    std::string verdict;
    std::string findings;
    std::string measures;
};

void print_review_report(std::ostream &out, const json::object &r) {
    using align = table::align;
    const std::string scope = get_string(r, "scope_kind").value_or("?");
    out << "回头看 " << int_or_none(r, "id");
    if (auto title = get_string(r, "title")) out << "：" << *title;
    out << "\n范围：" << (scope == "round" ? "轮次 " : "巡察 ") << int_or_none(r, "scope_id") << "　日期："
        << text_or_none(r, "scheduled_on") << "　小组：" << text_or_none(r, "team") << "\n\n";
    table t({{"问题", align::right},
             {"标题", align::left, 30u},
             {"结论", align::left},
             {"发现", align::left, 40u},
             {"认定日期", align::left},
             {"认定人", align::left}});
    const json::value *verdicts = r.if_contains("verdicts");
    if (verdicts && verdicts->is_array()) {
        for (const json::value &v : verdicts->as_array()) {
            const json::object &o = v.as_object();
            t.add_row({int_or_none(o, "issue_id"), text_or_none(o, "issue"),
                       get_string(o, "label").value_or(verdict_label(get_string(o, "verdict").value_or("?"))),
                       text_or_none(o, "findings"), text_or_none(o, "decided_on"), text_or_none(o, "decided_by")});
        }
    }
    t.print(out);
    const json::value *counts = r.if_contains("counts");
    std::int64_t held = 0, relapsed = 0, incomplete = 0, fake = 0;
    if (counts && counts->is_object()) {
        held = get_int(counts->as_object(), "held").value_or(0);
        relapsed = get_int(counts->as_object(), "relapsed").value_or(0);
        incomplete = get_int(counts->as_object(), "incomplete").value_or(0);
        fake = get_int(counts->as_object(), "false").value_or(0);
    }
    out << "共 " << t.size() << " 项：巩固 " << held << " 项，反弹 " << relapsed << " 项，整改不到位 " << incomplete
        << " 项，虚假整改 " << fake << " 项\n";
    const json::value *reopened = r.if_contains("reopened");
    if (reopened && reopened->is_array() && !reopened->as_array().empty()) {
        out << "\n重新整改的问题：\n";
        table rt({{"问题", align::right}, {"标题", align::left, 30u}, {"状态", align::left}, {"反弹次数", align::right}});
        for (const json::value &v : reopened->as_array()) {
            const json::object &o = v.as_object();
            rt.add_row({int_or_none(o, "issue_id"), text_or_none(o, "issue"),
                        status_label(get_string(o, "status").value_or("")), int_or_none(o, "relapse_count")});
        }
        rt.print(out);
    } else {
        out << "无重新整改的问题\n";
    }
}

void add_review_commands(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand(
        "review", "Look-back reviews (回头看): schedule one for an inspection or a whole round, record a verdict per "
                  "issue (held, relapsed, incomplete, false), and print the report");
    group->require_subcommand(1);

    CLI::App *schedule = group->add_subcommand(
        "schedule", "Schedule a look-back review of an inspection or a round, on a date, by a team; prints its id. "
                    "Admin or inspector.");
    auto sa = std::make_shared<review_args>();
    CLI::Option *insp = schedule->add_option("--inspection,-i", sa->inspection, "review this inspection (its ID or ref)");
    CLI::Option *round = schedule->add_option("--round,-r", sa->round, "review every inspection of this round (its ID or ref)");
    insp->excludes(round);
    round->excludes(insp);
    schedule->add_option("--date", sa->date, "the review's date, YYYY-MM-DD")->required();
    schedule->add_option("--team", sa->team, "who reviews (回头看小组)")->required();
    schedule->add_option("--title", sa->title, "a title (2019年回头看)");
    schedule->callback([&ctx, sa, insp, round] {
        ctx.action = [&ctx, sa, insp, round] {
            if (insp->count() == 0 && round->count() == 0) {
                throw cli_error(exit_usage, "give --inspection ID or --round ID");
            }
            const std::string date = checked_date("--date", sa->date);
            rectify::db db = ctx.open(open_mode::write);
            const bool by_round = round->count() > 0;
            const rectify::kind k = by_round ? rectify::kind::round : rectify::kind::inspection;
            const std::string &arg = by_round ? sa->round : sa->inspection;
            const std::int64_t scope_id = resolve_id(db, k, arg);
            std::optional<std::string_view> title;
            if (!sa->title.empty()) title = sa->title;
            const std::int64_t id = doing("scheduling a look-back review", [&] {
                return db.review_schedule(by_round ? rectify::review_scope::round : rectify::review_scope::inspection,
                                          scope_id, date, sa->team, title);
            });
            if (ctx.json) {
                std::cout << with_final_newline(doing("reading review " + std::to_string(id), [&] { return db.review_report(id); }));
            } else {
                std::cout << "review " << id << " scheduled for " << (by_round ? "round " : "inspection ") << scope_id
                          << " on " << date << " by " << sa->team << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *verdict = group->add_subcommand(
        "verdict", "Record a verdict on one issue: " + choice_help(verdict_choices()) +
                   ". Anything but held needs --findings and reopens the issue (history kept, relapse count raised); "
                   "--measures adds the re-rectification measures (二次整改). Admin or supervisor.");
    auto va = std::make_shared<review_args>();
    verdict->add_option("REVIEW", va->review, "the review's id (from review schedule)")->required();
    verdict->add_option("ISSUE", va->issue, "the issue's ID or ref")->required();
    add_choice_option(verdict, "VERDICT", va->verdict, verdict_choices())->required();
    verdict->add_option("--date", va->date, "the verdict's date, YYYY-MM-DD")->required();
    verdict->add_option("--findings", va->findings, "what was found (发现的问题)");
    verdict->add_option("--measures", va->measures,
                        "a JSON file: an array of new measures (title, category, deadline, leader, department, person)");
    verdict->callback([&ctx, va] {
        ctx.action = [&ctx, va] {
            const std::int64_t review = parse_number("review", va->review);
            const std::string date = checked_date("--date", va->date);
            std::optional<std::string> measures;
            if (!va->measures.empty()) measures = read_input_file(va->measures, "measures");
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t issue = resolve_id(db, rectify::kind::issue, va->issue);
            std::optional<std::string_view> findings;
            if (!va->findings.empty()) findings = va->findings;
            std::optional<std::string_view> measures_view;
            if (measures) measures_view = *measures;
            const std::int64_t id = doing("recording a verdict on issue " + va->issue, [&] {
                return db.review_verdict(review, issue, va->verdict, date, findings, measures_view);
            });
            const std::string what = "reading issue " + va->issue;
            const json::object after = parse_json_object(doing(what, [&] { return db.record_get(rectify::kind::issue, issue); }), what);
            const std::string status = get_string(after, "status").value_or("?");
            if (ctx.json) {
                json::object out;
                out["id"] = id;
                out["review_id"] = review;
                out["issue_id"] = issue;
                out["verdict"] = va->verdict;
                out["status"] = status;
                out["relapse_count"] = get_int(after, "relapse_count").value_or(0);
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "issue " << issue << ": " << va->verdict << "（" << verdict_label(va->verdict) << "）, now "
                          << status << "（" << status_label(status) << "）, relapse count "
                          << int_or_none(after, "relapse_count") << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *report = group->add_subcommand(
        "report", "The review's report: each issue's verdict and findings, the counts by verdict, and the issues it "
                  "reopened");
    auto ra = std::make_shared<review_args>();
    report->add_option("REVIEW", ra->review, "the review's id")->required();
    report->callback([&ctx, ra] {
        ctx.action = [&ctx, ra] {
            const std::int64_t review = parse_number("review", ra->review);
            rectify::db db = ctx.open(open_mode::read);
            const std::string text = doing("reading review " + ra->review, [&] { return db.review_report(review); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
            } else {
                print_review_report(std::cout, parse_json_object(text, "the review report"));
            }
            return exit_ok;
        };
    });
}

// --- follow-ups --------------------------------------------------------------------------------

struct followup_args {
    std::string measure;
    std::string cadence;
    std::string start;
    std::string date;
    std::string text;
    int within = 30;
    scope_args scope;
};

void add_followups_commands(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand(
        "followups", "Follow-ups of ongoing (长期坚持) measures: plan a cadence, record each follow-up, list those due "
                     "or missed (a missed one turns the measure red in warnings)");
    group->require_subcommand(1);

    CLI::App *plan = group->add_subcommand(
        "plan", "Plan follow-ups of an ongoing measure: a cadence from a start date. Admin or liaison.");
    auto pa = std::make_shared<followup_args>();
    plan->add_option("MEASURE", pa->measure, "the measure's ID or ref")->required();
    add_choice_option(plan, "--cadence", pa->cadence, cadence_choices())->required();
    plan->add_option("--start", pa->start, "the day the first period starts from, YYYY-MM-DD")->required();
    plan->callback([&ctx, pa] {
        ctx.action = [&ctx, pa] {
            const std::string start = checked_date("--start", pa->start);
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t m = resolve_id(db, rectify::kind::measure, pa->measure);
            doing("planning follow-ups of measure " + pa->measure, [&] { db.followup_plan(m, pa->cadence, start); });
            if (ctx.json) {
                json::object out;
                out["measure_id"] = m;
                out["cadence"] = pa->cadence;
                out["start"] = start;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "measure " << m << ": follow-ups " << pa->cadence << "（" << cadence_label(pa->cadence)
                          << "）from " << start << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *record = group->add_subcommand(
        "record", "Record a follow-up of a planned measure on a date; --text says what was found and is required. "
                  "Liaisons, and owners for their own measures.");
    auto ra = std::make_shared<followup_args>();
    record->add_option("MEASURE", ra->measure, "the measure's ID or ref")->required();
    record->add_option("--date", ra->date, "the follow-up's date, YYYY-MM-DD")->required();
    record->add_option("--text", ra->text, "what the follow-up found (跟踪情况)")->required();
    record->callback([&ctx, ra] {
        ctx.action = [&ctx, ra] {
            const std::string date = checked_date("--date", ra->date);
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t m = resolve_id(db, rectify::kind::measure, ra->measure);
            const std::int64_t id = doing("recording a follow-up of measure " + ra->measure,
                                          [&] { return db.followup_record(m, date, ra->text); });
            if (ctx.json) {
                json::object out;
                out["id"] = id;
                out["measure_id"] = m;
                out["date"] = date;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "follow-up " << id << " of measure " << m << " recorded on " << date << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *due = group->add_subcommand(
        "due", "Follow-ups missed, or due within --within days of --as-of, one row per measure");
    auto da = std::make_shared<followup_args>();
    due->add_option("--within", da->within, "days ahead to look (default 30)")->check(CLI::Range(0, 3660));
    add_as_of_option(due, da->scope);
    add_scope_options(due, da->scope);
    due->callback([&ctx, da] {
        ctx.action = [&ctx, da] {
            rectify::db db = ctx.open(open_mode::read);
            const rectify::warning_options opts = resolve_scope(db, da->scope);
            const std::string text =
                doing("listing follow-ups due", [&] { return db.followups_due(da->within, opts); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
                return exit_ok;
            }
            using align = table::align;
            table t({{"预警", align::left},
                     {"措施", align::right},
                     {"整改措施", align::left, 40u},
                     {"责任人", align::left, 10u},
                     {"频次", align::left},
                     {"上期截止", align::left},
                     {"下期截止", align::left},
                     {"最近跟踪", align::left}});
            std::size_t missed = 0;
            for (const json::value &v : parse_json_array(text, "the follow-ups due")) {
                const json::object &o = v.as_object();
                const bool m = get_bool(o, "missed");
                missed += m ? 1 : 0;
                t.add_row({m ? "红（未按期跟踪）" : "待跟踪", int_or_none(o, "measure_id"), text_or_none(o, "title"),
                           text_or_none(o, "person"), cadence_label(get_string(o, "cadence").value_or("?")),
                           text_or_none(o, "last_due"), text_or_none(o, "next_due"), text_or_none(o, "last_followup")});
            }
            t.print(std::cout);
            std::cout << "共 " << t.size() << " 项，其中未按期跟踪 " << missed << " 项\n";
            return exit_ok;
        };
    });
}

// --- evaluation --------------------------------------------------------------------------------

struct evaluate_args {
    std::string inspection;
    std::string date;
    std::string deductions;
    std::string thresholds;
};

void add_evaluate_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "evaluate", "Evaluate (整改评估) an inspection's rectification: 100 less the deductions, rated 好/较好/一般/差; "
                    "一般 and 差 send the issues the deductions name back for re-rectification. Admin or supervisor.");
    auto a = std::make_shared<evaluate_args>();
    cmd->add_option("--inspection,-i", a->inspection, "the inspection (its ID or ref)")->required();
    cmd->add_option("--date", a->date, "the evaluation's date, YYYY-MM-DD")->required();
    cmd->add_option("--deductions", a->deductions,
                    "a JSON file: an array of {\"item\", \"points\", \"issue_id\"?, \"note\"?}")
        ->required();
    cmd->add_option("--thresholds", a->thresholds,
                    "JSON {\"good\", \"fairly_good\", \"fair\"}: the lowest score of each rating (default 90, 80, 60)");
    cmd->callback([&ctx, a] {
        ctx.action = [&ctx, a] {
            const std::string date = checked_date("--date", a->date);
            const std::string deductions = read_input_file(a->deductions, "deductions");
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t inspection = resolve_id(db, rectify::kind::inspection, a->inspection);
            std::optional<std::string_view> thresholds;
            if (!a->thresholds.empty()) thresholds = a->thresholds;
            const std::string text = doing("evaluating inspection " + a->inspection,
                                           [&] { return db.evaluate(inspection, date, deductions, thresholds); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
                return exit_ok;
            }
            const json::object r = parse_json_object(text, "the evaluation");
            std::cout << "inspection " << inspection << " evaluated on " << date << ": score " << int_or_none(r, "score")
                      << ", rated " << text_or_none(r, "label") << "（" << text_or_none(r, "rating") << "）\n";
            const json::value *reopened = r.if_contains("reopened");
            if (get_bool(r, "rerectification")) {
                std::cout << "re-rectification (二次整改) opened";
                if (reopened && reopened->is_array() && !reopened->as_array().empty()) {
                    std::cout << "; issues sent back:";
                    for (const json::value &v : reopened->as_array()) {
                        std::cout << ' ' << json::serialize(v);
                    }
                } else {
                    std::cout << "; no deduction names an issue";
                }
                std::cout << '\n';
            } else {
                std::cout << "no re-rectification needed\n";
            }
            return exit_ok;
        };
    });
}

// --- leads -------------------------------------------------------------------------------------

struct lead_args {
    std::string inspection;
    std::string summary;
    std::string to;
    std::string date;
    std::string lead;
    std::string disposition;
    std::string note;
};

json::object leads_of(rectify::db &db, std::int64_t inspection) {
    const std::string what = "listing leads";
    return parse_json_object(doing(what, [&] { return db.lead_list(inspection); }), what);
}

json::object find_lead(rectify::db &db, std::int64_t id) {
    const json::object all = leads_of(db, 0);
    const json::value *leads = all.if_contains("leads");
    if (leads && leads->is_array()) {
        for (const json::value &v : leads->as_array()) {
            if (v.is_object() && get_int(v.as_object(), "id") == id) {
                return v.as_object();
            }
        }
    }
    throw cli_error(exit_not_found, "no lead " + std::to_string(id));
}

void print_leads(std::ostream &out, const json::object &l) {
    using align = table::align;
    table t({{"编号", align::right},
             {"巡察", align::right},
             {"线索", align::left, 30u},
             {"移交单位", align::left},
             {"移交日期", align::left},
             {"处置", align::left},
             {"办结日期", align::left},
             {"备注", align::left, 20u}});
    const json::value *leads = l.if_contains("leads");
    if (leads && leads->is_array()) {
        for (const json::value &v : leads->as_array()) {
            const json::object &o = v.as_object();
            t.add_row({int_or_none(o, "id"), int_or_none(o, "inspection_id"), text_or_none(o, "summary"),
                       text_or_none(o, "handed_to"), text_or_none(o, "handed_on"),
                       disposition_label(get_string(o, "disposition").value_or("?")), text_or_none(o, "concluded_on"),
                       text_or_none(o, "note")});
        }
    }
    t.print(out);
    // No leads handed over is no rate at all, "—" as `rectify stats` prints it, not 0.00%.
    const bool none_handed = get_int(l, "handed").value_or(0) == 0;
    out << "移交 " << int_or_none(l, "handed") << " 件，办结 " << int_or_none(l, "concluded") << " 件，办结率 "
        << (none_handed ? std::string(none_mark) : percent_text(get_int(l, "completion_basis_points").value_or(0)))
        << '\n';
}

void add_lead_commands(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand(
        "lead", "Leads (问题线索) handed to 纪委监委, 组织部 …: record one, its disposition, and list them with the "
                "completion rate");
    group->require_subcommand(1);

    CLI::App *add = group->add_subcommand(
        "add", "Record a lead of an inspection handed to a body on a date; prints its id. Admin or inspector.");
    auto aa = std::make_shared<lead_args>();
    add->add_option("--inspection,-i", aa->inspection, "the inspection (its ID or ref)")->required();
    add->add_option("--summary", aa->summary, "what the lead is about")->required();
    add->add_option("--to", aa->to, "the body it was handed to (市纪委监委, 市委组织部 …)")->required();
    add->add_option("--date", aa->date, "the day it was handed over, YYYY-MM-DD")->required();
    add->callback([&ctx, aa] {
        ctx.action = [&ctx, aa] {
            const std::string date = checked_date("--date", aa->date);
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t inspection = resolve_id(db, rectify::kind::inspection, aa->inspection);
            const std::int64_t id = doing("recording a lead of inspection " + aa->inspection,
                                          [&] { return db.lead_add(inspection, aa->summary, aa->to, date); });
            if (ctx.json) {
                std::cout << json::serialize(find_lead(db, id)) << '\n';
            } else {
                std::cout << "lead " << id << " handed to " << aa->to << " on " << date << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *dispose = group->add_subcommand(
        "dispose", "Record a lead's disposition: " + choice_help(disposition_choices()) +
                   "; the last two need --date, the day it was concluded. Admin or supervisor.");
    auto da = std::make_shared<lead_args>();
    dispose->add_option("LEAD", da->lead, "the lead's id (from lead list)")->required();
    add_choice_option(dispose, "DISPOSITION", da->disposition, disposition_choices())->required();
    CLI::Option *date = dispose->add_option("--date", da->date, "the day it was concluded, YYYY-MM-DD");
    CLI::Option *note = dispose->add_option("--note", da->note, "how it was disposed of (给予诫勉 …)");
    dispose->callback([&ctx, da, date, note] {
        ctx.action = [&ctx, da, date, note] {
            const std::int64_t id = parse_number("lead", da->lead);
            std::optional<std::string> on;
            if (date->count() > 0) on = checked_date("--date", da->date);
            rectify::db db = ctx.open(open_mode::write);
            std::optional<std::string_view> on_view, note_view;
            if (on) on_view = *on;
            if (note->count() > 0) note_view = da->note;
            doing("disposing of lead " + da->lead, [&] { db.lead_dispose(id, da->disposition, on_view, note_view); });
            const json::object l = find_lead(db, id);
            if (ctx.json) {
                std::cout << json::serialize(l) << '\n';
            } else {
                std::cout << "lead " << id << ": " << da->disposition << "（" << disposition_label(da->disposition) << "）";
                if (on) std::cout << " on " << *on;
                std::cout << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *list = group->add_subcommand(
        "list", "List leads (of one inspection, or all the actor may read; needs read_leads) with handed, concluded and the "
                "completion rate");
    auto la = std::make_shared<lead_args>();
    list->add_option("--inspection,-i", la->inspection, "only this inspection's (its ID or ref)");
    list->callback([&ctx, la] {
        ctx.action = [&ctx, la] {
            rectify::db db = ctx.open(open_mode::read);
            std::int64_t inspection = 0;
            if (!la->inspection.empty()) {
                inspection = resolve_id(db, rectify::kind::inspection, la->inspection);
                must_read(db, rectify::kind::inspection, inspection, la->inspection);
            }
            const json::object l = leads_of(db, inspection);
            if (ctx.json) {
                std::cout << json::serialize(l) << '\n';
            } else {
                print_leads(std::cout, l);
            }
            return exit_ok;
        };
    });
}

} // namespace

void add_followthrough_commands(CLI::App &app, context &ctx) {
    add_evidence_commands(app, ctx);
    add_close_out_command(app, ctx);
    add_review_commands(app, ctx);
    add_followups_commands(app, ctx);
    add_evaluate_command(app, ctx);
    add_lead_commands(app, ctx);
}

} // namespace rectify_cli
