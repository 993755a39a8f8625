#!/bin/sh
# End-to-end checks of the idle sign-out without JavaScript, as TAP: a server whose
# sessions end after 10 seconds without a request (CERTTRACK_SESSION_IDLE_SECONDS), curl as
# the client. Every signed-in page says the timeout in words and carries the seconds left;
# /session/stay answers them; a form sent after the session ended is kept (never its
# password or CSRF token) across the new sign-in, a failed attempt included, and shown
# once on /kept-form, in a form that sends it again.
# Usage: kept-form.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin kept-form

"$certtrack" demo-data --db "$work/demo.db" --programs "$programs" >/dev/null || exit 1
CERTTRACK_SESSION_IDLE_SECONDS=10
export CERTTRACK_SESSION_IDLE_SECONDS
e2e_serve "$work/demo.db"
jar="$work/jar"
q() { sqlite3 "$work/demo.db" "$1"; }
csrf_of() { sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }

echo "1..6"

refuses_a_bad_idle_time() {
    CERTTRACK_SESSION_IDLE_SECONDS=5 "$certtrack" serve --db "$work/demo.db" \
        --programs "$programs" --listen 127.0.0.1:1 2>"$work/err"
    [ $? -eq 2 ] && grep -q 'CERTTRACK_SESSION_IDLE_SECONDS must be a whole number' "$work/err"
}
check "serve refuses an idle time under 10 seconds" refuses_a_bad_idle_time

pages_tell_the_timeout() {
    [ "$(sign_in "$jar" staff@example.org)" = 303 ] || return 1
    curl -s -b "$jar" "$base/" >"$work/page.html"
    grep -q 'You will be signed out after 10 seconds without activity.' "$work/page.html" &&
        grep -q '<body data-session-seconds-left="[0-9]*" data-session-warn-after="0"' \
            "$work/page.html" &&
        grep -q 'role="alertdialog"' "$work/page.html" &&
        grep -q '<script src="/assets/session.js">' "$work/page.html" &&
        curl -s "$base/assets/session.js" | grep -q "fetch('/session/stay'"
}
check "a signed-in page says the timeout in words and carries the seconds left" \
    pages_tell_the_timeout

stay_signed_in() {
    token=$(csrf_of "$work/page.html")
    [ "$(curl -s -o "$work/stay" -w '%{http_code}' -b "$jar" -H 'Accept: application/json' \
        --data-urlencode "csrf_token=$token" "$base/session/stay")" = 200 ] &&
        grep -q '^{"seconds_left": [0-9]*}$' "$work/stay" &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H 'Accept: application/json' \
            --data-urlencode "csrf_token=not-it" "$base/session/stay")" = 403 ]
}
check "POST /session/stay answers the seconds left, and only with the CSRF token" stay_signed_in

form_is_kept() {
    curl -s -b "$jar" "$base/activities/new" >"$work/form.html"
    token=$(csrf_of "$work/form.html")
    sleep 11
    [ "$(curl -s -o "$work/kept.html" -w '%{http_code}' -b "$jar" -c "$jar" \
        --data-urlencode "csrf_token=$token" --data-urlencode 'title=Typed <before> the end' \
        --data-urlencode 'description=Two
lines' --data-urlencode 'password=not kept' "$base/activities/new")" = 401 ] || return 1
    grep -q 'What you typed is kept: sign in again to go back to it.' "$work/kept.html" &&
        grep -q 'certtrack_kept' "$jar" &&
        [ "$(q "SELECT COUNT(*) FROM kept_forms")" = 1 ] &&
        q "SELECT fields FROM kept_forms" | grep -q 'Typed <before> the end' &&
        ! q "SELECT fields FROM kept_forms" | grep -q 'not kept\|csrf_token'
}
check "a form sent after the session ended is kept, without its password or CSRF token" \
    form_is_kept

back_after_sign_in() {
    [ "$(sign_in "$jar" staff@example.org wrong-password)" = 401 ] || return 1
    curl -s -b "$jar" -c "$jar" "$base/login" >"$work/form.html"
    token=$(csrf_of "$work/form.html")
    [ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
        --data-urlencode "csrf_token=$token" --data-urlencode email=staff@example.org \
        --data-urlencode password=demo-password-1 "$base/login")" = "303 $base/kept-form" ] ||
        return 1
    curl -s -b "$jar" -c "$jar" "$base/kept-form" >"$work/back.html"
    grep -q '<dd class="kept-value">Typed &lt;before&gt; the end</dd>' "$work/back.html" &&
        grep -q '<form method="post" class="usa-form" action="/activities/new">' \
            "$work/back.html" &&
        grep -q 'name="title" value="Typed &lt;before&gt; the end"' "$work/back.html" &&
        [ "$(q "SELECT COUNT(*) FROM kept_forms")" = 0 ] &&
        curl -s -b "$jar" "$base/kept-form" | grep -q 'Nothing is kept for you any more'
}
check "after signing in (a failed attempt first), the person goes back to what they typed, once" \
    back_after_sign_in

sent_again() {
    token=$(csrf_of "$work/back.html")
    code=$(curl -s -o "$work/again.html" -w '%{http_code}' -b "$jar" \
        --data-urlencode "csrf_token=$token" --data-urlencode 'title=Typed <before> the end' \
        "$base/activities/new")
    [ "$code" != 401 ] && [ "$code" != 403 ] &&
        grep -q 'Typed &lt;before&gt; the end' "$work/again.html"
}
check "sent again, the form reaches its page with what was typed" sent_again

exit $failed
