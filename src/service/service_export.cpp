// Whole-database export: every readable inspection as one JSON Lines record, streamed from one
// read snapshot, one document in memory at a time.
#include "service/service.hpp"

#include "io/document.hpp"
#include "service/document_loader.hpp"
#include "service/transactions.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace rectify::service {

using core::Errc;
using core::Error;

void Service::export_all(const std::function<bool(const std::string &line)> &emit) {
    ReadTransaction snapshot(store_);
    const core::Visibility visible = access_.visibility(actor_, core::Permission::read, "exporting the database");
    store::ListFilter f;
    f.visible = &visible;
    // Ids only (8 bytes each): the documents are built and handed over one at a time.
    const std::vector<std::int64_t> ids = store_.ids<core::Inspection>(f);
    const auto total = static_cast<std::int64_t>(ids.size());
    const char *const op = "export";
    progress_.start(op, total);
    std::int64_t done = 0;
    for (std::int64_t id : ids) {
        if (!emit(io::write_document_line(load_document(store_, id)))) return;
        progress_.step(op, ++done, total);
    }
    progress_.finish(op, total);
}

void Service::export_all_file(const std::string &path) {
    check_text("path", path);
    if (path.empty()) throw Error(Errc::argument, "path: must not be empty");
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(Errc::io, "cannot write '" + path + "': it is a directory");
    // A name of its own beside the target, so the rename stays on one file system.
    static std::atomic<unsigned> serial{0};
    const std::string temp = path + ".part-" + std::to_string(::getpid()) + "-" + std::to_string(++serial);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw Error(Errc::io, "cannot write '" + path + "': " + std::strerror(errno));
    std::FILE *out = ::fdopen(fd, "wb");
    if (!out) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw Error(Errc::io, "cannot write '" + path + "': " + std::strerror(errno));
    }
    auto write_error = [&] { return Error(Errc::io, "writing '" + path + "': " + std::strerror(errno)); };
    try {
        export_all([&](const std::string &line) {
            if (std::fwrite(line.data(), 1, line.size(), out) != line.size() || std::fputc('\n', out) == EOF)
                throw write_error();
            return true;
        });
        if (std::fflush(out) != 0 || ::fsync(::fileno(out)) != 0) throw write_error();
        const int closed = std::fclose(out);
        out = nullptr;
        if (closed != 0) throw write_error();
        if (std::rename(temp.c_str(), path.c_str()) != 0)
            throw Error(Errc::io, "cannot write '" + path + "': " + std::strerror(errno));
    } catch (...) {
        if (out) std::fclose(out);
        ::unlink(temp.c_str());
        throw;
    }
}

} // namespace rectify::service
