// Working-day arithmetic on the bundled China calendar: Calendar::add_workdays (prefix counts,
// O(1)) against, in the same run and on the same inputs, the naive day-by-day loop over the same
// calendar's day types. Prints calls per second of each and their ratio; the issue asks for 10
// million add_workdays calls a second on one core for typical n (1..60).
//
//   make bench                       (Release build in build-bench/, then runs this)
//   build-bench/bench/workdays_bench --benchmark_filter=add   (any Google Benchmark flag)
#include "core/calendar_bundled.hpp"

#include <rectify/calendar.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace rectify::core;

namespace {

struct Input {
    Date start;
    int n;
};

// Random start dates in 2008-2025 (so n up to 60 working days never leaves the known years)
// and n in [lo, hi], the same sequence for every benchmark.
std::vector<Input> inputs(int lo, int hi) {
    std::mt19937 rng(4096);
    std::uniform_int_distribution<int> day(0, 18 * 365 - 1);
    std::uniform_int_distribution<int> n(lo, hi);
    std::vector<Input> out(4096);
    for (auto &in : out) in = {Date(2008, 1, 1) + boost::gregorian::days(day(rng)), n(rng)};
    return out;
}

const std::vector<Input> &typical() {
    static const auto v = inputs(1, 60);
    return v;
}

const std::vector<Input> &signed_typical() {
    static const auto v = inputs(-60, 60);
    return v;
}

// What a straightforward implementation does: step one day at a time and ask the day type.
Date naive_add_workdays(const Calendar &cal, Date d, int n) {
    const auto step = boost::gregorian::days(n > 0 ? 1 : -1);
    for (int left = n > 0 ? n : -n; left > 0;) {
        d += step;
        const DayType t = cal.day_type(d);
        if (t == DayType::unknown) throw std::runtime_error("unknown day");
        if (is_working(t)) --left;
    }
    return d;
}

template <class F> void run(benchmark::State &state, const std::vector<Input> &in, F &&f) {
    const Calendar &cal = bundled_china_calendar();
    for (auto _ : state)
        for (const auto &x : in) benchmark::DoNotOptimize(f(cal, x));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(in.size()));
}

void add_workdays(benchmark::State &state) {
    run(state, typical(), [](const Calendar &c, const Input &x) { return c.add_workdays(x.start, x.n); });
}
void naive_loop(benchmark::State &state) {
    run(state, typical(), [](const Calendar &c, const Input &x) { return naive_add_workdays(c, x.start, x.n); });
}
void add_workdays_signed(benchmark::State &state) {
    run(state, signed_typical(), [](const Calendar &c, const Input &x) { return c.add_workdays(x.start, x.n); });
}
void naive_loop_signed(benchmark::State &state) {
    run(state, signed_typical(), [](const Calendar &c, const Input &x) { return naive_add_workdays(c, x.start, x.n); });
}
void count_workdays(benchmark::State &state) {
    run(state, typical(), [](const Calendar &c, const Input &x) {
        return c.count_workdays(x.start, x.start + boost::gregorian::days(x.n * 7 / 5));
    });
}

// The same through the C ABI, date text in and out, for hosts that call it that way.
void c_api_add_workdays(benchmark::State &state) {
    rectify_calendar *cal = nullptr;
    if (rectify_calendar_new(&cal, RECTIFY_CALENDAR_CHINA) != RECTIFY_OK) {
        state.SkipWithError(rectify_errmsg());
        return;
    }
    std::vector<std::string> dates;
    for (const auto &x : typical()) dates.push_back(format_date(x.start));
    char out[RECTIFY_DATE_SIZE];
    for (auto _ : state)
        for (std::size_t i = 0; i < dates.size(); ++i) {
            benchmark::DoNotOptimize(rectify_calendar_add_workdays(out, cal, dates[i].c_str(), typical()[i].n, 0));
            benchmark::ClobberMemory();
        }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(dates.size()));
    rectify_calendar_free(cal);
}

BENCHMARK(add_workdays);
BENCHMARK(naive_loop);
BENCHMARK(add_workdays_signed);
BENCHMARK(naive_loop_signed);
BENCHMARK(count_workdays);
BENCHMARK(c_api_add_workdays);

// The console report, plus each benchmark's calls per second kept for the summary.
class Reporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> rate;
    void ReportRuns(const std::vector<Run> &runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const auto &r : runs) {
            auto it = r.counters.find("items_per_second");
            if (r.run_type == Run::RT_Iteration && !r.error_occurred && it != r.counters.end())
                rate[r.benchmark_name()] = it->second.value;
        }
    }
};

void summary(const Reporter &r, const char *fast, const char *slow, const char *what) {
    auto f = r.rate.find(fast), s = r.rate.find(slow);
    if (f == r.rate.end() || s == r.rate.end()) return;
    std::printf("%-28s %6.1f M calls/s   naive day-by-day loop %6.1f M calls/s   ratio %5.1fx   %s\n", what,
                f->second / 1e6, s->second / 1e6, f->second / s->second,
                f->second >= 10e6 ? "(target 10 M/s: met)" : "(target 10 M/s: NOT met)");
}

} // namespace

int main(int argc, char **argv) {
    bundled_china_calendar(); // parse the bundled data before timing anything
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    Reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\n");
    summary(reporter, "add_workdays", "naive_loop", "add_workdays, n in 1..60:");
    summary(reporter, "add_workdays_signed", "naive_loop_signed", "add_workdays, n in -60..60:");
    if (auto it = reporter.rate.find("c_api_add_workdays"); it != reporter.rate.end())
        std::printf("%-28s %6.1f M calls/s (date text in and out)\n", "C API add_workdays:", it->second / 1e6);
    benchmark::Shutdown();
    return 0;
}
