// The one copy of a caller's options struct (libgit2's GIT_*_OPTIONS_VERSION model). Every
// options struct starts with `unsigned version`; a caller built against an older header passes
// the smaller struct of its version, so only that version's size may be read. The copy goes over
// the defaults of this library's version, so fields the caller's version lacks keep them. A
// version this library does not know (0, or newer than the headers it was built with) is refused.
#pragma once

#include "capi/guard.hpp"

#include <cstddef>
#include <cstring>
#include <string>
#include <type_traits>

namespace rectify::capi {

// The size of each version of one options struct: sizes[0] is version 1's, and the last is this
// library's own, sizeof(T). When a struct grows to version N, append offsetof its first new field
// as version N-1's size... precisely: the existing last entry becomes offsetof(T, first field of
// version N) and sizeof(T) is appended, so that sizes has RECTIFY_*_VERSION entries.
template <class T> struct OptionsLayout;

#define RECTIFY_OPTIONS_LAYOUT(T, VERSION, INIT, ...)                                                                  \
    template <> struct OptionsLayout<T> {                                                                              \
        static constexpr const char *name = #T;                                                                        \
        static constexpr const char *init = #INIT;                                                                     \
        static constexpr size_t sizes[] = {__VA_ARGS__};                                                               \
        static_assert(sizeof(sizes) / sizeof(sizes[0]) == VERSION, #T ": one size per version");                      \
        static_assert(sizes[sizeof(sizes) / sizeof(sizes[0]) - 1] == sizeof(T), #T ": the newest size is sizeof");    \
    }

RECTIFY_OPTIONS_LAYOUT(rectify_open_options, RECTIFY_OPEN_OPTIONS_VERSION, RECTIFY_OPEN_OPTIONS_INIT,
                       sizeof(rectify_open_options));
RECTIFY_OPTIONS_LAYOUT(rectify_list_options, RECTIFY_LIST_OPTIONS_VERSION, RECTIFY_LIST_OPTIONS_INIT,
                       sizeof(rectify_list_options));
RECTIFY_OPTIONS_LAYOUT(rectify_notice_options, RECTIFY_NOTICE_OPTIONS_VERSION, RECTIFY_NOTICE_OPTIONS_INIT,
                       sizeof(rectify_notice_options));
RECTIFY_OPTIONS_LAYOUT(rectify_parse_options, RECTIFY_PARSE_OPTIONS_VERSION, RECTIFY_PARSE_OPTIONS_INIT,
                       sizeof(rectify_parse_options));
RECTIFY_OPTIONS_LAYOUT(rectify_report_options, RECTIFY_REPORT_OPTIONS_VERSION, RECTIFY_REPORT_OPTIONS_INIT,
                       sizeof(rectify_report_options));
RECTIFY_OPTIONS_LAYOUT(rectify_stats_options, RECTIFY_STATS_OPTIONS_VERSION, RECTIFY_STATS_OPTIONS_INIT,
                       sizeof(rectify_stats_options));
RECTIFY_OPTIONS_LAYOUT(rectify_warning_options, RECTIFY_WARNING_OPTIONS_VERSION, RECTIFY_WARNING_OPTIONS_INIT,
                       sizeof(rectify_warning_options));
RECTIFY_OPTIONS_LAYOUT(rectify_evidence, RECTIFY_EVIDENCE_VERSION, RECTIFY_EVIDENCE_INIT, sizeof(rectify_evidence));

#undef RECTIFY_OPTIONS_LAYOUT

// Copies `in` (may be NULL: the defaults stand) over `out`, which holds the defaults, reading from
// `in` only its version field and then that version's size. Sizes is the table of
// OptionsLayout<T>; passed apart so that the copy itself can be tested with any table.
template <class T, size_t N>
void copy_versioned(T &out, const T *in, const char *name, const char *init, const size_t (&sizes)[N]) {
    static_assert(std::is_trivially_copyable<T>::value, "options structs are plain C structs");
    if (!in) return;
    unsigned version = 0;
    std::memcpy(&version, static_cast<const void *>(in), sizeof version);
    if (version < 1 || version > N)
        bad_argument(std::string(name) + ".version " + std::to_string(version) + " is unknown; initialise the struct with " +
                     init);
    const size_t size = sizes[version - 1] < sizeof(T) ? sizes[version - 1] : sizeof(T);
    std::memcpy(static_cast<void *>(&out), static_cast<const void *>(in), size);
}

template <class T> void copy_options(T &out, const T *in) {
    using L = OptionsLayout<T>;
    copy_versioned(out, in, L::name, L::init, L::sizes);
}

} // namespace rectify::capi
