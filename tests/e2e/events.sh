#!/bin/sh
# End-to-end checks of events over real HTTP, as TAP, on a fresh demo database: the
# coordinator adds an event with a host and one seat; a learner registers from the
# catalog, a second is refused (full); the host records attendance on the roster twice
# and one verified activity follows. Anyone, signed in or not, reads the calendar page and
# its iCalendar feed; the coordinator edits the event and withdraws it after a
# confirmation page: it leaves the calendar, the feed marks it cancelled, registration is
# refused and the attendance recorded stays. The host uploads a roster CSV: a file with a
# line at fault records nothing and names the line; a good one credits each attendee once
# (a walk-in registered), and uploading it again credits nothing new.
# Usage: events.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin events

"$certtrack" demo-data --db "$work/demo.db" --programs "$programs" >/dev/null || exit 1
e2e_serve "$work/demo.db"

db() { sqlite3 "$work/demo.db" "$1"; }

# post JAR PAGE TARGET FIELD=VALUE...: the CSRF token from PAGE, then the POST to TARGET;
# the answer goes to $work/body; prints the status.
post() {
    jar=$1
    token=$(curl -s -b "$jar" "$base$2" |
        sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    target=$3
    shift 3
    fields=$#
    while [ "$fields" -gt 0 ]; do
        set -- "$@" --data-urlencode "$1"
        shift
        fields=$((fields - 1))
    done
    curl -s -o "$work/body" -w '%{http_code}' -b "$jar" --data-urlencode "csrf_token=$token" \
        "$@" "$base$target"
}

echo "1..11"
for who in coordinator staff planner director; do
    sign_in "$work/$who" "$who@example.org" >/dev/null
done

add_event() {
    got=$(post "$work/coordinator" /catalog/new /catalog/new "title=Story Time Skills" \
        kind=workshop starts=2026-06-15 sponsor=MSL credits=2 category=technology \
        place=Helena capacity=1 host=director@example.org)
    [ "$got" = 303 ] || { echo "POST /catalog/new: $got"; return 1; }
    event=$(db "SELECT id FROM events WHERE title = 'Story Time Skills' AND capacity = 1 AND
        host_id = (SELECT id FROM people WHERE email = 'director@example.org')")
    [ -n "$event" ]
}
check "the coordinator adds an event with a place, one seat and a host" add_event
event=$(db "SELECT id FROM events WHERE title = 'Story Time Skills'")

bad_event() {
    got=$(post "$work/coordinator" /catalog/new /catalog/new "title=Bad" kind=workshop \
        starts=2026-06-15 sponsor=MSL credits=2 category=technology capacity=many \
        host=nobody@example.org)
    [ "$got" = 400 ] && grep -q 'id="capacity-error"\|Enter how many may register' "$work/body" &&
        grep -q 'No one has this e-mail address' "$work/body"
}
check "a bad capacity and an unknown host are named at their fields" bad_event

register() {
    got=$(post "$work/staff" /catalog "/catalog/events/$event/register")
    [ "$got" = 303 ] || { echo "register: $got"; return 1; }
    curl -s -b "$work/staff" "$base/catalog?registered=1" | grep -q 'You are registered' &&
        [ "$(post "$work/staff" /catalog "/catalog/events/$event/register")" = 409 ] &&
        grep -q 'registered for this event already' "$work/body" &&
        [ "$(post "$work/planner" /catalog "/catalog/events/$event/register")" = 409 ] &&
        grep -q 'This event is full' "$work/body" &&
        [ "$(db "SELECT COUNT(*) FROM audit_log WHERE entity = 'event_registrations' AND
            action = 'register'")" = 1 ]
}
check "a learner registers from the catalog; twice, or a second person when full, is refused" \
    register

roster_once() {
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/planner" \
        "$base/catalog/events/$event/roster")" = 403 ] || return 1
    curl -s -b "$work/director" "$base/catalog/events/$event/roster" >"$work/roster.html"
    grep -q 'staff@example.org' "$work/roster.html" || return 1
    reg=$(db "SELECT id FROM event_registrations WHERE event_id = $event")
    for _ in 1 2; do
        got=$(post "$work/director" "/catalog/events/$event/roster" \
            "/catalog/events/$event/roster" "attended-$reg=1")
        [ "$got" = 303 ] || { echo "roster: $got"; return 1; }
    done
    [ "$(db "SELECT COUNT(*) FROM activities WHERE event_id = $event AND status = 'verified'
        AND status_by = (SELECT id FROM people WHERE email = 'director@example.org')")" = 1 ] &&
        [ "$(db "SELECT attended FROM event_registrations WHERE id = $reg")" = 1 ] &&
        curl -s -b "$work/director" "$base/catalog/events/$event/roster" |
        grep -q 'Attended (recorded)'
}
check "the host records attendance twice: one verified activity, verified by the host" roster_once

cancel_after_attendance() {
    [ "$(post "$work/staff" /catalog "/catalog/events/$event/cancel")" = 409 ]
}
check "an attendance recorded keeps the registration" cancel_after_attendance

calendar_page() {
    got=$(curl -s -o "$work/calendar.html" -w '%{http_code}' "$base/calendar")
    [ "$got" = 200 ] || { echo "GET /calendar: $got"; return 1; }
    grep -q 'Story Time Skills' "$work/calendar.html" && grep -q 'Helena' "$work/calendar.html" &&
        grep -q '2 credits in Technology (Workshop)' "$work/calendar.html" &&
        grep -q 'href="/login">Sign in to register' "$work/calendar.html" &&
        grep -q 'href="/calendar.ics"' "$work/calendar.html" &&
        ! grep -q 'Collection Development Basics' "$work/calendar.html" &&
        curl -s "$base/login" | grep -q 'href="/calendar"'
}
check "anyone reads the calendar of upcoming events, linked from the sign-in page" calendar_page

# feed: the calendar feed without signing in, unfolded (RFC 5545 lines), into $work/feed.
feed() {
    curl -s -D "$work/feed.headers" "$base/calendar.ics" | tr -d '\r' |
        awk 'NR > 1 && /^ / { line = line substr($0, 2); next } NR > 1 { print line }
            { line = $0 } END { print line }' >"$work/feed"
}

calendar_feed() {
    feed
    grep -qi '^content-type: text/calendar; charset=utf-8' "$work/feed.headers" &&
        [ "$(head -1 "$work/feed")" = BEGIN:VCALENDAR ] && grep -qx 'VERSION:2.0' "$work/feed" &&
        grep -q '^PRODID:-//certtrack//' "$work/feed" &&
        awk -v uid="UID:event-$event@127.0.0.1" '$0 == uid { found = 1 }
            found && /^END:VEVENT/ { exit }
            found { print }' "$work/feed" >"$work/vevent" &&
        grep -qx 'DTSTART;VALUE=DATE:20260615' "$work/vevent" &&
        grep -qx 'DTEND;VALUE=DATE:20260616' "$work/vevent" &&
        grep -qx 'SUMMARY:Story Time Skills' "$work/vevent" &&
        grep -qx 'LOCATION:Helena' "$work/vevent" && grep -qx 'STATUS:CONFIRMED' "$work/vevent" &&
        grep -q '^DTSTAMP:2' "$work/vevent" &&
        grep -q '^DESCRIPTION:2 credits in Technology (Workshop)' "$work/vevent" &&
        [ "$(grep -c '^BEGIN:VEVENT' "$work/feed")" = "$(db "SELECT COUNT(*) FROM events WHERE
            ends >= '2026-06-15'")" ]
}
check "anyone reads the iCalendar feed: one all-day VEVENT per upcoming event" calendar_feed

edit_event() {
    curl -s -b "$work/coordinator" "$base/catalog/events/$event/edit" |
        grep -q 'value="Story Time Skills"' || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/planner" \
        "$base/catalog/events/$event/edit")" = 403 ] || return 1
    got=$(post "$work/coordinator" "/catalog/events/$event/edit" "/catalog/events/$event/edit" \
        "title=Story Time Skills" kind=workshop starts=2026-06-15 ends=2026-06-16 sponsor=MSL \
        credits=two category=technology place=Helena capacity=1 host=director@example.org)
    [ "$got" = 400 ] && grep -q 'id="credits-error"' "$work/body" || { echo "bad: $got"; return 1; }
    got=$(post "$work/coordinator" "/catalog/events/$event/edit" "/catalog/events/$event/edit" \
        "title=Story Time Skills" kind=workshop starts=2026-06-15 ends=2026-06-16 sponsor=MSL \
        credits=2.5 category=technology place="Helena, Room 2" capacity=1 \
        host=director@example.org)
    [ "$got" = 303 ] || { echo "edit: $got"; return 1; }
    [ "$(db "SELECT ends || ' ' || credit_halves || ' ' || place FROM events WHERE
        id = $event")" = "2026-06-16 5 Helena, Room 2" ] &&
        [ "$(db "SELECT COUNT(*) FROM audit_log WHERE entity = 'events' AND action = 'edit'")" = 1 ]
}
check "the coordinator edits the event; a bad field is named and nothing saved" edit_event

