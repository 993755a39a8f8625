#!/bin/sh
# End-to-end checks of `certtrack serve` over real HTTP, as TAP: a fresh demo database,
# the server on a free loopback port, and curl as the client.
# Usage: server.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
work=$(mktemp -d /tmp/certtrack-server-e2e.XXXXXX)
export CERTTRACK_TODAY=2026-06-15
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
number=0
failed=0

check() { # description, then a command that must succeed
    number=$((number + 1))
    description=$1
    shift
    if "$@" >"$work/check.out" 2>&1; then
        echo "ok $number - $description"
    else
        echo "not ok $number - $description"
        sed 's/^/# /' "$work/check.out" | head -20
        failed=1
    fi
}

"$certtrack" demo-data --db "$work/demo.db" --programs "$programs" >/dev/null || exit 1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$certtrack" serve --db "$work/demo.db" --programs "$programs" --listen "127.0.0.1:$port" \
    >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
    curl -s "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

# status METHOD PATH [curl options...]: prints the HTTP status code.
status() {
    method=$1
    path=$2
    shift 2
    curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$method" "$@" "$base$path"
}

# sign_in JAR EMAIL PASSWORD: the log-in form, then the POST; prints the status.
sign_in() {
    curl -s -c "$1" -b "$1" "$base/login" >"$work/form.html"
    token=$(sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' "$work/form.html" | head -1)
    curl -s -c "$1" -b "$1" -o "$work/body" -w '%{http_code}' --data-urlencode "csrf_token=$token" \
        --data-urlencode "email=$2" --data-urlencode "password=$3" "$base/login"
}

# post JAR PAGE_PATH POST_PATH FIELD=VALUE...: reads the CSRF token from PAGE_PATH, then
# posts the fields to POST_PATH; prints the status.
post() {
    jar=$1
    token=$(curl -s -b "$jar" "$base$2" |
        sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    target=$3
    shift 3
    set -- --data-urlencode "csrf_token=$token" $(for field in "$@"; do
        printf -- '--data-urlencode\n%s\n' "$field"
    done)
    curl -s -o "$work/post.html" -w '%{http_code}' -b "$jar" "$@" "$base$target"
}

echo "1..33"
check "GET /healthz answers 200 ok" sh -c "[ \"\$(curl -s $base/healthz)\" = ok ]"
check "every response carries the security headers" sh -c "
    curl -s -D - -o /dev/null $base/healthz >$work/h &&
    grep -qi \"^content-security-policy: .*frame-ancestors 'none'\" $work/h &&
    grep -qi '^x-content-type-options: nosniff' $work/h && grep -qi '^referrer-policy:' $work/h &&
    ! grep -qi \"content-security-policy:.*unsafe-inline\" $work/h"
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

signed_in_dashboard() {
    [ "$(sign_in "$work/staff" STAFF@example.org demo-password-1)" = 303 ] || return 1
    page=$(curl -s -b "$work/staff" "$base/")
    echo "$page" | grep -q 'Your progress' && echo "$page" | grep -q 'Strategic Track' &&
        echo "$page" | grep -q '<dt>Started</dt><dd>2025-06-15</dd>' &&
        echo "$page" | grep -q 'More credits are needed. <a href="/activities/new">Claim an activity</a></li>' &&
        echo "$page" | grep -q 'has not been submitted. <a href="/report">Write your final report</a></li>' &&
        echo "$page" | grep -q '<dt>Self-directed</dt><dd>20 of at most 20</dd>' &&
        echo "$page" | grep -q '<td>Cybersecurity at the Circulation Desk</td><td>webinar</td><td class="number">1.5</td><td class="number">0</td><td>It is waiting for verification.</td>'
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
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/director" \
        --data-urlencode "csrf_token=$token" --data-urlencode "activity=$first" \
        --data-urlencode "action=verify" "$base/verify")
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
    [ "$code" = 400 ] && grep -q 'Say why' "$work/reject.html" &&
        [ "$(sqlite3 "$work/demo.db" "SELECT status FROM activities WHERE id = $first")" = pending ]
}
check "rejecting without a reason is refused and changes nothing" reject_needs_reason
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
        grep -q 'role="status"><p>Your claim is recorded. It counts once'
}
check "a claim is recorded as pending, and the dashboard confirms it" claim_recorded

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
    [ "$code" = 400 ] || return 1
    code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$work/coordinator" \
        --data-urlencode "csrf_token=$token" --data-urlencode "track=$ready_track" \
        --data-urlencode "action=award" "$base/review")
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
        grep -q 'role="status"><p>The final report is accepted.</p>' || return 1
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
    echo "$page" | grep -q 'value="return-report">Return</button> <button type="submit" name="action" value="accept-report">' ||
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
        grep -q '<td>CT-2026-[0-9]*</td><td>Strategic Track to MSL Certification</td>'"

plan_round_trip() {
    [ "$(post "$work/staff" /plan /plan action=new-version)" = 303 ] || return 1
    goal=$(sqlite3 "$work/demo.db" "SELECT g.id FROM library_goals g JOIN strategic_plans s
        ON s.id = g.strategic_plan_id JOIN people p ON p.library_id = s.library_id
        WHERE p.email = 'staff@example.org' LIMIT 1")
    [ "$(post "$work/staff" /plan /plan action=add-goal library_goal="$goal" \
        goal=Storytime outcomes=Two-sites)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=add-item item_kind=self-directed item_key=sd9 \
        description=Reading)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=submit)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=sign)" = 303 ] || return 1
    version=$(sqlite3 "$work/demo.db" "SELECT v.id FROM plan_versions v JOIN tracks t ON
        t.id = v.track_id JOIN people p ON p.id = t.person_id WHERE p.email =
        'staff@example.org' AND v.state = 'submitted'")
    [ -n "$version" ] || return 1
    curl -s -b "$work/director" "$base/plans" | grep -q 'Goal: Storytime (serves .*Two-sites' ||
        return 1
    curl -s -b "$work/director" "$base/plans" | grep -q 'Planned self-directed sd9: Reading' ||
        return 1
    # The buttons name their actions; no hidden action comes first to override them.
    curl -s -b "$work/director" "$base/plans" >"$work/plans.html"
    ! grep -q 'type="hidden" name="action"' "$work/plans.html" || return 1
    grep -q 'name="action" value="return">Return</button> <button type="submit" name="action" value="sign">' \
        "$work/plans.html" || return 1
    [ "$(post "$work/director" /plans /plans version="$version")" = 400 ] || return 1
    [ "$(post "$work/director" /plans /plans version="$version" action=return)" = 400 ] ||
        return 1
    [ "$(post "$work/director" /plans /plans version="$version" action=return \
        comment=Tie-it-to-G2)" = 303 ] || return 1
    curl -s -b "$work/staff" "$base/plan" | grep -q 'Your library returned this version: Tie-it-to-G2' ||
        return 1
    [ "$(post "$work/staff" /plan /plan action=submit)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=sign)" = 303 ] || return 1
    [ "$(post "$work/director" /plans /plans version="$version" action=sign)" = 303 ] || return 1
    curl -s -b "$work/director" "$base/plans" | grep -q 'No plan waits for your signature.' || return 1
    [ "$(sqlite3 "$work/demo.db" "SELECT state FROM plan_versions WHERE id = $version")" = approved ]
}
check "a plan version is written, submitted, read by the director, returned once, then signed by both" \
    plan_round_trip

plan_goal_needs_words() {
    [ "$(post "$work/staff" /plan /plan action=new-version)" = 303 ] || return 1
    [ "$(post "$work/staff" /plan /plan action=add-goal library_goal=1 goal= outcomes=Two-sites)" = 400 ] ||
        return 1
    grep -q 'Write your goal before adding it' "$work/post.html" &&
        grep -q 'value="Two-sites"' "$work/post.html" || return 1
    [ "$(post "$work/staff" /plan /plan action=add-item item_kind=training item_key=t9 description=)" = 400 ] &&
        grep -q 'a short name and a description' "$work/post.html"
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
    echo "$page" | grep -q '<td>msl-staff</td>' && return 1
    echo "$page" | grep -q '<td>msl-trustee</td>' &&
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

# Last of the sign-ins: the failures below slow down every sign-in from this address.
throttled() {
    for _ in 1 2 3 4 5 6; do
        sign_in "$work/t" ready@example.org not-the-password-0 >/dev/null
    done
    [ "$(sign_in "$work/t" ready@example.org demo-password-1)" = 429 ]
}
check "repeated failed log-ins are slowed down" throttled

stops_cleanly() {
    kill -TERM "$server_pid" && wait "$server_pid"
    code=$?
    server_pid=""
    [ "$code" -eq 0 ] && ! grep -q 'Sanitizer' "$work/server.log"
}
check "the server stops on SIGTERM, cleanly and without a sanitizer report" stops_cleanly
exit $failed
