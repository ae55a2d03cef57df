# The two commands of the README, and the few around them.
#   make demo   installs missing packages, builds, runs the demo on demo.db in this folder
#   make test   builds the normal and the sanitizer configurations and runs every test in both
#   make bench  builds the benchmarks in Release (build-bench/), runs them all and writes their output
#               into bench/RESULTS.md; not part of test. The warnings benchmark needs the
#               province-scale db: it makes build-bench/province.db (make gen) when missing.
#   make docs   the C API reference from the headers' Doxygen comments, as HTML in build/docs/html
#   make abi-baseline  regenerates abi/librectify.abi from build/ when the ABI changes on purpose
#               (docs/ABI.md says when that is allowed); abi.check compares every build with it
#   make gen    makes build-bench/province.db with rectify-gen's defaults (1,000,000 measures);
#               GEN_ARGS adds options (make gen GEN_ARGS="--progress 5000000")
BUILD      ?= build
ASAN_BUILD ?= build-asan
BENCH_BUILD ?= build-bench
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=
GEN_ARGS   ?=

.PHONY: all deps build build-asan demo test test-normal test-asan bench-build bench gen docs abi-baseline install clean

all: build

deps:
	@sh scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

$(ASAN_BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DRECTIFY_SANITIZE=ON $(CMAKE_ARGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

build-asan: deps $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/cli/rectify demo

test-normal: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

test: test-normal test-asan

bench-build: deps
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DRECTIFY_BUILD_BENCH=ON -DRECTIFY_BUILD_TESTS=OFF $(CMAKE_ARGS)
	cmake --build $(BENCH_BUILD) -j $(JOBS) --target workdays_bench rectify_gen rectify_warnings_bench import_bench report_bench

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
	rm -rf $(BUILD) $(ASAN_BUILD) $(BENCH_BUILD)
