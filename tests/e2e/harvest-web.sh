#!/bin/sh
# End-to-end checks of the coordinator's harvest pages over real HTTP, as TAP: a fresh
# demo database, `certtrack serve` on a free loopback port, and curl as the browser.
#  - every /harvest route is the CE coordinator's alone (403 for a learner and for a
#    supervisor, route by route);
#  - adding a site shows its xAPI key and secret once; refusals keep what was typed;
#  - uploading a report (multipart/form-data) runs the command line's importer: a
#    generated report, a report over 1 MiB, the shared fixture report (read in place from
#    ../shared beside the source root, skipped saying so when absent), a file that is not
#    a report, no file, a file over 64 MiB; every other route keeps its 1 MiB limit;
#  - an import's reconciliation page, its filter, and its CSV (formula-safe);
#  - the inbox: statements of an unlinked account about an unmapped course, linked and
#    mapped from the inbox (and from a site's page), with how many were credited.
# Usage: harvest-web.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
# The shared fixtures, read where they are: ../shared beside the source root.
shared="${CERTTRACK_SOURCE_ROOT:-$root}/../shared/fixtures"
shared_report="$shared/moodle-csv/progress.collection_development_basics.csv"
shared_statement="$shared/xapi-moodle/course_completed.json"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin harvest-web

# check_shared FILE DESCRIPTION COMMAND...: as check, skipped when the shared fixture
# FILE is absent.
check_shared() {
    file=$1
    shift
    if [ -f "$file" ]; then
        check "$@"
    else
        number=$((number + 1))
        echo "ok $number # SKIP $1: the shared fixture is not at $file"
    fi
}

db="$work/demo.db"
"$certtrack" demo-data --db "$db" --programs "$programs" >/dev/null || exit 1
sql() { sqlite3 "$db" "$1"; }
e2e_serve "$db"

sign_in "$work/coordinator" coordinator@example.org >/dev/null
sign_in "$work/learner" staff@example.org >/dev/null
sign_in "$work/director" director@example.org >/dev/null
jar="$work/coordinator"

# token: the coordinator's CSRF token, from the harvest page.
token() {
    curl -s -b "$jar" "$base/harvest" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' |
        head -1
}

# post PATH FIELD=VALUE...: the fields (URL-encoded) and the CSRF token, as the
# coordinator; the page goes to $work/page, the answer's headers to $work/headers;
# prints the status.
post() {
    target=$1
    shift
    fields=$#
    while [ "$fields" -gt 0 ]; do
        set -- "$@" --data-urlencode "$1"
        shift
        fields=$((fields - 1))
    done
    curl -s -o "$work/page" -D "$work/headers" -w '%{http_code}' -b "$jar" \
        --data-urlencode "csrf_token=$(token)" "$@" "$base$target"
}

# upload FILE [SITE_ID]: the import form, multipart, as a browser sends it; prints the
# status (and the redirect's address after it).
upload() {
    curl -s -o "$work/page" -D "$work/headers" -w '%{http_code} %{redirect_url}' -b "$jar" \
        -F "csrf_token=$(token)" -F "site=${2:-$site}" -F "file=@$1;type=text/csv" \
        "$base/harvest/imports/new"
}

get() { # PATH [JAR]: prints the status; the page goes to $work/page
    curl -s -o "$work/page" -D "$work/headers" -w '%{http_code}' -b "${2:-$jar}" "$base$1"
}
has() { grep -qF -- "$1" "$work/page" || { echo "missing: $1"; return 1; }; }

echo "1..34"

# ---- who may ----

routes="GET /harvest
GET /harvest/sites/new
POST /harvest/sites/new
GET /harvest/sites/1
POST /harvest/sites/1/accounts
GET /harvest/sites/1/statements.csv
GET /harvest/imports
GET /harvest/imports/new
POST /harvest/imports/new
GET /harvest/imports/1
GET /harvest/imports/1.csv
GET /harvest/inbox
POST /harvest/inbox/accounts
POST /harvest/inbox/courses"

