// The SHA-256 and size of a file, read in blocks: evidence files can be large scans.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rectify::io {

struct FileDigest {
    std::string sha256; // lower-case hex
    std::int64_t size = 0;
};

// nullopt when the file cannot be opened or read (missing, a directory, no permission).
std::optional<FileDigest> digest_file(const std::string &path);

} // namespace rectify::io
