#!/bin/sh
# End-to-end checks of `certtrack serve` over real HTTP, as TAP: a fresh demo database,
# the server on a free loopback port, and curl as the client.
# Usage: server.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin server

"$certtrack" demo-data --db "$work/demo.db" --programs "$programs" >/dev/null || exit 1
e2e_serve "$work/demo.db"

# status METHOD PATH [curl options...]: prints the HTTP status code.
status() {
    method=$1
    path=$2
    shift 2
    curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$method" "$@" "$base$path"
}

# post JAR PAGE_PATH POST_PATH FIELD=VALUE...: reads the CSRF token from PAGE_PATH, then
# posts the fields to POST_PATH; prints the status.
post() {
    jar=$1
    token=$(curl -s -b "$jar" "$base$2" |
        sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    target=$3
    shift 3
    # Each field becomes --data-urlencode FIELD, spaces and all.
    fields=$#
    while [ "$fields" -gt 0 ]; do
        set -- "$@" --data-urlencode "$1"
        shift
        fields=$((fields - 1))
    done
    curl -s -o "$work/post.html" -w '%{http_code}' -b "$jar" --data-urlencode "csrf_token=$token" \
        "$@" "$base$target"
}

echo "1..52"
check "GET /healthz answers 200 ok" sh -c "[ \"\$(curl -s $base/healthz)\" = ok ]"
check "every response carries the security headers" sh -c "
    curl -s -D - -o /dev/null $base/healthz >$work/h &&
    grep -qi \"^content-security-policy: .*frame-ancestors 'none'\" $work/h &&
    grep -qi '^x-content-type-options: nosniff' $work/h && grep -qi '^referrer-policy:' $work/h &&
    ! grep -qi \"content-security-policy:.*unsafe-inline\" $work/h"
built_in_assets() {
    curl -s -D "$work/asset-headers" -o "$work/uswds.css" "$base/assets/uswds/css/uswds.min.css" &&
        grep -qi '^content-type: text/css' "$work/asset-headers" &&
        grep -qi '^cache-control: public, max-age=86400' "$work/asset-headers" &&
        grep -q 'usa-button' "$work/uswds.css" &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/assets/uswds/fonts/source-sans-pro/sourcesanspro-regular-webfont.woff2")" = 200 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "$base/assets/../meson.build")" = 404 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/assets/app.css")" = 404 ]
}
check "the design system is served from the binary, and nothing else under /assets/" built_in_assets
check "a page needs a session: / redirects to /login" \
    sh -c "[ \"\$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' $base/)\" = '303 $base/login' ]"
check "an unknown address is a 404 page" sh -c "[ \"\$(curl -s -o $work/404 -w '%{http_code}' $base/nowhere)\" = 404 ] && grep -q 'Page not found' $work/404"
check "the API answers JSON 401 without a session" sh -c "
    [ \"\$(curl -s -o $work/api -w '%{http_code}' $base/api/v1/me/progress)\" = 401 ] &&
    grep -q '\"code\":\"unauthenticated\"' $work/api"

same_message() {
    sign_in "$work/a" nobody@example.org demo-password-1 >/dev/null
    cp "$work/body" "$work/unknown.html"
    sign_in "$work/b" staff@example.org wrong-password-9 >/dev/null
    grep -q 'is not right' "$work/unknown.html" && grep -q 'is not right' "$work/body" &&
        [ "$(grep -c 'is not right' "$work/unknown.html")" = "$(grep -c 'is not right' "$work/body")" ]
}
check "unknown account and wrong password get the same message" same_message

# The README's log-ins, one of each role: each signs in and reaches a page of its own.
every_readme_log_in() {
    for who in coordinator director staff planner ready consultant trustee; do
        [ "$(sign_in "$work/$who-in" "$who@example.org" demo-password-1)" = 303 ] || return 1
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/$who-in" "$base/")" = 200 ] ||
            return 1
    done
}
check "every log-in the README names signs in" every_readme_log_in

signed_in_dashboard() {
    [ "$(sign_in "$work/staff" STAFF@example.org demo-password-1)" = 303 ] || return 1
    page=$(curl -s -b "$work/staff" "$base/")
    echo "$page" | grep -q 'Your progress' && echo "$page" | grep -q 'Strategic Track' &&
        echo "$page" | grep -q '<dt>Started</dt><dd>2025-06-15</dd>' &&
        echo "$page" | grep -q 'More credits are needed. <a href="/activities/new">Claim an activity</a></li>' &&
        echo "$page" | grep -q 'has not been submitted. <a href="/report">Write your final report</a></li>' &&
        echo "$page" | grep -q '<dt>Self-directed</dt><dd>20 of at most 20</dd>' &&
        echo "$page" | grep -q '<td data-label="Activity">Cybersecurity at the Circulation Desk</td><td data-label="Date">2026-06-03</td><td data-label="Kind">Webinar</td><td data-label="Category">Technology</td><td data-label="Status">pending</td><td data-label="Worth" class="number">1.5</td><td data-label="Counted" class="number">0</td><td data-label="Why">It is waiting for verification.<form method="post" class="claim-withdraw"'

}
check "staff@ signs in (e-mail in any case) and sees the dashboard, each activity by its title" \
    signed_in_dashboard
check "the session cookie is HttpOnly and SameSite=Lax" sh -c "
    curl -s -c $work/c -b $work/c $base/login >$work/f &&
    tok=\$(sed -n 's/.*name=\"csrf_token\" value=\"\\([0-9a-f]*\\)\".*/\\1/p' $work/f | head -1) &&
    curl -s -D - -o /dev/null -b $work/c --data-urlencode csrf_token=\$tok \
        --data-urlencode email=director@example.org --data-urlencode password=demo-password-1 \
        $base/login | grep -i '^set-cookie: certtrack_session=' | grep -i httponly | grep -qi 'samesite=lax'"