forbidden_to() { # JAR: every route answers 403, and changes nothing
    before=$(sql "SELECT (SELECT COUNT(*) FROM lms_sites) || (SELECT COUNT(*) FROM audit_log)")
    echo "$routes" | while read -r method path; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -b "$1" -X "$method" \
            --data-urlencode "url=https://evil.example.org" "$base$path")
        [ "$code" = 403 ] || { echo "$method $path: $code"; exit 1; }
    done || return 1
    [ "$(sql "SELECT (SELECT COUNT(*) FROM lms_sites) || (SELECT COUNT(*) FROM audit_log)")" = "$before" ]
}
check "every harvest route is 403 for a learner" forbidden_to "$work/learner"
check "every harvest route is 403 for a supervisor" forbidden_to "$work/director"
check "without a session, /harvest sends to the log-in page" sh -c "
    [ \"\$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' $base/harvest)\" = '303 $base/login' ]"

navigation() {
    [ "$(get /)" = 200 ] && has '<a href="/harvest" class="usa-nav-link"><span>Harvest</span></a>' &&
        [ "$(get / "$work/learner")" = 200 ] && ! grep -q 'href="/harvest"' "$work/page"
}
check "the coordinator's navigation links to Harvest, a learner's does not" navigation

empty_home() {
    [ "$(get /harvest)" = 200 ] && has '<h1>Harvest from the LMS</h1>' &&
        has 'No LMS site is registered yet.' && has 'No report has been imported yet.' &&
        has 'No xAPI statement waits in the <a href="/harvest/inbox">harvest inbox</a>.'
}
check "the harvest home says there is nothing yet" empty_home

# ---- sites ----

site_refused() {
    [ "$(post /harvest/sites/new url= time_zone=America/Chicago)" = 400 ] &&
        has 'id="url-error" role="alert">Enter the site' &&
        has '<option value="America/Chicago" selected="selected">' &&
        [ "$(post /harvest/sites/new url=https://learn.example.org time_zone=America/Denver \
            time_zone_other=America/Bozeman)" = 400 ] &&
        has 'id="time_zone_other-error" role="alert">No time zone' &&
        has 'value="America/Bozeman"' && has 'value="https://learn.example.org"' &&
        [ "$(post /harvest/sites/new url=learn.example.org time_zone=UTC)" = 400 ] &&
        has 'id="url-error" role="alert">Not a site address' &&
        [ "$(sql 'SELECT COUNT(*) FROM lms_sites')" = 0 ]
}
check "a refused site says what to fix at its field, keeps what was typed and adds nothing" \
    site_refused

site_added() {
    [ "$(post /harvest/sites/new url=https://learn.example.org/ time_zone=America/Denver)" = 200 ] &&
        has 'https://learn.example.org is registered, in the time zone America/Denver.' || return 1
    key=$(sed -n 's/.*<code id="xapi-key">\([^<]*\)<.*/\1/p' "$work/page")
    secret=$(sed -n 's/.*<code id="xapi-secret">\([^<]*\)<.*/\1/p' "$work/page")
    echo "$key" | grep -qE '^ct_[0-9a-f]{32}$' && echo "$secret" | grep -qE '^[0-9a-f]{64}$' &&
        [ "$(sql "SELECT COUNT(*) FROM lms_sites WHERE api_key = '$key' AND secret_hash <> '$secret'
            AND time_zone = 'America/Denver'")" = 1 ] &&
        [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'lms_sites' AND actor_id =
            (SELECT id FROM people WHERE email = 'coordinator@example.org')")" = 1 ] &&
        [ "$(get /harvest/sites/1)" = 200 ] && has "$key" && ! grep -q "$secret" "$work/page"
}
check "adding a site shows its key and its secret once; only a hash of the secret is kept" \
    site_added
site=$(sql "SELECT id FROM lms_sites WHERE url = 'https://learn.example.org'")

# The xAPI site of the shared statements (the fixture names http://www.example.org).
post /harvest/sites/new url=http://www.example.org time_zone=America/Denver >/dev/null
xapi_site=$(sql "SELECT id FROM lms_sites WHERE url = 'http://www.example.org'")
xapi_key=$(sed -n 's/.*<code id="xapi-key">\([^<]*\)<.*/\1/p' "$work/page")
xapi_secret=$(sed -n 's/.*<code id="xapi-secret">\([^<]*\)<.*/\1/p' "$work/page")

same_address() {
    [ "$(post /harvest/sites/new url=https://learn.example.org time_zone=UTC)" = 400 ] &&
        has 'id="url-error" role="alert">A site is registered at https://learn.example.org already' &&
        [ "$(sql 'SELECT COUNT(*) FROM lms_sites')" = 2 ]
}
check "the same address again is refused at its field" same_address

# ---- the catalog, for the reports ----

"$certtrack" catalog add --db "$db" --programs "$programs" --title "Weeding Well: quiz" \
    --kind course --credits 1 --category collection-management --lms-verifies \
    --course-url "https://learn.example.org/course/view.php?id=7" --lms-name "Weeding Well: Quiz" \
    --starts 2026-05-01 --ends 2026-05-31 >"$work/event" || exit 1
"$certtrack" catalog add --db "$db" --programs "$programs" \
    --title "Collection Development Basics" --kind course --credits 2 \
    --category collection-management --course-url "https://learn.example.org/course/view.php?id=12" \
    --lms-name "Collection Development Basics: Module 1 quiz" \
    --lms-name "Collection Development Basics: Final reflection" >/dev/null || exit 1

catalog_mappings() {
    for page in 1 2 3 4 5 6 7 8 9 10; do
        [ "$(get "/catalog?page=$page")" = 200 ] || return 1
        grep -qF 'course/view.php?id=12</a> (complete when every part is: Collection Development Basics: Final reflection; Collection Development Basics: Module 1 quiz)</li>' \
            "$work/page" && return 0
    done
    echo "the course's parts are on no page of the catalog"
    return 1
}
check "the catalog shows a course mapped by its parts, every one needed" catalog_mappings

# A report as Moodle writes it: a formula for a name, a comma and an apostrophe, an
# unmapped column.
report="$work/progress.weeding_well.csv"
cat >"$report" <<'CSV'
,"Email address","Weeding Well: Quiz","","Weeding Well: Survey",""
"Ada Lovelace","staff@example.org","Completed","2026-05-03 14:22:05","Completed","2026-05-04 10:00:00"
"=SUM(A1)","nobody@example.net","Completed","2026-05-05 10:00:00","Not completed",""
"O'Brien, Dana","director@example.org","Completed (achieved pass grade)","2026-05-06 23:30:00","Not completed",""
CSV

# ---- imports ----

import_form() {
    [ "$(get "/harvest/imports/new?site=$site")" = 200 ] &&
        has 'enctype="multipart/form-data"' && has "<option value=\"$site\" selected=\"selected\">" &&
        has '<input class="usa-file-input" id="file" name="file" required'
}
check "the import form offers the sites, the one asked for chosen, and a file field" import_form

imported() {
    answer=$(upload "$report")
    import=$(sql "SELECT MAX(id) FROM harvest_imports")
    echo "$answer"
    [ "$answer" = "303 $base/harvest/imports/$import?done=imported" ] &&
        [ "$(sql "SELECT i.imported_via || ' ' || p.email || ' ' || i.file_name || ' ' || i.rows_read
            || ' ' || i.created || ' ' || i.refused FROM harvest_imports i
            JOIN people p ON p.id = i.imported_by WHERE i.id = $import")" = \
            "web coordinator@example.org progress.weeding_well.csv 3 2 4" ] &&
        [ "$(sql "SELECT file_sha256 FROM harvest_imports WHERE id = $import")" = \
            "$(sha256sum "$report" | cut -d' ' -f1)" ] &&
        [ "$(sql "SELECT COUNT(*) FROM activities WHERE event_id = $(cat "$work/event")
            AND provenance = 'harvest' AND status = 'verified'")" = 2 ]
}
check "uploading a report imports it as the command line does, and goes to its page" imported
import=$(sql "SELECT MAX(id) FROM harvest_imports")
coordinator_name=$(sql "SELECT name FROM people WHERE email = 'coordinator@example.org'")

import_page() {
    [ "$(get "/harvest/imports/$import?done=imported")" = 200 ] &&
        has 'The report is imported. What became of each of its records is below.' &&
        has "<h1>Import $import: progress.weeding_well.csv</h1>" &&
        has "<dt>Rows read</dt><dd>3</dd>" && has "<dt>Created</dt><dd>2</dd>" &&
        has "<dt>Refused</dt><dd>4</dd>" && has '<li>not completed: 2</li>' &&
        has "$(sha256sum "$report" | cut -d' ' -f1)" && has 'O&#39;Brien, Dana' &&
        has '<td>unknown learner</td><td>=SUM(A1)<br>nobody@example.net</td>' &&
        has "<dt>By</dt><dd>$coordinator_name (web)</dd>"
}
check "the import's page shows its counts, its refusals by reason and every record" import_page

filtered() {
    [ "$(get "/harvest/imports/$import?outcome=created")" = 200 ] &&
        [ "$(grep -c '<td>created</td>' "$work/page")" = 2 ] &&
        ! grep -q '<td>refused</td>' "$work/page" &&
        has '<option value="created" selected="selected">created</option>' &&
        has 'Page 1 of 1 (2 records)' &&
        [ "$(get "/harvest/imports/$import?outcome=nonsense")" = 200 ] &&
        has 'Page 1 of 1 (6 records)'
}
check "the records filter by outcome (an unknown one shows them all)" filtered

import_csv() {
    [ "$(get "/harvest/imports/$import.csv")" = 200 ] &&
        grep -qi '^content-type: text/csv' "$work/headers" &&
        grep -qi "^content-disposition: attachment; filename=\"import-$import.csv\"" "$work/headers" &&
        [ "$(head -1 "$work/page")" = "$(printf '"line","outcome","reason","learner_email","learner_name","activity","completed","activity_id","column"\r')" ] &&
        [ "$(wc -l <"$work/page")" = 7 ] &&
        grep -qF "\"3\",\"refused\",\"unknown learner\",\"nobody@example.net\",\"'=SUM(A1)\",\"Weeding Well: Quiz\",\"2026-05-05 10:00:00\",\"\",\"3\"" "$work/page" &&
        grep -qF "\"O'Brien, Dana\"" "$work/page"
}
check "the import's CSV has every record, and a formula for a name is neutralised" import_csv

reimport() {
    before=$(sql "SELECT COUNT(*) FROM activities")
    upload "$report" >/dev/null
    again=$(sql "SELECT MAX(id) FROM harvest_imports")
    [ "$again" -gt "$import" ] && [ "$(sql "SELECT COUNT(*) FROM activities")" = "$before" ] &&
        [ "$(sql "SELECT created || ' ' || duplicates FROM harvest_imports WHERE id = $again")" = "0 2" ]
}
check "importing the same file again creates nothing new: two duplicates" reimport

not_a_report() {
    before=$(sql "SELECT COUNT(*) FROM harvest_imports")
    printf 'name,score\nAda,3\n' >"$work/scores.csv"
    [ "$(upload "$work/scores.csv")" = "400 " ] &&
        has 'id="file-error" role="alert">This file was not imported, and nothing of it was kept:' &&
        has "<option value=\"$site\" selected=\"selected\">" &&
        [ "$(sql "SELECT COUNT(*) FROM harvest_imports")" = "$before" ]
}
check "a file that is not a report is refused at the file field, and nothing is kept" not_a_report

no_file() {
    code=$(curl -s -o "$work/page" -w '%{http_code}' -b "$jar" -F "csrf_token=$(token)" \
        -F "site=$site" "$base/harvest/imports/new")
    [ "$code" = 400 ] && has 'id="file-error" role="alert">Choose the report file to upload.' &&
        [ "$(upload "$report" 999)" = "400 " ] &&
        has 'id="site-error" role="alert">Choose the site the report comes from.'
}
check "no file, or an unknown site, is refused at its field" no_file

no_token() {
    before=$(sql "SELECT COUNT(*) FROM harvest_imports")
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -F "site=$site" \
        -F "file=@$report;type=text/csv" "$base/harvest/imports/new")
    [ "$code" = 403 ] && [ "$(sql "SELECT COUNT(*) FROM harvest_imports")" = "$before" ]
}
check "an upload without the CSRF token is refused (403) and imports nothing" no_token

