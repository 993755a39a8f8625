#!/bin/sh
# Benchmark: `certtrack report compliance` over a generated state-scale database,
# beside the floor for this work: one plain SQL aggregate over the same activities
# table in the same database.
#
# Usage: bench/compliance.sh [PEOPLE] [ACTIVITIES_PER_PERSON] [WORK_DIR]
#        (defaults: 100000 people, 100 activities each = 10 million activities)
# Needs a release build (make; CERTTRACK=PATH names another binary) and the sqlite3 shell
# (scripts/install-deps bench).
set -eu
people=${1:-100000}
per_person=${2:-100}
work=${3:-build/bench-compliance}
root=$(cd "$(dirname "$0")/.." && pwd)
certtrack=${CERTTRACK:-$root/build/certtrack}
as_of=2026-11-01
mkdir -p "$work"
db="$work/state-$people-$per_person.db"

if [ ! -f "$db" ]; then
    echo "generating $people people with $per_person activities each in $db ..."
    start=$(date +%s)
    "$certtrack" init --db "$db" --programs "$root/programs" >/dev/null
    sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $people / 50 + 1)
INSERT INTO libraries (id, name, city) SELECT i, 'Library ' || i, 'Town ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $people)
INSERT INTO people (id, name, email, email_key, library_id, created_at)
SELECT i, 'Person ' || i, 'p' || i || '@example.org', 'p' || i || '@example.org',
       i % ($people / 50 + 1) + 1, '2020-01-01T00:00:00Z' FROM n;
INSERT INTO tracks (id, person_id, program, started, deadline, state, state_changed_at)
SELECT id, id,
       CASE id % 10 WHEN 0 THEN 'msl-director-initial' WHEN 1 THEN 'msl-trustee'
                    ELSE 'msl-staff' END,
       date('$as_of', '-' || (id % 1400) || ' days'),
       date('$as_of', '-' || (id % 1400) || ' days', '+4 years'),
       'active', '2020-01-01T00:00:00Z' FROM people;
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < $per_person - 1)
INSERT INTO activities (person_id, record_key, kind, title, date, credit_halves, category,
                        status, provenance, created_at)
SELECT p.id, 'a' || k.j,
       CASE (p.id + k.j) % 4 WHEN 0 THEN 'course' WHEN 1 THEN 'workshop'
                             WHEN 2 THEN 'webinar' ELSE 'conference-session' END,
       'Activity ' || k.j,
       date('$as_of', '-' || ((p.id * 7919 + k.j * 104729) % 1800) || ' days'),
       1 + (p.id + k.j) % 6,
       CASE (p.id + 3 * k.j) % 4 WHEN 0 THEN 'library-administration'
            WHEN 1 THEN 'public-services' WHEN 2 THEN 'collection-management'
            ELSE 'technology' END,
       CASE WHEN (p.id + k.j) % 13 = 0 THEN 'pending'
            WHEN (p.id + k.j) % 29 = 0 THEN 'rejected' ELSE 'verified' END,
       'claim', '2020-01-01T00:00:00Z'
FROM people p CROSS JOIN k;
COMMIT;
ANALYZE;
SQL
    echo "generated in $(( $(date +%s) - start )) s ($(du -h "$db" | cut -f1))"
fi

# GENERATE_ONLY=1: the database alone, for another benchmark (bench/summary-lists.sh).
[ "${GENERATE_ONLY:-0}" = 1 ] && exit 0

activities=$(sqlite3 "$db" "SELECT COUNT(*) FROM activities")
echo "database: $db, $people people, $activities activities"

measure() { # label command...: wall seconds and peak resident memory of one run
    label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt"
    read -r seconds kib <"$work/time.txt"
    rows=$(wc -l <"$work/out.txt")
    echo "$label: ${seconds} s, peak ${kib} KiB, $rows lines of output" >&2
    echo "$seconds"
}

# Warm the page cache once, so that both runs read from memory.
cat "$db" >/dev/null
floor=$(measure "floor: SELECT person_id, SUM(credit_halves) ... GROUP BY person_id" \
    sqlite3 "$db" "SELECT person_id, SUM(credit_halves) FROM activities
                   WHERE status = 'verified' AND date > date('$as_of', '-4 years')
                   GROUP BY person_id")
report=$(measure "certtrack report compliance --as-of $as_of" \
    "$certtrack" report compliance --db "$db" --as-of "$as_of" --programs "$root/programs")
echo "ratio report / floor: $(echo "scale=1; $report / $floor" | bc)"
