#!/bin/sh
# Benchmark: `certtrack import moodle-progress` of a generated Moodle activity completion
# report, beside the floor for reading such a file into SQLite: the sqlite3 shell's
# `.import` of the same file into a bare table, in the same run.
#
# The report has ROWS learners (each a person in the database, found by e-mail) and two
# activity columns, both mapped to catalog events: the first completed on every row, the
# second on every other row ("Not completed" on the rest). So an import reads ROWS rows,
# creates 1.5 x ROWS activities (each with its audit entry and provenance record) and
# keeps 2 x ROWS reconciliation rows, all in one transaction.
#
# Prints, for each: wall time, rows per second and peak memory (/usr/bin/time -v), then
# the ratio of the two times.
#
# Usage: bench/import-progress.sh [ROWS] [WORK_DIR]   (defaults: 1000000, build/bench-import)
# Needs a release build (make; CERTTRACK=PATH names another binary), the sqlite3 shell
# and GNU time (scripts/install-deps bench).
set -eu
rows=${1:-1000000}
work=${2:-build/bench-import}
root=$(cd "$(dirname "$0")/.." && pwd)
certtrack=${CERTTRACK:-$root/build/certtrack}
programs="$root/programs"
site=https://learn.example.org
export CERTTRACK_TODAY=2026-06-15

fail() {
    echo "import-progress: $*" >&2
    exit 1
}
[ -x "$certtrack" ] || fail "no release build at $certtrack (run make)"
command -v sqlite3 >/dev/null 2>&1 || fail "the sqlite3 shell is missing (scripts/install-deps bench)"
[ -x /usr/bin/time ] || fail "GNU time is missing (scripts/install-deps bench)"

mkdir -p "$work"
report="$work/progress.bench_$rows.csv"
db="$work/import-$rows.db"
floor_db="$work/floor-$rows.db"
rm -f "$db" "$db-wal" "$db-shm" "$floor_db"

if [ ! -f "$report" ]; then
    echo "generating a report of $rows learners in $report ..."
    awk -v rows="$rows" 'BEGIN {
        printf ",\"Email address\",\"Module 1 quiz\",\"\",\"Final reflection\",\"2026-03-31 00:00:00\"\n"
        for (i = 1; i <= rows; i++) {
            day = 1 + i % 28
            printf "\"Learner %d, O'"'"'Brien\",\"p%d@example.org\",\"Completed\",\"2026-02-%02d 14:22:05\",", i, i, day
            if (i % 2 == 0) {
                printf "\"Completed (set by Dana Director)\",\"2026-03-%02d 09:30:00\"\n", day
            } else {
                printf "\"Not completed\",\"\"\n"
            }
        }
    }' >"$report"
fi
size=$(wc -c <"$report")

echo "preparing $db: $rows people, a site, two catalog events ..."
"$certtrack" init --db "$db" --programs "$programs" >/dev/null
sqlite3 "$db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO people (id, name, email, email_key, created_at)
SELECT i, 'Learner ' || i, 'p' || i || '@example.org', 'p' || i || '@example.org',
       '2026-01-01T00:00:00Z' FROM n;
COMMIT;
SQL
"$certtrack" site add --db "$db" --programs "$programs" --url "$site" \
    --time-zone America/Denver >/dev/null
"$certtrack" catalog add --db "$db" --programs "$programs" --title "Module 1 quiz" \
    --kind course --credits 1 --category collection-management --lms-verifies \
    --course-url "$site/course/view.php?id=12" --lms-name "Module 1 quiz" \
    --starts 2026-01-05 >/dev/null
"$certtrack" catalog add --db "$db" --programs "$programs" --title "Final reflection" \
    --kind course --credits 2 --category collection-management \
    --course-url "$site/course/view.php?id=12" --lms-name "Final reflection" \
    --starts 2026-01-05 >/dev/null

# Prints "seconds peak_kib" from a GNU time -v log.
time_of() {
    awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, t, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + t[i]
            elapsed = s
        }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.2f %d\n", elapsed, rss }' "$1"
}

echo "importing with certtrack ..."
/usr/bin/time -v -o "$work/certtrack.time" "$certtrack" import moodle-progress "$report" \
    --db "$db" --programs "$programs" --site "$site" >"$work/summary.txt"
sed -n '1,12p' "$work/summary.txt"

db_mib=$(du -cm "$db" "$db-wal" 2>/dev/null | tail -n 1 | cut -f 1)
echo "importing with sqlite3 .import (the floor) ..."
sqlite3 "$floor_db" "CREATE TABLE progress (name TEXT, email TEXT, quiz TEXT, quiz_date TEXT,
                                             reflection TEXT, reflection_date TEXT)"
/usr/bin/time -v -o "$work/floor.time" sqlite3 "$floor_db" \
    ".import --csv --skip 1 $report progress"
floor_rows=$(sqlite3 "$floor_db" "SELECT COUNT(*) FROM progress")
[ "$floor_rows" -eq "$rows" ] || fail "sqlite3 .import read $floor_rows rows, not $rows"

set -- $(time_of "$work/certtrack.time")
ct_seconds=$1 ct_kib=$2
set -- $(time_of "$work/floor.time")
floor_seconds=$1 floor_kib=$2
echo
echo "report: $rows rows, $size bytes; the certtrack database (with its WAL) is now $db_mib MiB"
awk -v rows="$rows" -v a="$ct_seconds" -v am="$ct_kib" -v b="$floor_seconds" -v bm="$floor_kib" 'BEGIN {
    printf "%-28s %10s %12s %14s\n", "", "seconds", "rows/s", "peak memory"
    printf "%-28s %10.2f %12.0f %10.1f MiB\n", "certtrack import", a, rows / a, am / 1024
    printf "%-28s %10.2f %12.0f %10.1f MiB\n", "sqlite3 .import (floor)", b, rows / b, bm / 1024
    printf "ratio (certtrack / floor): %.1f x the time, %.1f x the memory\n", a / b, am / bm
}'