cut_short() {
    before=$(sql "SELECT COUNT(*) FROM harvest_imports")
    printf -- '--xyz\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n%s\r\n--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n,"Email address"' \
        "$(token)" >"$work/cut.txt"
    [ "$(curl -s -o "$work/page" -w '%{http_code}' -b "$jar" \
        -H 'Content-Type: multipart/form-data; boundary=xyz' --data-binary "@$work/cut.txt" \
        "$base/harvest/imports/new")" = 400 ] && has 'The upload is not well-formed.' &&
        [ "$(sql "SELECT COUNT(*) FROM harvest_imports")" = "$before" ]
}
check "a multipart body cut short is refused (400) and imports nothing" cut_short

large_report() {
    python3 - "$work/large.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(',"Email address","Weeding Well: Quiz",""\n')
    for i in range(20000):
        out.write(f'"Learner {i}","learner{i}@example.net","Completed","2026-05-07 08:00:00"\n')
PY
    size=$(wc -c <"$work/large.csv")
    [ "$size" -gt 1100000 ] || { echo "only $size bytes"; return 1; }
    answer=$(upload "$work/large.csv")
    large=$(sql "SELECT MAX(id) FROM harvest_imports")
    [ "$answer" = "303 $base/harvest/imports/$large?done=imported" ] &&
        [ "$(sql "SELECT rows_read || ' ' || refused FROM harvest_imports WHERE id = $large")" = "20000 20000" ] &&
        [ "$(get "/harvest/imports/$large?page=400")" = 200 ] && has 'Page 400 of 400 (20000 records)'
}
check "a generated report over 1 MiB is uploaded and imported (this route takes 64 MiB)" large_report

