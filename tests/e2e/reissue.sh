#!/bin/sh
# End-to-end checks of a certificate's documents issued again after a name change, as
# TAP, over real HTTP on a fresh demo database: the coordinator's form and its
# confirmation page (nothing kept before the confirmation), the refusals (the name
# unchanged, no reason, a revoked certificate: nothing kept), the new version with its
# own code, the public check of the old code (superseded, still genuine, the
# certificate's state, no link to the new documents) and of the new one, the credential
# signed again (awardedDate kept, validFrom the reissue day, the new name, the same
# status-list place), the audit entries and the holder's notice.
# Usage: reissue.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin reissue

"$certtrack" demo-data --db "$work/demo.db" --programs "$programs" >/dev/null || exit 1
e2e_serve "$work/demo.db"

db() { sqlite3 "$work/demo.db" "$1"; }

for who in staff coordinator; do
    sign_in "$work/$who" "$who@example.org" >/dev/null
done

# The certificate of staff@ and its code, name and place in the status list as awarded.
cert=$(db "SELECT c.id FROM certificates c JOIN people p ON p.id = c.person_id
    WHERE p.email = 'staff@example.org'")
cert_number=$(db "SELECT number FROM certificates WHERE id = $cert")
old_code=$(db "SELECT verification_code FROM certificates WHERE id = $cert")
old_name=$(db "SELECT name FROM people WHERE email = 'staff@example.org'")
issued=$(db "SELECT issued FROM certificates WHERE id = $cert")
index=$(db "SELECT status_index FROM certificates WHERE id = $cert")
new_name="Aroha Anderson-Kawhia"

csrf() {
    curl -s -b "$1" "$base$2" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' |
        head -1
}

# reissue STEP REASON: the coordinator's POST; the answer goes to $work/page.html; prints
# the status and where it redirects.
reissue() {
    curl -s -o "$work/page.html" -w '%{http_code} %{redirect_url}' -b "$work/coordinator" \
        --data-urlencode "csrf_token=$(csrf "$work/coordinator" "/certificates/$cert/reissue")" \
        --data-urlencode "step=$1" --data-urlencode "reason=$2" \
        "$base/certificates/$cert/reissue"
}

versions() { db "SELECT COUNT(*) FROM certificate_versions WHERE certificate_id = $cert"; }

# The JSON of the payload of the compact JWS in FILE, on one line.
jws_payload() {
    python3 -c 'import base64,json,sys; p=open(sys.argv[1]).read().strip().split(".")[1];
print(json.dumps(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))))' "$1"
}

echo "1..12"

