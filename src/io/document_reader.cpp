// Reading the interchange format: every rule of docs/schema.md that can be checked without the
// database is checked here, before anything is written.
#include "io/document.hpp"

#include "io/fields.hpp"
#include "io/json_text.hpp"

#include <boost/json.hpp>

#include <map>

namespace rectify::io {

namespace {

using core::Errc;
using core::Error;

std::string index_path(const std::string &path, std::string_view key, std::size_t i) {
    return join_path(path, key) + "[" + std::to_string(i) + "]";
}

// Refs must be unique per record kind within the document, or one record would overwrite another.
class RefRegistry {
public:
    void claim(core::Kind kind, const std::string &ref, const Fields &owner) {
        auto [it, fresh] = seen_.emplace(std::make_pair(kind, ref), owner.path());
        if (!fresh)
            throw Error(Errc::invalid, owner.at("ref") + ": '" + ref + "' is already the ref of " + it->second +
                                           " (refs are unique per record kind)");
    }

private:
    std::map<std::pair<core::Kind, std::string>, std::string> seen_;
};

class Reader {
public:
    Document read(const boost::json::value &root) {
        Fields f(root, "");
        auto format = f.opt_text("format");
        if (!format) f.fail("format", "is required (\"" + std::string(kFormatName) + "\")");
        if (*format != kFormatName) f.fail("format", "expected \"" + std::string(kFormatName) + "\", got \"" + *format + "\"");
        auto version = f.opt_int("format_version");
        if (!version) f.fail("format_version", "is required");
        if (*version > kFormatVersion)
            f.fail("format_version", std::to_string(*version) + " is newer than this rectify reads (" + std::to_string(kFormatVersion) + ")");
        if (*version < 1) f.fail("format_version", "must be 1");

        Document doc;
        if (const auto *r = f.opt_object("round")) doc.round = read_round(*r, "round");
        if (!f.has("unit")) f.fail("unit", "is required");
        doc.unit = read_unit(*f.opt_object("unit"), "unit");
        if (!f.has("inspection")) f.fail("inspection", "is required");
        doc.inspection = read_inspection(*f.opt_object("inspection"), "inspection");
        const std::string &iref = doc.inspection.meta.ref;

        const auto &aspects = f.array("aspects");
        for (std::size_t i = 0; i < aspects.size(); ++i)
            doc.aspects.push_back(read_aspect(aspects[i], index_path("", "aspects", i), iref, i + 1));
        if (const auto *outcomes = f.opt_array("outcomes"))
            for (std::size_t i = 0; i < outcomes->size(); ++i)
                doc.outcomes.push_back(read_outcome((*outcomes)[i], index_path("", "outcomes", i), iref, i + 1));
        f.finish();
        return doc;
    }

private:
    // The explicit ref, or parent + suffix when the document leaves it out.
    std::string ref_of(Fields &f, core::Kind kind, const std::string &derived) {
        auto ref = f.opt_text("ref");
        if (ref && ref->find_first_not_of(" \t\r\n") == std::string::npos) f.fail("ref", "must not be empty");
        std::string r = ref ? *ref : derived;
        refs_.claim(kind, r, f);
        return r;
    }

    core::Round read_round(const boost::json::value &v, const std::string &path) {
        Fields f(v, path);
        core::Round r;
        r.meta.ref = f.text("ref");
        refs_.claim(core::Kind::round, r.meta.ref, f);
        r.name = f.text("name");
        r.year = f.opt_int("year");
        if (r.year && (*r.year < 1900 || *r.year > 9999)) f.fail("year", std::to_string(*r.year) + " is not a plausible year");
        f.finish();
        return r;
    }

    core::Unit read_unit(const boost::json::value &v, const std::string &path) {
        Fields f(v, path);
        core::Unit u;
        u.meta.ref = f.text("ref");
        refs_.claim(core::Kind::unit, u.meta.ref, f);
        u.name = f.text("name");
        u.party_org = f.opt_text("party_org");
        f.finish();
        return u;
    }