too_large() {
    head -c 68000000 /dev/zero >"$work/huge.csv"
    before=$(sql "SELECT COUNT(*) FROM harvest_imports")
    [ "$(upload "$work/huge.csv")" = "413 " ] &&
        has 'id="file-error" role="alert">The file is larger than 64 MiB' &&
        [ "$(sql "SELECT COUNT(*) FROM harvest_imports")" = "$before" ]
}
check "a file over 64 MiB is refused (413) at the file field" too_large
rm -f "$work/huge.csv"

other_routes_limited() {
    head -c 1100000 /dev/zero | tr '\0' a >"$work/big.csv"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -F "csrf_token=$(token)" \
        -F "file=@$work/big.csv" "$base/catalog/new")" = 413 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" --data-urlencode "csrf_token=$(token)" \
            --data-urlencode "file@$work/big.csv" "$base/harvest/imports/new")" = 413 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/learner" -F "file=@$work/big.csv" \
            "$base/harvest/imports/new")" = 413 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -F "file=@$work/big.csv" \
            "$base/harvest/imports/new")" = 413 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/learner" -F "file=@$report" \
            "$base/harvest/imports/new")" = 403 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -F "file=@$report" \
            "$base/harvest/imports/new")" = "303 $base/login" ]
}
check "every other route, a form that is not multipart, and anyone but a coordinator keep the 1 MiB limit" \
    other_routes_limited