check "GET /api/v1/me/progress gives the evaluate JSON" sh -c "
    curl -s -b $work/staff $base/api/v1/me/progress | grep -q '\"program\": \"msl-strategic\"'"
check "a learner may not see another person's progress" sh -c "
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' -b $work/staff $base/api/v1/people/1/progress)\" = 403 ]"

director_sees_staff() {
    sign_in "$work/director" director@example.org demo-password-1 >/dev/null
    staff_id=$(sqlite3 "$work/demo.db" "SELECT id FROM people WHERE email = 'staff@example.org'")
    curl -s -b "$work/director" "$base/api/v1/people/$staff_id/progress?as_of=2026-06-01" |
        grep -q '"as_of": "2026-06-01"'
}
check "the director sees their staff member's progress, as of a day" director_sees_staff
check "sign-out without the CSRF token is refused" sh -c "
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' -b $work/staff -X POST $base/logout)\" = 403 ]"

check "a request body over 1 MiB is refused with 413" sh -c "
    head -c 1100000 /dev/zero | tr '\\0' a >$work/big &&
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' --data-binary @$work/big $base/login)\" = 413 ]"

verify_queue() {
    page=$(curl -s -b "$work/director" "$base/verify")
    echo "$page" | grep -q 'Claims to verify' || return 1
    first=$(echo "$page" | sed -n 's/.*name="activity" id="activity-\([0-9]*\)".*/\1/p' | head -1)
    [ -n "$first" ] || return 1
    # Each box is labelled with its claim, not just "Select".
    title=$(sqlite3 "$work/demo.db" "SELECT a.title || ', claimed by ' || p.name || ', dated ' || a.date
        FROM activities a JOIN people p ON p.id = a.person_id WHERE a.id = $first" |
        sed "s/&/\\&amp;/g; s/'/\\&#39;/g")
    echo "$page" | grep -qF "for=\"activity-$first\">Select $title</label>" || return 1
    token=$(echo "$page" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    # The queue's button leads to a confirmation page; only its button verifies.
    code=$(curl -s -o "$work/confirm.html" -w '%{http_code}' -b "$work/director" \
        --data-urlencode "csrf_token=$token" --data-urlencode "activity=$first" \
        --data-urlencode "action=verify" "$base/verify")
    [ "$code" = 200 ] && grep -q '<h1>Verify these claims?</h1>' "$work/confirm.html" &&
        [ "$(sqlite3 "$work/demo.db" "SELECT status FROM activities WHERE id = $first")" = pending ] ||
        return 1
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/director" \
        --data-urlencode "csrf_token=$token" --data-urlencode "activity=$first" \
        --data-urlencode "action=verify" --data-urlencode "confirm=yes" "$base/verify")
    [ "$code" = 303 ] &&
        [ "$(sqlite3 "$work/demo.db" "SELECT status FROM activities WHERE id = $first")" = verified ]
}
check "the director verifies a claim from the queue" verify_queue

reject_needs_reason() {
    page=$(curl -s -b "$work/director" "$base/verify")
    first=$(echo "$page" | sed -n 's/.*name="activity" id="activity-\([0-9]*\)".*/\1/p' | head -1)
    token=$(echo "$page" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    code=$(curl -s -o "$work/reject.html" -w '%{http_code}' -b "$work/director" \
        --data-urlencode "csrf_token=$token" --data-urlencode "activity=$first" \
        --data-urlencode "action=reject" "$base/verify")
    [ "$code" = 400 ] && grep -q 'id="reason-error" role="alert">Say why' "$work/reject.html" &&
        grep -q "id=\"activity-$first\" checked" "$work/reject.html" &&
        [ "$(sqlite3 "$work/demo.db" "SELECT status FROM activities WHERE id = $first")" = pending ]
}
check "rejecting without a reason is refused at the field, keeps the selection and changes nothing" \
    reject_needs_reason
check "a learner without the supervisor role gets 403 on the queue" sh -c "
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' -b $work/staff $base/verify)\" = 403 ]"

claim_kept_on_error() {
    form=$(curl -s -b "$work/staff" "$base/activities/new")
    token=$(echo "$form" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    code=$(curl -s -o "$work/claim.html" -w '%{http_code}' -b "$work/staff" \
        --data-urlencode "csrf_token=$token" --data-urlencode "kind=course" \
        --data-urlencode "title=Grant <b>writing</b>" --data-urlencode "date=2026-06-01" \
        --data-urlencode "category=technology" --data-urlencode "credits=1.25" \
        "$base/activities/new")
    [ "$code" = 400 ] && grep -q 'multiple of 0.5' "$work/claim.html" &&
        grep -q 'value="Grant &lt;b&gt;writing&lt;/b&gt;"' "$work/claim.html" &&
        grep -q 'aria-invalid="true"' "$work/claim.html"
}
check "a refused claim keeps what was typed and says what to fix" claim_kept_on_error

claim_recorded() {
    form=$(curl -s -b "$work/staff" "$base/activities/new")
    token=$(echo "$form" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$work/staff" \
        --data-urlencode "csrf_token=$token" --data-urlencode "kind=course" \
        --data-urlencode "title=Grant writing" --data-urlencode "date=2026-06-01" \
        --data-urlencode "category=technology" --data-urlencode "credits=2.5" \
        "$base/activities/new")
    [ "$code" = "303 $base/?done=claimed" ] && [ "$(sqlite3 "$work/demo.db" "SELECT status || ' ' ||
        credit_halves FROM activities WHERE title = 'Grant writing'")" = "pending 5" ] &&
        curl -s -b "$work/staff" "$base/?done=claimed" |
        grep -q 'role="status"><div class="usa-alert__body"><p class="usa-alert__text">Your claim is recorded. It counts once'
}
check "a claim is recorded as pending, and the dashboard confirms it" claim_recorded

claim_from_catalog() {
    form=$(curl -s -b "$work/staff" "$base/activities/new")
    token=$(echo "$form" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    event=$(sqlite3 "$work/demo.db" "SELECT id FROM events WHERE ends <= '2026-06-15'
        ORDER BY ends DESC, id DESC LIMIT 1")
    echo "$form" | grep -q "<option value=\"$event\">" || return 1
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/staff" \
        --data-urlencode "csrf_token=$token" --data-urlencode "event=$event" \
        "$base/activities/new")
    echo "claim of catalog event $event: $code"
    [ "$code" = 303 ] && [ "$(sqlite3 "$work/demo.db" "SELECT a.status || ' ' || a.title || ' '
        || a.credit_halves || ' ' || a.date FROM activities a WHERE a.event_id = $event
        AND a.person_id = (SELECT id FROM people WHERE email = 'staff@example.org')")" = \
        "$(sqlite3 "$work/demo.db" "SELECT 'pending ' || title || ' ' || credit_halves || ' '
        || ends FROM events WHERE id = $event")" ]
}
check "a claim of a catalog event takes its title, credits and last day" claim_from_catalog

claim_unknown_event() {
    form=$(curl -s -b "$work/staff" "$base/activities/new")
    token=$(echo "$form" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    code=$(curl -s -o "$work/claim.html" -w '%{http_code}' -b "$work/staff" \
        --data-urlencode "csrf_token=$token" --data-urlencode "event=999999" \
        "$base/activities/new")
    [ "$code" = 400 ] && grep -q 'Choose an event from the list' "$work/claim.html"
}
check "a claim of an unknown catalog event is refused at the field" claim_unknown_event

track_sent_for_award() {
    sign_in "$work/coordinator" coordinator@example.org demo-password-1 >/dev/null
    sign_in "$work/ready" ready@example.org demo-password-1 >/dev/null
    ready_track=$(sqlite3 "$work/demo.db" "SELECT t.id FROM tracks t JOIN people p
        ON p.id = t.person_id WHERE p.email = 'ready@example.org' AND t.state = 'submitted'")
    [ "$(post "$work/coordinator" /review /review track="$ready_track" action=return-track \
        comment=Check-the-dates)" = 303 ] || return 1
    page=$(curl -s -b "$work/ready" "$base/")
    echo "$page" | grep -q 'The State Library returned your track: Check-the-dates' &&
        echo "$page" | grep -q '>Ask for your certificate</button>' || return 1
    [ "$(post "$work/ready" / /track action=submit)" = 303 ] || return 1
    [ "$(sqlite3 "$work/demo.db" "SELECT state FROM tracks WHERE id = $ready_track")" = submitted ] ||
        return 1
    curl -s -b "$work/ready" "$base/?done=track-submitted" |
        grep -q 'Your track is sent to the State Library for the award.' || return 1
    # Not twice, and not an incomplete track.
    [ "$(post "$work/ready" / /track action=submit)" = 400 ] || return 1
    [ "$(post "$work/staff" / /track action=submit)" = 400 ] &&
        grep -q 'Not ready for the award' "$work/post.html" &&
        grep -q 'More credits are needed.' "$work/post.html" &&
        [ "$(sqlite3 "$work/demo.db" "SELECT t.state FROM tracks t JOIN people p ON p.id = t.person_id
            WHERE p.email = 'staff@example.org' ORDER BY t.id DESC LIMIT 1")" = active ]
}
check "a complete track is sent for the award by its learner; an incomplete one is refused" \
    track_sent_for_award

coordinator_awards() {
    sign_in "$work/coordinator" coordinator@example.org demo-password-1 >/dev/null
    page=$(curl -s -b "$work/coordinator" "$base/review")
    echo "$page" | grep -q 'Tracks submitted for the award' || return 1
    ready_track=$(sqlite3 "$work/demo.db" "SELECT t.id FROM tracks t JOIN people p
        ON p.id = t.person_id WHERE p.email = 'ready@example.org' AND t.state = 'submitted'")
    token=$(echo "$page" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    code=$(curl -s -o "$work/return.html" -w '%{http_code}' -b "$work/coordinator" \
        --data-urlencode "csrf_token=$token" --data-urlencode "track=$ready_track" \
        --data-urlencode "action=return-track" "$base/review")
    echo "return without a comment: $code"
    [ "$code" = 400 ] && grep -q "id=\"comment-award$ready_track-error\"" "$work/return.html" &&
        grep -q 'aria-invalid="true"' "$work/return.html" || return 1
    # The award asks first: a confirmation page, nothing issued.
    code=$(curl -s -o "$work/award.html" -w '%{http_code}' -b "$work/coordinator" \
        --data-urlencode "csrf_token=$token" --data-urlencode "track=$ready_track" \
        --data-urlencode "action=award" "$base/review")
    [ "$code" = 200 ] && grep -q '<h1>Award this certificate?</h1>' "$work/award.html" &&
        [ "$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM certificates WHERE track_id = $ready_track")" = 0 ] ||
        return 1
    code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$work/coordinator" \
        --data-urlencode "csrf_token=$token" --data-urlencode "track=$ready_track" \
        --data-urlencode "action=award" --data-urlencode "confirm=yes" "$base/review")
    echo "award of track $ready_track: $code"
    certificate=$(sqlite3 "$work/demo.db" "SELECT number FROM certificates WHERE track_id = $ready_track")
    [ "$code" = "303 $base/review?done=awarded&certificate=$certificate" ] || return 1
    page=$(curl -s -b "$work/coordinator" "$base/review")
    echo "$page" | grep -q 'No final report waits for review.' &&
        echo "$page" | grep -q 'No track waits for the award.' && ! echo "$page" | grep -q '<table' ||
        return 1
    curl -s -b "$work/coordinator" "$base/review?done=awarded&certificate=$certificate" |
        grep -q "Certificate $certificate is issued to .*Their next track, Strategic Track to MSL Certification, starts on 2026-06-16\."
}
check "the coordinator awards the ready track (and may not return it without a comment)" \
    coordinator_awards
forged_notices_show_nothing() {
    curl -s -b "$work/coordinator" "$base/review?done=report-accepted" |
        grep -q 'role="status"><div class="usa-alert__body"><p class="usa-alert__text">The final report is accepted.</p>' || return 1
    ! curl -s -b "$work/coordinator" "$base/review?done=awarded&certificate=CT-1999-000001" |
        grep -q 'role="status"' || return 1
    ! curl -s -b "$work/coordinator" "$base/review?done=%3Cb%3Eyou-won%3C/b%3E" |
        grep -q 'role="status"'
}
check "a notice shows only the sentences of its table, and only real certificates" \
    forged_notices_show_nothing
check "a learner gets 403 on the coordinator's review page" sh -c "
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' -b $work/staff $base/review)\" = 403 ]"

report_submitted_then_returned() {
    form=$(curl -s -b "$work/staff" "$base/report")
    token=$(echo "$form" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/staff" \
        --data-urlencode "csrf_token=$token" --data-urlencode "text=What I learned & why" \
        --data-urlencode "action=submit" "$base/report")
    [ "$code" = 303 ] || return 1
    staff_track=$(sqlite3 "$work/demo.db" "SELECT r.track_id FROM final_reports r JOIN tracks t
        ON t.id = r.track_id JOIN people p ON p.id = t.person_id
        WHERE p.email = 'staff@example.org' AND r.state = 'submitted'")
    [ -n "$staff_track" ] || return 1
    page=$(curl -s -b "$work/coordinator" "$base/review")
    # Return is the row's first button: Enter in the comment box returns.
    echo "$page" | grep -q 'value="return-report">Return</button> <button [^>]*value="accept-report">' ||
        return 1
    token=$(echo "$page" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/coordinator" \
        --data-urlencode "csrf_token=$token" --data-urlencode "track=$staff_track" \
        --data-urlencode "action=return-report" --data-urlencode "comment=Name the goals served" \
        "$base/review")
    [ "$code" = 303 ] && curl -s -b "$work/staff" "$base/report" | grep -q 'Name the goals served'
}
check "a final report is submitted, returned with a comment, and the learner sees it" \
    report_submitted_then_returned
check "the learner who was awarded sees the certificate on the dashboard" sh -c "
    curl -s -c $work/r -b $work/r $base/login >$work/f &&
    tok=\$(sed -n 's/.*name=\"csrf_token\" value=\"\\([0-9a-f]*\\)\".*/\\1/p' $work/f | head -1) &&
    curl -s -o /dev/null -b $work/r -c $work/r --data-urlencode csrf_token=\$tok \
        --data-urlencode email=ready@example.org --data-urlencode password=demo-password-1 \
        $base/login && curl -s -b $work/r $base/ |
        grep -q '<td data-label=\"Number\">CT-2026-[0-9]*</td><td data-label=\"Program\">Strategic Track to MSL Certification</td>'"

plan_round_trip() {
    [ "$(post "$work/staff" /plan /plan action=new-version)" = 303 ] || return 1
    goal=$(sqlite3 "$work/demo.db" "SELECT g.id FROM library_goals g JOIN strategic_plans s
        ON s.id = g.strategic_plan_id JOIN people p ON p.library_id = s.library_id
        WHERE p.email = 'staff@example.org' LIMIT 1")
    [ "$(post "$work/staff" /plan /plan action=add-goal library_goal="$goal" \
        goal=Storytime outcomes=Two-sites)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=add-item item_kind=self-directed item_key=sd9 \
        description=Reading)" = 400 ] || return 1
    grep -q 'id="hours-error" role="alert">Say how many hours' "$work/post.html" || return 1
    [ "$(post "$work/staff" /plan /plan action=add-item item_kind=self-directed item_key=sd9 \
        description=Reading hours=6)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=submit)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=sign)" = 303 ] || return 1
    version=$(sqlite3 "$work/demo.db" "SELECT v.id FROM plan_versions v JOIN tracks t ON
        t.id = v.track_id JOIN people p ON p.id = t.person_id WHERE p.email =
        'staff@example.org' AND v.state = 'submitted'")
    [ -n "$version" ] || return 1
    curl -s -b "$work/director" "$base/plans" | grep -q '<strong>Storytime</strong>' ||
        return 1
    curl -s -b "$work/director" "$base/plans" | grep -q '<dt>Planned hours</dt><dd>6 hours</dd>' ||
        return 1
    # The buttons name their actions; no hidden action comes first to override them.
    curl -s -b "$work/director" "$base/plans" >"$work/plans.html"
    ! grep -q 'type="hidden" name="action"' "$work/plans.html" || return 1
    grep -q 'name="action" value="return"[^>]*>Return</button> <button [^>]*value="sign">' \
        "$work/plans.html" || return 1
    [ "$(post "$work/director" /plans /plans version="$version")" = 400 ] || return 1
    [ "$(post "$work/director" /plans /plans version="$version" action=return)" = 400 ] &&
        grep -q "id=\"comment-$version-error\" role=\"alert\">Say what to change" "$work/post.html" &&
        grep -q 'name="comment"' "$work/post.html" || return 1
    [ "$(post "$work/director" /plans /plans version="$version" action=return \
        comment=Tie-it-to-G2)" = 303 ] || return 1
    curl -s -b "$work/staff" "$base/plan" | grep -q 'Your library returned this version with the comment: Tie-it-to-G2' ||
        return 1
    [ "$(post "$work/staff" /plan /plan action=submit)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=sign)" = 303 ] || return 1
    [ "$(post "$work/director" /plans /plans version="$version" action=sign)" = 200 ] &&
        grep -q 'approves it at once' "$work/post.html" || return 1
    [ "$(post "$work/director" /plans /plans version="$version" action=sign-confirmed)" = 303 ] ||
        return 1
    curl -s -b "$work/director" "$base/plans" | grep -q 'No plan waits for your signature.' || return 1
    [ "$(sqlite3 "$work/demo.db" "SELECT state FROM plan_versions WHERE id = $version")" = approved ]
}
check "a plan version is written, submitted, read by the director, returned once, then signed by both" \
    plan_round_trip

plan_goal_needs_words() {
    [ "$(post "$work/staff" /plan /plan action=new-version)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=add-goal library_goal=1 goal= outcomes=Two-sites)" = 400 ] ||
        return 1
    grep -q 'id="goal-error" role="alert">Write your goal before adding it' "$work/post.html" &&
        grep -q 'value="Two-sites"' "$work/post.html" || return 1
    [ "$(post "$work/staff" /plan /plan action=add-item item_kind=training item_key=t9 description=)" = 400 ] &&
        grep -q 'id="description-error" role="alert">Say what the planned activity is' "$work/post.html" &&
        grep -q 'value="t9"' "$work/post.html"
}
check "a plan goal or item left empty is refused, saying what to write, keeping the rest" \
    plan_goal_needs_words

plan_from_nothing() {
    sign_in "$work/planner" planner@example.org demo-password-1 >/dev/null
    page=$(curl -s -b "$work/planner" "$base/plan")
    echo "$page" | grep -q 'You have no plan yet' && echo "$page" | grep -q '>Start your plan<' &&
        ! echo "$page" | grep -q '<table' || return 1
    page=$(curl -s -b "$work/planner" "$base/")
    echo "$page" | grep -q 'No activity counts toward this track yet.' &&
        echo "$page" | grep -q 'No professional development plan has been submitted. <a href="/plan">Write your plan</a>'
}
check "a learner with no plan or activity is told so and led to the plan" plan_from_nothing

compliance_view() {
    page=$(curl -s -b "$work/coordinator" "$base/compliance?program=msl-trustee&status=in-progress")
    echo "$page" | grep -q '<caption>Open tracks, by deadline</caption>' || return 1
    echo "$page" | grep -q '<td>MSL Certification for Library Staff</td>' && return 1
    echo "$page" | grep -q '<td>MSL Certification for Library Trustees</td>' &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/staff" "$base/compliance")" = 403 ]
}
check "the coordinator filters the compliance view; a learner may not see it" compliance_view

compliance_csv_is_formula_safe() {
    sqlite3 "$work/demo.db" "UPDATE people SET name = '=HYPERLINK(\"x\")' WHERE email =
        'staff@example.org'"
    curl -s -D "$work/csv.headers" -o "$work/compliance.csv" -b "$work/coordinator" \
        "$base/compliance.csv"
    grep -qi '^content-type: text/csv' "$work/csv.headers" &&
        grep -q "^\"'=HYPERLINK(\"\"x\"\")\"" "$work/compliance.csv" &&
        ! grep -q '^"=' "$work/compliance.csv"
}
check "the compliance CSV neutralises cells a spreadsheet would run" compliance_csv_is_formula_safe

api_token_round_trip() {
    [ "$(post "$work/director" /tokens /tokens action=create name=reporting)" = 200 ] || return 1
    token=$(sed -n 's/.*<code>\(ct_[0-9a-f]*\)<\/code>.*/\1/p' "$work/post.html" | head -1)
    [ -n "$token" ] || return 1
    [ "$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM api_tokens WHERE token_hash = '$token'")" = 0 ] ||
        return 1
    curl -s -H "Authorization: Bearer $token" "$base/api/v1/me/progress" | grep -q '"program"' ||
        return 1
    # A token opens the API only, never the pages.
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/")" = 303 ] ||
        return 1
    id=$(sqlite3 "$work/demo.db" "SELECT id FROM api_tokens WHERE name = 'reporting'")
    [ "$(post "$work/director" /tokens /tokens action=revoke token="$id")" = 303 ] || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
        "$base/api/v1/me/progress")" = 401 ]
}
check "an API token is created, shown once, used, and revoked" api_token_round_trip

library_view() {
    page=$(curl -s -b "$work/director" "$base/library")
    echo "$page" | grep -q 'Strategic plan goals' && echo "$page" | grep -q 'Alignment with' &&
        echo "$page" | grep -q 'staff@example.org' &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/staff" "$base/library")" = 403 ]
}
check "the library administrator sees goals, staff and alignment; staff may not" library_view

# ---- the coordinator's catalog and certificates, staff, people and libraries ----

# code JAR PATH: the status of a GET.
code() {
    curl -s -o /dev/null -w '%{http_code}' -b "$1" "$base$2"
}

learner_refused_everywhere() {
    [ "$(code "$work/staff" /catalog)" = 200 ] || return 1 # every signed-in person registers
    for path in /catalog/new /certificates /certificates/1 /libraries /libraries/1 \
        /staff; do
        got=$(code "$work/staff" "$path")
        echo "$path: $got"
        [ "$got" = 403 ] || return 1
    done
    [ "$(post "$work/staff" / /catalog/new title=Sneaky kind=course starts=2026-07-01 \
        sponsor=MSL credits=1 category=technology)" = 403 ] &&
        [ "$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM events WHERE title = 'Sneaky'")" = 0 ]
}
check "a learner reads the catalog, and gets 403 on adding to it, certificates, libraries and staff" \
    learner_refused_everywhere

catalog_pages_and_sorts() {
    page=$(curl -s -b "$work/coordinator" "$base/catalog")
    echo "$page" | grep -q '<th scope="col" aria-sort="descending"><a href="/catalog?sort=date&amp;dir=asc&amp;page=1">Date <span aria-hidden="true">' ||
        return 1
    echo "$page" | grep -q 'aria-current="page">Page 1 of 2 (40 events)' || return 1
    echo "$page" | grep -q 'rel="next" href="/catalog?sort=date&amp;dir=desc&amp;page=2"' || return 1
    page=$(curl -s -b "$work/coordinator" "$base/catalog?sort=title&dir=asc&page=2")
    echo "$page" | grep -q 'Page 2 of 2 (40 events)' &&
        echo "$page" | grep -q 'rel="prev" href="/catalog?sort=title&amp;dir=asc&amp;page=1"' || return 1
    first=$(sqlite3 "$work/demo.db" "SELECT title FROM events ORDER BY LOWER(title), id LIMIT 1")
    curl -s -b "$work/coordinator" "$base/catalog?sort=title&dir=asc" |
        grep -m1 '^<tr><td>' | grep -qF "<tr><td>$first</td>"
}
check "the catalog lists events a page at a time, sorted by the chosen column" \
    catalog_pages_and_sorts

check "bad paging values fall back to the defaults, never an error" sh -c "
    curl -s -b $work/coordinator '$base/catalog?page=-3&sort=id;DROP%20TABLE%20events&dir=up' >$work/p &&
    grep -q 'Page 1 of 2' $work/p && grep -q 'aria-sort=\"descending\"><a href=\"/catalog?sort=date' $work/p &&
    [ \"\$(curl -s -o /dev/null -w '%{http_code}' -b $work/coordinator '$base/catalog?page=999999')\" = 200 ]"

catalog_refuses_bad_credits() {
    [ "$(post "$work/coordinator" /catalog/new /catalog/new 'title=Grant <b>writing</b>' \
        kind=course starts=2026-07-01 sponsor=MSL credits=1.25 category=technology)" = 400 ] ||
        return 1
    # The error sits in the credits field's group, tied to its input; the title is kept.
    tr -d '\n' <"$work/post.html" | grep -q '<div class="usa-form-group usa-form-group--error"><label class="usa-label usa-label--error" for="credits">[^<]*<abbr[^>]*>\*</abbr></label><div class="usa-hint" id="credits-hint">[^<]*</div><span class="usa-error-message" id="credits-error" role="alert">Enter the credits as a multiple of 0.5' ||
        return 1
    grep -q 'id="credits" name="credits" required aria-describedby="credits-hint credits-error" aria-invalid="true" type="text" value="1.25"' \
        "$work/post.html" &&
        grep -q 'id="title" name="title"[^>]*value="Grant &lt;b&gt;writing&lt;/b&gt;"' "$work/post.html" &&
        [ "$(grep -c 'aria-invalid' "$work/post.html")" = 1 ] &&
        [ "$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM events WHERE title LIKE 'Grant <b>%'")" = 0 ]
}
check "the catalog refuses a bad credit value next to the field and keeps the typed title" \
    catalog_refuses_bad_credits

catalog_adds_an_event() {
    code=$(post "$work/coordinator" /catalog/new /catalog/new 'title=Weeding & Inventory' \
        kind=course starts=2026-07-01 ends=2026-07-31 sponsor=MSL credits=2.5 \
        category=collection-management \
        "urls=https://learn.example.org/course/view.php?id=900" lms_verifies=yes)
    [ "$code" = 303 ] || return 1
    [ "$(sqlite3 "$work/demo.db" "SELECT e.credit_halves || ' ' || e.lms_verifies || ' ' || l.url
        FROM events e JOIN event_lms_links l ON l.event_id = e.id
        WHERE e.title = 'Weeding & Inventory'")" = "5 1 https://learn.example.org/course/view.php?id=900" ] ||
        return 1
    id=$(sqlite3 "$work/demo.db" "SELECT id FROM events WHERE title = 'Weeding & Inventory'")
    curl -s -b "$work/coordinator" "$base/catalog?added=$id" |
        grep -q 'usa-alert--success" role="status">.*Added .Weeding &amp; Inventory. to the catalog'
}
check "the catalog adds an event with its LMS course, which the LMS verifies" catalog_adds_an_event

revoke_shows_everywhere() {
    id=$(sqlite3 "$work/demo.db" "SELECT id FROM certificates WHERE revoked IS NULL ORDER BY id LIMIT 1")
    vcode=$(sqlite3 "$work/demo.db" "SELECT verification_code FROM certificates WHERE id = $id")
    curl -s "$base/verify/$vcode" | grep -q 'Valid: this certificate is valid until' || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/check-certificate?code=$vcode")" = \
        "303 $base/verify/$vcode" ] || return 1
    [ "$(post "$work/coordinator" "/certificates/$id" "/certificates/$id" confirm=yes)" = 400 ] &&
        grep -q 'id="reason-error" role="alert">Say why' "$work/post.html" || return 1
    # A reason without confirm=yes: the page that asks, the way back first; nothing yet.
    [ "$(post "$work/coordinator" "/certificates/$id" "/certificates/$id" \
        'reason=Credits <counted> twice' confirm=on)" = 200 ] &&
        grep -q '<h1>Revoke certificate .*?</h1>' "$work/post.html" &&
        grep -q 'will be told it was revoked, and why' "$work/post.html" &&
        grep -q 'Credits &lt;counted&gt; twice</blockquote>' "$work/post.html" &&
        grep -q 'name="confirm" value="yes"' "$work/post.html" &&
        grep -q 'Keep the certificate</a> <button type="submit"' "$work/post.html" || return 1
    [ "$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM certificates WHERE revoked IS NOT NULL")" = 0 ] ||
        return 1
    [ "$(post "$work/coordinator" "/certificates/$id" "/certificates/$id" \
        'reason=Credits <counted> twice' confirm=yes)" = 303 ] || return 1
    page=$(curl -s -b "$work/coordinator" "$base/certificates/$id")
    echo "$page" | grep -q '<dd>Revoked on 2026-06-15</dd>' &&
        echo "$page" | grep -q '<dd>Credits &lt;counted&gt; twice</dd>' &&
        ! echo "$page" | grep -q 'name="reason"' || return 1
    verify=$(curl -s "$base/verify/$vcode")
    echo "$verify" | grep -q 'Revoked: this certificate is not valid. The issuer revoked it on 2026-06-15.' &&
        echo "$verify" | grep -q '<dd>Credits &lt;counted&gt; twice</dd>' || return 1
    [ "$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM audit_log WHERE entity = 'certificates'
        AND entity_id = $id AND action = 'revoke'")" = 1 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/check-certificate?code=not-a-code")" = 400 ]
}
check "a revoke needs a reason and a confirmation page's confirm=yes, then shows on the certificate and the public check" \
    revoke_shows_everywhere

certificates_filter_and_page() {
    page=$(curl -s -b "$work/coordinator" "$base/certificates")
    total=$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM certificates")
    pages=$(((total + 24) / 25))
    echo "$page" | grep -q "Page 1 of $pages ($total certificates)" &&
        echo "$page" | grep -q 'rel="next" href="/certificates?sort=issued&amp;dir=desc&amp;page=2"' ||
        return 1
    certificate=$(sqlite3 "$work/demo.db" "SELECT number FROM certificates ORDER BY id DESC LIMIT 1")
    page=$(curl -s -b "$work/coordinator" "$base/certificates?q=$certificate&sort=number&dir=asc")
    echo "$page" | grep -q "Page 1 of 1 (1 certificate)" && echo "$page" | grep -q ">$certificate</a>" &&
        echo "$page" | grep -q "href=\"/certificates?q=$certificate&amp;sort=number&amp;dir=desc&amp;page=1\""
}
check "the certificates list pages, and filters by number keeping the filter in its links" \
    certificates_filter_and_page

supervisor_sees_own_staff_only() {
    staff_id=$(sqlite3 "$work/demo.db" "SELECT id FROM people WHERE email = 'staff@example.org'")
    other=$(sqlite3 "$work/demo.db" "SELECT id FROM people WHERE library_id IS NOT NULL AND
        library_id != (SELECT library_id FROM people WHERE email = 'director@example.org') LIMIT 1")
    page=$(curl -s -b "$work/director" "$base/staff")
    echo "$page" | grep -q "<a href=\"/people/$staff_id\">" && ! echo "$page" | grep -q "/people/$other\"" ||
        return 1
    [ "$(echo "$page" | grep -c '^<tr><td><a href="/people/')" = \
        "$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM people WHERE library_id =
            (SELECT library_id FROM people WHERE email = 'director@example.org')")" ] || return 1
    curl -s -b "$work/director" "$base/people/$staff_id" >"$work/person.html"
    # The progress is read-only: besides the sign-out form (and the idle warning's stay and
    # sign-out), only the forms that keep the person's record (the director is the library's
    # administrator) post anywhere.
    grep -q '<h1>Progress of ' "$work/person.html" && grep -q '<h2>Activities</h2>' "$work/person.html" &&
        [ "$(grep -o '<form[^>]*>' "$work/person.html" | grep -v "action=\"/people/$staff_id\"" |
            grep -vc 'action="/logout"\|action="/session/stay"')" = 0 ] ||
        return 1
    [ "$(code "$work/director" "/people/$other")" = 403 ] &&
        [ "$(code "$work/director" /people/999999)" = 403 ] &&
        [ "$(code "$work/staff" "/people/$staff_id")" = 200 ] &&
        [ "$(code "$work/staff" "/people/$other")" = 403 ] &&
        [ "$(code "$work/coordinator" "/people/$other")" = 200 ]
}
report_needs_text() {
    [ "$(post "$work/staff" /report /report action=save text=)" = 400 ] &&
        grep -q 'id="text-error" role="alert">Write your reflection' "$work/post.html" &&
        grep -q 'aria-invalid="true"' "$work/post.html"
}
check "an empty final report is refused next to the reflection" report_needs_text

token_name_needed() {
    [ "$(post "$work/staff" /tokens /tokens action=create name=)" = 400 ] &&
        grep -q 'id="name-error" role="alert">Give the token a name' "$work/post.html" &&
        grep -q 'aria-invalid="true"' "$work/post.html"
}
check "a token without a name is refused next to the name field" token_name_needed

check "a supervisor sees their own library's staff and their progress, no one else's" \
    supervisor_sees_own_staff_only

consultant_sees_assigned_libraries() {
    library=$(sqlite3 "$work/demo.db" "SELECT library_id FROM people WHERE email = 'director@example.org'")
    consultant=$(sqlite3 "$work/demo.db" "SELECT person_id FROM library_consultants WHERE library_id = $library")
    # The demo's consultants have no password: lend this one the coordinator's.
    sqlite3 "$work/demo.db" "UPDATE people SET password_hash = (SELECT password_hash FROM people
        WHERE email = 'coordinator@example.org') WHERE id = $consultant"
    email=$(sqlite3 "$work/demo.db" "SELECT email FROM people WHERE id = $consultant")
    [ "$(sign_in "$work/consultant" "$email" demo-password-1)" = 303 ] || return 1
    page=$(curl -s -b "$work/consultant" "$base/libraries")
    mine=$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM library_consultants WHERE person_id = $consultant")
    echo "$page" | grep -q "Page 1 of 1 ($mine libraries)" &&
        [ "$(echo "$page" | grep -c '^<tr><td><a href="/libraries/')" = "$mine" ] || return 1
    other=$(sqlite3 "$work/demo.db" "SELECT id FROM libraries WHERE id NOT IN (SELECT library_id
        FROM library_consultants WHERE person_id = $consultant) LIMIT 1")
    ! echo "$page" | grep -q "href=\"/libraries/$other\"" || return 1
    page=$(curl -s -b "$work/consultant" "$base/libraries/$library")
    echo "$page" | grep -q 'Strategic plan goals' && echo "$page" | grep -q 'Alignment with' &&
        [ "$(echo "$page" | grep -v 'session-warning__actions\|Stay signed in' | grep -c '<form')" = 1 ] || return 1
    staff_id=$(sqlite3 "$work/demo.db" "SELECT id FROM people WHERE email = 'staff@example.org'")
    [ "$(code "$work/consultant" "/libraries/$other")" = 403 ] &&
        [ "$(code "$work/consultant" /libraries/999999)" = 403 ] &&
        [ "$(code "$work/consultant" "/people/$staff_id")" = 200 ] &&
        [ "$(code "$work/consultant" /catalog)" = 200 ] &&
        [ "$(code "$work/consultant" /staff)" = 403 ] &&
        curl -s -b "$work/coordinator" "$base/libraries?page=2" | grep -q 'Page 2 of 4 (80 libraries)' &&
        [ "$(code "$work/coordinator" "/libraries/$other")" = 200 ]
}
check "a consultant sees only their assigned libraries; the coordinator sees every library" \
    consultant_sees_assigned_libraries

compliance_sorts_and_keeps_filters() {
    page=$(curl -s -b "$work/coordinator" "$base/compliance?status=in-progress&sort=name&dir=asc")
    echo "$page" | grep -q '<th scope="col" aria-sort="ascending"><a href="/compliance?status=in-progress&amp;sort=name&amp;dir=desc&amp;page=1">Name' &&
        echo "$page" | grep -q 'rel="next" href="/compliance?status=in-progress&amp;sort=name&amp;dir=asc&amp;page=2"' &&
        echo "$page" | grep -q '<input type="hidden" name="sort" value="name">' || return 1
    last=$(curl -s -b "$work/coordinator" "$base/compliance?page=9999")
    echo "$last" | grep -q 'rel="prev"' && ! echo "$last" | grep -q 'rel="next"' &&
        echo "$last" | grep -q '^<tr><td>'
}
check "the compliance view sorts by a column, and its page links keep the filters" \
    compliance_sorts_and_keeps_filters

compliance_in_words_and_searched() {
    staff_id=$(sqlite3 "$work/demo.db" "SELECT id FROM people WHERE email = 'staff@example.org'")
    page=$(curl -s -b "$work/coordinator" "$base/compliance?q=staff%40example.org")
    echo "$page" | grep -q "<tr><td><a class=\"usa-link\" href=\"/people/$staff_id\">" &&
        [ "$(echo "$page" | grep -c '^<tr><td>')" = 1 ] &&
        echo "$page" | grep -q 'value="staff@example.org"' &&
        echo "$page" | grep -q 'more credits are needed' &&
        ! echo "$page" | grep -q 'credits-short' &&
        curl -s -b "$work/coordinator" "$base/compliance?q=NOBODY-AT-ALL" | grep -q 'Page 1 of 1 (0 tracks)\|0 tracks' &&
        [ "$(curl -s -b "$work/coordinator" "$base/compliance.csv?q=staff%40example.org" | wc -l)" = 2 ]
}
check "the compliance view names people with links, says what blocks in words, and searches" \
    compliance_in_words_and_searched

# Reading a page writes nothing (a session is marked used at most once a minute), so a
# page answers at once while another process holds the database's write lock.
page_while_locked() {
    [ "$(sign_in "$work/locked" staff@example.org demo-password-1)" = 303 ] || return 1
    (printf '.timeout 2000\nBEGIN IMMEDIATE;\n'; sleep 3; printf 'COMMIT;\n') |
        sqlite3 "$work/demo.db" &
    holder=$!
    # Until the holder has the lock, a second writer gets in at once.
    tries=0
    while [ "$tries" -lt 40 ] && sqlite3 "$work/demo.db" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null; do
        tries=$((tries + 1))
        sleep 0.05
    done
    code=$(curl -s -o "$work/locked.html" -w '%{http_code}' --max-time 2 -b "$work/locked" "$base/")
    wait "$holder"
    [ "$code" = 200 ] && grep -q 'Your progress' "$work/locked.html"
}
check "a page answers while another process holds the database's write lock" page_while_locked

# Last of the sign-ins: the failures below slow down every sign-in from this address.
# The bucket refills with time, so the count of failures it takes depends on how fast
# the sign-ins above ran: fail until one is slowed down (the burst is 30), then the
# right password is slowed down too.
throttled() {
    tries=0
    while [ "$tries" -lt 60 ] &&
        [ "$(sign_in "$work/t" ready@example.org not-the-password-0)" != 429 ]; do
        tries=$((tries + 1))
    done
    [ "$tries" -lt 60 ] && [ "$(sign_in "$work/t" ready@example.org demo-password-1)" = 429 ]
}
check "repeated failed log-ins are slowed down" throttled

review_lists_page() {
    ids=$(sqlite3 "$work/demo.db" "SELECT group_concat(id) FROM (SELECT id FROM tracks
        WHERE state = 'active' ORDER BY id LIMIT 30)")
    sqlite3 "$work/demo.db" "UPDATE tracks SET state = 'submitted' WHERE id IN ($ids)"
    page=$(curl -s -b "$work/coordinator" "$base/review")
    page2=$(curl -s -b "$work/coordinator" "$base/review?tracks_page=2&tracks_sort=name&tracks_dir=asc&reports_page=1")
    sqlite3 "$work/demo.db" "UPDATE tracks SET state = 'active' WHERE id IN ($ids)"
    echo "$page" | grep -q 'Page 1 of 2 (30 tracks)' &&
        echo "$page" | grep -q 'href="/review?tracks_sort=sent&amp;tracks_dir=asc&amp;tracks_page=2"' &&
        echo "$page2" | grep -q 'Page 2 of 2 (30 tracks)' &&
        echo "$page2" | grep -q 'aria-sort="ascending"><a href="/review?reports_page=1&amp;tracks_sort=name&amp;tracks_dir=desc'
}
check "the review page's track list pages and sorts on its own parameters" review_lists_page

stops_cleanly() {
    kill -TERM "$server_pid" && wait "$server_pid"
    code=$?
    server_pid=""
    [ "$code" -eq 0 ] && ! grep -q 'Sanitizer' "$work/server.log"
}
check "the server stops on SIGTERM, cleanly and without a sanitizer report" stops_cleanly
exit $failed
