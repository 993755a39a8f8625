#!/bin/sh
# End-to-end checks of the notices, as TAP: a demo database, the server on a free loopback
# port with its sender every second, a real SMTP server (tests/e2e/smtp_server.py) that
# can refuse an address or be slow to answer, and the people acting through the JSON API
# with their own tokens. Each notice arrives with its recipient, subject and links; two
# notices within the window arrive as one message; the daily digest waits for its hour;
# the one-click unsubscribe (RFC 8058) works without a session and refuses a wrong mac;
# an address the relay keeps refusing is marked; a server killed while it sends loses no
# message, and the message sent again carries the same Message-ID; one server at a time
# sends; `certtrack mail send` gathers too. The waiting of the window is shortened by
# moving the notices' times back in the database.
# Usage: notices.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
export CERTTRACK_MAIL_INTERVAL=1
. "$root/tests/e2e/http-lib.sh"
. "$root/tests/e2e/smtp-lib.sh"
smtp_require
smtp_begin notices

db="$work/demo.db"
ct() { "$certtrack" "$@" --db "$db" --programs "$programs"; }
sql() { sqlite3 "$db" "$1"; }
start_smtp

# wait_mails N: waits up to 20 s until N messages have arrived.
wait_mails() {
    for _ in $(seq 200); do
        [ "$(mail_count)" -ge "$1" ] && return 0
        sleep 0.1
    done
    return 1
}
# last_to ADDRESS: the newest message to the address.
last_to() { grep -lx "$1" "$box"/*.rcpt 2>/dev/null | sort | tail -1 | sed 's/rcpt$/eml/'; }
# count_to ADDRESS: how many messages went to the address.
count_to() { grep -lx "$1" "$box"/*.rcpt 2>/dev/null | wc -l; }
# wait_sql QUERY VALUE: waits up to 20 s until the query answers the value.
wait_sql() {
    for _ in $(seq 200); do
        [ "$(sql "$1")" = "$2" ] && return 0
        sleep 0.1
    done
    return 1
}
# age: every waiting notice made 11 minutes ago, past the window of 10.
age() {
    sql "UPDATE notices SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-11 minutes')
         WHERE outbox_id IS NULL AND skipped IS NULL"
}
person() { sql "SELECT id FROM people WHERE email = '$1'"; }
waiting_for() {
    sql "SELECT count(*) FROM notices WHERE outbox_id IS NULL AND skipped IS NULL
         AND person_id = $(person "$1")"
}

json() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$work/body" "$1"; }

echo "1..31"
"$certtrack" demo-data --db "$db" --programs "$programs" >/dev/null || exit 1
ct config set mail-relay "smtp://127.0.0.1:$smtp_port" >/dev/null
ct config set mail-from certtrack@example.gov >/dev/null
ct config set mail-starttls optional >/dev/null
e2e_serve "$db"
ct config set public-url "$base" >/dev/null

planner=$(new_token planner@example.org)
director=$(new_token director@example.org)
staff=$(new_token staff@example.org)
coordinator=$(new_token coordinator@example.org)
ready=$(new_token ready@example.org)
goal=$(sql "SELECT g.id FROM library_goals g JOIN strategic_plans s ON s.id = g.strategic_plan_id
            WHERE s.library_id = (SELECT library_id FROM people WHERE email = 'planner@example.org')
            ORDER BY g.id LIMIT 1")

# ---- two notices within the window: one message ----
api "$planner" POST /api/v1/me/plan/versions >/dev/null
api "$planner" POST /api/v1/me/plan/goals "{\"library_goal\": $goal, \"goal\": \"Run storytime at two sites\"}" >/dev/null
status=$(api "$planner" POST /api/v1/me/plan/submit)
version=$(json 'd["id"]')
api "$staff" POST /api/v1/me/activities \
    '{"kind": "course", "title": "Grant writing", "date": "2026-06-01", "category": "technology", "credits": 2}' >/dev/null
claim=$(json 'd["id"]')
check "a submitted plan and a claim each keep a notice for the director, in their transaction" eval "
    [ '$status' = 200 ] && [ \"\$(waiting_for director@example.org)\" = 2 ] &&
    [ \"\$(sql \"SELECT group_concat(kind, ' ') FROM (SELECT kind FROM notices ORDER BY id)\")\" = \
      'notice-plan-to-sign notice-claims-to-verify' ]"
sleep 2
check "nothing is sent while the oldest notice waits less than the window (10 minutes)" eval "
    [ \"\$(mail_count)\" = 0 ] && [ \"\$(waiting_for director@example.org)\" = 2 ]"
age
check "past the window, the two notices arrive as one message to the director" eval "
    wait_mails 1 && sleep 1.5 && [ \"\$(mail_count)\" = 1 ] &&
    grep -qx director@example.org '$box/0001.rcpt' &&
    [ \"\$(waiting_for director@example.org)\" = 0 ]"
f="$box/0001.eml"
planner_name=$(sql "SELECT name FROM people WHERE email = 'planner@example.org'")
staff_name=$(sql "SELECT name FROM people WHERE email = 'staff@example.org'")
check "its subject counts them and its body holds both, with links on the public URL" eval "
    read_mail '$f' Subject | grep -qx '2 notices from Montana State Library' &&
    read_mail '$f' body | grep -qx \"\\* $planner_name's learning plan waits for your signature\" &&
    read_mail '$f' body | grep -qx \"\\* $staff_name claims an activity for you to verify\" &&
    read_mail '$f' body | grep -qx '$base/plans' && read_mail '$f' body | grep -qx '$base/verify' &&
    read_mail '$f' body | grep -q 'claims \"Grant writing\" (2026-06-01)' &&
    ! grep -q '^List-Unsubscribe' '$f' && grep -q '^Auto-Submitted: auto-generated' '$f'"
check "the notices are marked with their one message" eval "
    [ \"\$(sql 'SELECT count(DISTINCT outbox_id) FROM notices WHERE outbox_id IS NOT NULL')\" = 1 ] &&
    [ \"\$(sql \"SELECT kind FROM mail_outbox WHERE id = (SELECT outbox_id FROM notices LIMIT 1)\")\" = notices ]"

# ---- the plan returned, then signed; the claim rejected ----
api "$director" POST "/api/v1/plans/$version/return" '{"comment": "Tie the goal to the second site"}' >/dev/null
age
check "a returned plan: the learner is told, with the comment and the link to the plan" eval "
    wait_mails 2 && f=\$(last_to planner@example.org) && [ -n \"\$f\" ] &&
    read_mail \"\$f\" Subject | grep -qx 'Your learning plan is returned' &&
    read_mail \"\$f\" body | grep -qx 'Tie the goal to the second site' &&
    read_mail \"\$f\" body | grep -qx '$base/plan'"
check "a message of one kind of notice carries the one-click unsubscribe of that kind" eval "
    f=\$(last_to planner@example.org) &&
    read_mail \"\$f\" List-Unsubscribe | grep -q '^<$base/unsubscribe?person=$(person planner@example.org)&kind=notice-plan-returned&mac=[0-9a-f]\{32\}>\$' &&
    read_mail \"\$f\" List-Unsubscribe-Post | grep -qx 'List-Unsubscribe=One-Click'"
api "$planner" POST /api/v1/me/plan/versions >/dev/null
api "$planner" POST /api/v1/me/plan/goals "{\"library_goal\": $goal, \"goal\": \"Storytime at both sites\"}" >/dev/null
api "$planner" POST /api/v1/me/plan/submit >/dev/null
version=$(json 'd["id"]')
api "$planner" POST /api/v1/me/plan/sign >/dev/null
age
wait_mails 3
api "$director" POST "/api/v1/plans/$version/sign" >/dev/null
api "$director" POST /api/v1/verifications "{\"action\": \"reject\", \"activities\": [$claim], \"reason\": \"No certificate of attendance\"}" >/dev/null
age
check "a signed plan: the learner is told it is approved, with the link" eval "
    wait_mails 5 && f=\$(last_to planner@example.org) &&
    read_mail \"\$f\" Subject | grep -qx 'Your learning plan is signed for your library' &&
    read_mail \"\$f\" body | grep -q 'it is approved' && read_mail \"\$f\" body | grep -qx '$base/plan'"
check "a rejected claim: the learner is told, with the reason" eval "
    f=\$(last_to staff@example.org) && [ -n \"\$f\" ] &&
    read_mail \"\$f\" Subject | grep -qx 'A claim of yours is rejected' &&
    read_mail \"\$f\" body | grep -q 'Your claim \"Grant writing\" (2026-06-01) is rejected' &&
    read_mail \"\$f\" body | grep -qx 'No certificate of attendance' &&
    read_mail \"\$f\" body | grep -qx '$base/'"

# ---- the one-click unsubscribe ----
f=$(last_to staff@example.org)
address=$(read_mail "$f" List-Unsubscribe | sed 's/^<\(.*\)>$/\1/')
wrong=$(echo "$address" | sed 's/mac=\(.\)/mac=0\1/; s/mac=\(.\{32\}\).*/mac=\1/')
[ "$wrong" = "$address" ] && wrong=$(echo "$address" | sed 's/mac=./mac=f/')
audit_before=$(sql 'SELECT count(*) FROM audit_log')
status=$(curl -s -o "$work/wrong.html" -w '%{http_code}' -d 'List-Unsubscribe=One-Click' "$wrong")
check "a POST with a wrong mac is refused (403) and changes nothing" eval "
    [ '$status' = 403 ] && [ \"\$(sql 'SELECT count(*) FROM notice_opt_outs')\" = 0 ] &&
    [ \"\$(sql 'SELECT count(*) FROM audit_log')\" = '$audit_before' ]"
status=$(curl -s -o "$work/page.html" -w '%{http_code}' "$address")
check "the address opens a page with one button, and changes nothing" eval "
    [ '$status' = 200 ] && grep -q 'A claim of yours is rejected' '$work/page.html' &&
    grep -q 'List-Unsubscribe' '$work/page.html' &&
    [ \"\$(grep -c '<button' '$work/page.html')\" -ge 1 ] &&
    [ \"\$(sql 'SELECT count(*) FROM notice_opt_outs')\" = 0 ]"
status=$(curl -s -o "$work/done.html" -w '%{http_code}' -d 'List-Unsubscribe=One-Click' "$address")
check "the one-click POST, with no cookie and no form token, turns that kind off, audited as the person" eval "
    [ '$status' = 200 ] && grep -q 'no more of this kind of mail' '$work/done.html' &&
    [ \"\$(sql \"SELECT kind || ' ' || how FROM notice_opt_outs WHERE person_id = $(person staff@example.org)\")\" = \
      'notice-claims-rejected unsubscribe' ] &&
    [ \"\$(sql \"SELECT actor_id || ' ' || entity || ' ' || action FROM audit_log ORDER BY id DESC LIMIT 1\")\" = \
      '$(person staff@example.org) notice_opt_outs turn-off' ]"
api "$staff" POST /api/v1/me/activities \
    '{"kind": "course", "title": "Weeding", "date": "2026-06-02", "category": "technology", "credits": 1}' >/dev/null
claim=$(json 'd["id"]')
api "$director" POST /api/v1/verifications "{\"action\": \"reject\", \"activities\": [$claim], \"reason\": \"Twice\"}" >/dev/null
check "after it, a claim rejected keeps no notice for that person; the director's kind still comes" eval "
    [ \"\$(waiting_for staff@example.org)\" = 0 ] && [ \"\$(waiting_for director@example.org)\" = 1 ]"
age
wait_mails 6

# ---- the daily digest ----
status=$(api "$planner" PUT /api/v1/me/notices '{"delivery": "daily", "off": []}')
check "PUT /api/v1/me/notices chooses the daily digest" eval "
    [ '$status' = 200 ] && [ \"\$(json 'd[\"delivery\"]')\" = daily ] &&
    [ \"\$(sql \"SELECT delivery FROM notice_settings WHERE person_id = $(person planner@example.org)\")\" = daily ]"
digest=$(date -d '+2 minutes' +%H:%M)
ct config set notice-digest-time "$digest" >/dev/null
api "$planner" POST /api/v1/me/report '{"text": "What I learned", "action": "submit"}' >/dev/null
report_track=$(json 'd["track"]')
api "$coordinator" POST "/api/v1/tracks/$report_track/report/return" '{"comment": "Say how it served the library"}' >/dev/null
sent_before=$(count_to planner@example.org)
age
sleep 2.5
check "a submitted final report tells the CE coordinators; a daily learner's notice waits for the digest" eval "
    [ \"\$(sql \"SELECT count(*) FROM notices WHERE kind = 'notice-report-submitted'\")\" = 3 ] &&
    [ \"\$(waiting_for planner@example.org)\" = 1 ] &&
    [ \"\$(count_to planner@example.org)\" = '$sent_before' ]"
sql "UPDATE notices SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 day')
     WHERE outbox_id IS NULL AND skipped IS NULL AND person_id = $(person planner@example.org)"
check "once its digest time has passed, the digest arrives, with the comment" eval "
    wait_sql \"SELECT count(*) FROM notices WHERE outbox_id IS NULL AND person_id = $(person planner@example.org)\" 0 &&
    sleep 1 && f=\$(last_to planner@example.org) &&
    read_mail \"\$f\" Subject | grep -qx 'Your final report is returned' &&
    read_mail \"\$f\" body | grep -qx 'Say how it served the library' &&
    read_mail \"\$f\" body | grep -qx '$base/report'"
api "$planner" PUT /api/v1/me/notices '{"delivery": "gathered"}' >/dev/null
api "$planner" POST /api/v1/me/report '{"text": "What I learned, for the library", "action": "submit"}' >/dev/null
api "$coordinator" POST "/api/v1/tracks/$report_track/report/accept" >/dev/null
age
check "an accepted final report: the learner is told" eval "
    wait_sql \"SELECT count(*) FROM notices WHERE outbox_id IS NULL AND skipped IS NULL AND person_id = $(person planner@example.org)\" 0 &&
    sleep 1 && f=\$(last_to planner@example.org) &&
    read_mail \"\$f\" Subject | grep -qx 'Your final report is accepted'"
age
wait_sql "SELECT count(*) FROM notices WHERE outbox_id IS NULL AND skipped IS NULL" 0

# ---- the track returned, sent again, and awarded ----
track=$(sql "SELECT t.id FROM tracks t JOIN people p ON p.id = t.person_id
             WHERE p.email = 'ready@example.org' AND t.state = 'submitted'")
api "$coordinator" POST "/api/v1/tracks/$track/return" '{"comment": "Check the dates"}' >/dev/null
age
check "a returned track: the learner is told, with the comment" eval "
    wait_sql \"SELECT count(*) FROM notices WHERE outbox_id IS NULL AND skipped IS NULL\" 0 &&
    sleep 1 && f=\$(last_to ready@example.org) &&
    read_mail \"\$f\" Subject | grep -qx 'Your track is returned' &&
    read_mail \"\$f\" body | grep -qx 'Check the dates'"
api "$ready" POST /api/v1/me/track/submit >/dev/null
age
check "a track sent for the award: each CE coordinator is told, with the link to the review" eval "
    wait_sql \"SELECT count(*) FROM notices WHERE outbox_id IS NULL AND skipped IS NULL\" 0 &&
    sleep 1 && f=\$(last_to coordinator@example.org) &&
    read_mail \"\$f\" Subject | grep -q 'sends a .* track for the award' &&
    read_mail \"\$f\" body | grep -qx '$base/review' &&
    [ \"\$(sql \"SELECT count(DISTINCT person_id) FROM notices WHERE kind = 'notice-track-submitted'\")\" = 3 ]"

# ---- an address the relay puts off, then one it keeps refusing ----
echo director@example.org >"$box/defer"
api "$staff" POST /api/v1/me/activities \
    '{"kind": "course", "title": "Deferred", "date": "2026-06-03", "category": "technology", "credits": 1}' >/dev/null
age
check "a 451 at RCPT TO is tried again later: the message waits, with the relay's reply" eval "
    wait_sql \"SELECT count(*) FROM mail_outbox WHERE recipient = 'director@example.org' AND sent_at IS NULL AND refused_at IS NULL AND attempts >= 1 AND last_error LIKE '%451%'\" 1 &&
    [ \"\$(sql \"SELECT count(*) FROM mail_address_refusals\")\" = 0 ]"
rm -f "$box/defer"
sql "UPDATE mail_outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE sent_at IS NULL AND refused_at IS NULL"
wait_sql "SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL" 0

echo director@example.org >"$box/refuse"
for title in One Two Three; do
    api "$staff" POST /api/v1/me/activities \
        "{\"kind\": \"course\", \"title\": \"$title\", \"date\": \"2026-06-03\", \"category\": \"technology\", \"credits\": 1}" >/dev/null
    age
    wait_sql "SELECT count(*) FROM mail_outbox WHERE recipient = 'director@example.org' AND refused_at IS NOT NULL" \
        "$(( $(sql "SELECT count(*) FROM mail_outbox WHERE recipient = 'director@example.org' AND refused_at IS NOT NULL") + 1 ))"
done
check "a 550 at RCPT TO marks the message refused, with the relay's reply, not tried again" eval "
    [ \"\$(sql \"SELECT count(*) FROM mail_outbox WHERE recipient = 'director@example.org' AND refused_at IS NOT NULL AND attempts = 1 AND last_error LIKE '%550%'\")\" = 3 ] &&
    ct mail list --all | grep -q 'refused.*director@example.org'"
check "at the third refusal the address is marked, and the settings page and mail list say so" eval "
    [ \"\$(sql \"SELECT refusals FROM mail_address_refusals WHERE address = 'director@example.org' AND marked_at IS NOT NULL\")\" = 3 ] &&
    ct mail list | grep -q '^marked address.director@example.org.refused 3 times' &&
    sign_in '$work/coordinator-jar' coordinator@example.org &&
    curl -s -b '$work/coordinator-jar' '$base/settings' | grep -q 'Addresses the relay refused'"
api "$staff" POST /api/v1/me/activities \
    '{"kind": "course", "title": "Four", "date": "2026-06-03", "category": "technology", "credits": 1}' >/dev/null
check "no notice is kept for a marked address" eval "[ \"\$(waiting_for director@example.org)\" = 0 ]"
rm -f "$box/refuse"

# ---- one server at a time ----
second_port=$(free_port)
"$certtrack" serve --db "$db" --programs "$programs" --listen "127.0.0.1:$second_port" \
    >"$work/second.log" 2>&1 &
second_pid=$!
sleep 3
check "a second server on the database does not send: the first holds the lease" eval "
    grep -q 'another server sends the mail' '$work/second.log' &&
    grep -q 'this server sends the mail' '$work/server.log' &&
    [ \"\$(sql \"SELECT count(*) FROM job_leases WHERE job = 'mail'\")\" = 1 ]"
kill "$second_pid" && wait "$second_pid" 2>/dev/null
second_pid=""

# ---- kill -9 while the sender sends ----
echo ready@example.org >"$box/slow"
echo 60 >"$box/slow-seconds"
before=$(mail_count)
api "$coordinator" POST "/api/v1/tracks/$track/award" >/dev/null
certificate=$(json 'd["certificate"]["id"]')
code=$(json 'd["certificate"]["verification_code"]')
age
wait_mails $((before + 1))
sleep 0.5
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null
server_pid=""
first="$box/$(printf %04d $((before + 1))).eml"
check "killed while the relay had not answered: the message is kept, not marked sent" eval "
    grep -qx ready@example.org \"\$(echo '$first' | sed 's/eml\$/rcpt/')\" &&
    [ \"\$(sql \"SELECT count(*) FROM mail_outbox WHERE recipient = 'ready@example.org' AND sent_at IS NULL\")\" = 1 ]"
rm -f "$box/slow"
# Five minutes pass: the dead server's claim on the message and its lease lapse.
sql "UPDATE mail_outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE sent_at IS NULL AND refused_at IS NULL"
sql "UPDATE job_leases SET until = '2000-01-01T00:00:00Z'"
e2e_serve "$db"
check "the server started again sends it again, with the same Message-ID, and marks it sent" eval "
    wait_mails $((before + 2)) && again=\"$box/\$(printf %04d $((before + 2))).eml\" &&
    [ \"\$(read_mail '$first' Message-ID)\" = \"\$(read_mail \"\$again\" Message-ID)\" ] &&
    wait_sql \"SELECT count(*) FROM mail_outbox WHERE recipient = 'ready@example.org' AND sent_at IS NULL\" 0"
f="$box/$(printf %04d $((before + 2))).eml"
old_base=$(echo "$address" | sed 's|/unsubscribe.*||')
check "a certificate awarded: the learner gets the links to its PDF, its credential and its public check" eval "
    read_mail '$f' Subject | grep -q '^You are awarded your .* certificate\$' &&
    read_mail '$f' body | grep -qx '$old_base/certificates/$certificate/certificate.pdf' &&
    read_mail '$f' body | grep -qx '$old_base/certificates/$certificate/credential.jwt' &&
    read_mail '$f' body | grep -qx '$old_base/verify/$code' &&
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' '$base/verify/$code')\" = 200 ]"

# ---- the choices page and certtrack mail send ----
sign_in "$work/staff-jar" staff@example.org >/dev/null
check "the choices page shows the kind turned off, unchecked, and says what cannot be turned off" eval "
    curl -s -b '$work/staff-jar' '$base/profile/notices' >'$work/choices.html' &&
    grep -q 'id=\"on-notice-claims-to-verify\" name=\"on-notice-claims-to-verify\" checked' '$work/choices.html' &&
    ! grep -q 'id=\"on-notice-claims-rejected\" name=\"on-notice-claims-rejected\" checked' '$work/choices.html' &&
    grep -q 'cannot be turned off' '$work/choices.html' &&
    curl -s -b '$work/staff-jar' '$base/profile' | grep -q 'href=\"/profile/notices\"'"
kill "$server_pid" && wait "$server_pid" 2>/dev/null
server_pid=""
check "with the server stopped, the lease is given up" eval "[ \"\$(sql 'SELECT count(*) FROM job_leases')\" = 0 ]"
sql "INSERT INTO notices (person_id, kind, subject, body, created_at)
     VALUES ($(person consultant@example.org), 'notice-plan-signed', 'A notice made for the test',
             'A test notice.', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-11 minutes'))"
check "certtrack mail send gathers the due notices, then sends them" eval "
    ct mail send >'$work/send.out' 2>&1 && grep -q '^1 notices gathered into 1 messages' '$work/send.out' &&
    grep -q '^1 sent, 0 failed' '$work/send.out' &&
    read_mail \"\$(last_to consultant@example.org)\" Subject | grep -qx 'A notice made for the test'"
check "the audit trail is intact" ct audit verify
[ -n "${NOTICES_DEBUG:-}" ] && cp -r "$work" /tmp/notices-debug
[ "$failed" = 0 ]
