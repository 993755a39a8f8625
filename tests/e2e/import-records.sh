#!/bin/sh
# End-to-end checks of `certtrack import history` on the demo data set, as TAP:
#  - --dry-run prints what would change and keeps nothing;
#  - the import keeps each good line, refuses each bad one with its line and reason, and
#    exits 0; reading the file again changes nothing; a changed line updates its activity;
#  - a file that is not a history file is refused whole (exit 2), nothing kept;
#  - the audit trail stays intact.
# Usage: import-records.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
. "$root/tests/e2e/tap-lib.sh"
tap_begin import

cat >"$work/history.csv" <<'CSV'
record,email,date,title,kind,credits,category,status,sponsor,program,number
activity,staff@example.org,2019-03-05,Reference Interview Basics,workshop,2,public-services,verified,Montana State Library,,
activity,STAFF@example.org,2019-04-05,Budgeting for Boards,webinar,1.5,library-administration,,WebJunction,,
certificate,planner@example.org,2021-06-30,,,,,,,msl-staff,CT-2021-000123
activity,nobody@example.org,2019-03-05,Unknown Person,workshop,1,public-services,,,,
CSV

echo "1..7"
"$certtrack" demo-data --db "$db" --programs "$programs" >/dev/null || exit 1
before=$(count "SELECT COUNT(*) FROM activities")

dry_run() {
    "$certtrack" import history "$work/history.csv" --db "$db" --programs "$programs" \
        --dry-run >"$work/dry" || return 1
    grep -q "^Dry run of .*: nothing was kept" "$work/dry" &&
        grep -q "^Created:      3" "$work/dry" &&
        [ "$(count "SELECT COUNT(*) FROM activities")" = "$before" ] &&
        [ "$(count "SELECT COUNT(*) FROM record_imports")" = 0 ]
}
check "--dry-run prints what would change and keeps nothing" dry_run

imported() {
    "$certtrack" import history "$work/history.csv" --db "$db" --programs "$programs" \
        >"$work/first" || return 1
    cat "$work/first"
    grep -q "^Created:      3" "$work/first" &&
        grep -q "^Refused:      1" "$work/first" &&
        grep -q "^  line 5: email: No person has this e-mail address." "$work/first" &&
        [ "$(count "SELECT COUNT(*) FROM activities WHERE provenance = 'imported'")" = 2 ] &&
        [ "$(count "SELECT COUNT(*) FROM certificates WHERE provenance = 'imported'")" = 1 ]
}
check "the import keeps each good line and refuses the bad one with its line and reason" imported

again() {
    "$certtrack" import history "$work/history.csv" --db "$db" --programs "$programs" \
        >"$work/again" || return 1
    grep -q "^Unchanged:    3" "$work/again" && grep -q "^Created:      0" "$work/again"
}
check "reading the file again changes nothing" again

changed() {
    sed 's/Reference Interview Basics,workshop,2,/Reference Interview Basics,workshop,2.5,/' \
        "$work/history.csv" >"$work/changed.csv"
    "$certtrack" import history "$work/changed.csv" --db "$db" --programs "$programs" \
        >"$work/changed" || return 1
    grep -q "^Updated:      1" "$work/changed" &&
        [ "$(count "SELECT credit_halves FROM activities WHERE title = 'Reference Interview Basics'")" = 5 ]
}
check "a changed line updates its activity" changed

refused_whole() {
    printf 'name,email\nJo,jo@example.org\n' >"$work/people.csv"
    imports=$(count "SELECT COUNT(*) FROM record_imports")
    "$certtrack" import history "$work/people.csv" --db "$db" --programs "$programs" \
        >"$work/out2" 2>"$work/err2"
    code=$?
    cat "$work/err2"
    [ "$code" -eq 2 ] && grep -q 'not a history file: column 1, "name"' "$work/err2" &&
        [ "$(count "SELECT COUNT(*) FROM record_imports")" = "$imports" ]
}
check "a file that is not a history file is refused whole (exit 2), nothing kept" refused_whole

prior() {
    "$certtrack" export-record --db "$db" --programs "$programs" --person planner@example.org |
        grep -q '"msl-staff"'
}
check "the imported certificate is in the person's record" prior

check "the audit trail stays intact" "$certtrack" audit verify --db "$db" --programs "$programs"
exit $failed
