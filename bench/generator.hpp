// A deterministic province-scale data set: cities, units, yearly rounds of inspections, and
// under each inspection its aspects, issues, measures, progress and outcomes, each inspection as
// one rectify-inspection document (docs/schema.md). Everything follows from the options and the
// seed alone: the same options give the same documents byte for byte, on any platform and with
// any standard library (the PRNG is std::mt19937_64, whose output the standard fixes, and every
// mapping from its output to a range is done here, never by std::*_distribution).
//
// Used by rectify-gen (bench/gen.cpp), which imports the documents through the C API, and meant
// for the later benchmarks that need the same rows (bulk import against raw inserts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rectify_gen {

struct Options {
    std::uint64_t seed = 1;
    int units = 3000;                 // inspected units (被巡察单位)
    int years = 5;                    // years of rounds, ending the year before as_of
    std::int64_t measures = 1000000;  // total measures, spread over the inspections
    std::int64_t progress = 5000000;  // total progress records, spread over started measures
    std::string as_of = "2026-06-30"; // statuses and deadlines are realistic as of this date
    // Per mille of the open measures due within a year before as_of or later that have an
    // extension request (申请延期), pending or refused. Never approved: an approved one moves the
    // deadline, which re-importing the document would move back, so the data would not be stable.
    int extension_permille = 300;
};

// An extension request to make after the document is imported (not part of the format).
struct ExtensionPlan {
    std::string measure_ref;
    std::string new_deadline;
    std::string reason;
    bool refuse = false; // refused, or left pending
};

// What one document holds.
struct Counts {
    std::int64_t inspections = 0, aspects = 0, issues = 0, measures = 0, progress = 0, outcomes = 0;
    // Open measures whose deadline is before as_of: what rectify_overdue_count should report.
    std::int64_t overdue = 0;
    std::int64_t extensions = 0; // planned extension requests
    Counts &operator+=(const Counts &o);
};

// Days since 1970-01-01 <-> "YYYY-MM-DD" (proleptic Gregorian).
std::int64_t parse_date(const std::string &text); // throws std::invalid_argument
std::string format_date(std::int64_t days);

class Generator {
public:
    explicit Generator(const Options &o); // throws std::invalid_argument for bad options

    const Options &options() const { return opt_; }
    int first_year() const { return first_year_; }
    // Inspections are numbered 0 .. inspections()-1, year by year, unit by unit.
    std::int64_t inspections() const { return static_cast<std::int64_t>(measure_start_.size()) - 1; }
    int cities() const { return cities_; }

    // The document of inspection k (out is cleared first) and what it holds; with ext, also the
    // extension requests to make on its measures once it is imported.
    Counts document(std::int64_t k, std::string &out, std::vector<ExtensionPlan> *ext = nullptr) const;

    // The host keys used for unit u (0-based) and inspection k, e.g. for rectify_record_find.
    std::string unit_ref(int u) const;
    std::string inspection_ref(std::int64_t k) const;
    std::string unit_name(int u) const;

private:
    Options opt_;
    std::int64_t as_of_ = 0;
    int first_year_ = 0;
    int cities_ = 0;
    std::string prefix_;                    // "gen<seed>", the root of every ref
    std::vector<std::int64_t> measure_start_;  // prefix sums: inspection k has [k], [k+1]) measures
    std::vector<std::int64_t> progress_start_; // same for progress records
};

} // namespace rectify_gen