shared_report() {
    answer=$(upload "$shared_report")
    shared=$(sql "SELECT MAX(id) FROM harvest_imports")
    [ "$answer" = "303 $base/harvest/imports/$shared?done=imported" ] &&
        [ "$(sql "SELECT rows_read || ' ' || created || ' ' || refused || ' ' || partial
            FROM harvest_imports WHERE id = $shared")" = "3 0 5 1" ] &&
        [ "$(get "/harvest/imports/$shared?outcome=refused")" = 200 ] &&
        has '<li>unknown learner: 3</li>' && has '<li>not completed: 2</li>'
}
check_shared "$shared_report" "the shared fixture report is uploaded and reconciled" shared_report

imports_list() {
    [ "$(get "/harvest/imports?site=$site")" = 200 ] && has '<h1>Report imports</h1>' &&
        has "<a href=\"/harvest/imports/$import\">progress.weeding_well.csv</a>" &&
        has "$(sha256sum "$report" | cut -c1-12)" && has "<td>$coordinator_name</td>" &&
        [ "$(get "/harvest/imports?site=$xapi_site")" = 200 ] && has 'Page 1 of 1 (0 imports)' &&
        [ "$(get /harvest)" = 200 ] && has 'progress.weeding_well.csv'
}
check "the imports are listed (by site too), and the latest on the harvest home" imports_list

