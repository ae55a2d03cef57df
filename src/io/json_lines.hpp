// JSON Lines input for batch imports, one document a line, read as the import goes so that
// memory is bounded by the longest line; and whole-file reading for single documents. Both fail
// with Errc::io naming the file.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

namespace rectify::io {

class LineSource {
public:
    virtual ~LineSource() = default;
    // The next line without its line break; false at the end. line stays valid until the next call.
    virtual bool next(std::string_view &line) = 0;
    virtual std::int64_t bytes_read() const = 0;
    virtual std::int64_t bytes_total() const = 0;
};

// A file, one line at a time.
class FileLines : public LineSource {
public:
    explicit FileLines(const std::string &path);
    bool next(std::string_view &line) override;
    std::int64_t bytes_read() const override { return read_; }
    std::int64_t bytes_total() const override { return total_ < read_ ? read_ : total_; }

private:
    std::string path_;
    std::ifstream in_;
    std::string buf_;
    std::int64_t read_ = 0, total_ = 0;
};

// Text already in memory; it must outlive the source.
class MemoryLines : public LineSource {
public:
    explicit MemoryLines(std::string_view text) : text_(text) {}
    bool next(std::string_view &line) override;
    std::int64_t bytes_read() const override { return static_cast<std::int64_t>(pos_); }
    std::int64_t bytes_total() const override { return static_cast<std::int64_t>(text_.size()); }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

// The whole file as bytes.
std::string read_whole_file(const std::string &path);

} // namespace rectify::io
