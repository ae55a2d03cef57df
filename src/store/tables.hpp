// One traits class per record type: its table, its own columns (after the common id, version,
// ref, created_at, updated_at), how to bind and read them, its parent column and display order.
// The generic repository in store.hpp builds every statement from these constants; no SQL text
// is ever assembled from input.
#pragma once

#include "core/model.hpp"
#include "store/columns.hpp"

namespace rectify::store {

template <class R> struct Table;

// Display order of issues, for a table aliased `i`: by aspect, then top-level issue, then sub-issue.
#define RECTIFY_ISSUE_ORDER                                                                        \
    "(SELECT seq FROM aspects WHERE id = i.aspect_id), "                                           \
    "COALESCE((SELECT seq FROM issues p WHERE p.id = i.parent_id), i.seq), "                       \
    "i.parent_id IS NOT NULL, i.seq, i.id"

template <> struct Table<core::Round> {
    static constexpr core::Kind kind = core::Kind::round;
    static constexpr const char *table = "rounds";
    static constexpr const char *columns[] = {"name", "year"};
    static constexpr const char *from = "rounds t";
    static constexpr const char *order = "t.id";
    static constexpr const char *parent = nullptr;
    static void bind(Binder &b, const core::Round &r) { b << r.name << r.year; }
    static void read(Reader &rd, core::Round &r) { rd >> r.name >> r.year; }
};

template <> struct Table<core::Unit> {
    static constexpr core::Kind kind = core::Kind::unit;
    static constexpr const char *table = "units";
    static constexpr const char *columns[] = {"name", "party_org"};
    static constexpr const char *from = "units t";
    static constexpr const char *order = "t.id";
    static constexpr const char *parent = nullptr;
    static void bind(Binder &b, const core::Unit &r) { b << r.name << r.party_org; }
    static void read(Reader &rd, core::Unit &r) { rd >> r.name >> r.party_org; }
};

template <> struct Table<core::Inspection> {
    static constexpr core::Kind kind = core::Kind::inspection;
    static constexpr const char *table = "inspections";
    static constexpr const char *columns[] = {"round_id", "unit_id", "kind", "label", "authority", "group_name",
                                              "onsite_start", "onsite_end", "feedback_date", "title", "closing",
                                              "profile_id", "plan_due", "concentrated_end", "report_due", "evaluation_due"};
    static constexpr const char *from = "inspections t";
    static constexpr const char *order = "t.id";
    static constexpr const char *parent = "round_id";
    static void bind(Binder &b, const core::Inspection &r) {
        b << r.round_id << r.unit_id << r.kind << r.label << r.authority << r.group << r.onsite_start
          << r.onsite_end << r.feedback_date << r.title << r.closing << r.profile_id << r.plan_due << r.concentrated_end
          << r.report_due << r.evaluation_due;
    }
    static void read(Reader &rd, core::Inspection &r) {
        rd >> r.round_id >> r.unit_id >> r.kind >> r.label >> r.authority >> r.group >> r.onsite_start >>
            r.onsite_end >> r.feedback_date >> r.title >> r.closing >> r.profile_id >> r.plan_due >> r.concentrated_end >>
            r.report_due >> r.evaluation_due;
    }
};

template <> struct Table<core::Aspect> {
    static constexpr core::Kind kind = core::Kind::aspect;
    static constexpr const char *table = "aspects";
    static constexpr const char *columns[] = {"inspection_id", "seq", "title"};
    static constexpr const char *from = "aspects t";
    static constexpr const char *order = "t.inspection_id, t.seq, t.id";
    static constexpr const char *parent = "inspection_id";
    static void bind(Binder &b, const core::Aspect &r) { b << r.inspection_id << r.seq << r.title; }
    static void read(Reader &rd, core::Aspect &r) { rd >> r.inspection_id >> r.seq >> r.title; }
};

template <> struct Table<core::Issue> {
    static constexpr core::Kind kind = core::Kind::issue;
    static constexpr const char *table = "issues";
    static constexpr const char *columns[] = {"inspection_id", "aspect_id", "parent_id", "seq", "title", "description",
                                              "is_public", "non_public_reason", "status", "relapse_count"};
    static constexpr const char *from = "issues t JOIN issues i ON i.id = t.id";
    static constexpr const char *order = "t.inspection_id, " RECTIFY_ISSUE_ORDER;
    static constexpr const char *parent = "aspect_id";
    static void bind(Binder &b, const core::Issue &r) {
        b << r.inspection_id << r.aspect_id << r.parent_id << r.seq << r.title << r.description << r.is_public
          << r.non_public_reason << r.status << r.relapse_count;
    }
    static void read(Reader &rd, core::Issue &r) {
        rd >> r.inspection_id >> r.aspect_id >> r.parent_id >> r.seq >> r.title >> r.description >> r.is_public >>
            r.non_public_reason >> r.status >> r.relapse_count;
    }
};

template <> struct Table<core::Measure> {
    static constexpr core::Kind kind = core::Kind::measure;
    static constexpr const char *table = "measures";
    static constexpr const char *columns[] = {"inspection_id", "issue_id", "seq", "title", "category", "leader",
                                              "department", "person", "deadline", "completed_date", "is_public",
                                              "non_public_reason", "status"};
    static constexpr const char *from = "measures t JOIN issues i ON i.id = t.issue_id";
    static constexpr const char *order = "t.inspection_id, " RECTIFY_ISSUE_ORDER ", t.seq, t.id";
    static constexpr const char *parent = "issue_id";
    static void bind(Binder &b, const core::Measure &r) {
        b << r.inspection_id << r.issue_id << r.seq << r.title << r.category << r.leader << r.department << r.person
          << r.deadline << r.completed_date << r.is_public << r.non_public_reason << r.status;
    }
    static void read(Reader &rd, core::Measure &r) {
        rd >> r.inspection_id >> r.issue_id >> r.seq >> r.title >> r.category >> r.leader >> r.department >>
            r.person >> r.deadline >> r.completed_date >> r.is_public >> r.non_public_reason >> r.status;
    }
};

template <> struct Table<core::Progress> {
    static constexpr core::Kind kind = core::Kind::progress;
    static constexpr const char *table = "progress";
    static constexpr const char *columns[] = {"inspection_id", "measure_id", "seq", "date", "text", "author"};
    static constexpr const char *from =
        "progress t JOIN measures m ON m.id = t.measure_id JOIN issues i ON i.id = m.issue_id";
    static constexpr const char *order = "t.inspection_id, " RECTIFY_ISSUE_ORDER ", m.seq, m.id, t.seq, t.id";
    static constexpr const char *parent = "measure_id";
    static void bind(Binder &b, const core::Progress &r) {
        b << r.inspection_id << r.measure_id << r.seq << r.date << r.text << r.author;
    }
    static void read(Reader &rd, core::Progress &r) {
        rd >> r.inspection_id >> r.measure_id >> r.seq >> r.date >> r.text >> r.author;
    }
};

template <> struct Table<core::Outcome> {
    static constexpr core::Kind kind = core::Kind::outcome;
    static constexpr const char *table = "outcomes";
    static constexpr const char *columns[] = {"inspection_id", "issue_id", "seq", "type", "name", "action",
                                              "category", "amount_fen", "form", "count", "date", "note"};
    static constexpr const char *from = "outcomes t LEFT JOIN issues i ON i.id = t.issue_id";
    static constexpr const char *order = "t.inspection_id, t.issue_id IS NULL, " RECTIFY_ISSUE_ORDER ", t.seq, t.id";
    static constexpr const char *parent = "issue_id";
    static void bind(Binder &b, const core::Outcome &r) {
        b << r.inspection_id << r.issue_id << r.seq << r.type << r.name << r.action << r.category << r.amount_fen
          << r.form << r.count << r.date << r.note;
    }
    static void read(Reader &rd, core::Outcome &r) {
        rd >> r.inspection_id >> r.issue_id >> r.seq >> r.type >> r.name >> r.action >> r.category >>
            r.amount_fen >> r.form >> r.count >> r.date >> r.note;
    }
};

#undef RECTIFY_ISSUE_ORDER

} // namespace rectify::store
