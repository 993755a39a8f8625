# certtrack's front door. Meson and Ninja do the building; this file only names the
# everyday jobs and makes sure the Debian packages they need are installed.
#
#   make         build build/certtrack (release build, hardened)
#   make demo    build, make the demonstration database, serve it on 127.0.0.1:8080
#   make test    every test, in a build with AddressSanitizer and UBSan, and the
#                server's end-to-end tests again under ThreadSanitizer
#   make tsan    only the ThreadSanitizer run
#   make fuzz    run each fuzz target for FUZZ_SECONDS (default 60)
#   make bench   run the benchmarks (see docs/benchmarks.md)
#   make soak    ten minutes of mixed load; the server's memory must stay flat
#   make mutants remove each rule in turn and show that a unit test fails

BUILD_DIR      ?= build
TEST_BUILD_DIR ?= build-test
TSAN_BUILD_DIR ?= build-tsan
FUZZ_SECONDS   ?= 60
SOAK_SECONDS   ?= 600
MESON          ?= meson

.PHONY: all build demo test tsan soak fuzz bench mutants format clean deps test-deps bench-deps node-deps

all: build

deps:
	@scripts/install-deps build

test-deps:
	@scripts/install-deps test

bench-deps:
	@scripts/install-deps bench

# The U.S. Web Design System (built into the binary) and the browser tests' packages.
node-deps:
	@scripts/install-node-deps

$(BUILD_DIR)/build.ninja:
	$(MESON) setup $(BUILD_DIR) --buildtype=release -Dtests=false

build: deps node-deps $(BUILD_DIR)/build.ninja
	$(MESON) compile -C $(BUILD_DIR)

demo: build
	@scripts/demo $(BUILD_DIR)/certtrack

$(TEST_BUILD_DIR)/build.ninja:
	CC=clang $(MESON) setup $(TEST_BUILD_DIR) --buildtype=debug -Dwerror=true \
		-Db_sanitize=address,undefined -Db_lundef=false -Dfuzzing=true

$(TSAN_BUILD_DIR)/build.ninja:
	CC=clang $(MESON) setup $(TSAN_BUILD_DIR) --buildtype=debug -Db_sanitize=thread \
		-Db_lundef=false -Dfuzzing=false -Dtests=false

test: test-deps node-deps $(TEST_BUILD_DIR)/build.ninja $(TSAN_BUILD_DIR)/build.ninja
	$(MESON) compile -C $(TEST_BUILD_DIR)
	$(MESON) compile -C $(TSAN_BUILD_DIR) certtrack
	@scripts/run-tests $(TEST_BUILD_DIR)

tsan: test-deps node-deps $(TEST_BUILD_DIR)/build.ninja $(TSAN_BUILD_DIR)/build.ninja
	$(MESON) compile -C $(TEST_BUILD_DIR)
	$(MESON) compile -C $(TSAN_BUILD_DIR) certtrack
	$(MESON) test -C $(TEST_BUILD_DIR) --print-errorlogs e2e-tsan

fuzz: test-deps node-deps $(TEST_BUILD_DIR)/build.ninja
	$(MESON) compile -C $(TEST_BUILD_DIR)
	@scripts/run-fuzzers $(TEST_BUILD_DIR) $(FUZZ_SECONDS)

bench: bench-deps build
	$(MESON) compile -C $(BUILD_DIR) bench-evaluate bench-certificates
	$(BUILD_DIR)/bench/bench-evaluate
	$(BUILD_DIR)/bench/bench-certificates
	CERTTRACK=$(BUILD_DIR)/certtrack bench/bench-web
	CERTTRACK=$(BUILD_DIR)/certtrack bench/bench-xapi
	CERTTRACK=$(BUILD_DIR)/certtrack bench/bench-slow-clients
	CERTTRACK=$(BUILD_DIR)/certtrack bench/import-progress.sh
	CERTTRACK=$(BUILD_DIR)/certtrack bench/bench-signin

soak: bench-deps build
	CERTTRACK=$(BUILD_DIR)/certtrack bench/soak $(SOAK_SECONDS)

mutants: test-deps node-deps
	@scripts/check-mutants

format:
	clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 'bench/*.c')

clean:
	rm -rf $(BUILD_DIR) $(TEST_BUILD_DIR) $(TSAN_BUILD_DIR)
