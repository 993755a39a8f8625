#!/bin/sh
# End-to-end checks of the database commands on the demo data set, as TAP:
#  - evaluate --db equals evaluate on the exported record, for every person with a track;
#  - init is safe to re-run; audit verify passes, then finds an edited entry;
#  - backup makes a usable copy; report compliance lists every open track;
#  - award refuses an incomplete track and awards the ready one;
#  - a person with no track is refused as such, and a track that cannot be read is a
#    failure, never "no track".
# Usage: db-commands.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
work=$(mktemp -d /tmp/certtrack-db-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
export CERTTRACK_TODAY=2026-06-15
db="$work/demo.db"
number=0
failed=0

check() { # description, then a command that must succeed
    number=$((number + 1))
    description=$1
    shift
    if "$@" >"$work/out" 2>"$work/err"; then
        echo "ok $number - $description"
    else
        echo "not ok $number - $description"
        sed 's/^/# /' "$work/err" | head -20
        failed=1
    fi
}

fails_with() { # description, expected exit code, command...
    number=$((number + 1))
    description=$1
    expected=$2
    shift 2
    "$@" >"$work/out" 2>"$work/err"
    code=$?
    if [ "$code" -eq "$expected" ]; then
        echo "ok $number - $description"
    else
        echo "not ok $number - $description (exit $code, expected $expected)"
        sed 's/^/# /' "$work/err" | head -20
        failed=1
    fi
}

echo "1..17"
check "init creates a database" "$certtrack" init --db "$db" --programs "$programs"
check "init run again changes nothing" "$certtrack" init --db "$db" --programs "$programs"
check "demo-data fills it" "$certtrack" demo-data --db "$db" --programs "$programs"
fails_with "demo-data refuses a database that has data" 2 \
    "$certtrack" demo-data --db "$db" --programs "$programs"

same_for_everyone() {
    people=$(sqlite3 "$db" "SELECT DISTINCT person_id FROM tracks ORDER BY person_id")
    [ -n "$people" ] || return 1
    for person in $people; do
        "$certtrack" evaluate --db "$db" --person "$person" --programs "$programs" \
            >"$work/db.json" || return 1
        "$certtrack" export-record --db "$db" --person "$person" --programs "$programs" \
            >"$work/record.json" || return 1
        "$certtrack" evaluate "$work/record.json" --programs "$programs" >"$work/file.json" ||
            return 1
        if ! cmp -s "$work/db.json" "$work/file.json"; then
            echo "person $person: evaluate --db differs from evaluate on the export" >&2
            diff "$work/db.json" "$work/file.json" | head -20 >&2
            return 1
        fi
    done
    echo "$(echo "$people" | wc -l) people compared" >&2
}
check "evaluate --db equals evaluate on the exported record, for every person" same_for_everyone

check "audit verify passes on the demo data" "$certtrack" audit verify --db "$db" \
    --programs "$programs"
check "backup writes a usable copy" "$certtrack" backup --db "$db" --to "$work/copy.db" \
    --programs "$programs"
check "the copy passes audit verify" "$certtrack" audit verify --db "$work/copy.db" \
    --programs "$programs"

open_tracks_reported() {
    "$certtrack" report compliance --db "$db" --programs "$programs" >"$work/report.csv" ||
        return 1
    rows=$(($(wc -l <"$work/report.csv") - 1))
    open=$(sqlite3 "$db" "SELECT COUNT(*) FROM tracks WHERE state IN ('active', 'submitted',
                                                                      'returned')")
    [ "$rows" -eq "$open" ] && [ "$rows" -gt 0 ]
}
check "report compliance lists every open track" open_tracks_reported

fails_with "award refuses an incomplete track" 2 \
    "$certtrack" award --db "$db" --person staff@example.org --programs "$programs"
check "award issues the ready learner's certificate" \
    "$certtrack" award --db "$db" --person ready@example.org --programs "$programs"

no_track_refused() {
    "$certtrack" export-record --db "$db" --person coordinator@example.org \
        --programs "$programs" 2>"$work/no-track.err"
    [ $? -eq 2 ] && grep -q "has no track" "$work/no-track.err"
}
check "export-record refuses a person with no track (exit 2), saying so" no_track_refused

unreadable_track_fails() {
    cp "$db" "$work/broken.db" && sqlite3 "$work/broken.db" "ALTER TABLE tracks RENAME TO gone" ||
        return 1
    "$certtrack" export-record --db "$work/broken.db" --person staff@example.org \
        --programs "$programs" 2>"$work/broken.err"
    [ $? -eq 1 ] && grep -q "no such table: tracks" "$work/broken.err" &&
        ! grep -q "has no track" "$work/broken.err"
}
check "a track that cannot be read is a failure (exit 1), not a person with no track" \
    unreadable_track_fails

tampered_audit_found() {
    sqlite3 "$work/copy.db" "UPDATE audit_log SET action = 'edited' WHERE id = 5" || return 1
    "$certtrack" audit verify --db "$work/copy.db" --programs "$programs" 2>"$work/verify.err"
    [ $? -eq 2 ] && grep -q "entry 5" "$work/verify.err"
}
check "audit verify names an edited entry" tampered_audit_found

# One event, one credit: the demo data holds no person twice for one event, and the
# database refuses a second activity for a held event whatever writes it.
no_duplicates() {
    [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM (SELECT person_id, event_id FROM activities
          WHERE event_id IS NOT NULL GROUP BY person_id, event_id HAVING COUNT(*) > 1)")" = 0 ] &&
        [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM (SELECT person_id FROM activities
              WHERE kind <> 'presenting' AND superseded_by IS NULL
              GROUP BY person_id, kind, lower(title), date HAVING COUNT(*) > 1)")" = 0 ] &&
        held=$(sqlite3 "$db" "SELECT person_id || ', ' || event_id FROM activities
            WHERE event_id IS NOT NULL LIMIT 1") &&
        ! sqlite3 "$db" "INSERT INTO activities (person_id, event_id, record_key, kind, date,
            status, provenance, created_at) VALUES ($held, 'x1', 'course', '2026-01-01',
            'pending', 'claim', 'x')" 2>/dev/null
}
check "the demo data holds each catalog event once a person, and the index keeps it so" \
    no_duplicates

# A database migrated with duplicates (as migration 8 leaves one): check lists them;
# --merge moves their provenance onto the activity kept.
superseded() {
    kept=$(sqlite3 "$db" "SELECT id FROM activities WHERE event_id IS NOT NULL ORDER BY id LIMIT 1")
    sqlite3 "$db" "INSERT INTO activities (person_id, event_id, record_key, kind, title, date,
        status, status_reason, provenance, superseded_by, created_at)
        SELECT person_id, event_id, 'dup1', kind, title, date, 'rejected', 'superseded',
        provenance, id, 'x' FROM activities WHERE id = $kept" || return 1
    "$certtrack" check --db "$db" --programs "$programs" >"$work/check" || return 1
    grep -q '^dup1 ' "$work/check" &&
        grep -q '^1 superseded duplicate (one event, one credit); 1 not merged: certtrack check --merge$' \
            "$work/check"
}
check "check lists a superseded duplicate with the activity kept" superseded
merged() {
    "$certtrack" check --db "$db" --programs "$programs" --merge >"$work/check" &&
        grep -q '^1 superseded duplicate (one event, one credit); 1 merged now$' "$work/check" &&
        [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM audit_log WHERE action = 'merge'")" = 1 ] &&
        "$certtrack" audit verify --db "$db" --programs "$programs" >/dev/null
}
check "check --merge merges it, audited, and the trail stays intact" merged
exit $failed
