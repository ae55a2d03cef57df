// oa_integration: a day of an OA system's work with rectify, in C++ on rectify.hpp.
//
//   oa_integration_cpp DB.db INSPECTION.json MEASURE_REF DATE TEXT AS_OF
//
// The same work as examples/c/oa_integration.c, and the same output: open the database as the
// OA's sync account, import the inspection the OA exported, record DATE's progress TEXT on the
// measure the OA knows as MEASURE_REF, print the red and yellow warnings as of AS_OF and the
// notice. rectify::db closes its handle however the block is left, and every failure arrives as
// one rectify::error carrying the code and rectify_errmsg()'s message, so there is one handler.
// The rows come as JSON; this host reads them with Boost.JSON, any JSON library will do.
#include <rectify/rectify.hpp>

#include <boost/json.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

namespace {

std::string text_of(const boost::json::object &row, std::string_view key) {
    const boost::json::value *v = row.if_contains(key);
    if (v == nullptr || v->is_null()) return {};
    if (v->is_string()) return std::string(v->get_string());
    return boost::json::serialize(*v); // numbers, as written
}

const char *light_label(std::string_view light) {
    if (light == "red") return "红灯";
    if (light == "yellow") return "黄灯";
    if (light == "green") return "绿灯";
    if (light == "blue") return "蓝灯";
    return "?";
}

void print_row(std::string_view json) {
    const boost::json::object row = boost::json::parse(json).as_object();
    const std::string deadline = text_of(row, "deadline");
    const std::string department = text_of(row, "department");
    std::printf("%s  %5s  %-10s  %s%s%s\n", light_label(text_of(row, "light")), text_of(row, "days_left").c_str(),
                deadline.empty() ? "-" : deadline.c_str(), text_of(row, "title").c_str(),
                department.empty() ? "" : " / ", department.c_str());
}

void print_warnings(rectify::db &db, std::int64_t inspection, const std::string &as_of) {
    rectify::warning_options scope;
    scope.as_of = as_of;
    scope.inspection_id = inspection;
    scope.lights = rectify::light_bit(rectify::light::red) | rectify::light_bit(rectify::light::yellow);
    std::printf("预警（截至%s）\n", as_of.c_str());
    std::printf("预警   剩余  整改时限    整改措施 / 责任部门\n"); // aligned for the rows' 2-column CJK
    db.warnings(scope, print_row); // streamed: the rows are never held all at once
    std::printf("逾期未完成：%lld项\n\n", static_cast<long long>(db.overdue_count(scope)));
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 7) {
        std::cerr << "usage: " << argv[0] << " DB.db INSPECTION.json MEASURE_REF DATE TEXT AS_OF\n";
        return 2;
    }
    const std::string db_path = argv[1], inspection_file = argv[2], measure_ref = argv[3], date = argv[4],
                      text = argv[5], as_of = argv[6];
    try {
        rectify::db db(db_path, RECTIFY_OPEN_CREATE, "oa-sync"); // every change is audited under this name

        const rectify::import_result imported = db.import_file(inspection_file);
        std::printf("导入：%s\n", imported.summary.c_str());

        const std::int64_t measure = db.record_find(rectify::kind::measure, measure_ref);
        const std::int64_t progress = db.progress_add(measure, date, text);
        std::printf("进展：措施 %s 记入 %s 的进展 #%lld\n\n", measure_ref.c_str(), date.c_str(),
                    static_cast<long long>(progress));

        print_warnings(db, imported.inspection_id, as_of);
        std::fputs(db.notice_render(imported.inspection_id).c_str(), stdout);
        return 0;
    } catch (const rectify::error &e) {
        std::cerr << "oa_integration: " << e.what() << " (" << rectify_strerror(e.code()) << ")\n";
    } catch (const std::exception &e) { // a row that is not JSON, std::bad_alloc
        std::cerr << "oa_integration: " << e.what() << "\n";
    }
    return 1;
}
