// Small helpers the benchmark programs share for what they print and the files they look for.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace rectify_bench {

// 1234567 → "1,234,567": counts of a province's records are read at a glance this way.
inline std::string thousands(std::int64_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > (n < 0 ? 1 : 0); i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

// The environment variable's value, or fallback when it is unset or empty.
inline const char *env_or(const char *name, const char *fallback) {
    const char *v = std::getenv(name);
    return v && *v ? v : fallback;
}

inline bool file_exists(const std::string &path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

} // namespace rectify_bench