    core::Inspection read_inspection(const boost::json::value &v, const std::string &path) {
        Fields f(v, path);
        core::Inspection in;
        in.meta.ref = f.text("ref");
        refs_.claim(core::Kind::inspection, in.meta.ref, f);
        auto kind = f.opt_enum<core::InspectionKind>("kind", core::parse_inspection_kind_or_label, core::all_choices(core::InspectionKind{}));
        if (!kind) f.fail("kind", "is required");
        in.kind = *kind;
        in.label = f.opt_text("label");
        in.authority = f.opt_text("authority");
        in.group = f.text("group");
        in.onsite_start = f.date("onsite_start");
        in.onsite_end = f.opt_date("onsite_end");
        if (in.onsite_end && *in.onsite_end < in.onsite_start)
            f.fail("onsite_end", core::format_date(*in.onsite_end) + " is before onsite_start " + core::format_date(in.onsite_start));
        in.feedback_date = f.opt_date("feedback_date");
        if (in.feedback_date && *in.feedback_date < in.onsite_start)
            f.fail("feedback_date", core::format_date(*in.feedback_date) + " is before onsite_start " + core::format_date(in.onsite_start));
        in.title = f.opt_text("title");
        if (const auto *c = f.opt_object("closing")) {
            Fields cf(*c, f.at("closing"));
            core::Closing closing;
            closing.heading = cf.text("heading");
            const auto &ps = cf.array("paragraphs");
            for (std::size_t i = 0; i < ps.size(); ++i) {
                if (!ps[i].is_string()) throw Error(Errc::invalid, index_path(cf.path(), "paragraphs", i) + ": expected a string");
                closing.paragraphs.emplace_back(ps[i].get_string());
            }
            cf.finish();
            in.closing = std::move(closing);
        }
        f.finish();
        return in;
    }

    DocAspect read_aspect(const boost::json::value &v, const std::string &path, const std::string &parent_ref, std::size_t n) {
        Fields f(v, path);
        DocAspect a;
        a.path = path;
        a.record.meta.ref = ref_of(f, core::Kind::aspect, parent_ref + "/a" + std::to_string(n));
        a.record.seq = static_cast<std::int64_t>(n);
        a.record.title = f.text("title");
        const auto &issues = f.array("issues");
        for (std::size_t i = 0; i < issues.size(); ++i)
            a.issues.push_back(read_issue(issues[i], index_path(path, "issues", i), a.record.meta.ref + "/i" + std::to_string(i + 1), i + 1));
        f.finish();
        return a;
    }

    // Public flag and its reason, shared by issues and measures.
    template <class R> void read_public(Fields &f, R &r) {
        r.is_public = f.boolean("public", true);
        r.non_public_reason = f.opt_text("non_public_reason");
        if (r.non_public_reason && r.is_public) f.fail("non_public_reason", "is only allowed with \"public\": false");
    }

    template <class R> bool read_status(Fields &f, R &r) {
        auto s = f.opt_enum<core::Status>("status", core::parse_status_or_label, core::all_choices(core::Status{}));
        r.status = s.value_or(core::Status::not_started);
        return s.has_value();
    }

    DocIssue read_issue(const boost::json::value &v, const std::string &path, const std::string &derived_ref, std::size_t n) {
        Fields f(v, path);
        DocIssue d;
        d.path = path;
        auto &r = d.record;
        r.meta.ref = ref_of(f, core::Kind::issue, derived_ref);
        r.seq = static_cast<std::int64_t>(n);
        r.title = f.text("title");
        r.description = f.opt_text("description");
        read_public(f, r);
        d.status_given = read_status(f, r);
        if (const auto *ms = f.opt_array("measures"))
            for (std::size_t i = 0; i < ms->size(); ++i)
                d.measures.push_back(read_measure((*ms)[i], index_path(path, "measures", i), r.meta.ref + "/m" + std::to_string(i + 1), i + 1));
        if (const auto *subs = f.opt_array("issues"))
            for (std::size_t i = 0; i < subs->size(); ++i)
                d.sub_issues.push_back(read_issue((*subs)[i], index_path(path, "issues", i), r.meta.ref + "." + std::to_string(i + 1), i + 1));
        if (const auto *os = f.opt_array("outcomes"))
            for (std::size_t i = 0; i < os->size(); ++i)
                d.outcomes.push_back(read_outcome((*os)[i], index_path(path, "outcomes", i), r.meta.ref, i + 1));
        f.finish();
        return d;
    }

    DocMeasure read_measure(const boost::json::value &v, const std::string &path, const std::string &derived_ref, std::size_t n) {
        Fields f(v, path);
        DocMeasure d;
        d.path = path;
        auto &r = d.record;
        r.meta.ref = ref_of(f, core::Kind::measure, derived_ref);
        r.seq = static_cast<std::int64_t>(n);
        r.title = f.text("title");
        auto category = f.opt_enum<core::MeasureCategory>("category", core::parse_measure_category_or_label, core::all_choices(core::MeasureCategory{}));
        if (!category) f.fail("category", "is required");
        r.category = *category;
        r.leader = f.opt_text("leader");
        r.department = f.opt_text("department");
        r.person = f.opt_text("person");
        r.deadline = f.opt_date("deadline");
        r.completed_date = f.opt_date("completed_date");
        read_public(f, r);
        d.status_given = read_status(f, r);
        if (const auto *ps = f.opt_array("progress"))
            for (std::size_t i = 0; i < ps->size(); ++i)
                d.progress.push_back(read_progress((*ps)[i], index_path(path, "progress", i), r.meta.ref + "/p" + std::to_string(i + 1), i + 1));
        f.finish();
        return d;
    }

