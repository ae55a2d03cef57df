// The console report of Google Benchmark, plus each benchmark's real and CPU time per iteration
// (seconds; the median when repetitions are asked for), so a program can print its own
// PASS/FAIL summary against a baseline timed in the same run.
#pragma once

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <map>
#include <string>
#include <vector>

namespace rectify_bench {

class TimingReporter : public benchmark::ConsoleReporter {
public:
    // Colours only on a terminal (a custom reporter does not see --benchmark_color).
    TimingReporter() : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_ColorTabular : OO_Tabular) {}
    std::map<std::string, double> seconds, cpu_seconds;
    void ReportRuns(const std::vector<Run> &runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const auto &r : runs) {
            if (r.error_occurred || r.iterations <= 0) continue;
            const std::string name = r.run_name.function_name;
            const double n = static_cast<double>(r.iterations);
            if (r.run_type == Run::RT_Iteration && !seconds.count(name + "#median")) {
                seconds[name] = r.real_accumulated_time / n;
                cpu_seconds[name] = r.cpu_accumulated_time / n;
            } else if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median") {
                seconds[name] = r.real_accumulated_time / n;
                cpu_seconds[name] = r.cpu_accumulated_time / n;
                seconds[name + "#median"] = 1;
            }
        }
    }
};

} // namespace rectify_bench
