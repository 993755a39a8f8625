#!/bin/sh
# Benchmark: `certtrack remind --dry-run` and `certtrack remind` over the compliance
# benchmark's state-scale database (bench/compliance.sh), against `certtrack report
# compliance` on the same database in the same run, as ratios of medians of RUNS runs.
#
# The compliance database has no officers, roles or verifiers; a copy of it gets them,
# so that every kind of reminder has its share: each library's director (hired on days
# spread over five years: some new, some near or past their deadline) and board chair,
# everyone's verifier, and one CE coordinator. `remind` is timed twice: the day's first
# run (the copy reset to no reminders sent before each: the first run after
# installation, when every pending claim older than 30 days is owed) and a second run
# on the day (the steady state: everything decided, nothing queued).
#
# Usage: bench/remind.sh [PEOPLE] [ACTIVITIES_PER_PERSON] [WORK_DIR] [RUNS]
#        (defaults: 100000 people, 100 activities each, build/bench-compliance, 3 runs)
# Needs a release build (make; CERTTRACK=PATH names another binary), the sqlite3 shell,
# time and bc (scripts/install-deps bench).
set -eu
people=${1:-100000}
per_person=${2:-100}
work=${3:-build/bench-compliance}
runs=${4:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
certtrack=${CERTTRACK:-$root/build/certtrack}
CERTTRACK=$certtrack
export CERTTRACK
as_of=2026-11-01
mkdir -p "$work"
state="$work/state-$people-$per_person.db"
db="$work/remind-$people-$per_person.db"

if [ ! -f "$state" ]; then
    "$root/bench/compliance.sh" "$people" "$per_person" "$work" >&2
fi
if [ ! -f "$db" ]; then
    echo "copying $state and naming officers, verifiers and a coordinator ..." >&2
    start=$(date +%s)
    sqlite3 "$state" "VACUUM INTO '$db'"
    sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
UPDATE people SET position = CASE id % 10 WHEN 1 THEN 'trustee' ELSE 'staff' END;
INSERT INTO person_roles (person_id, role, began) SELECT id, 'learner', '2020-01-01' FROM people;
UPDATE libraries SET
  director_id = (SELECT MIN(p.id) FROM people p WHERE p.library_id = libraries.id AND p.id % 10 = 0),
  board_chair_id = (SELECT MIN(p.id) FROM people p WHERE p.library_id = libraries.id AND p.id % 10 = 1);
INSERT INTO person_roles (person_id, role, began)
  SELECT director_id, r.role, date('$as_of', '-' || ((director_id * 37) % 1800) || ' days')
  FROM libraries CROSS JOIN (SELECT 'supervisor' AS role UNION ALL SELECT 'library-administrator') r
  WHERE director_id IS NOT NULL;
INSERT INTO person_roles (person_id, role, began)
  SELECT board_chair_id, 'supervisor', '2018-01-01' FROM libraries WHERE board_chair_id IS NOT NULL;
UPDATE people SET verifier_id = (SELECT CASE WHEN people.position = 'staff'
    AND people.id <> l.director_id THEN l.director_id ELSE l.board_chair_id END
  FROM libraries l WHERE l.id = people.library_id);
INSERT INTO people (id, name, email, email_key, created_at)
  VALUES ($people + 1, 'Casey Coordinator', 'coordinator@example.gov', 'coordinator@example.gov',
          '2020-01-01T00:00:00Z');
INSERT INTO person_roles (person_id, role, began) VALUES ($people + 1, 'ce-coordinator', '2020-01-01');
COMMIT;
ANALYZE;
SQL
    echo "prepared in $(( $(date +%s) - start )) s" >&2
fi
echo "database: $db, $people people, $(sqlite3 "$db" "SELECT COUNT(*) FROM activities") activities," \
    "$(sqlite3 "$db" "SELECT COUNT(*) FROM activities WHERE status = 'pending'") pending"

measure() { # label command...: wall seconds (and peak memory, output lines on stderr)
    label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt"
    read -r seconds kib <"$work/time.txt"
    echo "$label: ${seconds} s, peak ${kib} KiB, $(wc -l <"$work/out.txt") lines;" \
        "$(tail -1 "$work/out.txt" | cut -c1-160)" >&2
    echo "$seconds"
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
unsent() { sqlite3 "$db" "DELETE FROM reminders_sent; DELETE FROM mail_outbox; DELETE FROM job_runs;"; }

cat "$db" >/dev/null # the page cache warm, for every run alike
report="" dry="" first="" second=""
for run in $(seq "$runs"); do
    report="$report $(measure "run $run: report compliance" \
        "$certtrack" report compliance --db "$db" --as-of "$as_of" --programs "$root/programs")"
    unsent
    dry="$dry $(measure "run $run: remind --dry-run" \
        "$certtrack" remind --db "$db" --as-of "$as_of" --programs "$root/programs" --dry-run)"
    first="$first $(measure "run $run: remind, the day's first run" \
        "$certtrack" remind --db "$db" --as-of "$as_of" --programs "$root/programs")"
    second="$second $(measure "run $run: remind, run again on the day" \
        "$certtrack" remind --db "$db" --as-of "$as_of" --programs "$root/programs")"
done
# shellcheck disable=SC2086 # the lists are words
report=$(median $report) dry=$(median $dry) first=$(median $first) second=$(median $second)
echo "medians of $runs: report compliance $report s, remind --dry-run $dry s," \
    "remind (first run) $first s, remind (again) $second s"
echo "ratio remind --dry-run / report: $(echo "scale=2; $dry / $report" | bc)"
echo "ratio remind (first run) / report: $(echo "scale=2; $first / $report" | bc)"
echo "ratio remind (again) / report: $(echo "scale=2; $second / $report" | bc)"
