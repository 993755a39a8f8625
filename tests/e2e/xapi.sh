#!/bin/sh
# End-to-end checks of the xAPI statements resource over real HTTP, as TAP: a fresh demo
# database with an LMS site, `certtrack serve` on a free loopback port, and curl posting
# statements as Moodle's logstore_xapi does. The real Moodle statements are read in
# place from ../shared/fixtures/xapi-moodle beside the source root; the checks that need
# them are skipped, saying so, when it is not there.
# Usage: xapi.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
fixtures="$root/../shared/fixtures/xapi-moodle"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin xapi

# check_fixtures: as check, skipped when the shared Moodle fixtures are absent.
check_fixtures() {
    if [ -d "$fixtures" ]; then
        check "$@"
    else
        number=$((number + 1))
        echo "ok $number # SKIP $1: the Moodle fixtures are not at $fixtures"
    fi
}

db="$work/demo.db"
"$certtrack" demo-data --db "$db" --programs "$programs" >/dev/null || exit 1
"$certtrack" site add --db "$db" --programs "$programs" --url http://www.example.org \
    --time-zone America/Denver >"$work/site.out" || exit 1
key=$(sed -n 's/^xAPI key: *//p' "$work/site.out")
secret=$(sed -n 's/^xAPI secret: *//p' "$work/site.out")
e2e_serve "$db"

# send METHOD PATH BODY_FILE [curl options...]: as the site, in xAPI $version (1.0.3
# unless set); prints the status.
version=1.0.3
send() {
    method=$1
    path=$2
    body=$3
    shift 3
    curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$method" \
        -u "$key:$secret" -H "X-Experience-API-Version: $version" \
        -H 'Content-Type: application/json' --data-binary "@$body" "$@" "$base$path"
}

sql() {
    sqlite3 "$db" "$1"
}

# statement FILE ID VERB [TIMESTAMP]: a statement by Moodle user 1 about the course of
# the fixtures.
statement() {
    cat >"$1" <<EOF
{"id": "$2", "actor": {"account": {"homePage": "http://www.example.org", "name": "1"}},
 "verb": {"id": "$3"}, "object": {"id": "http://www.example.org/course/view.php?id=2",
 "objectType": "Activity"}, "timestamp": "${4:-2026-06-10T21:30:00-06:00}"}
EOF
}

requirements="$root/tests/data/xapi-requirements.json"
requirement_count=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$requirements")
echo "1..$((22 + requirement_count))"

about() {
    [ "$(curl -s -o "$work/about" -D "$work/h" -w '%{http_code}' "$base/xapi/about")" = 200 ] &&
        grep -q '"version":\["1.0.3","2.0.0"\]' "$work/about" &&
        grep -qi '^x-experience-api-version: 2.0.0' "$work/h"
}
check "GET /xapi/about names the versions 1.0.3 and 2.0.0" about