version_one() {
    row=$(db "SELECT version || ' ' || verification_code || ' ' || issued || ' ' ||
        (superseded_at IS NULL) || ' ' || printed_name FROM certificate_versions
        WHERE certificate_id = $cert")
    [ "$row" = "1 $old_code $issued 1 $old_name" ] || { echo "row: $row"; return 1; }
}
check "every certificate has its version 1: its code, its award day, the holder's name" version_one

form_explains() {
    got=$(curl -s -o "$work/form.html" -w '%{http_code}' -b "$work/coordinator" \
        "$base/certificates/$cert")
    [ "$got" = 200 ] && grep -q "href=\"/certificates/$cert/reissue\">Reissue documents" \
        "$work/form.html" || { echo "certificate page: $got"; return 1; }
    got=$(curl -s -o "$work/form.html" -w '%{http_code}' -b "$work/coordinator" \
        "$base/certificates/$cert/reissue")
    [ "$got" = 200 ] && grep -q "keeps its number, its award date and its expiry" "$work/form.html" &&
        grep -q "superseded on" "$work/form.html" && grep -q 'name="reason"' "$work/form.html"
}
check "the certificate's page links to the reissue form, which says what a reissue does" form_explains

unchanged_name_refused() {
    got=$(reissue confirm "name change")
    [ "${got% *}" = 400 ] || { echo "status: $got"; return 1; }
    grep -q "Nothing would change: the documents already print the holder" "$work/page.html" &&
        grep -q 'href="#names"' "$work/page.html" && [ "$(versions)" = 1 ]
}
check "with the name unchanged, the reissue is refused naming the name, and nothing is kept" \
    unchanged_name_refused

"$certtrack" person edit --db "$work/demo.db" --programs "$programs" --person staff@example.org --name "$new_name" \
    >/dev/null

no_reason_refused() {
    got=$(reissue check "   ")
    [ "${got% *}" = 400 ] && grep -q 'href="#reason"' "$work/page.html" &&
        grep -q "Say why the documents are issued again" "$work/page.html" && [ "$(versions)" = 1 ]
}
check "without a reason, the reissue is refused at the field, and nothing is kept" no_reason_refused

confirmation_first() {
    got=$(reissue check "name change")
    [ "${got% *}" = 200 ] || { echo "status: $got"; return 1; }
    grep -q "Reissue the documents</button>" "$work/page.html" &&
        grep -q "$new_name" "$work/page.html" && grep -q "$old_name" "$work/page.html" &&
        grep -q "superseded on 2026-06-15" "$work/page.html" &&
        grep -q 'name="step" value="change"' "$work/page.html" &&
        [ "$(versions)" = 1 ] &&
        [ "$(db "SELECT verification_code FROM certificates WHERE id = $cert")" = "$old_code" ]
}
check "the confirmation page says what will happen, with both names, and keeps nothing yet" \
    confirmation_first

reissued() {
    got=$(reissue confirm "name change")
    [ "$got" = "303 $base/certificates/$cert?reissued=1" ] || { echo "status: $got"; return 1; }
    new_code=$(db "SELECT verification_code FROM certificates WHERE id = $cert")
    row=$(db "SELECT version || '|' || issued || '|' || printed_name || '|' || reason || '|' ||
        issued_by FROM certificate_versions WHERE verification_code = '$new_code'
        AND superseded_at IS NULL")
    coordinator=$(db "SELECT id FROM people WHERE email = 'coordinator@example.org'")
    [ "$row" = "2|2026-06-15|$new_name|name change|$coordinator" ] || { echo "new: $row"; return 1; }
    old=$(db "SELECT superseded_at || ' ' || (superseded_by = (SELECT id FROM certificate_versions
        WHERE verification_code = '$new_code')) FROM certificate_versions
        WHERE verification_code = '$old_code'")
    [ "$old" = "2026-06-15 1" ] || { echo "old: $old"; return 1; }
    same=$(db "SELECT number || ' ' || issued || ' ' || status_index FROM certificates
        WHERE id = $cert")
    [ "$same" = "$cert_number $issued $index" ] && [ "$new_code" != "$old_code" ]
}
check "confirmed, a version 2 with a new code and the new name; number, award day and place kept" \
    reissued
new_code=$(db "SELECT verification_code FROM certificates WHERE id = $cert")

page_lists_versions() {
    curl -s -b "$work/coordinator" "$base/certificates/$cert?reissued=1" >"$work/cert.html"
    grep -q "The documents are reissued" "$work/cert.html" &&
        grep -q "Versions of the documents" "$work/cert.html" &&
        grep -q "href=\"/verify/$old_code\"" "$work/cert.html" &&
        grep -q "href=\"/verify/$new_code\"" "$work/cert.html"
}
check "the certificate's page says so and lists both versions with their checks" page_lists_versions

old_code_superseded() {
    curl -s "$base/verify/$old_code" >"$work/old.html"
    curl -s -H 'Accept: application/json' "$base/verify/$old_code" >"$work/old.json"
    grep -q "Superseded: these documents are genuine" "$work/old.html" &&
        grep -q "Valid: this certificate is valid" "$work/old.html" &&
        grep -q "$old_name" "$work/old.html" && ! grep -q "$new_code" "$work/old.html" &&
        ! grep -q "$new_name" "$work/old.html" && ! grep -q 'href="/certificates' "$work/old.html" &&
        python3 -c 'import json,sys; j=json.load(open(sys.argv[1]));
assert j["status"] == "valid" and j["superseded"] == {"date": "2026-06-15"}, j
assert j["version"] == 1 and j["number"] == sys.argv[2], j' "$work/old.json" "$cert_number"
}
check "/verify of the old code: superseded, still genuine and valid, naming nothing of the new" \
    old_code_superseded

new_code_current() {
    curl -s "$base/verify/$new_code" >"$work/new.html"
    curl -s -H 'Accept: application/json' "$base/verify/$new_code" >"$work/new.json"
    ! grep -q "Superseded:" "$work/new.html" && grep -q "$new_name" "$work/new.html" &&
        python3 -c 'import json,sys; j=json.load(open(sys.argv[1]));
assert j["status"] == "valid" and j["superseded"] is None and j["version"] == 2, j
assert j["holder"] == sys.argv[2], j' "$work/new.json" "$new_name"
}
check "/verify of the new code: valid, the new name, not superseded" new_code_current

credential_signed_again() {
    got=$(curl -s -o "$work/cred.jwt" -w '%{http_code}' -b "$work/staff" \
        "$base/certificates/$cert/credential.jwt")
    [ "$got" = 200 ] || { echo "credential: $got"; return 1; }
    jws_payload "$work/cred.jwt" >"$work/payload.json"
    python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); code, name, issued, index = sys.argv[2:6]
assert p["id"].endswith("/verify/" + code), p["id"]
assert p["awardedDate"] == issued + "T00:00:00Z", p["awardedDate"]
assert p["validFrom"] == "2026-06-15T00:00:00Z", p["validFrom"]
names = [i["identityHash"] for i in p["credentialSubject"]["identifier"] if i["identityType"] == "name"]
assert names == [name], names
assert p["credentialStatus"]["statusListIndex"] == index, p["credentialStatus"]' \
        "$work/payload.json" "$new_code" "$new_name" "$issued" "$index" &&
        [ "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -b "$work/staff" \
            "$base/certificates/$cert/certificate.pdf")" = "200 application/pdf" ]
}
check "the credential is signed again: the new code and name, awardedDate kept, validFrom today" \
    credential_signed_again

audited_and_told() {
    coordinator=$(db "SELECT id FROM people WHERE email = 'coordinator@example.org'")
    [ "$(db "SELECT COUNT(*) FROM audit_log WHERE action = 'reissue' AND actor_id = $coordinator
        AND ((entity = 'certificates' AND entity_id = $cert) OR entity = 'certificate_versions')")" = 2 ] ||
        return 1
    db "SELECT n.subject || char(10) || n.body FROM notices n JOIN people p ON p.id = n.person_id
        WHERE n.kind = 'notice-certificate-reissued' AND p.email = 'staff@example.org'" \
        >"$work/notice.txt"
    grep -q "in your name as it is now: $new_name" "$work/notice.txt" &&
        grep -q "name change" "$work/notice.txt" && grep -q "/verify/$new_code" "$work/notice.txt"
}
check "the reissue is audited with the coordinator, and the holder is told" audited_and_told

revoked_refused() {
    curl -s -o /dev/null -b "$work/coordinator" \
        --data-urlencode "csrf_token=$(csrf "$work/coordinator" "/certificates/$cert")" \
        --data-urlencode "reason=issued in error" --data-urlencode confirm=yes \
        "$base/certificates/$cert"
    [ -n "$(db "SELECT revoked FROM certificates WHERE id = $cert")" ] || return 1
    "$certtrack" person edit --db "$work/demo.db" --programs "$programs" --person staff@example.org \
        --name "Aroha Kawhia" >/dev/null
    got=$(curl -s -o "$work/page.html" -w '%{http_code}' -b "$work/coordinator" \
        --data-urlencode "csrf_token=$(csrf "$work/coordinator" "/certificates")" \
        --data-urlencode step=confirm --data-urlencode "reason=name change" \
        "$base/certificates/$cert/reissue")
    [ "$got" = 409 ] && [ "$(versions)" = 2 ] || { echo "reissue: $got $(versions)"; return 1; }
    for code in "$old_code" "$new_code"; do
        curl -s -H 'Accept: application/json' "$base/verify/$code" |
            grep -q '"status": *"revoked"' || { echo "$code not revoked"; return 1; }
    done
}
check "a revoked certificate is not reissued (409, nothing kept); both codes then say revoked" \
    revoked_refused

exit $failed
