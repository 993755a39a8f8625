#!/bin/sh
# End-to-end checks of what waits for each person, as TAP: GET /api/v1/me/todo over real
# HTTP on a fresh demo database (tokens made on the /tokens page, as a person makes
# them), its queues by role against what the database holds, and the counts following a
# plan submitted and signed, a claim rejected, beside the navigation's links too.
# Usage: todo.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin todo

"$certtrack" demo-data --db "$work/demo.db" --programs "$programs" >/dev/null || exit 1
e2e_serve "$work/demo.db"

db() { sqlite3 "$work/demo.db" "$1"; }

# json EXPRESSION: a Python expression over the last answer d (and q(name), the queue
# of that name, or None); prints its value.
json() {
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
def q(name):
    return next((x for x in d.get("queues", []) if x["queue"] == name), None)
print(eval(sys.argv[2]))' "$work/body" "$1"
}

# todo TOKEN: GET /api/v1/me/todo, which must answer 200.
todo() {
    got=$(api "$1" GET /api/v1/me/todo)
    [ "$got" = 200 ] || { echo "GET /api/v1/me/todo: $got $(cat "$work/body")"; return 1; }
}

staff=$(new_token staff@example.org)
director=$(new_token director@example.org)
coordinator=$(new_token coordinator@example.org)
consultant=$(new_token consultant@example.org)
planner=$(new_token planner@example.org)
director_id=$(db "SELECT id FROM people WHERE email = 'director@example.org'")
consultant_id=$(db "SELECT id FROM people WHERE email = 'consultant@example.org'")

echo "1..9"

unauthenticated() {
    [ "$(curl -s -o "$work/body" -w '%{http_code}' "$base/api/v1/me/todo")" = 401 ] &&
        [ "$(json 'd["error"]["code"]')" = unauthenticated ]
}
check "GET /api/v1/me/todo needs a signed-in person" unauthenticated

queues_by_role() {
    todo "$staff" && [ "$(json '[x["queue"] for x in d["queues"]]')" = \
        "['plan-returned', 'report-returned', 'track-returned', 'rejected-claims']" ] &&
        [ "$(json 'd["as_of"]')" = 2026-06-15 ] || return 1
    todo "$director" && [ "$(json '[x["role"] for x in d["queues"]]')" = \
        "['supervisor', 'supervisor', 'library-administrator', 'learner', 'learner', 'learner', 'learner']" ] ||
        return 1
    todo "$coordinator" && [ "$(json '[x["queue"] for x in d["queues"]]')" = \
        "['tracks-to-review', 'reports-to-read', 'harvest-inbox', 'refused-imports']" ] &&
        [ "$(json 'd["next_steps"]')" = "[]" ] || return 1
    todo "$consultant" && [ "$(json '[x["queue"] for x in d["queues"]]')" = "['libraries-at-risk']" ]
}
check "each person gets the queues of the roles they hold, and only those" queues_by_role

