#include "service/service.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace rectify;

TEST_CASE("the seed case file is already in the export layout: import then export gives it back byte for byte") {
    test::TempDir dir;
    service::Service svc(dir.file("e.db"), {}, std::string("tester"));
    auto id = svc.import_json(test::seed_json()).inspection_id;
    CHECK(svc.export_json(id) == test::seed_json());
}
