#!/bin/sh
# End-to-end checks of mail, invitations and password resets, as TAP: a real SMTP server
# (Debian's python3-aiosmtpd, tests/e2e/smtp_server.py) on a free loopback port, the
# outbox flushed by `certtrack mail send` and by the server's background sender, and the
# links read from the mail that arrived.
# Usage: mail.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
. "$root/tests/e2e/http-lib.sh"
. "$root/tests/e2e/smtp-lib.sh"
smtp_require
smtp_begin mail

db="$work/ct.db"
ct() { "$certtrack" "$@" --db "$db" --programs "$programs"; }
# wait_mail N: waits up to 15 s for the Nth message to arrive.
wait_mail() {
    for _ in $(seq 150); do
        [ -f "$box/$(printf %04d "$1").eml" ] && return 0
        sleep 0.1
    done
    return 1
}
mail_file() { printf '%s/%04d.eml' "$box" "$1"; }
# The link in message N, at the test server's address (the public-url is the default).
mail_link() { read_mail "$(mail_file "$1")" link | sed "s|http://127.0.0.1:8080|$base|"; }
sql() { sqlite3 "$db" "$1"; }
# The page's form token.
form_token() { sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }
# set_password JAR LINK PASSWORD CONFIRMATION: GET the link's form, POST it; prints the status.
set_password() {
    curl -s -c "$1" -b "$1" -o "$work/form.html" "$2"
    token=$(echo "$2" | sed 's/.*token=//')
    curl -s -c "$1" -b "$1" -o "$work/post.html" -D "$work/post.headers" -w '%{http_code}' \
        --data-urlencode "csrf_token=$(form_token "$work/form.html")" \
        --data-urlencode "token=$token" --data-urlencode "password=$3" \
        --data-urlencode "confirmation=$4" "$base/account/password"
}
sign_in() {
    curl -s -c "$1" -b "$1" "$base/login" >"$work/login.html"
    curl -s -c "$1" -b "$1" -o /dev/null -w '%{http_code}' \
        --data-urlencode "csrf_token=$(form_token "$work/login.html")" \
        --data-urlencode "email=$2" --data-urlencode "password=$3" "$base/login"
}
# ask_reset EMAIL OUT: the reset form, then its POST; the page into OUT; prints the status.
ask_reset() {
    curl -s -c "$work/anon" -b "$work/anon" -o "$work/reset-form.html" "$base/password-reset"
    curl -s -c "$work/anon" -b "$work/anon" -o "$2" -w '%{http_code}' \
        --data-urlencode "csrf_token=$(form_token "$work/reset-form.html")" \
        --data-urlencode "email=$1" "$base/password-reset"
}
signed_in() { [ "$(curl -s -b "$1" -o /dev/null -w '%{http_code}' "$base/")" = 200 ]; }

echo "1..33"
ct init >/dev/null
check "user add makes the first coordinator and prints the invitation link" eval "
    '$certtrack' user add --db '$db' --programs '$programs' --email casey@example.gov \
        --name 'Casey Coordinator' --role ce-coordinator >'$work/add.out' &&
    grep -q '^http://127.0.0.1:8080/account/password?token=[A-Za-z0-9_-]\{43\}$' '$work/add.out'"
link=$(grep '^http' "$work/add.out")
check "a second user add for the same address is refused, naming the field" eval "
    ! '$certtrack' user add --db '$db' --programs '$programs' --email CASEY@example.gov \
        --name Casey --role learner 2>'$work/err' && grep -q 'email' '$work/err'"
check "without a relay the mail waits, and mail send says why (exit 1)" eval "
    '$certtrack' mail list --db '$db' --programs '$programs' | grep -q 'waiting.*casey@example.gov' &&
    ! '$certtrack' mail send --db '$db' --programs '$programs' 2>'$work/err' &&
    grep -q 'no relay is configured' '$work/err'"
