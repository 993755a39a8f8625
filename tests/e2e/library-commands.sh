#!/bin/sh
# End-to-end checks of the library commands on a fresh database, as TAP:
#  - library add prints the id and keeps kind, external id and consultants (in
#    library_consultants; libraries.consultant_id stays empty);
#  - refusals (unknown kind, duplicate external id, a person who is not a consultant,
#    closing twice, editing a closed library, a goal code taken, retiring a retired goal,
#    deleting a goal a plan serves) exit 2, name the field and change nothing;
#  - library plan sets the strategic plan's period; goal add, edit, retire, delete, list;
#  - library list shows a closed library's closing day.
# Usage: library-commands.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
work=$(mktemp -d /tmp/certtrack-library-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
export CERTTRACK_TODAY=2026-06-15
db="$work/library.db"
number=0
failed=0

pass() { number=$((number + 1)); echo "ok $number - $1"; }
fail() {
    number=$((number + 1))
    echo "not ok $number - $1"
    sed 's/^/# /' "$work/err" 2>/dev/null | head -20
    sed 's/^/# out: /' "$work/out" 2>/dev/null | head -30
    failed=1
}
check() { # description, then a command that must succeed
    description=$1
    shift
    if "$@" >"$work/out" 2>"$work/err"; then pass "$description"; else fail "$description"; fi
}
ct() { "$certtrack" "$@" --db "$db" --programs "$programs"; }
count() { sqlite3 "$db" "$1"; }
changes() {
    count "SELECT (SELECT COUNT(*) FROM audit_log) || '/' || (SELECT COUNT(*) FROM libraries)
           || '/' || (SELECT COUNT(*) FROM library_goals)"
}
# A command that must be refused: exit 2, the field's words on standard error, no change.
refuses() { # description, expected stderr part, command...
    description=$1
    expected=$2
    shift 2
    before=$(changes)
    "$@" >"$work/out" 2>"$work/err"
    code=$?
    after=$(changes)
    if [ "$code" -eq 2 ] && [ "$before" = "$after" ] && grep -qF -- "$expected" "$work/err"; then
        pass "$description"
    else
        echo "exit $code (expected 2); rows $before -> $after; expected in stderr: $expected" \
            >>"$work/err"
        fail "$description"
    fi
}

if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "1..0 # SKIP the sqlite3 shell is not installed"
    exit 0
fi

echo "1..16"
check "init makes an empty database" ct init
consultant() {
    count "INSERT INTO people (name, email, email_key, created_at) VALUES
           ('Connie Consultant', 'connie@example.org', 'connie@example.org', '2026-06-01');
           INSERT INTO person_roles (person_id, role) VALUES (last_insert_rowid(), 'consultant');"
}
check "a consultant is there to be assigned" consultant
added() {
    [ "$(ct library add --name 'Lewis and Clark Library' --city Helena --kind tribal-college \
        --external-id MT-0042 --consultants connie@example.org)" = 1 ] &&
        [ "$(count "SELECT kind || ' ' || external_id || ' ' || COALESCE(consultant_id, '-')
                    FROM libraries")" = "tribal-college MT-0042 -" ] &&
        [ "$(count "SELECT p.email FROM library_consultants c JOIN people p
                    ON p.id = c.person_id")" = connie@example.org ]
}
check "library add keeps the kind, the external id and the consultant" added
refuses "an unknown kind is refused" "kind:" ct library add --name X --city Y --kind bookmobile
refuses "a duplicate external id is refused" "external_id:" \
    ct library add --name X --city Y --external-id MT-0042
refuses "someone who is not a consultant is refused" "consultants:" \
    ct library add --name X --city Y --consultants nobody@example.org
planned() {
    [ "$(ct library plan --library 1 --title 'Plan 2026-2030' --starts 2026-01-01 \
        --ends 2030-12-31)" = 1 ] &&
        [ "$(ct goal add --library 1 --code G1 --title Literacy)" = 1 ] &&
        [ "$(ct goal add --library 1 --code G2 --title 'Digital skills')" = 2 ] &&
        [ "$(ct goal edit --library 1 --goal 2 --title 'Digital literacy')" = 2 ]
}
check "library plan sets the period; goal add and edit" planned
refuses "a goal code taken is refused" "code:" ct goal add --library 1 --code G1 --title Again
serve() {
    count "INSERT INTO people (name, email, email_key, library_id, created_at) VALUES
             ('Sam Staff', 'sam@example.org', 'sam@example.org', 1, '2026-06-01');
           INSERT INTO tracks (person_id, program, started, deadline, state, state_changed_at)
             VALUES (last_insert_rowid(), 'msl-strategic', '2026-01-01', '2027-01-01', 'active',
             '2026-06-01');
           INSERT INTO plan_versions (track_id, version, state) VALUES
             (last_insert_rowid(), 1, 'draft');
           INSERT INTO plan_goals (plan_version_id, position, library_goal_id, goal) VALUES
             (last_insert_rowid(), 1, 1, 'Storytime');"
}
check "a staff plan serves G1" serve
refuses "a goal a plan serves is not deleted" "retire it instead" \
    ct goal delete --library 1 --goal 1
check "it is retired instead" sh -c "[ \"\$('$certtrack' goal retire --db '$db' --programs \
    '$programs' --library 1 --goal 1)\" = 1 ]"
refuses "retiring a retired goal is refused" "goal:" ct goal retire --library 1 --goal 1
listed() {
    ct goal list --library 1 >"$work/goals" &&
        grep -qxF "$(printf '1\tG1\tLiteracy\t2026-06-15\t1')" "$work/goals" &&
        grep -qxF "$(printf '2\tG2\tDigital literacy\t\t0')" "$work/goals" &&
        [ "$(ct goal delete --library 1 --goal 2)" = 2 ] &&
        [ "$(count "SELECT COUNT(*) FROM library_goals")" = 1 ]
}
check "goal list shows the retired goal; an unserved goal is deleted" listed
closed() {
    [ "$(ct library close --library 1)" = 1 ] &&
        ct library list >"$work/list" &&
        grep -qxF "$(printf '1\tLewis and Clark Library\tHelena\ttribal-college\tMT-0042\t2026-06-15\tConnie Consultant')" \
            "$work/list" &&
        [ "$(count "SELECT COUNT(*) FROM people WHERE library_id = 1")" = 1 ]
}
check "library close keeps the people; list shows the closing day" closed
refuses "closing twice is refused" "library:" ct library close --library 1
refuses "a closed library is not edited" "library:" ct library edit --library 1 --name Z
exit $failed
