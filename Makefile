# rampart — the commands a new user needs.
#
#   make run     install dependencies, build (Release) and run the demo into out/
#   make test    build and run the test suite, then again under AddressSanitizer
#                and UndefinedBehaviorSanitizer (build-asan/)
#   make bench   build (Release) and run every benchmark; JSON in build/bench-results/
#   make clean   remove build/, build-asan/ and out/
#   make format  clang-format the C++ sources (if clang-format is installed)
#
# Variables: JOBS (parallel compile jobs, default: number of CPUs),
# ASAN_BENCH=OFF to leave the benchmarks out of the sanitizer build.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
ASAN_BUILD ?= build-asan
OUT ?= out
# Benchmarks stay in the sanitizer build: their CTest smoke runs are cheap and
# exercise code paths (large sweeps) that the unit tests do not.
ASAN_BENCH ?= ON

# Sanitizers stop at the first report (the build also sets
# -fno-sanitize-recover) and print where undefined behaviour happened.
SANITIZER_ENV := ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1 \
                 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

.PHONY: help deps build run test test-release build-asan test-asan bench clean format

help:
	@sed -n '3,12p' Makefile | sed 's/^# \{0,1\}//'

deps:
	bash scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release
	ninja -C $(BUILD) -j$(JOBS)

run: build
	bash scripts/demo.sh $(BUILD)/bin/rampart $(OUT)

test: test-release test-asan

test-release: build
	ctest --test-dir $(BUILD) --output-on-failure -j2

build-asan: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DRAMPART_SANITIZE=ON -DRAMPART_BUILD_BENCH=$(ASAN_BENCH)
	$(SANITIZER_ENV) ninja -C $(ASAN_BUILD) -j$(JOBS)

test-asan: build-asan
	$(SANITIZER_ENV) ctest --test-dir $(ASAN_BUILD) --output-on-failure -j2

bench: build
	mkdir -p $(BUILD)/bench-results
	shopt -s nullglob; \
	benches=($(BUILD)/bench/*_bench); \
	if (( $${#benches[@]} == 0 )); then echo "no benchmarks in $(BUILD)/bench"; exit 1; fi; \
	for exe in "$${benches[@]}"; do \
	  name=$$(basename "$$exe"); \
	  echo "== $$name"; \
	  "$$exe" --benchmark_out=$(BUILD)/bench-results/$$name.json --benchmark_out_format=json; \
	done; \
	echo "JSON results in $(BUILD)/bench-results/"

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(OUT)

format:
	@command -v clang-format >/dev/null || { echo "clang-format is not installed (apt-get install clang-format)"; exit 1; }
	find include src apps tests bench -name '*.hpp' -o -name '*.cpp' | xargs clang-format -i
