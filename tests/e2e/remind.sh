#!/bin/sh
# End-to-end checks of the daily reminders, as TAP: a small state (two libraries, their
# directors and board chairs, a staff learner near her deadline with credits about to
# expire, a claim waiting for verification, a CE coordinator) reminded by
# `certtrack remind` on two days, the outbox flushed by `certtrack mail send` to a real
# SMTP server (Debian's python3-aiosmtpd, tests/e2e/smtp_server.py), and each message
# read as it arrived: recipient, subject, links, List-Unsubscribe. A second run on a day
# queues nothing; a reminder turned off by its one-click unsubscribe stops; the new
# director's letter is a PDF; the server's own scheduler runs a day once, of two servers.
# Usage: remind.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
. "$root/tests/e2e/http-lib.sh"
. "$root/tests/e2e/smtp-lib.sh"
smtp_require
if ! command -v sqlite3 >/dev/null; then
    echo "1..0 # SKIP the sqlite3 shell is not installed (scripts/install-deps test)"
    exit 0
fi
smtp_begin remind

db="$work/ct.db"
ct() { "$certtrack" "$@" --db "$db" --programs "$programs"; }
sql() { sqlite3 "$db" "$1"; }
start_smtp
mails() { ls "$box" | grep -c 'eml$'; }
# mail_to ADDRESS WORDS: the message to ADDRESS whose subject holds WORDS (a grep pattern).
mail_to() {
    for f in "$box"/*.eml; do
        grep -qx "$1" "${f%.eml}.rcpt" || continue
        read_mail "$f" Subject | grep -q "$2" && echo "$f" && return 0
    done
    return 1
}
# unsubscribable FILE KIND: the message carries the RFC 8058 one-click unsubscribe of KIND.
unsubscribable() {
    read_mail "$1" List-Unsubscribe |
        grep -q "^<http://127.0.0.1:8080/unsubscribe?person=[0-9]*&kind=$2&mac=[0-9a-f]*>\$" &&
        [ "$(read_mail "$1" List-Unsubscribe-Post)" = "List-Unsubscribe=One-Click" ]
}
body_has() { read_mail "$1" body | grep -q "$2"; }

echo "1..29"
ct init >/dev/null
ct config set mail-relay "smtp://127.0.0.1:$smtp_port" >/dev/null
ct config set mail-from certtrack@example.gov >/dev/null
ct config set mail-starttls optional >/dev/null
a=$(ct library add --name "Bitterroot Public Library" --city Hamilton)
b=$(ct library add --name "Glacier County Library" --city "Cut Bank")
person() { ct person add "$@" | sed -n "s/^Person \([0-9]*\): .*/\1/p"; }
dana=$(person --name "Dana Director" --email dana@example.org --library "$a" --position staff \
    --role learner:2026-05-20 --role supervisor:2026-05-20 --role library-administrator:2026-05-20)
chris=$(person --name "Chris Chair" --email chris@example.org --library "$a" --position trustee \
    --role learner:2019-01-01 --role supervisor:2019-01-01)
sam=$(person --name "Sam Staff" --email sam@example.org --library "$a" --position staff \
    --role learner:2021-01-01)
olive=$(person --name "Olive Older" --email olive@example.org --library "$b" --position staff \
    --role learner:2022-09-01 --role supervisor:2022-09-01 --role library-administrator:2022-09-01)
tom=$(person --name "Tom Trustee" --email tom@example.org --library "$b" --position trustee \
    --role learner:2018-01-01 --role supervisor:2018-01-01)
casey=$(person --name "Casey Coordinator" --email casey@example.gov --role ce-coordinator)
ct officers --library "$a" --director "$dana" --chair "$chris" >/dev/null
ct officers --library "$b" --director "$olive" --chair "$tom" >/dev/null
# Sam's staff track is due on 2026-07-01; her 20 credits of 2022-07-10 stop counting on
# 2026-07-10; her claim of 2026-04-01 waits for Dana, her director.
ct track enrol --person "$sam" --program msl-staff --start 2022-07-01 >/dev/null
sql "INSERT INTO activities (person_id, record_key, kind, title, date, credit_halves, category,
       status, provenance, created_at) VALUES
     ($sam, 'old', 'course', 'Reference interview', '2022-07-10', 40, 'public-services',
      'verified', 'claim', '2022-07-11T09:00:00Z'),
     ($sam, 'new', 'workshop', 'Collection weeding', '2026-03-20', 6, 'collection-management',
      'pending', 'claim', '2026-04-01T09:00:00Z')"

