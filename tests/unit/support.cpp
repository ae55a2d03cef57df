#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rectify::test {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rectify-unit-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string seed_json() { return read_file(std::string(RECTIFY_DATA_DIR) + "/examples/seed-case.json"); }

namespace {
void drop_refs(boost::json::value &v) {
    if (v.is_object()) {
        v.as_object().erase("ref");
        for (auto &kv : v.as_object()) drop_refs(kv.value());
    } else if (v.is_array()) {
        for (auto &x : v.as_array()) drop_refs(x);
    }
}
} // namespace

std::string seed_for(const std::string &unit_ref, const std::string &unit_name, const std::string &inspection_ref,
                     const std::string &round_ref) {
    auto v = boost::json::parse(seed_json());
    auto &doc = v.as_object();
    drop_refs(doc["aspects"]);
    drop_refs(doc["outcomes"]);
    doc["unit"].as_object()["ref"] = unit_ref;
    doc["unit"].as_object()["name"] = unit_name;
    doc["unit"].as_object()["party_org"] = unit_name + "党组";
    doc["inspection"].as_object()["ref"] = inspection_ref;
    if (!round_ref.empty()) doc["round"].as_object()["ref"] = round_ref;
    return boost::json::serialize(v);
}

std::string dump(const std::string &db_path) {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    std::string out = "user_version=" + db.execAndGet("PRAGMA user_version").getString() + "\n";
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        std::string name = tables.getColumn(0).getString();
        out += "[" + name + "]\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + name + "\" ORDER BY rowid");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                auto c = rows.getColumn(i);
                out += c.isNull() ? std::string("NULL") : c.getString();
                out += "|";
            }
            out += "\n";
        }
    }
    return out;
}

store::OpenOptions default_open() { return store::OpenOptions{}; }

} // namespace rectify::test
