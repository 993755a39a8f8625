#!/bin/sh
# End-to-end checks of proof files on claims and of a rejected claim corrected and sent
# again, as TAP, over real HTTP on a fresh demo database: multipart uploads with curl (a
# PDF kept with its hash, a text file named .pdf and an 11 MiB file refused at the field
# with what was typed kept), the download for the learner, their verifier and the
# coordinator (and 404 for another learner), then a rejection, the correction sent again
# and what the verifier sees of it.
# Usage: proofs.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin proofs

"$certtrack" demo-data --db "$work/demo.db" --programs "$programs" >/dev/null || exit 1
e2e_serve "$work/demo.db"

db() { sqlite3 "$work/demo.db" "$1"; }

for who in staff director coordinator ready; do
    sign_in "$work/$who" "$who@example.org" >/dev/null
done

# csrf JAR PATH: the CSRF token of the form at PATH.
csrf() {
    curl -s -b "$1" "$base$2" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' |
        head -1
}

# claim JAR TITLE [curl -F options...]: a multipart claim of a 1-credit course; the
# answer goes to $work/claim.html; prints the status and where it redirects.
claim() {
    jar=$1
    title=$2
    shift 2
    curl -s -o "$work/claim.html" -w '%{http_code} %{redirect_url}' -b "$jar" \
        -F "csrf_token=$(csrf "$jar" /activities/new)" -F kind=course -F "title=$title" \
        -F date=2026-06-01 -F category=technology -F credits=1 "$@" "$base/activities/new"
}

# A small PDF, a text file named like one, and a PDF of 11 MiB.
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' \
    >"$work/certificate.pdf"
printf 'This is not a PDF, only its name says so.\n' >"$work/fake.pdf"
cp "$work/certificate.pdf" "$work/big.pdf"
head -c $((11 * 1024 * 1024)) /dev/zero >>"$work/big.pdf"

echo "1..10"

pdf_accepted() {
    got=$(claim "$work/staff" "Grant writing with proof" \
        -F "file=@$work/certificate.pdf;type=text/plain;filename=attendance certificate.pdf")
    [ "$got" = "303 $base/?done=claimed" ] || { echo "claim: $got"; return 1; }
    row=$(db "SELECT p.content_type || ' ' || p.size || ' ' || p.sha256 || ' ' || p.file_name
        FROM activity_proofs p JOIN activities a ON a.id = p.activity_id
        WHERE a.title = 'Grant writing with proof'")
    want="application/pdf $(wc -c <"$work/certificate.pdf" | tr -d ' ') $(sha256sum "$work/certificate.pdf" | cut -d' ' -f1) attendance certificate.pdf"
    [ "$row" = "$want" ] || { echo "row: $row"; echo "want: $want"; return 1; }
    # Audited with its hash, in the claim's transaction.
    [ "$(db "SELECT COUNT(*) FROM audit_log WHERE entity = 'activity_proofs'
        AND after_json LIKE '%$(sha256sum "$work/certificate.pdf" | cut -d' ' -f1)%'")" = 1 ]
}
check "a PDF sent with a claim is kept with it, its type read from its content, audited with its hash" \
    pdf_accepted

proof_id=$(db "SELECT p.id FROM activity_proofs p JOIN activities a ON a.id = p.activity_id
    WHERE a.title = 'Grant writing with proof'")
activity_id=$(db "SELECT id FROM activities WHERE title = 'Grant writing with proof'")

text_refused() {
    got=$(claim "$work/staff" "Typed title kept" -F "file=@$work/fake.pdf;type=application/pdf")
    [ "$got" = "400 " ] && grep -q 'not a PDF, PNG or JPEG image (its content is text/plain)' \
        "$work/claim.html" && grep -q 'href="#file"' "$work/claim.html" &&
        grep -q 'value="Typed title kept"' "$work/claim.html" &&
        grep -q 'id="file" name="file" type="file" aria-invalid="true"' "$work/claim.html" &&
        grep -q 'choose it again' "$work/claim.html" &&
        [ "$(db "SELECT COUNT(*) FROM activities WHERE title = 'Typed title kept'")" = 0 ]
}
check "a text file named .pdf is refused at the field, what was typed is kept" text_refused

big_refused() {
    got=$(claim "$work/staff" "Too big a proof" -F "file=@$work/big.pdf;type=application/pdf")
    [ "$got" = "400 " ] && grep -q 'larger than 10 MiB' "$work/claim.html" &&
        grep -q 'value="Too big a proof"' "$work/claim.html" &&
        [ "$(db "SELECT COUNT(*) FROM activities WHERE title = 'Too big a proof'")" = 0 ]
}
check "a file of 11 MiB is refused at the field, what was typed is kept" big_refused

empty_refused() {
    : >"$work/empty.pdf"
    got=$(claim "$work/staff" "Empty proof" -F "file=@$work/empty.pdf")
    [ "$got" = "400 " ] && grep -q 'The proof file is empty' "$work/claim.html"
}
check "an empty file is refused at the field" empty_refused

# download JAR: GET /proofs/$proof_id; headers in $work/headers, body in $work/download.
download() {
    curl -s -o "$work/download" -D "$work/headers" -w '%{http_code}' -b "$1" \
        "$base/proofs/$proof_id"
}

downloads() {
    for who in staff director coordinator; do
        [ "$(download "$work/$who")" = 200 ] || { echo "$who: not 200"; return 1; }
        cmp -s "$work/download" "$work/certificate.pdf" &&
            grep -qi '^content-type: application/pdf' "$work/headers" &&
            grep -qi '^content-disposition: attachment; filename="attendance_certificate.pdf"' \
                "$work/headers" &&
            grep -qi '^x-content-type-options: nosniff' "$work/headers" ||
            { echo "$who:"; cat "$work/headers"; return 1; }
    done
    [ "$(download "$work/ready")" = 404 ] || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/ready" "$base/activities/$activity_id")" = 404 ] ||
        return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/proofs/$proof_id")" != 200 ]
}
check "the learner, the verifier and the coordinator download the proof; another learner gets 404" \
    downloads

