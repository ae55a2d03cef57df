// Measuring one piece of work in a child process of its own (fork), so that its peak memory (the
// child's ru_maxrss from wait4) and CPU time are that work's alone; and making a benchmark
// database with rectify-gen when it is missing.
#pragma once

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

namespace rectify_bench {

[[noreturn]] inline void die(const char *program, const std::string &what) {
    std::fprintf(stderr, "%s: %s\n", program, what.c_str());
    std::exit(1);
}

inline long long file_size(const std::string &path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

struct Run {
    double peak_mb = 0;  // the child's maximum resident set
    double wall_s = 0;
    double cpu_s = 0;    // user + system
    long long bytes = 0; // of the output file, when there is one
};

// Runs work in a child process; its exit status is work's return value, and a failure ends the
// benchmark naming `what`. out_path (may be empty) is the file whose size the run reports.
inline Run in_child(const char *program, const char *what, const std::string &out_path, const std::function<int()> &work) {
    std::fflush(stdout);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) die(program, "fork failed");
    if (pid == 0) _exit(work());
    int status = 0;
    struct rusage ru;
    std::memset(&ru, 0, sizeof ru);
    if (wait4(pid, &status, 0, &ru) != pid) die(program, "wait4 failed");
    Run r;
    r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die(program, std::string(what) + ": the child failed");
    r.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0; // kilobytes on Linux
    r.cpu_s = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
              static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    r.bytes = out_path.empty() ? 0 : file_size(out_path);
    return r;
}

// Makes the database at path with rectify-gen (gen, the program's path) and args.
inline void generate(const char *program, const char *gen, const std::string &path, const std::string &args) {
    std::printf("%s: no database at %s: generating one with %s %s\n", program, path.c_str(), gen, args.c_str());
    std::fflush(stdout);
    const std::string cmd = std::string("'") + gen + "' --db '" + path + "' " + args + " > /dev/null";
    const int rc = std::system(cmd.c_str());
    if (rc != 0 || file_size(path) < 0) die(program, "generating the database failed: " + cmd);
}

} // namespace rectify_bench