# ---- xAPI statements and the inbox ----

# statement FILE ID ACCOUNT COURSE_ID: a completion by the account of a course of
# http://www.example.org.
statement() {
    cat >"$1" <<JSON
{"id": "$2", "actor": {"account": {"homePage": "http://www.example.org", "name": "$3"}},
 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
 "object": {"id": "http://www.example.org/course/view.php?id=$4", "objectType": "Activity",
 "definition": {"name": {"en": "Weeding Well, online"},
 "type": "https://w3id.org/xapi/cmi5/activitytype/course"}},
 "timestamp": "2026-06-10T21:30:00-06:00"}
JSON
}
send() { # FILE: posts it as the xAPI site; prints the status
    curl -s -o "$work/sent" -w '%{http_code}' -u "$xapi_key:$xapi_secret" \
        -H 'X-Experience-API-Version: 1.0.3' -H 'Content-Type: application/json' \
        --data-binary "@$1" "$base/xapi/statements"
}
# The shared statement when it is there (account "1", course id=2, no timestamp: the
# day it is received), else one like it.
if [ -f "$shared_statement" ]; then
    cp "$shared_statement" "$work/first.json"
else
    echo "# the shared statement is not at $shared_statement: a generated one is sent"
    statement "$work/first.json" 5d0c1e2a-1111-4a2b-8c3d-000000000001 1 2
fi
statement "$work/second.json" 5d0c1e2a-1111-4a2b-8c3d-000000000002 1 2
statement "$work/third.json" 5d0c1e2a-1111-4a2b-8c3d-000000000003 77 3

waiting() {
    [ "$(send "$work/first.json")" = 200 ] && [ "$(send "$work/second.json")" = 200 ] &&
        [ "$(send "$work/third.json")" = 200 ] &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements WHERE state = 'waiting'")" = 3 ] &&
        [ "$(get /harvest)" = 200 ] &&
        has '3 xAPI statements wait for an account link or a course mapping.'
}
check "statements of unlinked accounts about unmapped courses wait, and the home says so" waiting

inbox() {
    [ "$(get /harvest/inbox)" = 200 ] && has '<h1>Harvest inbox</h1>' &&
        has '<h3>Account 1 of http://www.example.org</h3>' &&
        has '2 statements waiting since' && has '<h3>Account 77 of http://www.example.org</h3>' &&
        has '<dt>Address</dt><dd>http://www.example.org/course/view.php?id=2</dd>' &&
        has '<dt>Address</dt><dd>http://www.example.org/course/view.php?id=3</dd>' &&
        has "<option value=\"$(cat "$work/event")\">Weeding Well: quiz (course, 2026-05-01)</option>"
}
check "the inbox groups them by unlinked account and by unmapped address" inbox

inbox_refused() {
    [ "$(post /harvest/inbox/accounts site="$xapi_site" account=1 email=nobody@example.net)" = 400 ] &&
        has 'The account was not linked: No person has this e-mail address.' &&
        has 'role="alert">No person has this e-mail address.</span>' &&
        has 'value="nobody@example.net"' &&
        [ "$(post /harvest/inbox/courses url=http://www.example.org/course/view.php?id=2 event=)" = 400 ] &&
        has 'role="alert">Choose the catalog event the course or activity counts for.</span>' &&
        [ "$(sql "SELECT COUNT(*) FROM lms_accounts") $(sql "SELECT COUNT(*) FROM xapi_statements WHERE state = 'waiting'")" = "0 3" ]
}
check "an unknown e-mail or no event is refused at that group's field, and nothing changes" \
    inbox_refused

