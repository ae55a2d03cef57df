// Shared helpers of the unit tests: temporary databases, the seed case, and a dump of every
// table that proves a failed call changed nothing.
#pragma once

#include "service/service.hpp"

#include <string>

namespace rectify::test {

// A fresh, empty directory under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    std::string file(const std::string &name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

std::string read_file(const std::string &path);
std::string seed_json();

// The seed case moved to another unit and inspection (and round, when round_ref is not empty):
// the records below the inspection derive their refs from the new inspection ref.
std::string seed_for(const std::string &unit_ref, const std::string &unit_name, const std::string &inspection_ref,
                     const std::string &round_ref = "");

// Every row of every table, in a fixed order, as text.
std::string dump(const std::string &db_path);

store::OpenOptions default_open();

} // namespace rectify::test