withdraw_event() {
    curl -s -b "$work/coordinator" "$base/catalog/events/$event/withdraw" >"$work/confirm.html"
    keep=$(grep -n 'Keep the event' "$work/confirm.html" | cut -d: -f1)
    go=$(grep -n 'Withdraw the event' "$work/confirm.html" | cut -d: -f1)
    [ -n "$keep" ] && [ -n "$go" ] && [ "$keep" -le "$go" ] &&
        grep -q 'leaves the public calendar' "$work/confirm.html" || return 1
    [ "$(db "SELECT COUNT(*) FROM events WHERE withdrawn_at IS NOT NULL")" = 0 ] || return 1
    got=$(post "$work/coordinator" "/catalog/events/$event/withdraw" \
        "/catalog/events/$event/withdraw")
    [ "$got" = 303 ] || { echo "withdraw: $got"; return 1; }
    [ "$(db "SELECT COUNT(*) FROM events WHERE id = $event AND withdrawn_at IS NOT NULL")" = 1 ] &&
        ! curl -s "$base/calendar" | grep -q 'Story Time Skills' && feed &&
        grep -A8 -x "UID:event-$event@127.0.0.1" "$work/feed" | grep -qx 'STATUS:CANCELLED' &&
        db "UPDATE events SET capacity = NULL WHERE id = $event" &&
        [ "$(post "$work/planner" /catalog "/catalog/events/$event/register")" = 409 ] &&
        grep -q 'The event is withdrawn' "$work/body" &&
        [ "$(db "SELECT COUNT(*) FROM activities WHERE event_id = $event")" = 1 ] &&
        [ "$(db "SELECT attended FROM event_registrations WHERE event_id = $event")" = 1 ]
}
check "withdrawing after a confirmation: off the calendar, cancelled in the feed, attendance kept" \
    withdraw_event