queue_shows_proof() {
    curl -s -b "$work/director" "$base/verify" | grep -q "href=\"/proofs/$proof_id\">attendance certificate.pdf</a> (PDF, " &&
        curl -s -b "$work/staff" "$base/activities/$activity_id" | grep -q "href=\"/proofs/$proof_id\""
}
check "the verifier sees the proof beside the claim in the queue, the learner on the claim's page" \
    queue_shows_proof

reject_then_resend() {
    token=$(csrf "$work/director" /verify)
    curl -s -o /dev/null -b "$work/director" --data-urlencode "csrf_token=$token" \
        --data-urlencode "activity=$activity_id" --data-urlencode action=reject \
        --data-urlencode "reason=Two credits, not one: see the certificate" \
        --data-urlencode confirm=yes "$base/verify"
    [ "$(db "SELECT status FROM activities WHERE id = $activity_id")" = rejected ] || return 1
    curl -s -b "$work/staff" "$base/" | grep -q "href=\"/activities/$activity_id/resend\">Correct and send again" ||
        { echo "no link on the dashboard"; return 1; }
    code=$(curl -s -o "$work/resend.html" -w '%{http_code}' -b "$work/staff" \
        "$base/activities/$activity_id/resend")
    [ "$code" = 200 ] && grep -q 'value="Grant writing with proof"' "$work/resend.html" &&
        grep -q 'Two credits, not one: see the certificate' "$work/resend.html" &&
        grep -q "name=\"replaces\" value=\"$activity_id\"" "$work/resend.html" || return 1
    got=$(curl -s -o "$work/claim.html" -w '%{http_code} %{redirect_url}' -b "$work/staff" \
        -F "csrf_token=$(csrf "$work/staff" "/activities/$activity_id/resend")" -F kind=course \
        -F "title=Grant writing with proof" -F date=2026-06-01 -F category=technology -F credits=2 \
        -F "replaces=$activity_id" "$base/activities/new")
    [ "$got" = "303 $base/?done=claimed" ] || { echo "resend: $got"; return 1; }
    [ "$(db "SELECT status || ' ' || credit_halves FROM activities WHERE replaces = $activity_id")" = "pending 4" ] &&
        [ "$(db "SELECT status || ' ' || (replaced_at IS NOT NULL) FROM activities WHERE id = $activity_id")" = "rejected 1" ] &&
        [ "$(db "SELECT COUNT(*) FROM audit_log WHERE entity = 'activities' AND entity_id = $activity_id AND action = 'replace'")" = 1 ]
}
check "a rejected claim is corrected and sent again: a new pending claim, the old one kept as replaced" \
    reject_then_resend

