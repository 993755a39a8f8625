#!/bin/sh
# End-to-end checks of the JSON API (/api/v1) over real HTTP, as TAP: a fresh demo
# database, the server on a free loopback port, curl as the client and personal API
# tokens made on the /tokens page, as a person would make them.
# Usage: api.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin api

"$certtrack" demo-data --db "$work/demo.db" --programs "$programs" >/dev/null || exit 1
e2e_serve "$work/demo.db"

db() { sqlite3 "$work/demo.db" "$1"; }

# json EXPRESSION: a Python expression over the last answer, d; prints its value.
json() {
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' \
        "$work/body" "$1"
}

# expect STATUS CODE FIELD [TOKEN METHOD PATH [JSON]]: the request answers STATUS with
# the error CODE naming FIELD ("-" for no field).
expect() {
    want_status=$1
    want_code=$2
    want_field=$3
    shift 3
    got=$(api "$@")
    echo "$3 $2: $got $(cat "$work/body")"
    [ "$got" = "$want_status" ] && [ "$(json 'd["error"]["code"]')" = "$want_code" ] &&
        [ "$(json 'd["error"].get("field", "-")')" = "$want_field" ]
}

staff=$(new_token staff@example.org)
director=$(new_token director@example.org)
coordinator=$(new_token coordinator@example.org)
planner=$(new_token planner@example.org)
ready=$(new_token ready@example.org)
staff_id=$(db "SELECT id FROM people WHERE email = 'staff@example.org'")
director_id=$(db "SELECT id FROM people WHERE email = 'director@example.org'")

echo "1..27"

check "tokens are made on the /tokens page, one for each demo log-in" \
    sh -c "[ -n '$staff' ] && [ -n '$director' ] && [ -n '$coordinator' ] && [ -n '$planner' ] && [ -n '$ready' ]"

authentication() {
    expect 401 unauthenticated - "" GET /api/v1/me || return 1
    expect 401 unauthenticated - ct_0000000000000000000000000000000000000000000000000000000000000000 \
        GET /api/v1/me || return 1
    # The session cookie reads the API, as a browser page might.
    [ "$(curl -s -o "$work/body" -w '%{http_code}' -b "$work/jar-staff@example.org" \
        "$base/api/v1/me")" = 200 ] && [ "$(json 'd["id"]')" = "$staff_id" ]
}
check "without a token the API answers 401; the session cookie may read it" authentication

