#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

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
