// cli/tables.cpp: tables of records read through rectify_record_list, with Chinese headings.
#include "tables.hpp"

#include "errors.hpp"
#include "json.hpp"
#include "labels.hpp"
#include "output.hpp"

#include <map>
#include <string>

namespace rectify_cli {

namespace {

using align = table::align;

json::array list_of(rectify::db &db, rectify::kind k, std::int64_t inspection_id) {
    rectify::list_options opts;
    opts.inspection_id = inspection_id;
    const std::string what = "listing " + std::string(rectify::kind_name(k)) + " records";
    return parse_json_array(doing(what, [&] { return db.record_list(k, opts); }), what);
}

std::size_t width_limit(table_style style, std::size_t columns) { return style.full_text ? 0 : columns; }

void print_count(std::ostream &out, const table &t) { out << "共 " << t.size() << " 条\n"; }

} // namespace

void print_inspections_table(std::ostream &out, rectify::db &db, std::int64_t inspection_id, table_style style) {
    table t({{"编号", align::right},
             {"标识", align::left, width_limit(style, 32)},
             {"被巡察单位", align::left, width_limit(style, 24)},
             {"巡察组", align::left, width_limit(style, 24)},
             {"类型", align::left},
             {"进驻时间", align::left},
             {"反馈时间", align::left}});
    std::map<std::int64_t, std::string> unit_names;
    for (const json::value &v : list_of(db, rectify::kind::inspection, inspection_id)) {
        const json::object &o = v.as_object();
        std::string unit = std::string(none_mark);
        if (auto unit_id = get_int(o, "unit_id")) {
            auto it = unit_names.find(*unit_id);
            if (it == unit_names.end()) {
                const std::string what = "reading unit " + std::to_string(*unit_id);
                std::string name;
                try {
                    auto rec = parse_json_object(db.record_get(rectify::kind::unit, *unit_id), what);
                    name = text_or_none(rec, "name");
                } catch (const rectify::error &e) {
                    // An actor may read an inspection without its unit's record (an inspector
                    // granted the round): the id then stands in for the name.
                    if (e.code() != RECTIFY_E_DENIED) {
                        throw rectify::error(e.code(), what + ": " + e.what());
                    }
                    name = "单位 " + std::to_string(*unit_id);
                }
                it = unit_names.emplace(*unit_id, name).first;
            }
            unit = it->second;
        }
        const std::string kind = get_string(o, "kind_of_inspection").value_or("");
        t.add_row({int_or_none(o, "id"), text_or_none(o, "ref"), unit, text_or_none(o, "group"),
                   kind.empty() ? std::string(none_mark) : inspection_kind_label(kind),
                   text_or_none(o, "onsite_start"), text_or_none(o, "feedback_date")});
    }
    t.print(out);
    print_count(out, t);
}

void print_issues_table(std::ostream &out, rectify::db &db, std::int64_t inspection_id, table_style style) {
    // Aspect headings as the notice numbers them: （一）党的政治建设方面.
    std::map<std::int64_t, std::string> aspects;
    for (const json::value &v : list_of(db, rectify::kind::aspect, inspection_id)) {
        const json::object &o = v.as_object();
        const auto id = get_int(o, "id").value_or(0);
        const auto seq = get_int(o, "seq").value_or(0);
        aspects[id] = "（" + chinese_number(static_cast<long>(seq)) + "）" + text_or_none(o, "title");
    }
    std::map<std::int64_t, std::int64_t> measure_counts;
    for (const json::value &v : list_of(db, rectify::kind::measure, inspection_id)) {
        if (auto issue_id = get_int(v.as_object(), "issue_id")) {
            ++measure_counts[*issue_id];
        }
    }
    table t({{"编号", align::right},
             {"方面", align::left, width_limit(style, 24)},
             {"问题", align::left, width_limit(style, 44)},
             {"措施", align::right},
             {"状态", align::left}});
    for (const json::value &v : list_of(db, rectify::kind::issue, inspection_id)) {
        const json::object &o = v.as_object();
        const auto id = get_int(o, "id").value_or(0);
        std::string aspect = std::string(none_mark);
        if (auto aspect_id = get_int(o, "aspect_id")) {
            auto it = aspects.find(*aspect_id);
            aspect = it != aspects.end() ? it->second : std::to_string(*aspect_id);
        }
        std::string title = text_or_none(o, "title");
        if (get_int(o, "parent_id")) {
            title = "  " + title; // a sub-issue sits under its parent
        }
        const auto count = measure_counts.find(id);
        t.add_row({std::to_string(id), aspect, title,
                   std::to_string(count != measure_counts.end() ? count->second : 0),
                   status_label(get_string(o, "status").value_or(""))});
    }
    t.print(out);
    print_count(out, t);
}

void print_measures_table(std::ostream &out, rectify::db &db, std::int64_t inspection_id, table_style style) {
    table t({{"编号", align::right},
             {"问题", align::right},
             {"整改措施", align::left, width_limit(style, 44)},
             {"类别", align::left},
             {"责任人", align::left, width_limit(style, 12)},
             {"整改时限", align::left},
             {"状态", align::left}});
    for (const json::value &v : list_of(db, rectify::kind::measure, inspection_id)) {
        const json::object &o = v.as_object();
        const std::string category = get_string(o, "category").value_or("");
        t.add_row({int_or_none(o, "id"), int_or_none(o, "issue_id"), text_or_none(o, "title"),
                   category.empty() ? std::string(none_mark) : category_label(category),
                   text_or_none(o, "person"), text_or_none(o, "deadline"),
                   status_label(get_string(o, "status").value_or(""))});
    }
    t.print(out);
    print_count(out, t);
}

} // namespace rectify_cli
