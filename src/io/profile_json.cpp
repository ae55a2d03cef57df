#include "io/profile_json.hpp"

#include "io/fields.hpp"
#include "io/json_text.hpp"

#include <boost/json.hpp>

namespace rectify::io {

namespace {

core::Offset read_offset(Fields &parent, std::string_view key) {
    const auto *v = parent.opt_object(key);
    if (!v) parent.fail(key, "is required");
    Fields f(*v, parent.at(key));
    auto unit = f.opt_text("unit");
    if (!unit) f.fail("unit", "is required");
    core::Offset o;
    if (*unit == "days") o.unit = core::PeriodUnit::days;
    else if (*unit == "months") o.unit = core::PeriodUnit::months;
    else if (*unit == "workdays") o.unit = core::PeriodUnit::workdays;
    else f.fail("unit", "unknown value '" + *unit + "' (expected one of: days, months, workdays)");
    auto n = f.opt_int("n");
    if (!n) f.fail("n", "is required");
    o.n = *n;
    f.finish();
    return o;
}

boost::json::value offset_json(const core::Offset &o) {
    boost::json::object j;
    auto u = core::name(o.unit);
    j["unit"] = boost::json::string_view(u.data(), u.size());
    j["n"] = o.n;
    return j;
}

} // namespace

core::RuleProfile read_profile(std::string_view json) {
    auto root = parse_json(json);
    Fields f(root, "");
    core::RuleProfile p;
    p.name = f.text("name");
    p.plan_due = read_offset(f, "plan_due");
    p.concentrated = read_offset(f, "concentrated");
    p.report_due = read_offset(f, "report_due");
    p.evaluation_after = read_offset(f, "evaluation_after");
    if (const auto *w = f.opt_array("warn_days")) {
        p.warn_days.clear();
        for (std::size_t i = 0; i < w->size(); ++i) {
            if (!(*w)[i].is_int64())
                throw core::Error(core::Errc::invalid, "warn_days[" + std::to_string(i) + "]: expected an integer");
            p.warn_days.push_back((*w)[i].get_int64());
        }
    }
    if (auto u = f.opt_text("unknown_dates")) {
        // "refuse" is the command line's word for the strict choice; it is stored as "fail".
        if (*u == "fail" || *u == "refuse") p.unknown_dates = core::UnknownPolicy::fail;
        else if (*u == "weekdays") p.unknown_dates = core::UnknownPolicy::weekdays;
        else f.fail("unknown_dates", "unknown value '" + *u + "' (expected weekdays, fail or refuse)");
    }
    f.finish();
    core::check_profile(p);
    return p;
}

std::string write_profile(const core::RuleProfile &p) {
    boost::json::object o;
    o["name"] = p.name;
    o["plan_due"] = offset_json(p.plan_due);
    o["concentrated"] = offset_json(p.concentrated);
    o["report_due"] = offset_json(p.report_due);
    o["evaluation_after"] = offset_json(p.evaluation_after);
    boost::json::array w;
    for (auto d : p.warn_days) w.push_back(d);
    o["warn_days"] = std::move(w);
    o["unknown_dates"] = p.unknown_dates == core::UnknownPolicy::weekdays ? "weekdays" : "fail";
    return to_compact_json(o);
}

} // namespace rectify::io
