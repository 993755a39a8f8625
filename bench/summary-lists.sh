#!/bin/sh
# Benchmark: one view of the lists that read the track summaries (the review page's
# tracks sent for the award, a library's staff and their progress, a library
# administrator's to-do list of staff at risk, the JSON API's review list) against
# evaluating the page's rows, on the compliance benchmark's generated state
# (bench/compliance.sh), with one track in ten sent for the award and one in ten with
# its deadline near.
#
# Usage: bench/summary-lists.sh [PEOPLE] [ACTIVITIES_PER_PERSON] [WORK_DIR] [VIEWS]
#        (defaults: 20000 people, 100 activities each, 400 views)
# Needs a release build of certtrack and bench-summary-lists (CERTTRACK and BENCH name
# other binaries) and the sqlite3 shell (scripts/install-deps bench).
set -eu
people=${1:-20000}
per_person=${2:-100}
work=${3:-build/bench-compliance}
views=${4:-400}
root=$(cd "$(dirname "$0")/.." && pwd)
certtrack=${CERTTRACK:-$root/build/certtrack}
bench=${BENCH:-$root/build/bench/bench-summary-lists}
as_of=2026-11-01

GENERATE_ONLY=1 CERTTRACK="$certtrack" "$root/bench/compliance.sh" "$people" "$per_person" "$work"
source_db="$work/state-$people-$per_person.db"
db="$work/lists-$people-$per_person.db"
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$source_db" "VACUUM INTO '$db'"
sqlite3 "$db" "UPDATE tracks SET state = 'submitted', state_changed_at = date('$as_of',
               '-' || (id % 90) || ' days') || 'T09:00:00Z' WHERE id % 10 = 3"
# One active track in ten with its deadline within five months: the to-do list's staff
# at risk (todo_rule.h: a deadline near is at most six months away).
sqlite3 "$db" "UPDATE tracks SET deadline = date('$as_of', '+' || (1 + id % 150) || ' days')
               WHERE id % 10 = 7 AND state = 'active'"
start=$(date +%s)
"$certtrack" summaries refresh --db "$db" --as-of "$as_of" --programs "$root/programs"
echo "summaries filled in $(( $(date +%s) - start )) s"
cat "$db" >/dev/null
"$bench" "$db" "$as_of" "$views"
