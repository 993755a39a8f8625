#!/bin/sh
# Runs one libFuzzer target for SECONDS over a working copy of its seed corpus, with its
# dictionary, and prints one result line:
#   record: ok, 812345 runs in 60 s (13539/s), cov 1490, ft 6120, corpus 402 inputs,
#     peak rss 450 MB, no crash
#   record: CRASH (exit 1): build-test/fuzz/record/artifacts/crash-3f2a...
# The seed corpus is only read. The working copy lives in WORK_DIR/corpus and keeps
# what earlier runs found unless --fresh is given; crash, leak and timeout reproducers
# go to WORK_DIR/artifacts/, the fuzzer's output to WORK_DIR/fuzz.log.
#
#   run-fuzzer.sh [--tap] [--fresh] NAME FUZZER SEED_DIR DICT WORK_DIR SECONDS
#
# --tap prints the result as a one-test TAP stream (for `meson test`), with the end of
# the fuzzer's output as comments when it failed. Exit status: 0 when the fuzzer found
# nothing, 1 when it crashed or found a leak or a timeout, 2 on bad usage.
set -u

tap=0
fresh=0
while [ $# -gt 0 ]; do
    case $1 in
    --tap) tap=1 ;;
    --fresh) fresh=1 ;;
    *) break ;;
    esac
    shift
done
if [ $# -ne 6 ]; then
    echo "usage: run-fuzzer.sh [--tap] [--fresh] NAME FUZZER SEED_DIR DICT WORK_DIR SECONDS" >&2
    exit 2
fi
name=$1 fuzzer=$2 seeds=$3 dict=$4 work=$5 seconds=$6

if [ ! -x "$fuzzer" ] || [ ! -d "$seeds" ] || [ ! -f "$dict" ]; then
    echo "run-fuzzer.sh: $name: missing fuzzer, seed directory or dictionary" >&2
    exit 2
fi
[ "$fresh" -eq 1 ] && rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts" || exit 2
rm -f "$work"/artifacts/*
cp "$seeds"/* "$work/corpus/" || exit 2

# Reports the leak checker's findings as failures; the caller's settings win.
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS

log="$work/fuzz.log"
# A fixed -max_len keeps mutations small even when the corpus holds a large reproducer
# (libFuzzer would otherwise grow it to the largest input); larger inputs are cut.
"$fuzzer" -max_total_time="$seconds" -timeout=30 -max_len=16384 -print_final_stats=1 \
    -dict="$dict" -artifact_prefix="$work/artifacts/" "$work/corpus" >"$log" 2>&1
status=$?

artifacts=$(find "$work/artifacts" -type f | sort | tr '\n' ' ' | sed 's/ $//')
if [ "$status" -eq 0 ] && [ -z "$artifacts" ]; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
    stats=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
    cov=$(echo "$stats" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$stats" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    inputs=$(find "$work/corpus" -type f | wc -l)
    line="$name: ok, ${runs:-?} runs in $seconds s (${rate:-?}/s), cov ${cov:-?}, ft ${ft:-?},"
    line="$line corpus $inputs inputs, peak rss ${rss:-?} MB, no crash"
    result=0
else
    line="$name: CRASH (exit $status): ${artifacts:-no reproducer written, see $log}"
    result=1
fi

if [ "$tap" -eq 1 ]; then
    echo "1..1"
    if [ "$result" -eq 0 ]; then
        echo "ok 1 - $line"
    else
        echo "not ok 1 - $line"
        tail -n 60 "$log" | sed 's/^/# /'
    fi
else
    echo "$line"
fi
exit "$result"
