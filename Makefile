# The two commands of the README, and the few around them.
#   make demo   installs missing packages, builds, runs the demo on demo.db in this folder
#   make test   builds the normal and the sanitizer configurations and runs every test in both, then
#               fuzzes each libFuzzer target for 20 s (test-fuzz: the fuzz.run tests of build-fuzz/)
#   make fuzz   builds the libFuzzer targets with clang, ASan and UBSan (build-fuzz/) and fuzzes each
#               for FUZZ_SECONDS (default 300) on build-fuzz/corpus/<target>, seeded from
#               fuzz/corpus/<target>; crashes go to build-fuzz/artifacts/ (docs/fuzzing.md)
#   make bench  builds the benchmarks in Release (build-bench/), runs them all and writes their output
#               into bench/RESULTS.md; not part of test. The warnings benchmark needs the
#               province-scale db: it makes build-bench/province.db (make gen) when missing; the export
#               benchmark also makes build-bench/province-small.db (a tenth the size).
#   make docs   the C API reference from the headers' Doxygen comments, as HTML in build/docs/html
#   make abi-baseline  regenerates abi/librectify.abi from build/ when the ABI changes on purpose
#               (docs/ABI.md says when that is allowed); abi.check compares every build with it
#   make gen    makes build-bench/province.db with rectify-gen's defaults (~3,000 units, 5 years of
#               rounds, 1,000,000 measures, 5,000,000 progress records); GEN_ARGS adds options
#               (make gen GEN_ARGS="--progress 1000000" for the lighter db of the first benchmarks)
BUILD      ?= build
ASAN_BUILD ?= build-asan
BENCH_BUILD ?= build-bench
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 300
FUZZ_TARGETS = fuzz_import_json fuzz_notice_parse fuzz_calendar_json fuzz_capi_sequence
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=
GEN_ARGS   ?=

.PHONY: all deps build build-asan build-fuzz demo test test-normal test-asan test-fuzz fuzz bench-build bench gen docs abi-baseline install clean

all: build

deps:
	@sh scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

$(ASAN_BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DRECTIFY_SANITIZE=ON $(CMAKE_ARGS)

# libFuzzer needs clang; the fuzz build makes the library and the fuzz targets, nothing else.
$(FUZZ_BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRECTIFY_BUILD_FUZZ=ON -DRECTIFY_BUILD_TESTS=OFF \
	  -DRECTIFY_BUILD_CLI=OFF -DRECTIFY_INSTALL=OFF -DRECTIFY_BUILD_JAVA=OFF $(CMAKE_ARGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

build-asan: deps $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS)

build-fuzz: deps $(FUZZ_BUILD)/CMakeCache.txt
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)

demo: build
	./$(BUILD)/cli/rectify demo

test-normal: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

test-fuzz: build-fuzz
	cd $(FUZZ_BUILD) && ctest --output-on-failure -j $(JOBS) -L fuzz

test: test-normal test-asan test-fuzz

fuzz: build-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  sh fuzz/run-bounded.sh $$t $(FUZZ_BUILD)/fuzz/$$t $(FUZZ_BUILD) \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 || exit 1; \
	done
	@echo "Crashes are kept in $(FUZZ_BUILD)/artifacts/<target>-crash-*. Once the bug is fixed, copy the"
	@echo "input to fuzz/regressions/<target>/ under a name that says what broke: ctest -R fuzz.replay"
	@echo "then replays it in every build (docs/fuzzing.md)."

bench-build: deps
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DRECTIFY_BUILD_BENCH=ON -DRECTIFY_BUILD_TESTS=OFF $(CMAKE_ARGS)
	cmake --build $(BENCH_BUILD) -j $(JOBS) --target workdays_bench rectify_gen rectify_warnings_bench rectify_export_bench import_bench report_bench audit_bench

bench: bench-build
	sh bench/run-all.sh $(BENCH_BUILD) bench/RESULTS.md

# The summary line is kept for bench/RESULTS.md (bench/run-all.sh shows the last one).
gen: bench-build
	@mkdir -p $(BENCH_BUILD)/bench-results
	./$(BENCH_BUILD)/bench/rectify-gen --db $(BENCH_BUILD)/province.db $(GEN_ARGS) > $(BENCH_BUILD)/bench-results/gen.txt.new
	@mv $(BENCH_BUILD)/bench-results/gen.txt.new $(BENCH_BUILD)/bench-results/gen.txt
	@cat $(BENCH_BUILD)/bench-results/gen.txt

docs: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) --target docs

abi-baseline: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target rectify
	sh scripts/update-abi-baseline $(BUILD)

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(BENCH_BUILD) $(FUZZ_BUILD)