# upload JAR EVENT FILE: the roster's CSRF token, then the CSV upload; the answer goes to
# $work/body; prints the status.
upload() {
    token=$(curl -s -b "$1" "$base/catalog/events/$2/roster" |
        sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    curl -s -o "$work/body" -w '%{http_code}' -b "$1" -F "csrf_token=$token" \
        -F "file=@$3;type=text/csv" "$base/catalog/events/$2/roster/upload"
}

got=$(post "$work/coordinator" /catalog/new /catalog/new "title=Roster Upload Day" \
    kind=workshop starts=2026-06-15 sponsor=MSL credits=1 category=technology \
    host=director@example.org)
second=$(db "SELECT id FROM events WHERE title = 'Roster Upload Day'")
post "$work/planner" /catalog "/catalog/events/$second/register" >/dev/null

roster_bad_file() {
    printf 'email,name\nplanner@example.org,P\nnobody@example.org,N\n,Empty\n' >"$work/bad.csv"
    printf 'name\nplanner@example.org\n' >"$work/nocolumn.csv"
    audit=$(db "SELECT COUNT(*) FROM audit_log")
    [ "$(upload "$work/director" "$second" "$work/bad.csv")" = 400 ] &&
        grep -q 'Nothing was recorded' "$work/body" &&
        grep -q '<td>3</td><td>nobody@example.org</td><td></td><td>At fault: No one has' \
            "$work/body" &&
        grep -q '<td>4</td><td></td><td></td><td>At fault: The line gives no e-mail' "$work/body" &&
        [ "$(upload "$work/director" "$second" "$work/nocolumn.csv")" = 400 ] &&
        grep -q 'must name an' "$work/body" &&
        [ "$(upload "$work/planner" "$second" "$work/bad.csv")" = 403 ] &&
        [ "$(db "SELECT COUNT(*) FROM audit_log")" = "$audit" ]
}
check "a roster file with lines at fault records nothing and names each line" roster_bad_file

roster_upload_once() {
    printf 'Email\nplanner@example.org\nstaff@example.org\nPLANNER@example.org\n' >"$work/good.csv"
    [ "$(upload "$work/director" "$second" "$work/good.csv")" = 200 ] &&
        grep -q '2 newly recorded, 2 credited' "$work/body" &&
        grep -q 'registered by this file' "$work/body" &&
        grep -q 'On an earlier line' "$work/body" || return 1
    [ "$(upload "$work/coordinator" "$second" "$work/good.csv")" = 200 ] &&
        grep -q '0 newly recorded, 0 credited' "$work/body" &&
        grep -q 'Recorded already' "$work/body" &&
        [ "$(db "SELECT COUNT(*) FROM activities WHERE event_id = $second AND
            status = 'verified'")" = 2 ] &&
        [ "$(db "SELECT COUNT(*) FROM event_registrations WHERE event_id = $second AND
            attended = 1")" = 2 ]
}
check "a roster file credits each attendee once; uploading it again credits nothing" \
    roster_upload_once

exit $failed
