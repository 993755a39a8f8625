#!/bin/sh
# End-to-end checks of `certtrack import people` on the demo data set, as TAP:
#  - --dry-run prints what would change and keeps nothing;
#  - the import adds the libraries and people, names the director and the board chair,
#    refuses each bad line (an unknown role, an unknown library) with its line and reason,
#    and exits 0; reading the file again changes nothing; a changed line updates;
#  - a file that is not a people file is refused whole (exit 2), nothing kept;
#  - the audit trail stays intact.
# Usage: import-people.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
. "$root/tests/e2e/tap-lib.sh"
tap_begin import-people

cat >"$work/people.csv" <<'CSV'
library_id,library_name,library_city,library_kind,email,name,position,roles,role_began,director,board_chair
MT-0042,Sweet Grass Library,Big Timber,public,,,,,,,
MT-0042,,,,rita@example.org,Rita Reed,staff,learner;supervisor;library-administrator,2019-08-01,yes,
MT-0042,,,,tom@example.org,Tom Trustee,trustee,learner,,,yes
MT-0042,,,,lee@example.org,Lee Learner,staff,learner;wizard,,,
MT-0999,,,,bea@example.org,Bea Blank,staff,learner,,,
CSV

echo "1..6"
"$certtrack" demo-data --db "$db" --programs "$programs" >/dev/null || exit 1
people_before=$(count "SELECT COUNT(*) FROM people")

dry_run() {
    "$certtrack" import people "$work/people.csv" --db "$db" --programs "$programs" \
        --dry-run >"$work/dry" || return 1
    grep -q "^Dry run of .*: nothing was kept" "$work/dry" &&
        grep -q "^Created:      3" "$work/dry" &&
        [ "$(count "SELECT COUNT(*) FROM people")" = "$people_before" ] &&
        [ "$(count "SELECT COUNT(*) FROM record_imports")" = 0 ]
}
check "--dry-run prints what would change and keeps nothing" dry_run

imported() {
    "$certtrack" import people "$work/people.csv" --db "$db" --programs "$programs" \
        >"$work/first" || return 1
    cat "$work/first"
    grep -q "^Created:      3" "$work/first" &&
        grep -q "^Refused:      2" "$work/first" &&
        grep -q '^  line 5: roles: There is no role "wizard"' "$work/first" &&
        grep -q '^  line 6: library_id: No library has the id "MT-0999"' "$work/first" &&
        [ "$(count "SELECT COUNT(*) FROM libraries l JOIN people d ON d.id = l.director_id
                    JOIN people c ON c.id = l.board_chair_id WHERE l.external_id = 'MT-0042'
                    AND d.email = 'rita@example.org' AND c.email = 'tom@example.org'")" = 1 ]
}
check "the import adds libraries and people and refuses an unknown role or library" imported

again() {
    "$certtrack" import people "$work/people.csv" --db "$db" --programs "$programs" \
        >"$work/again" || return 1
    grep -q "^Unchanged:    3" "$work/again" && grep -q "^Created:      0" "$work/again"
}
check "reading the file again changes nothing" again

changed() {
    sed 's/Tom Trustee,trustee/Thomas Trustee,trustee/' "$work/people.csv" >"$work/changed.csv"
    "$certtrack" import people "$work/changed.csv" --db "$db" --programs "$programs" \
        >"$work/changed" || return 1
    grep -q "^Updated:      1" "$work/changed" &&
        [ "$(count "SELECT COUNT(*) FROM people WHERE name = 'Thomas Trustee'")" = 1 ]
}
check "a changed line updates its person" changed

refused_whole() {
    printf 'name,email\nJo,jo@example.org\n' >"$work/other.csv"
    imports=$(count "SELECT COUNT(*) FROM record_imports")
    "$certtrack" import people "$work/other.csv" --db "$db" --programs "$programs" \
        >"$work/out2" 2>"$work/err2"
    code=$?
    cat "$work/err2"
    [ "$code" -eq 2 ] && grep -q 'not a people file: it has no column "library_id"' "$work/err2" &&
        [ "$(count "SELECT COUNT(*) FROM record_imports")" = "$imports" ]
}
check "a file that is not a people file is refused whole (exit 2), nothing kept" refused_whole

check "the audit trail stays intact" "$certtrack" audit verify --db "$db" --programs "$programs"
exit $failed
