#!/bin/sh
# End-to-end checks of enrolment and several open tracks on the demo data set, as TAP:
#  - track choices gives the engine's word (the certificate held, or none) and the
#    program's asks and questions;
#  - track enrol starts a second open track; a second one in the same program, and one
#    without the prerequisite, are refused (exit 2) naming why, and add nothing;
#  - evaluate --db --track and export-record --track name one track, and agree;
#  - track withdraw needs a reason, refuses a certified track, and is audited;
#  - the audit trail still verifies.
# Usage: track-commands.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
work=$(mktemp -d /tmp/certtrack-track-e2e.XXXXXX)
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

ct() {
    "$certtrack" "$@" --db "$db" --programs "$programs"
}

tracks() {
    sqlite3 "$db" "SELECT COUNT(*) FROM tracks"
}

echo "1..9"
check "demo-data fills a database" ct demo-data

choices_say_why() {
    holder=$(sqlite3 "$db" "SELECT p.email || ' ' || c.number FROM certificates c JOIN people p
        ON p.id = c.person_id WHERE c.revoked IS NULL AND p.email IS NOT NULL AND p.id NOT IN
        (SELECT person_id FROM tracks WHERE program = 'msl-strategic') ORDER BY c.id LIMIT 1")
    ct track choices --person "${holder% *}" >"$work/holder" || return 1
    grep -A1 "^msl-strategic (Strategic Track to MSL Certification)" "$work/holder" |
        grep -q "Open to you: .*you hold ${holder#* }" || return 1
    ct track choices --person staff@example.org >"$work/choices" || return 1
    grep -A1 "^msl-strategic (Strategic Track to MSL Certification)" "$work/choices" |
        grep -q "Already on this track" &&
        grep -q "and you hold none" "$work/choices" &&
        grep -q "? Does your library have a current strategic plan" "$work/choices" &&
        grep -q "At least 5 credits in Library Administration" "$work/choices"
}
check "track choices names the certificate held, the asks and the questions" choices_say_why

second_track_opens() {
    ct track enrol --person staff@example.org --program msl-staff >"$work/enrol" || return 1
    grep -q "enrolled in msl-staff, continuing track" "$work/enrol" &&
        [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM tracks t JOIN people p ON p.id = t.person_id
             WHERE p.email = 'staff@example.org' AND t.state = 'active'")" = 2 ]
}
check "track enrol opens a second track beside the Strategic Track" second_track_opens

refusals_add_nothing() {
    before=$(tracks)
    ct track enrol --person staff@example.org --program msl-staff 2>"$work/again"
    [ $? -eq 2 ] && grep -q "program: Already on this track" "$work/again" || return 1
    nobody=$(sqlite3 "$db" "SELECT email FROM people WHERE id NOT IN
        (SELECT person_id FROM certificates) AND id NOT IN (SELECT person_id FROM tracks
        WHERE program = 'msl-strategic') AND email IS NOT NULL ORDER BY id LIMIT 1")
    ct track enrol --person "$nobody" --program msl-strategic 2>"$work/prior"
    [ $? -eq 2 ] && grep -q "needs a prior certificate" "$work/prior" &&
        grep -q "you hold none" "$work/prior" && [ "$(tracks)" = "$before" ]
}
check "a second track in one program and one without the prerequisite are refused" \
    refusals_add_nothing

each_track_named() {
    for track in $(sqlite3 "$db" "SELECT t.id FROM tracks t JOIN people p ON p.id = t.person_id
                   WHERE p.email = 'staff@example.org' AND t.state = 'active'"); do
        ct evaluate --person staff@example.org --track "$track" >"$work/db.json" || return 1
        ct export-record --person staff@example.org --track "$track" >"$work/record.json" ||
            return 1
        "$certtrack" evaluate "$work/record.json" --programs "$programs" >"$work/file.json" ||
            return 1
        cmp -s "$work/db.json" "$work/file.json" || return 1
    done
    grep -q '"program": "msl-staff"' "$work/record.json" ||
        grep -q '"program": "msl-strategic"' "$work/record.json"
}
check "evaluate --track and export-record --track agree for each open track" each_track_named

another_persons_track_refused() {
    other=$(sqlite3 "$db" "SELECT MIN(id) FROM tracks WHERE person_id <> (SELECT id FROM people
            WHERE email = 'staff@example.org')")
    ct evaluate --person staff@example.org --track "$other" 2>"$work/other"
    [ $? -eq 2 ] && grep -q "is not this person's" "$work/other"
}
check "evaluate --track refuses another person's track" another_persons_track_refused

withdraw_refusals() {
    certified=$(sqlite3 "$db" "SELECT MIN(id) FROM tracks WHERE state = 'certified'")
    ct track withdraw --track "$certified" --reason "A mistake" 2>"$work/certified"
    [ $? -eq 2 ] && grep -q "certified" "$work/certified" || return 1
    open=$(sqlite3 "$db" "SELECT MAX(id) FROM tracks")
    ct track withdraw --track "$open" --reason " " 2>"$work/blank"
    [ $? -eq 2 ] && grep -q "reason" "$work/blank"
}
check "track withdraw refuses a certified track and an empty reason" withdraw_refusals

withdrawn_and_audited() {
    open=$(sqlite3 "$db" "SELECT MAX(id) FROM tracks")
    ct track withdraw --track "$open" --reason "Chose one track at a time" || return 1
    ct track list --person staff@example.org >"$work/list" || return 1
    grep -q "^$open	msl-staff	withdrawn	.*Chose one track at a time" "$work/list" &&
        [ "$(sqlite3 "$db" "SELECT action FROM audit_log WHERE entity = 'tracks'
              AND entity_id = $open ORDER BY id DESC LIMIT 1")" = withdraw ]
}
check "track withdraw ends the track with its reason, audited, and track list shows it" \
    withdrawn_and_audited

check "audit verify passes" ct audit verify

exit $failed