claims_counted() {
    todo "$director" || return 1
    want=$(db "SELECT COUNT(*) FROM activities a JOIN people p ON p.id = a.person_id
        WHERE p.verifier_id = $director_id AND a.status = 'pending'")
    [ "$want" -gt 0 ] && [ "$(json 'q("claims-to-verify")["count"]')" = "$want" ] &&
        [ "$(json 'len(q("claims-to-verify")["items"]) == min(10, q("claims-to-verify")["count"])')" = True ] &&
        [ "$(json 'all(i["href"] == "/verify" and i["learner"]["name"] for i in q("claims-to-verify")["items"])')" = True ]
}
check "the director's claims to verify are every pending claim of the people they verify" claims_counted

libraries_at_risk() {
    todo "$consultant" || return 1
    [ "$(json 'q("libraries-at-risk")["count"] > 0')" = True ] || return 1
    for library in $(json '" ".join(str(i["library"]) for i in q("libraries-at-risk")["items"])'); do
        [ "$(db "SELECT COUNT(*) FROM library_consultants WHERE library_id = $library
            AND person_id = $consultant_id")" = 1 ] || return 1
        [ "$(db "SELECT COUNT(*) FROM certificates c JOIN libraries l ON l.director_id = c.person_id
            WHERE l.id = $library AND c.revoked IS NULL AND c.valid_until > '2026-06-15'")" = 0 ] ||
            return 1
    done
    [ "$(json 'all(set(i["reasons"]) & {"deadline-near", "deadline-passed", "not-enrolled"} for i in q("libraries-at-risk")["items"])')" = True ]
}
check "the consultant's libraries at risk are theirs, with a director holding no valid certificate" \
    libraries_at_risk

reviews_counted() {
    todo "$coordinator" || return 1
    [ "$(json 'q("tracks-to-review")["count"]')" = \
        "$(db "SELECT COUNT(*) FROM tracks WHERE state = 'submitted'")" ] &&
        [ "$(json 'q("tracks-to-review")["items"][0]["href"]')" = /review ]
}
check "the coordinator's tracks to review are the tracks sent for the award" reviews_counted

# The count beside a navigation link on the home page, for the cookie jar of EMAIL
# ("" when none is shown).
nav_count() {
    curl -s -b "$work/jar-$1" "$base/" |
        sed -n "s|.*aria-label=\"$2, \([0-9]*\) waiting\".*|\1|p"
}

plan_submitted() {
    todo "$planner" && [ "$(json 'd["next_steps"][0]["href"]')" = /plan ] &&
        [ "$(json 'd["next_steps"][0]["progress"]["blocking"]')" = plan-missing ] || return 1
    todo "$director" && [ "$(json 'q("plans-to-sign")["count"]')" = 0 ] || return 1
    [ -z "$(nav_count director@example.org 'Plans to sign')" ] || return 1
    [ "$(api "$planner" GET /api/v1/me/plan)" = 200 ] || return 1
    goal=$(json 'd["library_goals"][0]["id"]')
    [ "$(api "$planner" POST /api/v1/me/plan/versions)" = 201 ] &&
        [ "$(api "$planner" POST /api/v1/me/plan/goals \
            "{\"library_goal\": $goal, \"goal\": \"Storytime\", \"outcomes\": \"Two sites\"}")" = 201 ] &&
        [ "$(api "$planner" POST /api/v1/me/plan/submit)" = 200 ] &&
        [ "$(api "$planner" POST /api/v1/me/plan/sign)" = 200 ] || return 1
    version=$(json 'd["id"]')
    todo "$director" && [ "$(json 'q("plans-to-sign")["count"]')" = 1 ] &&
        [ "$(json 'q("plans-to-sign")["items"][0]["plan_version"]')" = "$version" ] &&
        [ "$(json 'q("plans-to-sign")["items"][0]["submitted"]')" = 2026-06-15 ] &&
        [ "$(nav_count director@example.org 'Plans to sign')" = 1 ]
}
check "a plan submitted waits for the director: in the API and beside 'Plans to sign'" plan_submitted

plan_signed() {
    version=$(db "SELECT MAX(id) FROM plan_versions")
    [ "$(api "$director" POST "/api/v1/plans/$version/sign")" = 200 ] || return 1
    todo "$director" && [ "$(json 'q("plans-to-sign")["count"]')" = 0 ] &&
        [ -z "$(nav_count director@example.org 'Plans to sign')" ] || return 1
    todo "$planner" && [ "$(json 'd["next_steps"][0]["progress"]["blocking"]')" = credits-short ] &&
        [ "$(json 'd["next_steps"][0]["href"]')" = /activities/new ]
}
check "signed for the library, the plan leaves the queue and the count; the planner's next step moves on" \
    plan_signed

claim_rejected() {
    todo "$staff" || return 1
    before=$(json 'q("rejected-claims")["count"]')
    claim=$(db "SELECT a.id FROM activities a JOIN people p ON p.id = a.person_id
        WHERE p.email = 'staff@example.org' AND a.status = 'pending' ORDER BY a.id LIMIT 1")
    [ -n "$claim" ] || return 1
    [ "$(api "$director" POST /api/v1/verifications \
        "{\"action\": \"reject\", \"activities\": [$claim], \"reason\": \"Not library training\"}")" = 200 ] ||
        return 1
    todo "$staff" && [ "$(json 'q("rejected-claims")["count"]')" = $((before + 1)) ] &&
        [ "$(json "[i['reason'] for i in q('rejected-claims')['items'] if i['activity'] == $claim]")" = \
            "['Not library training']" ] &&
        [ "$(json "[i['verifier']['id'] for i in q('rejected-claims')['items'] if i['activity'] == $claim]")" = \
            "[$director_id]" ] &&
        [ "$(nav_count staff@example.org 'Your progress')" = $((before + 1)) ]
}
check "a rejected claim reaches its learner with the verifier's reason, counted beside 'Your progress'" \
    claim_rejected

home_page() {
    page=$(curl -s -b "$work/jar-consultant@example.org" "$base/")
    echo "$page" | grep -q '<h2 id="todo-heading">What waits for you</h2>' &&
        echo "$page" | grep -q '<h3>Libraries whose director is at risk (' &&
        ! echo "$page" | grep -q 'You are not enrolled' || return 1
    page=$(curl -s -b "$work/jar-coordinator@example.org" "$base/")
    echo "$page" | grep -q '<h3>Tracks sent for the award (' &&
        echo "$page" | grep -q '<span>Review and award</span><span class="nav-count"'
}
check "the consultant's and the coordinator's home pages start with their queues" home_page

[ "$failed" = 0 ]
