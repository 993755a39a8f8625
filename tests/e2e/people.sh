#!/bin/sh
# End-to-end checks of keeping people, as TAP: the `certtrack person` and `certtrack
# officers` commands on a demo database, then the server over real HTTP: the search, the
# API, and a deactivated person's session and password refused.
# Usage: people.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin people

db_file="$work/demo.db"
"$certtrack" demo-data --db "$db_file" --programs "$programs" >/dev/null || exit 1
db() { sqlite3 "$db_file" "$1"; }
ct() { "$certtrack" "$@" --db "$db_file" --programs "$programs"; }

echo "1..14"

library=$(db "SELECT library_id FROM people WHERE email = 'staff@example.org'")

adds() {
    ct person add --name "Élodie Hire" --email elodie@example.org --library "$library" \
        --position staff --role learner:2025-07-01 --role supervisor &&
        ct person add --name "Sol Second" --email sol@example.org --library "$library" \
            --position staff --role learner &&
        [ "$(db "SELECT began FROM person_roles r JOIN people p ON p.id = r.person_id
                 WHERE p.email = 'elodie@example.org' AND r.role = 'learner'")" = 2025-07-01 ]
}
check "person add adds people with positions and the day each role began" adds

refused() {
    ct person add --name "" --email nope --role wizard
    [ $? -eq 2 ] || return 1
    ct person add --name X --email nope --library "$library" --position staff --role learner \
        2>"$work/err"
    [ $? -eq 2 ] && grep -q 'email' "$work/err"
}
check "a bad person is refused with exit 2, naming the field" refused

finds() {
    ct person find --query ELODIE >"$work/found" && cat "$work/found" &&
        grep -q "	Élodie Hire	elodie@example.org	" "$work/found"
}
check "person find matches without regard to case or accents" finds

derives() {
    ct officers --library "$library" --director elodie@example.org --chair none &&
        [ "$(db "SELECT v.email FROM people p JOIN people v ON v.id = p.verifier_id
                 WHERE p.email = 'sol@example.org'")" = elodie@example.org ]
}
check "officers name the director, and the staff's verifier follows" derives

by_hand() {
    ct person verifier --person sol@example.org --verifier staff@example.org &&
        ct officers --library "$library" --director none --chair none &&
        [ "$(db "SELECT p.verifier_by_hand || '/' || v.email FROM people p JOIN people v
                 ON v.id = p.verifier_id WHERE p.email = 'sol@example.org'")" = "1/staff@example.org" ]
}
check "a verifier set by hand stays when the officers change" by_hand

self_merge() {
    ct person merge --person sol@example.org --into sol@example.org 2>"$work/err"
    [ $? -eq 2 ] && grep -q 'into' "$work/err"
}
check "a person is not merged into themself" self_merge

other=$(db "SELECT id FROM libraries WHERE id <> $library ORDER BY id LIMIT 1")
moves() {
    ct person move --person sol@example.org --library "$other" --on 2026-05-01 &&
        [ "$(db "SELECT moved_on FROM person_library_moves m JOIN people p ON p.id = m.person_id
                 WHERE p.email = 'sol@example.org'")" = 2026-05-01 ]
}
check "a move is recorded with its day" moves

e2e_serve "$db_file"

coordinator=$(new_token coordinator@example.org)
consultant=$(new_token consultant@example.org)

searches() {
    curl -s -b "$work/jar-coordinator@example.org" "$base/catalog" >"$work/page" &&
        grep -q 'role="search"' "$work/page" &&
        curl -s -b "$work/jar-coordinator@example.org" "$base/people?q=hire" >"$work/page" &&
        grep -q '>Élodie Hire</a>' "$work/page"
}
check "the coordinator's pages carry the search box, and its results find a person" searches

api_lists() {
    [ "$(api "$coordinator" GET "/api/v1/people?q=elodie")" = 200 ] && cat "$work/body" &&
        grep -q '"total":1' "$work/body" &&
        [ "$(api "$consultant" GET "/api/v1/people?per_page=100")" = 200 ] &&
        python3 -c 'import json, sys; d = json.load(open(sys.argv[1]));
assert d["total"] > 0 and all(p["library"] is not None for p in d["items"])' "$work/body"
}
check "GET /api/v1/people finds by name, paged, and the consultant only their libraries' people" api_lists

api_adds() {
    [ "$(api "$coordinator" POST /api/v1/people "{\"name\": \"Api Person\", \"email\":
        \"api@example.org\", \"library\": $library, \"position\": \"trustee\",
        \"roles\": [\"learner:2026-01-01\"]}")" = 201 ] && cat "$work/body" &&
        grep -q '"began":"2026-01-01"' "$work/body" &&
        [ "$(api "$coordinator" POST /api/v1/people '{"name": "Api", "email": "api@EXAMPLE.org",
        "library": 1, "position": "staff", "roles": ["learner"]}')" = 400 ] &&
        grep -q '"field":"email"' "$work/body"
}
check "POST /api/v1/people adds a person; a taken e-mail is refused naming it" api_adds

patch_needs_token() {
    id=$(db "SELECT id FROM people WHERE email = 'api@example.org'")
    code=$(curl -s -o "$work/body" -w '%{http_code}' -X PATCH -b "$work/jar-coordinator@example.org" \
        -H 'Content-Type: application/json' --data-binary '{"name": "Changed"}' \
        "$base/api/v1/people/$id")
    [ "$code" = 401 ] && grep -q token-required "$work/body" &&
        [ "$(api "$coordinator" PATCH "/api/v1/people/$id" '{"name": "Api Changed"}')" = 200 ]
}
check "PATCH needs a personal token, never the session cookie alone" patch_needs_token

staff_jar="$work/jar-staff"
deactivated_sessions_end() {
    [ "$(sign_in "$staff_jar" staff@example.org)" = 303 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$staff_jar" "$base/")" = 200 ] &&
        staff_id=$(db "SELECT id FROM people WHERE email = 'staff@example.org'") &&
        [ "$(api "$coordinator" POST "/api/v1/people/$staff_id/deactivate" '{}')" = 200 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$staff_jar" "$base/")" = 303 ]
}
check "a deactivated person's session no longer signs them in" deactivated_sessions_end

no_sign_in() {
    [ "$(sign_in "$work/jar-again" staff@example.org)" = 401 ]
}
check "a deactivated person cannot sign in with their password" no_sign_in

stops_cleanly() {
    kill -TERM "$server_pid" && wait "$server_pid"
    code=$?
    server_pid=""
    cat "$work/server.log"
    [ "$code" -eq 0 ] && ! grep -q 'Sanitizer' "$work/server.log" &&
        ! grep -q 'runtime error' "$work/server.log" && ! grep -q 'certtrack serve: ' "$work/server.log"
}
check "the server stops on SIGTERM, cleanly, without a sanitizer report or a server error" stops_cleanly
exit $failed
