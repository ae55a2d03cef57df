// cli/seed_case.hpp: the demo's seed case (data/examples/seed-case.json), embedded at build time
// by cli/embed_file.cmake so that an installed rectify runs its demo from any folder.
#pragma once

#include <cstddef>
#include <string_view>

namespace rectify_cli {

extern const unsigned char seed_case_bytes[];
extern const std::size_t seed_case_size;

/** The embedded document, byte for byte. */
inline std::string_view seed_case() {
    return {reinterpret_cast<const char *>(seed_case_bytes), seed_case_size};
}

} // namespace rectify_cli
