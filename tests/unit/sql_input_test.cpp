// Input never becomes SQL: every statement the library runs, while it handles input laced
// with a marker and with SQL syntax in every text field, must be free of that marker. Input can
// only ever reach SQLite as a bound parameter.
#include "service/service.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <vector>

using namespace rectify;

namespace {

const std::string kMarker = "ZQX7'\"); DROP TABLE issues; --";

int collect(unsigned type, void *ctx, void *p, void *) {
    if (type == SQLITE_TRACE_STMT) {
        const char *sql = sqlite3_sql(static_cast<sqlite3_stmt *>(p));
        static_cast<std::vector<std::string> *>(ctx)->push_back(sql ? sql : "");
    }
    return 0;
}

// Every string in the document gets the marker appended, except enums, dates and the format.
void lace(boost::json::value &v, const std::string &key) {
    static const char *const keep[] = {"format", "kind", "status", "category", "type", "action", "form",
                                       "onsite_start", "onsite_end", "feedback_date", "deadline",
                                       "completed_date", "date"};
    if (v.is_object()) {
        for (auto &kv : v.as_object()) lace(kv.value(), std::string(kv.key()));
    } else if (v.is_array()) {
        for (auto &x : v.as_array()) lace(x, key);
    } else if (v.is_string()) {
        for (const char *k : keep)
            if (key == k) return;
        v = std::string(v.as_string()) + kMarker;
    }
}

} // namespace

TEST_CASE("no statement the library prepares contains input text") {
    test::TempDir dir;
    const std::string actor = "admin" + kMarker;
    service::Service svc(dir.file("sql.db"), {}, actor);
    std::vector<std::string> prepared;
    sqlite3_trace_v2(svc.store().database().getHandle(), SQLITE_TRACE_STMT, collect, &prepared);

    auto doc = boost::json::parse(test::seed_json());
    lace(doc, "");
    auto id = svc.import_json(boost::json::serialize(doc)).inspection_id;
    svc.import_json(boost::json::serialize(doc)); // the update path too
    const std::string issue_ref = "tongcheng-2018-fulian/a1/i1" + kMarker;
    auto issue = svc.find(core::Kind::issue, issue_ref);
    svc.set_status(core::Kind::issue, issue, core::Status::in_progress, 0);
    auto measure = svc.find(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m1" + kMarker);
    svc.add_progress(measure, "2019-03-01", "进展" + kMarker, std::string("作者") + kMarker);
    CHECK_THROWS(svc.find(core::Kind::issue, "missing" + kMarker));
    svc.add_user("用户" + kMarker, std::string("显示名") + kMarker);
    svc.grant("用户" + kMarker, core::Grant{core::Role::liaison, core::ScopeKind::unit, 1});
    svc.revoke("用户" + kMarker, core::Grant{core::Role::liaison, core::ScopeKind::unit, 1});
    svc.users_json();
    svc.list_json(core::Kind::measure, {});
    svc.export_json(id);
    svc.render_notice(id, io::Audience::public_);
    svc.audit_log_json("issue", issue, 0, 0);
    svc.verify_audit();
    svc.backup(dir.file("copy" + kMarker + ".db"));

    REQUIRE(prepared.size() > 20);
    for (const auto &sql : prepared) {
        CAPTURE(sql);
        CHECK(sql.find("ZQX7") == std::string::npos);
    }
    // And the input went in whole, as data.
    CHECK(svc.record_json(core::Kind::issue, issue).find("DROP TABLE issues") != std::string::npos);
}
