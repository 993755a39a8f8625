#!/bin/sh
# Style checks, as TAP: the code follows .clang-format, every .c file includes
# banned.h, and no banned function is called.
set -u
root=${1:?usage: check-style.sh SOURCE_ROOT}
cd "$root" || exit 1
files=$(find src tests bench -name '*.[ch]' -not -path '*/corpus/*' | sort)
echo "1..3"

if command -v clang-format >/dev/null 2>&1; then
    unformatted=""
    for f in $files; do
        clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted="$unformatted $f"
    done
    if [ -z "$unformatted" ]; then
        echo "ok 1 - every C file follows .clang-format"
    else
        echo "not ok 1 - not formatted (run 'make format'):$unformatted"
    fi
else
    echo "ok 1 # SKIP clang-format is not installed"
fi

missing=""
for f in $(find src -name '*.c' | sort); do
    grep -q '#include ".*banned.h"' "$f" || missing="$missing $f"
done
if [ -z "$missing" ]; then
    echo "ok 2 - every source file includes banned.h"
else
    echo "not ok 2 - banned.h is not included by:$missing"
fi

banned='\b(strcpy|strcat|strncpy|sprintf|vsprintf|strtok|gmtime|localtime|atoi)[[:space:]]*\('
calls=$(grep -nE "$banned" $(find src tests bench -name '*.c' | sort) | grep -v 'banned.h' || true)
if [ -z "$calls" ]; then
    echo "ok 3 - no banned function is called"
else
    echo "not ok 3 - banned calls:"
    echo "$calls" | sed 's/^/# /'
fi
