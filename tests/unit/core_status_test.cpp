#include "core/error.hpp"
#include "core/status_machine.hpp"

#include <doctest/doctest.h>

using namespace rectify::core;

TEST_CASE("the status machine allows exactly the documented moves") {
    const Status all[] = {Status::not_started, Status::in_progress, Status::substantially_done,
                          Status::done,        Status::closed,      Status::reopened};
    auto allowed = [](Status from, Status to) {
        switch (from) {
        case Status::not_started: return to == Status::in_progress;
        case Status::in_progress: return to == Status::substantially_done || to == Status::done;
        case Status::substantially_done: return to == Status::in_progress || to == Status::done;
        case Status::done: return to == Status::in_progress || to == Status::closed;
        case Status::closed: return to == Status::reopened;
        case Status::reopened: return to == Status::in_progress;
        }
        return false;
    };
    for (Status from : all)
        for (Status to : all) {
            CAPTURE(name(from));
            CAPTURE(name(to));
            CHECK(can_transition(from, to) == allowed(from, to));
        }
}

TEST_CASE("a close-out cannot be reached without finishing the work") {
    CHECK_FALSE(can_transition(Status::not_started, Status::closed));
    CHECK_FALSE(can_transition(Status::in_progress, Status::closed));
    CHECK_FALSE(can_transition(Status::substantially_done, Status::closed));
    CHECK(can_transition(Status::done, Status::closed));
}

TEST_CASE("an illegal move is refused with a message naming both states") {
    try {
        check_transition(Status::closed, Status::done, "issue 3: ");
        FAIL("expected an error");
    } catch (const Error &e) {
        CHECK(e.code() == Errc::transition);
        CHECK(std::string(e.what()) == "issue 3: illegal transition from closed to done (allowed from closed: reopened)");
    }
    CHECK_NOTHROW(check_transition(Status::done, Status::done, "x"));
}

TEST_CASE("status names and labels round-trip") {
    CHECK(parse_status("substantially_done") == Status::substantially_done);
    CHECK(parse_status_label("已销号") == Status::closed);
    CHECK(label(Status::in_progress) == "整改中");
    CHECK_FALSE(parse_status("finished"));
}