cookie_cannot_write() {
    before=$(db "SELECT COUNT(*) FROM activities")
    jar="$work/jar-staff@example.org"
    csrf=$(curl -s -b "$jar" "$base/activities/new" |
        sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    for body in \
        '{"kind":"course","title":"Cookie","date":"2026-06-01","category":"technology","credits":1}' \
        "{\"csrf_token\":\"$csrf\",\"kind\":\"course\",\"title\":\"Cookie\",\"date\":\"2026-06-01\",\"category\":\"technology\",\"credits\":1}"; do
        got=$(curl -s -o "$work/body" -w '%{http_code}' -b "$jar" -H 'Content-Type: application/json' \
            --data-binary "$body" "$base/api/v1/me/activities")
        echo "cookie POST: $got $(cat "$work/body")"
        [ "$got" = 401 ] && [ "$(json 'd["error"]["code"]')" = token-required ] || return 1
    done
    got=$(curl -s -o "$work/body" -w '%{http_code}' -b "$jar" --data-urlencode "csrf_token=$csrf" \
        --data-urlencode kind=course --data-urlencode title=Cookie "$base/api/v1/me/activities")
    [ "$got" = 401 ] && [ "$(db "SELECT COUNT(*) FROM activities")" = "$before" ]
}
check "a POST to /api with the session cookie alone (even with its CSRF token) is refused, changing nothing" \
    cookie_cannot_write

who_am_i() {
    [ "$(api "$staff" GET /api/v1/me)" = 200 ] || return 1
    [ "$(json 'd["email"]')" = staff@example.org ] && [ "$(json 'd["roles"]')" = "['learner']" ] &&
        [ "$(json 'd["library"]["id"]')" = "$(db "SELECT library_id FROM people WHERE id = $staff_id")" ] ||
        return 1
    [ "$(api "$director" GET /api/v1/me)" = 200 ] &&
        [ "$(json 'd["roles"]')" = "['learner', 'supervisor', 'library-administrator']" ] || return 1
    [ "$(api "$coordinator" GET /api/v1/me)" = 200 ] && [ "$(json 'd["library"]')" = None ] &&
        [ "$(json 'd["roles"]')" = "['ce-coordinator']" ]
}
check "GET /api/v1/me says who the token belongs to: name, e-mail, roles, library" who_am_i

addresses_and_methods() {
    expect 404 not-found - "$staff" GET /api/v1/nowhere || return 1
    expect 405 method-not-allowed - "$staff" DELETE /api/v1/me || return 1
    expect 405 method-not-allowed - "$staff" GET /api/v1/me/track/submit || return 1
    expect 405 method-not-allowed - "$staff" POST /api/v1/me/progress '{}'
}
check "an unknown address is a JSON 404, a wrong method a JSON 405" addresses_and_methods

role_refusals() {
    # A learner, route by route, on every supervisor and coordinator route.
    for route in "GET /api/v1/verifications" "POST /api/v1/verifications" \
        "GET /api/v1/plans/waiting" "POST /api/v1/plans/1/sign" "POST /api/v1/plans/1/return" \
        "GET /api/v1/catalog/events" "POST /api/v1/catalog/events" "GET /api/v1/certificates" \
        "POST /api/v1/certificates/1/revoke" "GET /api/v1/review/tracks" \
        "GET /api/v1/review/reports" "POST /api/v1/tracks/1/award" "POST /api/v1/tracks/1/return" \
        "POST /api/v1/tracks/1/report/accept" "POST /api/v1/tracks/1/report/return"; do
        set -- $route
        expect 403 forbidden - "$staff" "$1" "$2" '{}' || return 1
    done
    # The coordinator is no learner and no supervisor.
    for route in "GET /api/v1/me/activities" "POST /api/v1/me/activities" "GET /api/v1/me/plan" \
        "POST /api/v1/me/plan/versions" "POST /api/v1/me/plan/text" "POST /api/v1/me/plan/goals" \
        "POST /api/v1/me/plan/items" "POST /api/v1/me/plan/submit" "POST /api/v1/me/plan/sign" \
        "GET /api/v1/me/report" "POST /api/v1/me/report" "POST /api/v1/me/track/submit" \
        "GET /api/v1/me/progress" "GET /api/v1/verifications" "POST /api/v1/plans/1/sign"; do
        set -- $route
        expect 403 forbidden - "$coordinator" "$1" "$2" '{}' || return 1
    done
    # A supervisor is no coordinator.
    for route in "POST /api/v1/tracks/1/award" "GET /api/v1/certificates" \
        "POST /api/v1/catalog/events"; do
        set -- $route
        expect 403 forbidden - "$director" "$1" "$2" '{}' || return 1
    done
}
check "every role-bound route refuses the other roles with 403" role_refusals

activities_listed() {
    track=$(db "SELECT id FROM tracks WHERE person_id = $staff_id AND state = 'active'")
    total=$(db "SELECT COUNT(*) FROM activities a JOIN tracks t ON t.id = $track
        WHERE a.person_id = $staff_id AND a.date >= t.started")
    [ "$(api "$staff" GET '/api/v1/me/activities?per_page=2&page=2')" = 200 ] || return 1
    cat "$work/body"
    [ "$(json 'd["total"]')" = "$total" ] && [ "$(json 'len(d["items"])')" = 2 ] &&
        [ "$(json 'd["page"]')" = 2 ] && [ "$(json 'd["pages"]')" = $(((total + 1) / 2)) ] &&
        [ "$(json 'd["track"]')" = "$track" ] || return 1
    api "$staff" GET '/api/v1/me/activities?per_page=100' >/dev/null
    # The pending webinar of the demo, with the engine's reason.
    [ "$(json '[a["reason"] + " " + a["decision"] + " " + str(a["counted"]) for a in d["items"] if a["title"] == "Cybersecurity at the Circulation Desk"][0]')" = \
        "not-verified pending 0" ] || return 1
    id=$(json '[a["id"] for a in d["items"] if a["title"] == "Cybersecurity at the Circulation Desk"][0]')
    [ "$(db "SELECT status FROM activities WHERE id = $id")" = pending ]
}
check "GET /api/v1/me/activities pages the track's activities with the engine's decision and reason" \
    activities_listed

pages_bounded() {
    expect 400 invalid page "$staff" GET '/api/v1/me/activities?page=0' || return 1
    expect 400 invalid page "$staff" GET '/api/v1/me/activities?page=-1' || return 1
    expect 400 invalid per_page "$staff" GET '/api/v1/me/activities?per_page=101' || return 1
    expect 400 invalid per_page "$coordinator" GET '/api/v1/catalog/events?per_page=x' || return 1
    [ "$(api "$staff" GET '/api/v1/me/activities?page=99')" = 200 ] &&
        [ "$(json 'len(d["items"])')" = 0 ] && [ "$(json 'd["total"] > 0')" = True ]
}
check "page and per_page are bounded: a bad value is a 400 naming it; past the end is empty" \
    pages_bounded

claim_recorded() {
    got=$(api "$staff" POST /api/v1/me/activities \
        '{"kind":"course","title":"API: grant <writing>","date":"2026-06-01","category":"technology","credits":2.5}')
    cat "$work/body"
    [ "$got" = 201 ] && [ "$(json 'd["status"]')" = pending ] && [ "$(json 'd["credits"]')" = 2.5 ] &&
        [ "$(json 'd["title"]')" = "API: grant <writing>" ] || return 1
    id=$(json 'd["id"]')
    [ "$(db "SELECT person_id || ' ' || status || ' ' || credit_halves || ' ' || provenance
        FROM activities WHERE id = $id")" = "$staff_id pending 5 claim" ]
}
check "POST /api/v1/me/activities records a claim as pending: 201 with the activity" claim_recorded

claim_from_catalog() {
    event=$(db "SELECT id FROM events WHERE ends <= '2026-06-15' ORDER BY ends DESC, id DESC LIMIT 1")
    [ "$(api "$staff" POST /api/v1/me/activities "{\"event\": $event}")" = 201 ] || return 1
    [ "$(json 'd["title"] + " " + str(d["event"]) + " " + d["date"]')" = \
        "$(db "SELECT title || ' ' || id || ' ' || ends FROM events WHERE id = $event")" ]
}
check "a claim of a catalog event takes its title, credits and last day" claim_from_catalog

claims_refused_at_the_field() {
    before=$(db "SELECT COUNT(*) FROM activities")
    expect 400 invalid credits "$staff" POST /api/v1/me/activities \
        '{"kind":"course","title":"x","date":"2026-06-01","category":"technology","credits":1.25}' ||
        return 1
    [ "$(json 'd["error"]["message"]')" = "Enter a multiple of 0.5, like 1 or 2.5." ] || return 1
    expect 400 invalid date "$staff" POST /api/v1/me/activities \
        '{"kind":"course","title":"x","date":"2026-07-01","category":"technology","credits":1}' ||
        return 1
    expect 400 invalid date "$staff" POST /api/v1/me/activities \
        '{"kind":"course","title":"x","date":"1 June","category":"technology","credits":1}' ||
        return 1
    expect 400 invalid kind "$staff" POST /api/v1/me/activities '{"title":"x"}' || return 1
    expect 400 invalid category "$staff" POST /api/v1/me/activities \
        '{"kind":"course","title":"x","date":"2026-06-01","category":"gardening","credits":1}' ||
        return 1
    expect 400 invalid topic "$staff" POST /api/v1/me/activities \
        '{"kind":"presenting","title":"x","date":"2026-06-01","category":"technology","hours":2}' ||
        return 1
    expect 400 invalid event "$staff" POST /api/v1/me/activities '{"event": 999999}' || return 1
    [ "$(db "SELECT COUNT(*) FROM activities")" = "$before" ]
}
check "a refused claim is a 400 naming its field, with what to fix, and records nothing" \
    claims_refused_at_the_field

bodies_refused() {
    expect 400 bad-json - "$staff" POST /api/v1/me/activities '{"kind": "course",' || return 1
    expect 400 bad-json - "$staff" POST /api/v1/me/activities '["kind"]' || return 1
    expect 400 bad-json - "$staff" POST /api/v1/me/activities '{"kind":"course","kind":"webinar"}' ||
        return 1
    expect 400 unknown-field colour "$staff" POST /api/v1/me/activities '{"colour":"red"}' || return 1
    expect 400 invalid title "$staff" POST /api/v1/me/activities '{"title": 5}' || return 1
    expect 400 invalid event "$staff" POST /api/v1/me/activities '{"event": "12"}' || return 1
    expect 400 invalid event "$staff" POST /api/v1/me/activities '{"event": -3}' || return 1
    expect 400 invalid credits "$staff" POST /api/v1/me/activities '{"credits": [1]}' || return 1
    expect 400 unknown-field colour "$staff" POST /api/v1/me/track/submit '{"colour":"red"}' || return 1
    # Not JSON at all.
    got=$(curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $staff" \
        -H 'Content-Type: text/plain' --data-binary '{"kind":"course"}' "$base/api/v1/me/activities")
    [ "$got" = 415 ] && [ "$(json 'd["error"]["code"]')" = unsupported-media-type ] || return 1
    got=$(curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $staff" \
        --data-urlencode kind=course "$base/api/v1/me/activities")
    [ "$got" = 415 ] || return 1
    # Too large: over the API's 64 KiB, and over the server's 1 MiB.
    python3 -c 'print("{\"title\": \"" + "a" * 70000 + "\"}")' >"$work/large.json"
    got=$(curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $staff" \
        -H 'Content-Type: application/json' --data-binary @"$work/large.json" "$base/api/v1/me/activities")
    [ "$got" = 413 ] && [ "$(json 'd["error"]["code"]')" = too-large ] || return 1
    head -c 1100000 /dev/zero | tr '\0' a >"$work/huge"
    got=$(curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $staff" \
        -H 'Content-Type: application/json' --data-binary @"$work/huge" "$base/api/v1/me/activities")
    [ "$got" = 413 ] && [ "$(json 'd["error"]["code"]')" = too-large ]
}
check "a malformed, mistyped, unknown-field, non-JSON or too large body is refused with 4xx" \
    bodies_refused

pending_id() { # the oldest pending claim of a person
    db "SELECT id FROM activities WHERE person_id = $1 AND status = 'pending' ORDER BY date, id LIMIT 1"
}

verifications_listed() {
    total=$(db "SELECT COUNT(*) FROM activities a JOIN people p ON p.id = a.person_id
        WHERE p.verifier_id = $director_id AND a.status = 'pending'")
    [ "$(api "$director" GET '/api/v1/verifications?per_page=1')" = 200 ] || return 1
    cat "$work/body"
    [ "$(json 'd["total"]')" = "$total" ] && [ "$(json 'len(d["items"])')" = 1 ] &&
        [ "$(json 'd["pages"]')" = "$total" ] || return 1
    api "$director" GET '/api/v1/verifications?per_page=100' >/dev/null
    [ "$(json "sorted(a['id'] for a in d['items'] if a['person'] == $staff_id)")" = \
        "$(db "SELECT '[' || group_concat(id, ', ') || ']' FROM (SELECT id FROM activities
            WHERE person_id = $staff_id AND status = 'pending' ORDER BY id)")" ]
}
check "GET /api/v1/verifications lists the claims of the people the supervisor verifies, paged" \
    verifications_listed

verification_all_or_none() {
    mine=$(pending_id "$staff_id")
    other=$(db "SELECT a.id FROM activities a JOIN people p ON p.id = a.person_id
        WHERE a.status = 'pending' AND p.verifier_id != $director_id LIMIT 1")
    [ -n "$mine" ] && [ -n "$other" ] || return 1
    expect 403 forbidden activities "$director" POST /api/v1/verifications \
        "{\"action\":\"verify\",\"activities\":[$mine, $other]}" || return 1
    expect 403 forbidden activities "$director" POST /api/v1/verifications \
        "{\"action\":\"verify\",\"activities\":[$mine, 999999]}" || return 1
    [ "$(db "SELECT group_concat(status) FROM activities WHERE id IN ($mine, $other)")" = \
        "pending,pending" ] || return 1
    expect 400 invalid reason "$director" POST /api/v1/verifications \
        "{\"action\":\"reject\",\"activities\":[$mine]}" || return 1
    expect 400 invalid action "$director" POST /api/v1/verifications \
        "{\"action\":\"approve\",\"activities\":[$mine]}" || return 1
    expect 400 invalid activities "$director" POST /api/v1/verifications \
        '{"action":"verify","activities":[]}' || return 1
    expect 400 invalid activities "$director" POST /api/v1/verifications \
        '{"action":"verify","activities":"all"}' || return 1
    [ "$(db "SELECT status FROM activities WHERE id = $mine")" = pending ]
}
check "verification is all or none: one claim not theirs (or none at all) is a 403 and changes nothing" \
    verification_all_or_none

verification_done() {
    ids=$(db "SELECT group_concat(id, ', ') FROM activities WHERE person_id = $staff_id
        AND status = 'pending'")
    count=$(db "SELECT COUNT(*) FROM activities WHERE person_id = $staff_id AND status = 'pending'")
    [ "$count" -ge 2 ] || return 1
    first=$(pending_id "$staff_id")
    [ "$(api "$director" POST /api/v1/verifications \
        "{\"action\":\"reject\",\"activities\":[$first],\"reason\":\"No certificate attached\"}")" = 200 ] ||
        return 1
    [ "$(db "SELECT status || ': ' || status_reason FROM activities WHERE id = $first")" = \
        "rejected: No certificate attached" ] || return 1
    rest=$(db "SELECT group_concat(id, ', ') FROM activities WHERE person_id = $staff_id
        AND status = 'pending'")
    [ "$(api "$director" POST /api/v1/verifications "{\"action\":\"verify\",\"activities\":[$rest]}")" = 200 ] ||
        return 1
    cat "$work/body"
    [ "$(json 'd["decided"]')" = $((count - 1)) ] &&
        [ "$(db "SELECT COUNT(*) FROM activities WHERE person_id = $staff_id AND status = 'pending'")" = 0 ] ||
        return 1
    # A claim already decided: its state forbids it, nothing else changes.
    expect 409 conflict - "$director" POST /api/v1/verifications \
        "{\"action\":\"verify\",\"activities\":[$first]}"
}
check "the supervisor rejects one claim with a reason, verifies the rest at once; a decided claim is a 409" \
    verification_done

plan_written() {
    [ "$(api "$planner" GET /api/v1/me/plan)" = 200 ] && [ "$(json 'd["versions"]')" = "[]" ] &&
        [ "$(json 'len(d["library_goals"]) > 0')" = True ] || return 1
    goal=$(json 'd["library_goals"][0]["id"]')
    expect 409 no-plan - "$planner" POST /api/v1/me/plan/submit || return 1
    [ "$(api "$planner" POST /api/v1/me/plan/versions)" = 201 ] &&
        [ "$(json 'd["state"] + " " + str(d["version"])')" = "draft 1" ] || return 1
    expect 400 invalid goal "$planner" POST /api/v1/me/plan/goals \
        "{\"library_goal\": $goal, \"goal\": \"\", \"outcomes\": \"Two sites\"}" || return 1
    expect 400 invalid library_goal "$planner" POST /api/v1/me/plan/goals \
        '{"library_goal": 999999, "goal": "Storytime", "outcomes": "Two sites"}' || return 1
    expect 409 conflict - "$planner" POST /api/v1/me/plan/submit || return 1
    [ "$(api "$planner" POST /api/v1/me/plan/goals \
        "{\"library_goal\": $goal, \"goal\": \"Storytime\", \"outcomes\": \"Two sites\"}")" = 201 ] &&
        [ "$(json 'd["goal"] + " " + str(d["library_goal"])')" = "Storytime $goal" ] || return 1
    plan_goal=$(json 'd["id"]')
    expect 400 invalid kind "$planner" POST /api/v1/me/plan/items \
        '{"kind": "reading", "key": "sd1", "description": "Reading"}' || return 1
    expect 400 invalid description "$planner" POST /api/v1/me/plan/items \
        '{"kind": "self-directed", "key": "sd1"}' || return 1
    expect 400 invalid hours "$planner" POST /api/v1/me/plan/items \
        '{"kind": "self-directed", "key": "sd1", "description": "Reading"}' || return 1
    expect 400 invalid hours "$planner" POST /api/v1/me/plan/items \
        '{"kind": "self-directed", "key": "sd1", "description": "Reading", "hours": 0}' || return 1
    [ "$(api "$planner" POST /api/v1/me/plan/items \
        "{\"kind\": \"self-directed\", \"key\": \"sd1\", \"description\": \"Reading\", \"plan_goal\": $plan_goal, \"hours\": 12}")" = 201 ] &&
        [ "$(json 'd["key"] + " " + str(d["plan_goal"])')" = "sd1 $plan_goal" ] &&
        [ "$(json 'd["hours"]')" = 12.0 ] || return 1
    [ "$(api "$planner" POST /api/v1/me/plan/text \
        '{"skill_gaps": "Storytelling", "learning_options": "MSL courses"}')" = 200 ] &&
        [ "$(json 'd["skill_gaps"]')" = Storytelling ] || return 1
    [ "$(api "$planner" POST /api/v1/me/plan/submit)" = 200 ] &&
        [ "$(json 'd["state"] + " " + d["submitted"]')" = "submitted 2026-06-15" ] || return 1
    expect 409 conflict - "$planner" POST /api/v1/me/plan/goals \
        "{\"library_goal\": $goal, \"goal\": \"Late\"}" || return 1
    [ "$(api "$planner" POST /api/v1/me/plan/sign)" = 200 ] &&
        [ "$(json 'd["learner_signed"]')" = 2026-06-15 ] &&
        [ "$(json 'len(d["goals"]) == 1 and len(d["items"]) == 1')" = True ]
}
check "a learner writes a plan through the API: version, goal, item, text, submit, sign; refusals name the field" \
    plan_written

plan_signed_by_library() {
    version=$(db "SELECT v.id FROM plan_versions v JOIN tracks t ON t.id = v.track_id
        JOIN people p ON p.id = t.person_id WHERE p.email = 'planner@example.org'")
    [ "$(api "$director" GET /api/v1/plans/waiting)" = 200 ] &&
        [ "$(json "[v['name'] + ' ' + v['state'] for v in d['items'] if v['id'] == $version][0]")" = \
            "$(db "SELECT name FROM people WHERE email = 'planner@example.org'") submitted" ] || return 1
    expect 400 invalid comment "$director" POST "/api/v1/plans/$version/return" '{}' || return 1
    [ "$(api "$director" POST "/api/v1/plans/$version/return" '{"comment": "Tie it to G2"}')" = 200 ] &&
        [ "$(json 'd["state"] + ": " + d["comment"]')" = "draft: Tie it to G2" ] || return 1
    [ "$(api "$planner" POST /api/v1/me/plan/submit)" = 200 ] || return 1
    [ "$(api "$planner" POST /api/v1/me/plan/sign)" = 200 ] || return 1
    # Another library's plan, and a plan that does not exist: the same 403.
    theirs=$(db "SELECT v.id FROM plan_versions v JOIN tracks t ON t.id = v.track_id
        JOIN people p ON p.id = t.person_id WHERE p.verifier_id != $director_id LIMIT 1")
    expect 403 forbidden - "$director" POST "/api/v1/plans/$theirs/sign" || return 1
    expect 403 forbidden - "$director" POST /api/v1/plans/999999/sign || return 1
    [ "$(api "$director" POST "/api/v1/plans/$version/sign")" = 200 ] &&
        [ "$(json 'd["state"]')" = approved ] || return 1
    # An approved plan cannot be signed or returned again.
    expect 409 conflict - "$director" POST "/api/v1/plans/$version/sign" || return 1
    expect 409 conflict - "$director" POST "/api/v1/plans/$version/return" '{"comment": "Again"}' ||
        return 1
    expect 409 conflict - "$planner" POST /api/v1/me/plan/sign || return 1
    [ "$(db "SELECT state FROM plan_versions WHERE id = $version")" = approved ]
}
check "the supervisor returns the plan once, then signs it; another's plan is 403; an approved one is 409" \
    plan_signed_by_library

report_written() {
    expect 400 invalid text "$staff" POST /api/v1/me/report '{"text": "", "action": "save"}' || return 1
    expect 400 invalid action "$staff" POST /api/v1/me/report '{"text": "x", "action": "publish"}' ||
        return 1
    [ "$(api "$staff" POST /api/v1/me/report '{"text": "A draft"}')" = 200 ] &&
        [ "$(json 'd["state"] + ": " + d["text"]')" = "draft: A draft" ] || return 1
    [ "$(api "$staff" POST /api/v1/me/report '{"text": "What I learned & why", "action": "submit"}')" = 200 ] &&
        [ "$(json 'd["state"] + " " + d["submitted"]')" = "submitted 2026-06-15" ] || return 1
    expect 409 conflict - "$staff" POST /api/v1/me/report '{"text": "Changed my mind"}' || return 1
    [ "$(api "$staff" GET /api/v1/me/report)" = 200 ] &&
        [ "$(json 'd["text"]')" = "What I learned & why" ]
}
check "the learner saves, then submits the final report; a submitted report cannot be changed (409)" \
    report_written

report_reviewed() {
    track=$(db "SELECT id FROM tracks WHERE person_id = $staff_id AND state = 'active'")
    [ "$(api "$coordinator" GET /api/v1/review/reports)" = 200 ] &&
        [ "$(json "[r['text'] for r in d['items'] if r['track'] == $track][0]")" = "What I learned & why" ] ||
        return 1
    expect 400 invalid comment "$coordinator" POST "/api/v1/tracks/$track/report/return" '{}' ||
        return 1
    [ "$(api "$coordinator" POST "/api/v1/tracks/$track/report/return" '{"comment": "Name the goals"}')" = 200 ] &&
        [ "$(json 'd["state"] + ": " + d["comment"]')" = "draft: Name the goals" ] || return 1
    [ "$(api "$staff" GET /api/v1/me/report)" = 200 ] && [ "$(json 'd["comment"]')" = "Name the goals" ] ||
        return 1
    [ "$(api "$staff" POST /api/v1/me/report '{"text": "It served G1", "action": "submit"}')" = 200 ] ||
        return 1
    [ "$(api "$coordinator" POST "/api/v1/tracks/$track/report/accept")" = 200 ] &&
        [ "$(json 'd["state"] + " " + d["accepted"]')" = "accepted 2026-06-15" ] || return 1
    expect 409 conflict - "$coordinator" POST "/api/v1/tracks/$track/report/accept" || return 1
    expect 404 not-found - "$coordinator" POST /api/v1/tracks/999999/report/accept
}
check "the coordinator returns a report with a comment, then accepts it; again is a 409" report_reviewed

track_award_flow() {
    expect 409 not-complete - "$staff" POST /api/v1/me/track/submit || return 1
    json 'd["error"]["message"]' | grep -q 'More credits are needed.' || return 1
    ready_track=$(db "SELECT t.id FROM tracks t JOIN people p ON p.id = t.person_id
        WHERE p.email = 'ready@example.org' AND t.state = 'submitted'")
    [ "$(api "$coordinator" GET /api/v1/review/tracks)" = 200 ] &&
        [ "$(json "[t['status'] + ' ' + str(t['blocking']) for t in d['items'] if t['id'] == $ready_track][0]")" = \
            "complete []" ] || return 1
    expect 400 invalid comment "$coordinator" POST "/api/v1/tracks/$ready_track/return" '{}' || return 1
    [ "$(api "$coordinator" POST "/api/v1/tracks/$ready_track/return" '{"comment": "Check the dates"}')" = 200 ] &&
        [ "$(json 'd["state"] + ": " + d["comment"]')" = "returned: Check the dates" ] || return 1
    expect 409 conflict - "$coordinator" POST "/api/v1/tracks/$ready_track/award" || return 1
    [ "$(api "$ready" POST /api/v1/me/track/submit)" = 200 ] && [ "$(json 'd["state"]')" = submitted ] ||
        return 1
    expect 409 conflict - "$ready" POST /api/v1/me/track/submit || return 1
    [ "$(api "$coordinator" POST "/api/v1/tracks/$ready_track/award")" = 201 ] || return 1
    cat "$work/body"
    certificate=$(json 'd["certificate"]["number"]')
    [ "$(db "SELECT number FROM certificates WHERE track_id = $ready_track")" = "$certificate" ] &&
        [ "$(json 'd["next_track"]["program"]')" = msl-strategic ] || return 1
    expect 409 conflict - "$coordinator" POST "/api/v1/tracks/$ready_track/award" || return 1
    staff_track=$(db "SELECT id FROM tracks WHERE person_id = $staff_id AND state = 'active'")
    expect 409 conflict - "$coordinator" POST "/api/v1/tracks/$staff_track/award" || return 1
    expect 404 not-found - "$coordinator" POST /api/v1/tracks/999999/award
}
check "a track is returned, sent again by its learner and awarded; an incomplete or unsent one is a 409" \
    track_award_flow

catalog_paged() {
    [ "$(api "$coordinator" GET '/api/v1/catalog/events?per_page=15&page=3')" = 200 ] &&
        [ "$(json 'd["total"]')" = 40 ] && [ "$(json 'd["pages"]')" = 3 ] &&
        [ "$(json 'len(d["items"])')" = 10 ] || return 1
    api "$coordinator" GET /api/v1/catalog/events >/dev/null
    [ "$(json 'len(d["items"])')" = 25 ] && [ "$(json 'd["per_page"]')" = 25 ] &&
        [ "$(json 'd["items"][0]["id"]')" = "$(db "SELECT id FROM events ORDER BY starts DESC, id DESC LIMIT 1")" ]
}
check "the catalog is paged: total, pages, per_page (25 by default), newest first" catalog_paged

catalog_event_added() {
    expect 400 invalid credits "$coordinator" POST /api/v1/catalog/events \
        '{"title":"Weeding","kind":"course","starts":"2026-07-01","sponsor":"MSL","credits":1.25,"category":"technology"}' ||
        return 1
    expect 400 invalid lms_verifies "$coordinator" POST /api/v1/catalog/events \
        '{"title":"Weeding","kind":"course","starts":"2026-07-01","sponsor":"MSL","credits":1,"category":"technology","lms_verifies":true}' ||
        return 1
    expect 400 invalid urls "$coordinator" POST /api/v1/catalog/events \
        '{"title":"Weeding","urls":["https://a.example.org/1\nhttps://b.example.org/2"]}' || return 1
    expect 400 invalid ends "$coordinator" POST /api/v1/catalog/events \
        '{"title":"Weeding","kind":"course","starts":"2026-07-01","ends":"2026-06-01","sponsor":"MSL","credits":1,"category":"technology"}' ||
        return 1
    [ "$(db "SELECT COUNT(*) FROM events WHERE title = 'Weeding'")" = 0 ] || return 1
    got=$(api "$coordinator" POST /api/v1/catalog/events \
        '{"title":"Weeding & Inventory","kind":"course","starts":"2026-07-01","ends":"2026-07-31","sponsor":"MSL","credits":2.5,"category":"collection-management","urls":["https://learn.example.org/course/view.php?id=900","https://learn.example.org/course/view.php?id=901"],"activity_names":["","Final quiz"],"lms_verifies":true}')
    cat "$work/body"
    [ "$got" = 201 ] && [ "$(json 'd["credits"]')" = 2.5 ] && [ "$(json 'd["lms_verifies"]')" = True ] &&
        [ "$(json '[l["activity"] for l in d["links"]]')" = "[None, 'Final quiz']" ] || return 1
    [ "$(db "SELECT COUNT(*) FROM event_lms_links WHERE event_id = $(json 'd["id"]')")" = 2 ]
}
check "the coordinator adds a catalog event with its LMS links (201); a refusal names the field" \
    catalog_event_added

certificates_revoked() {
    total=$(db "SELECT COUNT(*) FROM certificates")
    [ "$(api "$coordinator" GET '/api/v1/certificates?per_page=10')" = 200 ] &&
        [ "$(json 'd["total"]')" = "$total" ] && [ "$(json 'len(d["items"])')" = 10 ] || return 1
    certificate=$(db "SELECT number FROM certificates WHERE revoked IS NULL ORDER BY id LIMIT 1")
    [ "$(api "$coordinator" GET "/api/v1/certificates?q=$certificate")" = 200 ] &&
        [ "$(json 'd["total"]')" = 1 ] || return 1
    id=$(json 'd["items"][0]["id"]')
    expect 400 invalid reason "$coordinator" POST "/api/v1/certificates/$id/revoke" '{"reason": "  "}' ||
        return 1
    [ "$(api "$coordinator" POST "/api/v1/certificates/$id/revoke" '{"reason": "Counted twice"}')" = 200 ] &&
        [ "$(json 'd["revoked"] + ": " + d["revoked_reason"]')" = "2026-06-15: Counted twice" ] || return 1
    expect 409 conflict - "$coordinator" POST "/api/v1/certificates/$id/revoke" '{"reason": "Again"}' ||
        return 1
    expect 404 not-found - "$coordinator" POST /api/v1/certificates/999999/revoke '{"reason": "x"}' ||
        return 1
    [ "$(db "SELECT COUNT(*) FROM audit_log WHERE entity = 'certificates' AND entity_id = $id
        AND action = 'revoke'")" = 1 ]
}
check "certificates are listed, found by number, and revoked with a reason (audited); twice is a 409" \
    certificates_revoked

progress_by_token() {
    [ "$(api "$staff" GET /api/v1/me/progress)" = 200 ] && [ "$(json 'd["program"]')" = msl-strategic ] ||
        return 1
    expect 403 forbidden - "$staff" GET "/api/v1/people/$director_id/progress" || return 1
    expect 403 forbidden - "$staff" GET /api/v1/people/999999/progress || return 1
    [ "$(api "$director" GET "/api/v1/people/$staff_id/progress")" = 200 ]
}
check "the progress routes still answer by token, 403 alike for another person and no person" \
    progress_by_token

pages_still_need_csrf() {
    # The page forms keep their own rule: a token opens no page, the cookie needs CSRF.
    got=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $staff" \
        --data-urlencode kind=course "$base/activities/new")
    [ "$got" = 303 ] || return 1
    got=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar-staff@example.org" \
        --data-urlencode kind=course "$base/activities/new")
    [ "$got" = 403 ]
}
check "a token opens no page, and a page's POST still needs its CSRF token" pages_still_need_csrf

revoked_token() {
    id=$(db "SELECT id FROM api_tokens WHERE person_id = $staff_id ORDER BY id DESC LIMIT 1")
    jar="$work/jar-staff@example.org"
    csrf=$(curl -s -b "$jar" "$base/tokens" |
        sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" --data-urlencode "csrf_token=$csrf" \
        --data-urlencode action=revoke --data-urlencode "token=$id" "$base/tokens")" = 303 ] || return 1
    expect 401 unauthenticated - "$staff" GET /api/v1/me || return 1
    expect 401 unauthenticated - "$staff" POST /api/v1/me/activities '{"title": "x"}'
}
check "a revoked token opens nothing" revoked_token

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
