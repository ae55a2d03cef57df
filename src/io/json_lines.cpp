// See json_lines.hpp.
#include "io/json_lines.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace rectify::io {

namespace {

// Opens path for reading, refusing a directory (which ifstream would open and read as empty).
void open_for_reading(std::ifstream &in, const std::string &path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw core::Error(core::Errc::io, "cannot read '" + path + "': it is a directory");
    in.open(path, std::ios::binary);
    if (!in) throw core::Error(core::Errc::io, "cannot open '" + path + "': " + std::strerror(errno));
}

} // namespace

FileLines::FileLines(const std::string &path) : path_(path) {
    open_for_reading(in_, path);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    total_ = ec ? 0 : static_cast<std::int64_t>(size);
}

bool FileLines::next(std::string_view &line) {
    if (!std::getline(in_, buf_)) {
        if (in_.bad()) throw core::Error(core::Errc::io, "cannot read '" + path_ + "'");
        return false;
    }
    read_ += static_cast<std::int64_t>(buf_.size()) + (in_.eof() ? 0 : 1);
    line = buf_;
    return true;
}

bool MemoryLines::next(std::string_view &line) {
    if (pos_ >= text_.size()) return false;
    auto nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    line = text_.substr(pos_, nl - pos_);
    pos_ = nl < text_.size() ? nl + 1 : nl;
    return true;
}

std::string read_whole_file(const std::string &path) {
    std::ifstream in;
    open_for_reading(in, path);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw core::Error(core::Errc::io, "cannot read '" + path + "'");
    return buf.str();
}

} // namespace rectify::io