check "only the link's hash is stored" eval "
    [ \"\$(sqlite3 '$db' \"SELECT count(*) FROM account_links WHERE token_hash LIKE '%$(echo "$link" | sed 's/.*token=//')%'\")\" = 0 ]"
ct config set mail-relay "smtp://127.0.0.1:$smtp_port" >/dev/null
ct config set mail-from certtrack@example.gov >/dev/null
ct config set mail-starttls optional >/dev/null
check "with the relay down, mail send fails (exit 1) and the message keeps the error" eval "
    ! '$certtrack' mail send --db '$db' --programs '$programs' >/dev/null 2>&1 &&
    '$certtrack' mail list --db '$db' --programs '$programs' | grep -q 'attempts 1.*onnect'"
message_id=$(sql "SELECT message_id FROM mail_outbox")
start_smtp
check "with the relay up, mail send sends it (exit 0)" eval "
    '$certtrack' mail send --db '$db' --programs '$programs' | grep -q '^1 sent, 0 failed'"
check "the message arrived once, to the person, with the Message-ID made at queueing" eval "
    [ \"\$(ls '$box' | grep -c 'eml\$')\" = 1 ] && grep -qx 'casey@example.gov' '$box/0001.rcpt' &&
    [ \"\$(read_mail '$(mail_file 1)' Message-ID)\" = '$message_id' ]"
check "the message is RFC 5322, from the issuer's name, with text and HTML alternatives in UTF-8" eval "
    f='$(mail_file 1)'
    grep -q '^Date: [A-Z][a-z][a-z], [0-9][0-9] [A-Z][a-z][a-z] 20[0-9][0-9] ..:..:.. +0000' \"\$f\" &&
    grep -q '^From: \"Montana State Library\" <certtrack@example.gov>' \"\$f\" &&
    grep -q '^To: casey@example.gov' \"\$f\" &&
    grep -q '^Subject: Your account for continuing education' \"\$f\" &&
    grep -q '^MIME-Version: 1.0' \"\$f\" && grep -q '^Content-Type: multipart/alternative' \"\$f\" &&
    grep -q '^Content-Type: text/plain; charset=UTF-8' \"\$f\" &&
    grep -q '^Content-Type: text/html; charset=UTF-8' \"\$f\" &&
    read_mail \"\$f\" html | grep -q '<a href=\"$link\">' && ! grep -q '^List-Unsubscribe' \"\$f\""
check "the mail carries the link user add printed" eval "
    [ \"\$(read_mail '$(mail_file 1)' link)\" = '$link' ]"
check "mail send again sends nothing more: the sent mail is marked sent, none is lost" eval "
    '$certtrack' mail send --db '$db' --programs '$programs' | grep -q '^0 sent, 0 failed' &&
    [ \"\$(ls '$box' | grep -c 'eml\$')\" = 1 ] &&
    [ \"\$(sqlite3 '$db' 'SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL')\" = 0 ] &&
    [ \"\$(sqlite3 '$db' 'SELECT attempts FROM mail_outbox')\" = 2 ]"

export CERTTRACK_MAIL_INTERVAL=1
e2e_serve "$db"
link=$(echo "$link" | sed "s|http://127.0.0.1:8080|$base|")
check "the invitation link shows the password form" eval "
    curl -s '$link' | grep -q 'Choose your password'"
status=$(set_password "$work/casey" "$link" password1234 password1234)
check "the refusal of a common password is a 400 that names the field" eval "
    [ '$status' = 400 ] && grep -q 'The password is too easy to guess' '$work/post.html' &&
    grep -q 'id=\"password-error\"' '$work/post.html'"
status=$(set_password "$work/casey" "$link" short short)
check "a password under 12 characters is refused" eval "
    [ '$status' = 400 ] && grep -q 'at least 12 characters' '$work/post.html'"
status=$(set_password "$work/casey" "$link" 'tall aspen reading room' 'tall aspen reading rooms')
check "a confirmation that differs is refused, naming its field" eval "
    [ '$status' = 400 ] && grep -q 'id=\"confirmation-error\"' '$work/post.html'"
status=$(set_password "$work/casey" "$link" 'tall aspen reading room' 'tall aspen reading room')
check "a good password is saved and the person is signed in" eval "
    [ '$status' = 303 ] && grep -qi '^set-cookie: certtrack_session=' '$work/post.headers' &&
    signed_in '$work/casey'"
check "the link works once: used again it is refused" eval "
    [ \"\$(curl -s -o '$work/again.html' -w '%{http_code}' '$link')\" = 410 ] &&
    grep -q 'used already' '$work/again.html'"
check "the new password signs in" eval "[ \"\$(sign_in '$work/casey2' casey@example.gov 'tall aspen reading room')\" = 303 ]"
check "the sign-in page offers 'Forgot your password?'" eval "
    curl -s '$base/login' | grep -q 'href=\"/password-reset\">Forgot your password?'"

known=$(ask_reset casey@example.gov "$work/known.html")
unknown=$(ask_reset nobody@example.gov "$work/unknown.html")
normal() { sed -e 's/value="[^"]*"//g' "$1"; }
check "a reset answers the same whether or not the address is known" eval "
    [ '$known' = 200 ] && [ '$unknown' = 200 ] &&
    [ \"\$(normal '$work/known.html')\" = \"\$(normal '$work/unknown.html')\" ] &&
    grep -q 'is on its way' '$work/known.html'"
check "the server's sender delivers the reset mail to the known address only" eval "
    wait_mail 2 && sleep 1.5 && [ \"\$(ls '$box' | grep -c 'eml\$')\" = 2 ] &&
    grep -qx 'casey@example.gov' '$box/0002.rcpt' &&
    read_mail '$(mail_file 2)' Subject | grep -q 'Choose a new password'"
reset_link=$(mail_link 2)
status=$(set_password "$work/fresh" "$reset_link" 'quiet river under pines' 'quiet river under pines')
check "the reset link sets the new password and signs in" eval "
    [ '$status' = 303 ] && signed_in '$work/fresh'"
check "the reset ended every other session of the person" eval "
    ! signed_in '$work/casey' && ! signed_in '$work/casey2'"
check "the old password no longer signs in, the new one does" eval "
    [ \"\$(sign_in '$work/old' casey@example.gov 'tall aspen reading room')\" = 401 ] &&
    [ \"\$(sign_in '$work/new' casey@example.gov 'quiet river under pines')\" = 303 ]"
check "POST /api/v1/password-reset answers 202 for any address" eval "
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d '{\"email\":\"casey@example.gov\"}' '$base/api/v1/password-reset')\" = 202 ] &&
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d '{\"email\":\"nobody@example.gov\"}' '$base/api/v1/password-reset')\" = 202 ]"
wait_mail 3
expired_link=$(mail_link 3)
sql "UPDATE account_links SET expires_at = '2000-01-01T00:00:00Z' WHERE used_at IS NULL"
check "an expired link is refused with its reason" eval "
    [ \"\$(curl -s -o '$work/expired.html' -w '%{http_code}' '$expired_link')\" = 410 ] &&
    grep -q 'has expired' '$work/expired.html'"
check "the settings page says how much mail waits and has been sent" eval "
    curl -s -b '$work/new' '$base/settings' | grep -q 'messages\? waits\? to be sent; [0-9]* sent'"

# Changing one's address: the link goes to the new address, the old one is told.
curl -s -b "$work/new" -o "$work/profile.html" "$base/profile"
status=$(curl -s -b "$work/new" -o /dev/null -w '%{http_code}' \
    --data-urlencode "csrf_token=$(form_token "$work/profile.html")" \
    --data-urlencode "action=email" --data-urlencode "new_email=casey.new@example.gov" \
    "$base/profile")
check "the profile asks for a new address and mails the link to it" eval "
    [ '$status' = 303 ] && wait_mail 4 && grep -qx 'casey.new@example.gov' '$box/0004.rcpt' &&
    read_mail '$(mail_file 4)' Subject | grep -q 'Confirm your new e-mail address'"
email_link=$(mail_link 4)
email_token=$(echo "$email_link" | sed 's/.*token=//')
curl -s -c "$work/anon2" -b "$work/anon2" -o "$work/email-form.html" "$email_link"
check "following the link shows the address it confirms and changes nothing yet" eval "
    grep -q '<strong>casey.new@example.gov</strong>' '$work/email-form.html' &&
    [ \"\$(sql \"SELECT email FROM people WHERE email_key = 'casey@example.gov'\")\" = casey@example.gov ]"
status=$(curl -s -c "$work/anon2" -b "$work/anon2" -o "$work/email-done.html" -w '%{http_code}' \
    --data-urlencode "csrf_token=$(form_token "$work/email-form.html")" \
    --data-urlencode "token=$email_token" "$base/account/email")
check "its form changes the address, and the old address is told by mail" eval "
    [ '$status' = 200 ] && grep -q 'Your e-mail address is changed' '$work/email-done.html' &&
    wait_mail 5 && grep -qx 'casey@example.gov' '$box/0005.rcpt' &&
    read_mail '$(mail_file 5)' Subject | grep -q 'Your e-mail address was changed'"
check "the new address signs in, the old one no longer does" eval "
    [ \"\$(sign_in '$work/newaddr' casey.new@example.gov 'quiet river under pines')\" = 303 ] &&
    [ \"\$(sign_in '$work/oldaddr' casey@example.gov 'quiet river under pines')\" = 401 ]"
check "the change link works once" eval "
    [ \"\$(curl -s -o '$work/email-again.html' -w '%{http_code}' '$email_link')\" = 410 ] &&
    grep -q 'used already' '$work/email-again.html'"
check "only the change link's hash is kept, and the change is audited" eval "
    [ \"\$(sql \"SELECT count(*) FROM account_links WHERE token_hash LIKE '%$email_token%'\")\" = 0 ] &&
    [ \"\$(sql \"SELECT count(*) FROM audit_log WHERE action = 'email-change'\")\" = 1 ]"
check "the audit trail is intact" ct audit verify
[ -n "${MAIL_DEBUG:-}" ] && cp -r "$work" /tmp/mail-debug
[ "$failed" = 0 ]