every_fixture() {
    for f in "$fixtures"/*.json; do
        code=$(send POST /xapi/statements "$f")
        [ "$code" = 200 ] || { echo "$f: $code $(cat "$work/body")"; return 1; }
        given=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$f")
        answered=$(python3 -c '
import json, re, sys
ids = json.load(open(sys.argv[1]))
assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i) for i in ids)
print(len(ids))' "$work/body") || return 1
        [ "$given" = "$answered" ] || { echo "$f: $given statements, $answered ids"; return 1; }
        grep -qi '^x-experience-api-version: 1.0.3' "$work/headers" || return 1
    done
    [ "$(sql 'SELECT COUNT(*) FROM xapi_statements')" = 9 ]
}
check_fixtures "every Moodle fixture statement is accepted, with an id for each" every_fixture

completion_state() {
    sql "SELECT state FROM xapi_statements WHERE object_id = 'http://www.example.org/course/view.php?id=2'
         AND verb = 'http://adlnet.gov/expapi/verbs/completed'"
}
check_fixtures "the course completion waits while the account is not linked" sh -c "
    [ \"\$(sqlite3 $db \"SELECT state || ': ' || reason FROM xapi_statements WHERE object_id =
        'http://www.example.org/course/view.php?id=2' AND verb LIKE '%/completed'\")\" = \
        'waiting: account \"1\" of http://www.example.org is not linked to a person; http://www.example.org/course/view.php?id=2 is not mapped to a catalog event' ]"

add_event() {
    "$certtrack" catalog add --db "$db" --programs "$programs" --title "Weeding Well" \
        --kind course --credits 2 --category collection-management --lms-verifies \
        --course-url http://www.example.org/course/view.php?id=2 >"$work/event"
}
map_course() {
    add_event || return 1
    [ "$(completion_state)" = waiting ] &&
        sql "SELECT reason FROM xapi_statements WHERE object_id =
             'http://www.example.org/course/view.php?id=2' AND verb LIKE '%/completed'" |
        grep -q '^account "1" of http://www.example.org is not linked to a person$'
}
check_fixtures "mapping the course leaves it waiting for the account alone" map_course

link() {
    "$certtrack" site link --db "$db" --programs "$programs" --url http://www.example.org \
        --account 1 --person staff@example.org >"$work/link"
}
link_account() {
    link || return 1
    grep -q '1 waiting statements applied' "$work/link" &&
        [ "$(completion_state)" = credited ] &&
        [ "$(sql "SELECT COUNT(*) FROM activities a JOIN people p ON p.id = a.person_id
              WHERE p.email = 'staff@example.org' AND a.provenance = 'harvest'
              AND a.status = 'verified' AND a.event_id = $(cat "$work/event")")" = 1 ] &&
        [ "$(sql "SELECT COUNT(*) FROM harvest_provenance WHERE kind = 'xapi'")" = 1 ]
}
check_fixtures "linking the account credits the learner once, verified by the LMS" link_account
check_fixtures "the enrolment, grading and certificate statements are stored, not credited" sh -c "
    [ \"\$(sqlite3 $db \"SELECT COUNT(*) FROM xapi_statements WHERE state = 'ignored'\")\" -ge 5 ]"

# Without the fixtures, the course is mapped and the account linked all the same.
if [ ! -d "$fixtures" ]; then
    add_event && link || exit 1
fi

first="$work/first.json"
statement "$first" 4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f01 http://adlnet.gov/expapi/verbs/completed
repeat() {
    [ "$(send POST /xapi/statements "$first")" = 200 ] || return 1
    before=$(sql "SELECT COUNT(*) FROM xapi_statements")$(sql "SELECT COUNT(*) FROM activities")
    [ "$(send POST /xapi/statements "$first")" = 200 ] &&
        grep -q '^\["4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f01"\]$' "$work/body" &&
        [ "$(send PUT '/xapi/statements?statementId=4C6F2A10-7D1E-4B8E-9F3A-5B6C7D8E9F01' \
            "$first")" = 204 ] &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements")$(sql "SELECT COUNT(*) FROM activities")" = "$before" ]
}
check "the same statement again (same id, same content) creates nothing new" repeat

conflict() {
    sed 's/21:30:00/22:30:00/' "$first" >"$work/other.json"
    [ "$(send POST /xapi/statements "$work/other.json")" = 409 ] &&
        grep -q '"code":"conflict"' "$work/body" &&
        grep -q 'received before with other content' "$work/body"
}
check "the same id with other content is a conflict: 409" conflict

malformed() {
    before=$(sql "SELECT COUNT(*) FROM xapi_statements")
    printf '[{"id": "4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f02", "actor": {"mbox": "mailto:a@example.org"},
      "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}, "object": {"id": "http://x.example/a"}},
      {"actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "attended"},
       "object": {"id": "http://x.example/a"}}]' >"$work/bad.json"
    [ "$(send POST /xapi/statements "$work/bad.json")" = 400 ] &&
        grep -q '"code":"bad-statement","message":"statements\[1\].verb.id: not an IRI: \\"attended\\""' "$work/body" &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements")" = "$before" ]
}
check "a malformed statement is 400 naming the field, and nothing of its batch is stored" malformed

wrong_password() {
    code=$(curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' -u "$key:not-the-secret" \
        -H 'X-Experience-API-Version: 1.0.3' -H 'Content-Type: application/json' \
        --data-binary "@$first" "$base/xapi/statements")
    [ "$code" = 401 ] && grep -qi '^www-authenticate: Basic realm="certtrack xAPI"' "$work/headers" &&
        grep -q '"code":"unauthenticated"' "$work/body" &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Experience-API-Version: 1.0.3' \
            --data-binary "@$first" "$base/xapi/statements")" = 401 ]
}
check "a wrong password (or none) is 401 with WWW-Authenticate" wrong_password

no_version() {
    code=$(curl -s -o "$work/body" -w '%{http_code}' -u "$key:$secret" \
        -H 'Content-Type: application/json' --data-binary "@$first" "$base/xapi/statements")
    [ "$code" = 400 ] && grep -q '"code":"version"' "$work/body" &&
        [ "$(version=0.95 send POST /xapi/statements "$first")" = 400 ]
}
check "a request without the version header (or with 0.95) is 400" no_version

version_echoed() {
    [ "$(version=2.0.0 send POST /xapi/statements "$first")" = 200 ] &&
        grep -qi '^x-experience-api-version: 2.0.0' "$work/headers"
}
check "the version spoken is named in the answer (2.0.0 asked, 2.0.0 answered)" version_echoed

# Taken back after both completions of the course (the fixture's, received today, and
# the one of 10 June): the one activity of the event is withdrawn.
uncompleted() {
    statement "$work/un.json" 4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f03 \
        https://xapi.edlm/profiles/edlm-lms/concepts/verbs/uncompleted 2030-01-02T10:00:00Z
    [ "$(send POST /xapi/statements "$work/un.json")" = 200 ] &&
        [ "$(sql "SELECT state FROM xapi_statements WHERE id = '4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f03'")" = withdrawn ] &&
        [ "$(sql "SELECT a.status || ' ' || a.status_reason FROM activities a JOIN people p ON
              p.id = a.person_id WHERE p.email = 'staff@example.org' AND a.provenance = 'harvest'
              AND a.event_id = (SELECT event_id FROM event_lms_links WHERE
              url = 'http://www.example.org/course/view.php?id=2')")" = "rejected uncompleted in the LMS at 2030-01-02T10:00:00.000Z (xAPI statement 4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f03)" ] &&
        [ "$(sql "SELECT COUNT(*) FROM audit_log l JOIN xapi_statements s ON s.activity_id = l.entity_id
              WHERE s.id = '4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f03' AND l.entity = 'activities'
              AND l.action = 'withdraw'")" = 1 ] ||
        { sql "SELECT id, state, reason FROM xapi_statements WHERE id LIKE '4c6f2a10%'"; return 1; }
}
check "an uncompleted withdraws the learner's completion (rejected, reason given, history kept)" uncompleted

put_statement() {
    printf '{"actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
      "object": {"id": "http://x.example/a"}}' >"$work/put.json"
    [ "$(send PUT '/xapi/statements?statementId=4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f04' "$work/put.json")" = 204 ] &&
        [ "$(sql "SELECT state FROM xapi_statements WHERE id = '4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f04'")" = ignored ] &&
        [ "$(send PUT /xapi/statements "$work/put.json")" = 400 ] &&
        [ "$(send PUT '/xapi/statements?statementId=4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f05' "$first")" = 400 ] &&
        grep -q 'statement.id: is not the statementId' "$work/body"
}
check "PUT stores the statement under its statementId: 204; a mismatched id is 400" put_statement

large_batch() {
    python3 - "$work/batch.json" <<'PY'
import json, sys
statements = [{"actor": {"account": {"homePage": "http://www.example.org", "name": str(n)}},
               "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
               "object": {"id": "http://www.example.org/course/view.php?id=2",
                          "definition": {"name": {"en": "x" * 3000}}}} for n in range(500)]
json.dump(statements, open(sys.argv[1], "w"))
PY
    [ "$(wc -c <"$work/batch.json")" -gt 1100000 ] &&
        [ "$(send POST /xapi/statements "$work/batch.json")" = 200 ] &&
        [ "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$work/body")" = 500 ]
}
check "a batch over 1 MiB (500 statements) is taken" large_batch

too_large() {
    head -c 17000000 /dev/zero | tr '\0' ' ' >"$work/huge.json"
    [ "$(send POST /xapi/statements "$work/huge.json")" = 413 ] &&
        grep -q '"code":"too-large"' "$work/body"
}
check "a body over 16 MiB is 413, as JSON" too_large

other_methods() {
    [ "$(curl -s -o "$work/body" -w '%{http_code}' "$base/xapi/statements")" = 405 ] &&
        grep -q '"code":"method-not-allowed"' "$work/body" &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/xapi/nothing")" = 404 ] &&
        ! grep -q 'ERROR\|runtime error' "$work/server.log"
}
check "other methods and addresses are JSON 405 and 404; the server logged no error" other_methods

# requirement_case N: case N of tests/data/xapi-requirements.json over HTTP, under each of
# its versions: the statement that breaks the rule is 400 with the error that names the
# field, and nothing of it is stored; the one that keeps the rule is 200.
requirement_case() {
    python3 - "$requirements" "$1" "$base/xapi/statements" "$key:$secret" "$db" <<'PY'
import base64, json, sqlite3, sys, urllib.error, urllib.request
case = json.load(open(sys.argv[1]))[int(sys.argv[2])]
auth = "Basic " + base64.b64encode(sys.argv[4].encode()).decode()
def post(body, version):
    request = urllib.request.Request(sys.argv[3], data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": auth, "X-Experience-API-Version": version,
                 "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.read().decode()
def stored():
    with sqlite3.connect(sys.argv[5]) as db:
        return db.execute("SELECT COUNT(*) FROM xapi_statements").fetchone()[0]
for version in case["versions"]:
    if "refused" in case:
        before = stored()
        code, body = post(case["refused"], version)
        message = json.loads(body).get("error", {}).get("message", "") if code != 200 else body
        if code != 400 or not message.startswith(case["refusal"]):
            sys.exit(f"{version}: expected 400 \"{case['refusal']}...\", got {code} {message}")
        if json.loads(body)["error"]["code"] != "bad-statement" or stored() != before:
            sys.exit(f"{version}: {body}, {stored() - before} statements stored")
    if "accepted" in case:
        code, body = post(case["accepted"], version)
        if code != 200:
            sys.exit(f"{version}: the statement that keeps the rule: {code} {body}")
PY
}
n=0
while [ "$n" -lt "$requirement_count" ]; do
    name=$(python3 -c 'import json, sys; c = json.load(open(sys.argv[1]))[int(sys.argv[2])]
print(c["requirement"] + ": " + c["behaviour"])' "$requirements" "$n")
    check "$name (400 naming the field, nothing stored)" requirement_case "$n"
    n=$((n + 1))
done

# A statement whose own query is wrong is refused before its body is read.
put_body="$work/put.json"
query_case_sensitive() {
    before=$(sql "SELECT COUNT(*) FROM xapi_statements")
    [ "$(send PUT '/xapi/statements?StatementId=4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f21' "$put_body")" = 400 ] &&
        grep -q '"code":"bad-request","message":"StatementId: parameter names are case-sensitive' "$work/body" &&
        [ "$(send POST '/xapi/statements?statementID=4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f22' "$put_body")" = 400 ] &&
        grep -q '"message":"statementID: parameter names are case-sensitive' "$work/body" &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements")" = "$before" ] &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements WHERE id LIKE '4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f2%'")" = 0 ]
}
check "XAPI-00325: a parameter in another case (StatementId) is 400, nothing stored" query_case_sensitive

query_unknown() {
    before=$(sql "SELECT COUNT(*) FROM xapi_statements")
    [ "$(send POST '/xapi/statements?format=exact' "$put_body")" = 400 ] &&
        grep -q '"message":"format: not a parameter of POST /xapi/statements (it takes none)' "$work/body" &&
        [ "$(send PUT '/xapi/statements?statementId=4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f23&attachments=true' "$put_body")" = 400 ] &&
        grep -q '"message":"attachments: not a parameter of PUT /xapi/statements' "$work/body" &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements")" = "$before" ]
}
check "XAPI-00324: an unknown parameter is 400, nothing stored" query_unknown

query_value() {
    [ "$(send PUT '/xapi/statements?statementId=wrong' "$put_body")" = 400 ] &&
        grep -q '"message":"statementId: not a UUID' "$work/body"
}
check "XAPI-00012: a statementId that is no UUID is 400" query_value

# XAPI-00326: a batch with one refused statement stores none of it, and changes nothing
# stored before (the first statement of the batch was received already).
batch_refused() {
    printf '[%s, {"actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
      "object": {"id": "http://x.example/new"}, "id": "4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f31"},
      {"actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
      "object": {"id": "http://x.example/a"}}]' "$(cat "$first")" >"$work/void-batch.json"
    before=$(sql "SELECT COUNT(*), SUM(LENGTH(raw_json)), GROUP_CONCAT(state) FROM xapi_statements")
    [ "$(send POST /xapi/statements "$work/void-batch.json")" = 400 ] &&
        grep -q '"message":"statements\[2\].object.objectType: a voiding statement' "$work/body" &&
        [ "$(sql "SELECT COUNT(*), SUM(LENGTH(raw_json)), GROUP_CONCAT(state) FROM xapi_statements")" = "$before" ] &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements WHERE id = '4c6f2a10-7d1e-4b8e-9f3a-5b6c7d8e9f31'")" = 0 ]
}
check "XAPI-00326: a batch with one refused statement stores none, and what was stored stays" batch_refused

moodle_shapes() {
    shapes="$root/tests/data/moodle-shaped-statements.json"
    count=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$shapes")
    i=0
    while [ "$i" -lt "$count" ]; do
        python3 -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))[int(sys.argv[2])]["statements"], sys.stdout)' \
            "$shapes" "$i" >"$work/shape.json"
        for version in 1.0.3 2.0.0; do
            [ "$(send POST /xapi/statements "$work/shape.json")" = 200 ] ||
                { echo "event $i in $version: $(cat "$work/body")"; return 1; }
        done
        i=$((i + 1))
    done
    ! grep -q 'ERROR\|runtime error' "$work/server.log"
}
check "every statement shape logstore_xapi sends for the events of docs/harvest.md is 200 in 1.0.3 and 2.0.0" moodle_shapes

exit $failed
