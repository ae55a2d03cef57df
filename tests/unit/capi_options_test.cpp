// The versioned copy of the C API's options structs (src/capi/options.hpp), with a struct that
// has grown to version 2: a version-1 caller's shorter struct is read only up to its size, at the
// end of a page followed by an unreadable one, and the field it lacks keeps its default.
#include "capi/options.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace {

struct grown_options {
    unsigned version;
    int64_t limit;   // version 1
    int64_t offset;  // added in version 2
};
struct grown_options_v1 {
    unsigned version;
    int64_t limit;
};
constexpr size_t grown_sizes[] = {offsetof(grown_options, offset), sizeof(grown_options)};

// Bytes at the end of a readable page; the page after it is PROT_NONE.
struct GuardedPage {
    size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    unsigned char *area = static_cast<unsigned char *>(
        mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    GuardedPage() { REQUIRE(mprotect(area + page, page, PROT_NONE) == 0); }
    ~GuardedPage() { munmap(area, 2 * page); }
    template <class S> const S *place(const S &s) {
        unsigned char *p = area + page - sizeof s;
        std::memcpy(p, &s, sizeof s);
        return reinterpret_cast<const S *>(p);
    }
};

} // namespace

TEST_CASE("capi options: a version-1 struct is copied up to its own size only") {
    GuardedPage guard;
    grown_options_v1 v1{1, 7};
    const auto *in = reinterpret_cast<const grown_options *>(guard.place(v1));
    grown_options out{2, 0, 42};
    rectify::capi::copy_versioned(out, in, "grown_options", "GROWN_OPTIONS_INIT", grown_sizes);
    CHECK(out.limit == 7);
    CHECK(out.offset == 42); // the default stands: version 1 has no offset
}

TEST_CASE("capi options: the newest version is copied whole") {
    GuardedPage guard;
    grown_options v2{2, 7, 9};
    grown_options out{2, 0, 42};
    rectify::capi::copy_versioned(out, guard.place(v2), "grown_options", "GROWN_OPTIONS_INIT", grown_sizes);
    CHECK(out.limit == 7);
    CHECK(out.offset == 9);
}

TEST_CASE("capi options: versions 0 and newer than the library are refused and change nothing") {
    for (unsigned version : {0u, 3u, 1000u}) {
        grown_options in{version, 7, 9};
        grown_options out{2, 0, 42};
        try {
            rectify::capi::copy_versioned(out, &in, "grown_options", "GROWN_OPTIONS_INIT", grown_sizes);
            FAIL("version " << version << " was accepted");
        } catch (const rectify::core::Error &e) {
            CHECK(e.code() == rectify::core::Errc::argument);
            CHECK(std::string(e.what()).find("grown_options.version " + std::to_string(version)) != std::string::npos);
            CHECK(std::string(e.what()).find("GROWN_OPTIONS_INIT") != std::string::npos);
        }
        CHECK(out.limit == 0);
        CHECK(out.offset == 42);
    }
}

TEST_CASE("capi options: NULL leaves the defaults") {
    rectify_list_options out = RECTIFY_LIST_OPTIONS_INIT;
    out.limit = 5;
    rectify::capi::copy_options(out, static_cast<const rectify_list_options *>(nullptr));
    CHECK(out.limit == 5);
}