    DocProgress read_progress(const boost::json::value &v, const std::string &path, const std::string &derived_ref, std::size_t n) {
        Fields f(v, path);
        DocProgress d;
        d.path = path;
        auto &r = d.record;
        r.meta.ref = ref_of(f, core::Kind::progress, derived_ref);
        r.seq = static_cast<std::int64_t>(n);
        r.date = f.opt_date("date");
        r.text = f.text("text");
        r.author = f.opt_text("author");
        f.finish();
        return d;
    }

    DocOutcome read_outcome(const boost::json::value &v, const std::string &path, const std::string &parent_ref, std::size_t n) {
        Fields f(v, path);
        DocOutcome d;
        d.path = path;
        auto &r = d.record;
        r.meta.ref = ref_of(f, core::Kind::outcome, parent_ref + "/o" + std::to_string(n));
        r.seq = static_cast<std::int64_t>(n);
        auto type = f.opt_enum<core::OutcomeType>("type", core::parse_outcome_type_or_label, core::all_choices(core::OutcomeType{}));
        if (!type) f.fail("type", "is required");
        r.type = *type;
        r.name = f.opt_text("name");
        r.action = f.opt_enum<core::RuleAction>("action", core::parse_rule_action_or_label, core::all_choices(core::RuleAction{}));
        r.category = f.opt_enum<core::MoneyCategory>("category", core::parse_money_category_or_label, core::all_choices(core::MoneyCategory{}));
        r.amount_fen = f.opt_int("amount_fen");
        r.form = f.opt_enum<core::AccountabilityForm>("form", core::parse_accountability_form_or_label, core::all_choices(core::AccountabilityForm{}));
        r.count = f.opt_int("count");
        r.date = f.opt_date("date");
        r.note = f.opt_text("note");
        check_outcome_shape(f, r);
        f.finish();
        return d;
    }

    // Each type needs its own keys and refuses the others', so a total can never count a value
    // that was meant for another column.
    static void check_outcome_shape(Fields &f, const core::Outcome &r) {
        using core::OutcomeType;
        const std::string type(core::name(r.type));
        auto require = [&](bool present, std::string_view key) {
            if (!present) f.fail(key, "is required for a " + type + " outcome");
        };
        auto forbid = [&](bool present, std::string_view key) {
            if (present) f.fail(key, "does not belong to a " + type + " outcome (leave it null)");
        };
        const bool rule = r.type == OutcomeType::rule, money = r.type == OutcomeType::money,
                   acc = r.type == OutcomeType::accountability, meeting = r.type == OutcomeType::meeting;
        if (rule || meeting) {
            require(r.name.has_value(), "name");
            if (r.name->find_first_not_of(" \t\r\n") == std::string::npos) f.fail("name", "must not be empty");
        } else {
            forbid(r.name.has_value(), "name");
        }
        rule ? require(r.action.has_value(), "action") : forbid(r.action.has_value(), "action");
        money ? require(r.category.has_value(), "category") : forbid(r.category.has_value(), "category");
        money ? require(r.amount_fen.has_value(), "amount_fen") : forbid(r.amount_fen.has_value(), "amount_fen");
        acc ? require(r.form.has_value(), "form") : forbid(r.form.has_value(), "form");
        if (acc) require(r.count.has_value(), "count");
        else if (!meeting) forbid(r.count.has_value(), "count");
        if (r.amount_fen && *r.amount_fen <= 0) f.fail("amount_fen", "must be a positive number of fen");
        if (r.count && *r.count <= 0) f.fail("count", "must be positive");
    }

    RefRegistry refs_;
};

} // namespace

Document read_document(std::string_view json) {
    // The parsed value lives only while the document is read from it: its memory is taken in a
    // few blocks and given back at once.
    auto memory = boost::json::make_shared_resource<boost::json::monotonic_resource>(json.size() * 2 + 1024);
    return Reader().read(parse_json(json, std::move(memory)));
}

} // namespace rectify::io
