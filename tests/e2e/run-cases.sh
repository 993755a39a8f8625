#!/bin/sh
# End-to-end cases for the certtrack binary, as TAP.
#
# Usage: run-cases.sh CERTTRACK_BINARY SOURCE_ROOT [CASE_NAME...]
#
# Every directory tests/e2e/cases/NNN-short-name/ is one case (in the spirit of curl's
# tests/data and git's t/):
#
#   args             one argument per line, given after `certtrack`
#   stdin            optional: fed to standard input (otherwise /dev/null)
#   expected-exit    the exit status, a number
#   expected-stdout  optional: standard output, byte for byte (absent: must be empty)
#   expected-stderr  optional: standard error, byte for byte (absent: anything)
#   description      optional, not read: how the expected output was worked out
#
# In args, expected-stdout and expected-stderr the token @ROOT@ stands for SOURCE_ROOT,
# so that cases can name programs/, examples/ or fixture directories inside the case.
# The binary runs in an empty scratch directory with a clean environment (PATH and the
# sanitizer options only). Each case gives two test points: its expectations, and that a
# second run prints the same standard output byte for byte.
#
# Naming cases on the command line runs only those (e.g. run-cases.sh B R 001-example).
set -u

if [ $# -lt 2 ]; then
    echo "usage: run-cases.sh CERTTRACK_BINARY SOURCE_ROOT [CASE_NAME...]" >&2
    exit 99
fi
binary=$1
ROOT=$2
shift 2
case $binary in
/*) ;;
*) binary=$(pwd)/$binary ;;
esac
ROOT=$(cd "$ROOT" && pwd) || {
    echo "Bail out! no source root at $ROOT"
    exit 99
}
cases_dir=$ROOT/tests/e2e/cases
if [ ! -x "$binary" ] || [ ! -d "$cases_dir" ]; then
    echo "Bail out! no binary at $binary or no cases in $cases_dir"
    exit 99
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/certtrack-e2e.XXXXXX") || {
    echo "Bail out! cannot make a scratch directory"
    exit 99
}
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM
mkdir "$scratch/cwd"

# Prints $1 with every @ROOT@ replaced by the source root.
with_root() {
    rest=$1
    done_part=
    while :; do
        case $rest in
        *@ROOT@*)
            done_part=$done_part${rest%%@ROOT@*}$ROOT
            rest=${rest#*@ROOT@}
            ;;
        *)
            printf '%s' "$done_part$rest"
            return
            ;;
        esac
    done
}

# Copies an expected-output file ($1) to $2, replacing @ROOT@, byte for byte otherwise.
expand_file() {
    if grep -q '@ROOT@' "$1"; then
        ROOT=$ROOT awk 'BEGIN { RS = "\001"; root = ENVIRON["ROOT"] }
            {
                out = ""
                while ((at = index($0, "@ROOT@")) > 0) {
                    out = out substr($0, 1, at - 1) root
                    $0 = substr($0, at + 6)
                }
                printf "%s%s", out, $0
            }' "$1" >"$2"
    else
        cp "$1" "$2"
    fi
}

# Runs the binary for case directory $1, writing $2.out, $2.err and $2.rc. The case's
# arguments are read into the positional parameters of this function.
run_case() {
    case_dir=$1
    result=$2
    set --
    while IFS= read -r line || [ -n "$line" ]; do
        set -- "$@" "$(with_root "$line")"
    done <"$case_dir/args"
    input=/dev/null
    [ -f "$case_dir/stdin" ] && input=$case_dir/stdin
    (
        cd "$scratch/cwd" &&
            exec env -i PATH="$PATH" \
                ${ASAN_OPTIONS+"ASAN_OPTIONS=$ASAN_OPTIONS"} \
                ${UBSAN_OPTIONS+"UBSAN_OPTIONS=$UBSAN_OPTIONS"} \
                ${LSAN_OPTIONS+"LSAN_OPTIONS=$LSAN_OPTIONS"} \
                ${MSAN_OPTIONS+"MSAN_OPTIONS=$MSAN_OPTIONS"} \
                "$binary" "$@" <"$input" >"$result.out" 2>"$result.err"
    )
    echo $? >"$result.rc"
}

# Prints a diagnostic: file $1 as '# ' lines.
diagnose() {
    sed 's/^/# /' "$1"
}

# Compares expected file $1 with actual file $2 (label $3); on a difference prints a
# unified diff as diagnostics to $4 and fails.
compare() {
    if cmp -s "$1" "$2"; then
        return 0
    fi
    {
        echo "$3 differs (--- expected, +++ actual):"
        diff -u "$1" "$2" | sed '1,2d'
    } >>"$4"
    return 1
}

# Lists the case directories to run, one per line.
list_cases() {
    if [ $# -gt 0 ]; then
        for name in "$@"; do
            echo "$cases_dir/${name%/}"
        done
    else
        for dir in "$cases_dir"/[0-9]*; do
            [ -d "$dir" ] && echo "$dir"
        done
    fi
}

list_cases "$@" >"$scratch/list"
count=$(wc -l <"$scratch/list")
echo "1..$((count * 2))"

number=0
failed=0
while IFS= read -r dir; do
    name=${dir##*/}
    work=$scratch/case
    rm -f "$work".*
    : >"$work.why"
    if [ ! -f "$dir/args" ] || [ ! -f "$dir/expected-exit" ]; then
        echo "case directory $dir lacks args or expected-exit" >"$work.why"
        ok=no
    else
        run_case "$dir" "$work.first"
        run_case "$dir" "$work.second"
        ok=yes
        expected_rc=$(tr -d ' \n' <"$dir/expected-exit")
        actual_rc=$(cat "$work.first.rc")
        if [ "$expected_rc" != "$actual_rc" ]; then
            echo "exit status: expected $expected_rc, got $actual_rc" >>"$work.why"
            ok=no
        fi
        if [ -f "$dir/expected-stdout" ]; then
            expand_file "$dir/expected-stdout" "$work.want-out"
        else
            : >"$work.want-out"
        fi
        compare "$work.want-out" "$work.first.out" stdout "$work.why" || ok=no
        if [ -f "$dir/expected-stderr" ]; then
            expand_file "$dir/expected-stderr" "$work.want-err"
            compare "$work.want-err" "$work.first.err" stderr "$work.why" || ok=no
        elif [ "$ok" = no ] && [ -s "$work.first.err" ]; then
            echo "stderr was:" >>"$work.why"
            cat "$work.first.err" >>"$work.why"
        fi
    fi
    number=$((number + 1))
    if [ "$ok" = yes ]; then
        echo "ok $number - $name"
    else
        echo "not ok $number - $name"
        diagnose "$work.why"
        failed=$((failed + 1))
    fi

    number=$((number + 1))
    : >"$work.why2"
    if [ -f "$work.first.out" ] && compare "$work.first.out" "$work.second.out" \
        "stdout of the second run" "$work.why2" &&
        cmp -s "$work.first.rc" "$work.second.rc"; then
        echo "ok $number - $name: a second run gives the same stdout and exit status"
    else
        echo "not ok $number - $name: a second run gives the same stdout and exit status"
        if [ -f "$work.first.rc" ] && ! cmp -s "$work.first.rc" "$work.second.rc"; then
            echo "exit status: $(cat "$work.first.rc"), then $(cat "$work.second.rc")" >>"$work.why2"
        fi
        diagnose "$work.why2"
        failed=$((failed + 1))
    fi
done <"$scratch/list"

[ "$failed" -eq 0 ]