new_id=$(db "SELECT id FROM activities WHERE replaces = $activity_id")

verifier_sees_resend() {
    page=$(curl -s -b "$work/director" "$base/verify")
    echo "$page" | grep -q "<strong>Sent again</strong> after a rejection. Earlier reason: Two credits, not one: see the certificate" &&
        echo "$page" | grep -q "href=\"/proofs/$proof_id\">attendance certificate.pdf</a> (PDF, [0-9.]* bytes, sent with the earlier claim)" &&
        curl -s -b "$work/staff" "$base/" | grep -q 'Replaced by your corrected claim.'
}
check "the verifier sees the resend, the earlier reason and the earlier proof" verifier_sees_resend

resend_refused() {
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/staff" "$base/activities/$activity_id/resend")" = 409 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/staff" "$base/activities/$new_id/resend")" = 409 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/ready" "$base/activities/$activity_id/resend")" = 404 ] || return 1
    got=$(curl -s -o "$work/claim.html" -w '%{http_code}' -b "$work/staff" \
        -F "csrf_token=$(csrf "$work/staff" /activities/new)" -F kind=course \
        -F "title=Grant writing again" -F date=2026-06-02 -F category=technology -F credits=2 \
        -F "replaces=$activity_id" "$base/activities/new")
    [ "$got" != 303 ] && [ "$(db "SELECT COUNT(*) FROM activities WHERE title = 'Grant writing again'")" = 0 ]
}
check "a claim is corrected once, only when rejected, only by its learner" resend_refused

warned_keeps_asking() {
    # The claim dated before the plan: the confirmation step asks for the file again.
    got=$(curl -s -o "$work/warned.html" -w '%{http_code}' -b "$work/staff" \
        -F "csrf_token=$(csrf "$work/staff" /activities/new)" -F kind=course \
        -F "title=Cataloging before the plan, with proof" -F date=2025-06-18 \
        -F category=technology -F credits=1 -F "file=@$work/certificate.pdf;filename=before.pdf" \
        "$base/activities/new")
    [ "$got" = 200 ] && grep -q 'The rules will not count this claim' "$work/warned.html" &&
        grep -q 'enctype="multipart/form-data"' "$work/warned.html" &&
        grep -q 'The file you chose (before.pdf) is not kept until the claim is sent: choose it again' \
            "$work/warned.html" && grep -q 'name="file" type="file"' "$work/warned.html" || return 1
    [ "$(db "SELECT COUNT(*) FROM activities WHERE title = 'Cataloging before the plan, with proof'")" = 0 ] ||
        return 1
    got=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$work/staff" \
        -F "csrf_token=$(csrf "$work/staff" /activities/new)" -F kind=course \
        -F "title=Cataloging before the plan, with proof" -F date=2025-06-18 \
        -F category=technology -F credits=1 -F step=send \
        -F "file=@$work/certificate.pdf;filename=before.pdf" "$base/activities/new")
    [ "$got" = "303 $base/?done=claimed-warned" ] &&
        [ "$(db "SELECT p.file_name FROM activity_proofs p JOIN activities a ON a.id = p.activity_id
            WHERE a.title = 'Cataloging before the plan, with proof'")" = before.pdf ]
}
check "a claim that will not count asks for its proof again on the confirmation step, then keeps it" \
    warned_keeps_asking

exit $failed