check "the setup: two libraries with officers, a track, a claim waiting" eval "
    [ -n '$olive' ] && [ -n '$casey' ] &&
    [ \"\$(sql \"SELECT verifier_id FROM people WHERE id = $sam\")\" = '$dana' ]"
ct remind --as-of 2026-05-15 --dry-run >"$work/dry.out"
check "--dry-run prints what it would send and queues nothing" eval "
    grep -q '^would queue	$sam	sam@example.org	reminder-deadline	1	Your certification deadline is in 3 months (2026-07-01)\$' '$work/dry.out' &&
    grep -q '^2026-05-15: 6 messages would be queued (6 reminders), 0 skipped' '$work/dry.out' &&
    [ \"\$(sql 'SELECT count(*) FROM mail_outbox')\" = 0 ] &&
    [ \"\$(sql 'SELECT count(*) FROM reminders_sent')\" = 0 ] &&
    [ \"\$(sql 'SELECT count(*) FROM job_runs')\" = 0 ]"
ct remind --as-of 2026-05-15 >"$work/first.out"
check "remind queues one message per person and kind, and says so" eval "
    grep -q '^2026-05-15: 6 messages queued (6 reminders), 0 skipped; 1 open tracks and 2 libraries read\$' '$work/first.out' &&
    [ \"\$(grep -c '^queued	' '$work/first.out')\" = 6 ] &&
    [ \"\$(sql 'SELECT count(*) FROM mail_outbox')\" = 6 ]"
ct remind --as-of 2026-05-15 >"$work/again.out"
check "remind run again on the day queues nothing twice" eval "
    grep -q '^2026-05-15: 0 messages queued (0 reminders), 0 skipped' '$work/again.out' &&
    [ \"\$(sql 'SELECT count(*) FROM mail_outbox')\" = 6 ] &&
    [ \"\$(sql \"SELECT queued FROM job_runs WHERE job = 'remind' AND on_day = '2026-05-15'\")\" = 6 ]"
check "mail send delivers the six reminders" eval "
    ct mail send | grep -q '^6 sent, 0 failed' && [ \"\$(mails)\" = 6 ]"

f=$(mail_to sam@example.org 'deadline is in 3 months')
check "Sam: her deadline in 3 months, what still blocks it, her progress link, one-click unsubscribe" eval "
    [ -n '$f' ] && body_has '$f' 'MSL Certification for Library Staff must be complete by 2026-07-01: in 3 months.' &&
    body_has '$f' '  - 40 more credits are needed.' &&
    body_has '$f' '  - 5 more credits are needed in Library Administration.' &&
    body_has '$f' '^http://127.0.0.1:8080/\$' && unsubscribable '$f' reminder-deadline"
f=$(mail_to sam@example.org 'expire within 90 days')
check "Sam: 20 credits stop counting on 2026-07-10, the total falls from 20 to 0" eval "
    [ -n '$f' ] && body_has '$f' 'On 2026-07-10, 20 of your counted credits for MSL Certification for Library Staff stop counting:' &&
    body_has '$f' 'fall from 20 to 0' && unsubscribable '$f' reminder-expiry"
f=$(mail_to dana@example.org 'more than 30 days: 1')
check "Dana: the claim that waited more than 30 days, with the link to verify it" eval "
    [ -n '$f' ] && body_has '$f' 'Sam Staff: Collection weeding (2026-03-20), claimed on 2026-04-01, 44 days ago' &&
    body_has '$f' 'To verify or reject them: http://127.0.0.1:8080/verify' &&
    unsubscribable '$f' reminder-claims-waiting"
f=$(mail_to olive@example.org 'Director certification: Olive Older, Glacier County Library, by 2026-09-01')
check "Olive: her certification deadline as director, in 6 months, and the state aid it decides" eval "
    [ -n '$f' ] && body_has '$f' '2026-09-01: in 6 months' && body_has '$f' 'state aid' &&
    unsubscribable '$f' reminder-director-deadline"
f=$(mail_to tom@example.org 'Director certification: Olive Older')
check "Tom, the board chair: his director's deadline" eval "
    [ -n '$f' ] && body_has '$f' 'Olive Older, the director of Glacier County Library, must hold' &&
    body_has '$f' 'As the chair of the library' && unsubscribable '$f' reminder-director-deadline"
f=$(mail_to casey@example.gov 'Director certification')
check "Casey, the coordinator: the directors listed, with the link to each" eval "
    [ -n '$f' ] && body_has '$f' \"  - Olive Older, Glacier County Library: by 2026-09-01 (in 6 months) http://127.0.0.1:8080/people/$olive\" &&
    unsubscribable '$f' reminder-director-deadline"
check "nobody else got mail, and no letter went out before the new director was hired" eval "
    ! mail_to chris@example.org . && ! mail_to dana@example.org 'required by' &&
    [ \"\$(sql \"SELECT count(*) FROM mail_outbox WHERE kind = 'letter-new-director'\")\" = 0 ]"

# Sam turns her deadline reminders off by the one-click unsubscribe of that message: a
# POST with no cookie and no form token (RFC 8058) to the server, reached on its own port.
e2e_serve "$db"
f=$(mail_to sam@example.org 'deadline is in 3 months')
address=$(read_mail "$f" List-Unsubscribe | sed "s|^<http://127.0.0.1:8080\(.*\)>\$|$base\1|")
status=$(curl -s -o "$work/unsubscribed.html" -w '%{http_code}' -d 'List-Unsubscribe=One-Click' "$address")
check "Sam's one-click POST turns her deadline reminders off, audited as her" eval "
    [ '$status' = 200 ] && grep -q 'no more of this kind of mail' '$work/unsubscribed.html' &&
    [ \"\$(sql \"SELECT kind || ' ' || how FROM notice_opt_outs WHERE person_id = $sam\")\" = \
      'reminder-deadline unsubscribe' ] &&
    [ \"\$(sql \"SELECT actor_id || ' ' || action FROM audit_log ORDER BY id DESC LIMIT 1\")\" = '$sam turn-off' ]"
kill "$server_pid" && wait "$server_pid" 2>/dev/null
server_pid=""
ct remind --as-of 2026-06-15 >"$work/second.out"
check "a month later: seven messages; Sam's deadline reminder, turned off, is skipped" eval "
    grep -q '^2026-06-15: 7 messages queued (7 reminders), 1 skipped' '$work/second.out' &&
    grep -q '^skipped (turned off)	$sam	sam@example.org	reminder-deadline	1	' '$work/second.out' &&
    [ \"\$(sql \"SELECT count(*) FROM reminders_sent WHERE person_id = $sam AND kind = 'reminder-deadline'\")\" = 1 ]"
check "run again, it queues nothing twice" eval "
    ct remind --as-of 2026-06-15 | grep -q '^2026-06-15: 0 messages queued (0 reminders), 1 skipped'"
check "mail send delivers the seven" eval "
    ct mail send | grep -q '^7 sent, 0 failed' && [ \"\$(mails)\" = 13 ]"
check "Sam got no second deadline reminder once she turned it off, but her 30-day expiry" eval "
    ! mail_to sam@example.org 'deadline is in 1 month' &&
    f=\$(mail_to sam@example.org 'expire within 30 days') && body_has \"\$f\" 'On 2026-07-10, 20'"
f=$(mail_to dana@example.org 'required by 2030-05-20')
check "Dana, hired on 2026-05-20: the new director's letter, with the day and the PDF's link" eval "
    [ -n '$f' ] && body_has '$f' 'Welcome, as the director of Bitterroot Public Library since 2026-05-20.' &&
    body_has '$f' 'Dana Director must be certified by 2030-05-20.' &&
    body_has '$f' \"^http://127.0.0.1:8080/people/$dana/new-director-letter.pdf\\\$\" &&
    [ -z \"\$(read_mail '$f' List-Unsubscribe)\" ]"
f=$(mail_to chris@example.org 'required by 2030-05-20')
check "Chris, the board chair: the same letter" eval "
    [ -n '$f' ] && body_has '$f' 'Montana State Library welcomes Dana Director' &&
    body_has '$f' \"new-director-letter.pdf\""
f=$(mail_to casey@example.gov 'more than 60 days: 1')
check "Casey: the claim that waited more than 60 days, with the learner's link" eval "
    [ -n '$f' ] && body_has '$f' 'Sam Staff: Collection weeding (2026-03-20), claimed on 2026-04-01, 75 days ago' &&
    body_has '$f' \"http://127.0.0.1:8080/people/$sam\" && unsubscribable '$f' reminder-claims-waiting"
check "Olive, Tom and Casey: the director's deadline again, now in 3 months" eval "
    mail_to olive@example.org 'by 2026-09-01' >/dev/null &&
    [ \"\$(for f in '$box'/*.eml; do read_mail \"\$f\" body; done | grep -c '2026-09-01.*in 3 months')\" = 3 ]"
check "Dana was not told again of the claim she was told of" eval "
    [ \"\$(grep -lx dana@example.org '$box'/*.rcpt | wc -l)\" = 2 ]"

ct letter new-director --person dana@example.org --out "$work/letter.pdf" --as-of 2026-07-01
check "letter new-director writes the PDF, dated the day its mail went" eval "
    head -c 5 '$work/letter.pdf' | grep -q '%PDF-' &&
    pdftotext '$work/letter.pdf' - | tr '\n' ' ' | grep -q 'June 15, 2026' &&
    pdftotext '$work/letter.pdf' - | tr '\n' ' ' | grep -q 'Dana Director must be certified by May 20, 2030'"
check "letter new-director refuses a person who directs no library (exit 2)" eval "
    ct letter new-director --person sam@example.org --out '$work/no.pdf' 2>'$work/err'
    [ \$? = 2 ] && grep -q 'is not the director of an open library' '$work/err' && [ ! -f '$work/no.pdf' ]"
check "remind refuses a bad day and an unknown option (exit 2)" eval "
    ! ct remind --as-of 2026-13-01 2>/dev/null && ct remind --as-of 2026-13-01 2>&1 | grep -q 'as-of' &&
    { ct remind --now >/dev/null 2>&1; [ \$? = 2 ]; }"
# The server's own scheduler: with reminder-time set, two servers on the database, on
# 2026-08-01 (Olive's deadline a month ahead). One of them runs the day's reminders, once.
ct config set reminder-time 00:00 >/dev/null
export CERTTRACK_TODAY=2026-08-01 CERTTRACK_REMIND_INTERVAL=1 CERTTRACK_MAIL_INTERVAL=1
e2e_serve "$db"
second_port=$(free_port)
"$certtrack" serve --db "$db" --programs "$programs" --listen "127.0.0.1:$second_port" \
    >"$work/second.log" 2>&1 &
second_pid=$!
for _ in $(seq 150); do
    [ "$(sql "SELECT count(*) FROM job_runs WHERE on_day = '2026-08-01' AND finished_at IS NOT NULL")" = 1 ] &&
        [ "$(mails)" -ge 16 ] && break
    sleep 0.2
done
sleep 2 # a few more rounds of both servers: nobody runs the day again
kill "$second_pid" && wait "$second_pid" 2>/dev/null
kill "$server_pid" && wait "$server_pid" 2>/dev/null
server_pid=""
unset CERTTRACK_TODAY CERTTRACK_REMIND_INTERVAL CERTTRACK_MAIL_INTERVAL
check "with reminder-time set, one of two servers runs the day's reminders, once" eval "
    [ \"\$(cat '$work/server.log' '$work/second.log' | grep -c '^certtrack: remind: 2026-08-01: 3 messages queued (3 reminders)')\" = 1 ] &&
    [ \"\$(cat '$work/server.log' '$work/second.log' | grep -c '^certtrack: remind: ')\" = 1 ] &&
    [ \"\$(sql \"SELECT queued FROM job_runs WHERE job = 'remind' AND on_day = '2026-08-01'\")\" = 3 ]"
check "and its sender delivers them: Olive, Tom and Casey, her deadline in a month" eval "
    [ \"\$(mails)\" = 16 ] && f=\$(mail_to olive@example.org 'by 2026-09-01') &&
    [ \"\$(for f in '$box'/*.eml; do read_mail \"\$f\" body; done | grep -c '2026-09-01.*in 1 month')\" = 3 ]"
check "remind by hand that day queues nothing more" eval "
    ct remind --as-of 2026-08-01 | grep -q '^2026-08-01: 0 messages queued'"
check "the audit trail is intact" ct audit verify
[ -n "${REMIND_DEBUG:-}" ] && cp -r "$work" /tmp/remind-debug
[ "$failed" = 0 ]