inbox_link() {
    answer=$(post /harvest/inbox/accounts site="$xapi_site" account=1 email=STAFF@example.org)
    [ "$answer" = 303 ] &&
        grep -qi '^location: /harvest/inbox?done=account-linked&applied=0&credited=0' "$work/headers" &&
        [ "$(get '/harvest/inbox?done=account-linked&applied=0&credited=0')" = 200 ] &&
        has 'The account is linked. No waiting statement could be applied yet.' &&
        ! grep -q 'Account 1 of' "$work/page" &&
        [ "$(sql "SELECT p.email FROM lms_accounts a JOIN people p ON p.id = a.person_id
            WHERE a.name = '1'")" = staff@example.org ]
}
check "linking an account from the inbox says none could be applied while its course is unmapped" \
    inbox_link

inbox_map() {
    event=$(cat "$work/event")
    answer=$(post /harvest/inbox/courses url=http://www.example.org/course/view.php?id=2 event="$event")
    [ "$answer" = 303 ] &&
        grep -qi '^location: /harvest/inbox?done=course-mapped&applied=2&credited=2' "$work/headers" &&
        [ "$(get '/harvest/inbox?done=course-mapped&applied=2&credited=2')" = 200 ] &&
        has 'The address is mapped to the event: 2 waiting statements applied, 2 credited.' &&
        [ "$(sql "SELECT COUNT(*) FROM activities a JOIN people p ON p.id = a.person_id
            WHERE p.email = 'staff@example.org' AND a.event_id = $event
            AND a.provenance = 'harvest' AND a.status = 'verified'")" -ge 1 ] &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements WHERE state = 'credited'")" = 2 ]
}
check "mapping the course from the inbox credits what waited and says how many" inbox_map

site_link() {
    [ "$(post "/harvest/sites/$xapi_site/accounts" account=77 email=)" = 400 ] &&
        has 'id="email-error" role="alert">Enter the e-mail address' && has 'value="77"' &&
        [ "$(post "/harvest/sites/$xapi_site/accounts" account=1 email=director@example.org)" = 400 ] &&
        has 'id="account-error" role="alert">Account &quot;1&quot; is linked to person' &&
        [ "$(post "/harvest/sites/$xapi_site/accounts" account=77 email=ready@example.org)" = 303 ] &&
        grep -qi "^location: /harvest/sites/$xapi_site?done=account-linked&applied=0&credited=0" \
            "$work/headers"
}
check "the site's page links an account too, with its refusals at their fields" site_link

site_page() {
    [ "$(get "/harvest/sites/$xapi_site")" = 200 ] &&
        has '<h1>LMS site http://www.example.org</h1>' &&
        has '<dt>Received</dt><dd>3</dd>' && has '<dt>Waiting</dt><dd>1</dd>' &&
        [ "$(sql "SELECT COUNT(*) FROM xapi_statements WHERE state = 'credited' AND created = 1")" = \
            "$(sed -n 's|.*<dt>Credited (a new activity)</dt><dd>\([0-9]*\)</dd>.*|\1|p' "$work/page")" ] &&
        has '<td>77</td>' && has 'Page 1 of 1 (2 linked accounts)' &&
        [ "$(get "/harvest/sites/$xapi_site?accounts_sort=account&accounts_dir=desc")" = 200 ] &&
        [ "$(grep -o '<td>77</td>\|<td>1</td>' "$work/page" | head -1)" = '<td>77</td>' ]
}
check "the site's page reconciles its statements and lists its linked accounts" site_page

statements_csv() {
    [ "$(get "/harvest/sites/$xapi_site/statements.csv")" = 200 ] &&
        grep -qi '^content-type: text/csv' "$work/headers" &&
        [ "$(wc -l <"$work/page")" = 4 ] && grep -q '^"received_at","statement_id",' "$work/page" &&
        [ "$(grep -c '"credited"' "$work/page")" = 2 ] && [ "$(grep -c '"waiting"' "$work/page")" = 1 ]
}
check "the site's statements download as CSV, with what each did" statements_csv

not_found() {
    [ "$(get /harvest/sites/999)" = 404 ] && [ "$(get /harvest/imports/999)" = 404 ] &&
        [ "$(get /harvest/imports/999.csv)" = 404 ] &&
        [ "$(get /harvest/sites/999/statements.csv)" = 404 ]
}
check "an unknown site or import is a 404 page" not_found

check "the server logged no error" sh -c "! grep -q 'certtrack serve:' '$work/server.log'"
[ "$failed" = 0 ]
