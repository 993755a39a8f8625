#!/bin/sh
# End-to-end checks of awarding, signed credentials and their public checks, as TAP:
# init and config keep the public URL; award prints the number and the verification URL
# (and refuses an incomplete track with the engine's codes); the signing key is made
# beside the database, the owner's alone; `certtrack verify` says valid, tampered,
# expired and revoked; revoke is audited; the credential is Open Badges 3.0's VC-JWT (header
# alg RS256, typ JWT, kid the key's address; sub the holder's random urn:uuid, the same in
# all their credentials and nothing personal); the server publishes the keys (the set,
# and the key at its kid), the issuer naming its key, and the status list, answers
# /verify/CODE as a page and as JSON, and limits how often one address may ask.
# Usage: credentials.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
. "$root/tests/e2e/http-lib.sh"
e2e_begin credentials
export CERTTRACK_TODAY=2026-06-15
db="$work/demo.db"

ct() { "$certtrack" "$@" --db "$db" --programs "$programs"; }

# The JSON of part N (0 header, 1 payload) of the compact JWS in FILE, on one line.
jws_part() {
    python3 -c 'import base64,json,sys; p=open(sys.argv[1]).read().strip().split(".")[int(sys.argv[2])];
print(json.dumps(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))))' "$1" "$2"
}

ct init --public-url https://certs.example.gov/ >/dev/null &&
    ct demo-data >/dev/null || {
    echo "Bail out! cannot make the demo database"
    exit 1
}

echo "1..29"

init_keeps_the_public_url() {
    [ "$(ct config get public-url)" = "https://certs.example.gov" ]
}
check "init --public-url keeps the address, without its trailing slash" init_keeps_the_public_url

config_refuses_bad_addresses() {
    for bad in ftp://x.example 'https://x.example/a b' 'https://x.example/?q=1' https:// \
        'https://user:pw@x.example'; do
        ct config set public-url "$bad" 2>"$work/err" && return 1
        grep -q "public-url" "$work/err" || return 1
    done
    ct config set colour blue 2>"$work/err"
    [ $? -eq 2 ] && grep -q '"colour" is not a setting' "$work/err" &&
        [ "$(ct config get public-url)" = "https://certs.example.gov" ]
}
check "config set refuses what is not an http(s) address, and unknown settings, keeping the old value" \
    config_refuses_bad_addresses

award_refuses_an_incomplete_track() {
    ct award --person planner@example.org >"$work/out" 2>"$work/err"
    [ $? -eq 2 ] && [ ! -s "$work/out" ] && [ -s "$work/err" ]
}
check "award refuses a track that is not complete (exit 2), saying why" award_refuses_an_incomplete_track

award_prints_number_and_url() {
    ct award --person ready@example.org >"$work/award" || return 1
    cert=$(sed -n 's/^Certificate \([^ ]*\) issued, valid until 2030-06-15\.$/\1/p' "$work/award")
    code=$(sqlite3 "$db" "SELECT verification_code FROM certificates WHERE number = '$cert'")
    [ -n "$cert" ] && [ -n "$code" ] &&
        grep -qx "Verification URL: https://certs.example.gov/verify/$code" "$work/award"
}
check "award prints the certificate number and its verification URL" award_prints_number_and_url
cert=$(sed -n 's/^Certificate \([^ ]*\) issued.*/\1/p' "$work/award")
cert_id=$(sqlite3 "$db" "SELECT id FROM certificates WHERE number = '$cert'")

credential_and_key() {
    ct certificate credential --number "$cert" --out "$work/cred.jwt" 2>"$work/err" || return 1
    [ "$(stat -c %a "$db.signing-key.jwk")" = 600 ] &&
        grep -q "made a signing key" "$work/err" &&
        [ "$(tr -cd . <"$work/cred.jwt" | wc -c)" = 2 ] &&
        ! grep -q '"d"' "$work/err" "$work/cred.jwt"
}
check "certificate credential writes a compact JWT; the key is made beside the database, mode 600" \
    credential_and_key

same_credential_again() {
    ct certificate credential --number "$cert" --out "$work/again.jwt" 2>"$work/err" &&
        cmp -s "$work/cred.jwt" "$work/again.jwt" && [ ! -s "$work/err" ]
}
check "the same certificate gives the same credential, with the same key" same_credential_again

the_subject_is_a_random_urn() {
    person=$(sqlite3 "$db" "SELECT p.id || '|' || p.email || '|' || p.subject_uuid FROM people p
        JOIN certificates c ON c.person_id = p.id WHERE c.number = '$cert'")
    jws_part "$work/cred.jwt" 1 | python3 -c 'import json,re,sys; c=json.load(sys.stdin);
person_id, email, uuid = sys.argv[1].split("|")
sub = c["credentialSubject"]["id"]
assert c["sub"] == sub == "urn:uuid:" + uuid, (c["sub"], sub, uuid)
assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", sub), sub
assert email.lower() not in json.dumps(c).lower(), "the address in clear"
assert person_id not in sub.split(":")[-1].split("-"), sub' "$person" || return 1
    # Another holder's credential names another subject.
    other_number=$(sqlite3 "$db" "SELECT number FROM certificates WHERE person_id <>
        (SELECT person_id FROM certificates WHERE number = '$cert') AND revoked IS NULL
        AND valid_until > '2026-06-15' LIMIT 1")
    ct certificate credential --number "$other_number" --out "$work/other.jwt" &&
        [ "$(jws_part "$work/other.jwt" 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["sub"])')" != \
            "$(jws_part "$work/cred.jwt" 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["sub"])')" ]
}
check "sub and credentialSubject.id are the holder's stored random urn:uuid, nothing personal" \
    the_subject_is_a_random_urn

ct certificate jwks --out "$work/jwks.json" >/dev/null
the_header_is_ob3s() {
    thumbprint=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["keys"][0]["kid"])' \
        "$work/jwks.json")
    jws_part "$work/cred.jwt" 0 | python3 -c 'import json,sys; h=json.load(sys.stdin);
assert h == {"alg": "RS256", "typ": "JWT", "kid": sys.argv[1]}, h' "$thumbprint" &&
        case $thumbprint in https://certs.example.gov/keys/?*) ;; *) false ;; esac
}
check "the JOSE header is alg RS256, typ JWT and kid the key's address, as in the JWK Set" \
    the_header_is_ob3s
verify_valid() {
    "$certtrack" verify "$work/cred.jwt" --jwks "$work/jwks.json" >"$work/out" &&
        grep -q "cred.jwt: valid" "$work/out" && grep -q "Strategic Track to MSL Certification" "$work/out"
}
check "verify says valid against the issuer's keys" verify_valid

verify_tampered() {
    python3 - "$work/cred.jwt" "$work/changed.jwt" <<'PY'
import base64, sys
header, payload, signature = open(sys.argv[1]).read().strip().split('.')
text = base64.urlsafe_b64decode(payload + '=' * (-len(payload) % 4)).decode()
text = text.replace('"creditsEarned":', '"creditsEarned":9', 1)
changed = base64.urlsafe_b64encode(text.encode()).decode().rstrip('=')
open(sys.argv[2], 'w').write('.'.join([header, changed, signature]) + '\n')
PY
    "$certtrack" verify "$work/changed.jwt" --jwks "$work/jwks.json" >"$work/out"
    [ $? -eq 3 ] && grep -q "changed.jwt: tampered" "$work/out"
}
check "verify says tampered when a character of the payload is changed (exit 3)" verify_tampered

verify_expired() {
    "$certtrack" verify "$work/cred.jwt" --jwks "$work/jwks.json" --as-of 2030-06-15 >"$work/out"
    [ $? -eq 3 ] && grep -q "expired" "$work/out" &&
        "$certtrack" verify "$work/cred.jwt" --jwks "$work/jwks.json" --as-of 2030-06-14 >/dev/null
}
check "verify says expired on the valid-until day, valid the day before" verify_expired

verify_not_a_credential() {
    echo "not a token" >"$work/junk"
    "$certtrack" verify "$work/junk" --jwks "$work/jwks.json" 2>"$work/err"
    [ $? -eq 2 ] && grep -q "not a credential" "$work/err" &&
        { "$certtrack" verify "$work/cred.jwt" --jwks "$work/junk" 2>"$work/err"; [ $? -eq 2 ]; } &&
        grep -q "not a JWK Set" "$work/err"
}
check "verify refuses what is not a credential or not a key set (exit 2)" verify_not_a_credential

backup_takes_the_key() {
    ct backup --to "$work/backup.db" >"$work/out" &&
        grep -q "signing key to $work/backup.db.signing-key.jwk" "$work/out" &&
        [ "$(stat -c %a "$work/backup.db.signing-key.jwk")" = 600 ] &&
        "$certtrack" certificate jwks --db "$work/backup.db" --programs "$programs" \
            --out "$work/backup-jwks.json" >/dev/null 2>"$work/err" &&
        ! grep -q "made a signing key" "$work/err" &&
        cmp -s "$work/jwks.json" "$work/backup-jwks.json" || return 1
    rm "$work/backup.db"
    ct backup --to "$work/backup.db" 2>"$work/err"
    [ $? -eq 2 ] && grep -q "already there" "$work/err" && [ ! -e "$work/backup.db" ]
}
check "backup copies the signing key beside the copy (mode 600): the copy signs with the same key" \
    backup_takes_the_key

ct certificate status-list --out "$work/list-before.jwt" >/dev/null
revoke_is_audited() {
    ct revoke --number "$cert" --reason "Credits counted twice" >"$work/out" &&
        grep -q "revoked on 2026-06-15" "$work/out" &&
        [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM audit_log WHERE entity = 'certificates'
            AND entity_id = $cert_id AND action = 'revoke'")" = 1 ] || return 1
    ct revoke --number "$cert" --reason "again" 2>"$work/err"
    [ $? -eq 2 ] && grep -q "already revoked" "$work/err" &&
        { ct revoke --number CT-0000-000000 --reason x 2>/dev/null; [ $? -eq 2 ]; }
}
check "revoke records the reason in the audit log; a second revoke and an unknown number are refused" \
    revoke_is_audited

verify_revoked() {
    ct certificate status-list --out "$work/list.jwt" >/dev/null &&
        "$certtrack" verify "$work/cred.jwt" --jwks "$work/jwks.json" --status-list "$work/list.jwt" \
            >"$work/out"
    [ $? -eq 3 ] && grep -q "revoked" "$work/out" &&
        "$certtrack" verify "$work/cred.jwt" --jwks "$work/jwks.json" \
            --status-list "$work/list-before.jwt" >/dev/null
}
check "verify with the status list says revoked; with the list from before the revoke, valid" verify_revoked

e2e_serve "$db"
ct config set public-url "$base" >/dev/null

served_keys_match() {
    ct certificate jwks --out "$work/jwks-here.json" >/dev/null &&
        curl -s "$base/.well-known/jwks.json" >"$work/served.json" &&
        python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]));
assert a == b, (a, b); assert "d" not in a["keys"][0]
assert a["keys"][0]["kid"].startswith(sys.argv[3] + "/keys/"), a' \
            "$work/served.json" "$work/jwks-here.json" "$base"
}
check "the server publishes the same public keys at /.well-known/jwks.json, no private part" \
    served_keys_match

the_kid_dereferences() {
    valid_number=$(sqlite3 "$db" "SELECT number FROM certificates WHERE revoked IS NULL
        AND valid_until > '2026-06-15' ORDER BY id LIMIT 1")
    ct certificate credential --number "$valid_number" --out "$work/cred-here.jwt" >/dev/null &&
        kid=$(jws_part "$work/cred-here.jwt" 0 | python3 -c 'import json,sys; print(json.load(sys.stdin)["kid"])') &&
        case $kid in "$base"/keys/?*) ;; *) false ;; esac &&
        curl -s -D "$work/headers" "$kid" >"$work/key.json" &&
        grep -qi '^content-type: application/json' "$work/headers" &&
        python3 -c 'import json,sys; k=json.load(open(sys.argv[1])); s=json.load(open(sys.argv[2]));
assert k == s["keys"][0], (k, s); assert k["kid"] == sys.argv[3] and k["kty"] == "RSA" and "d" not in k, k' \
            "$work/key.json" "$work/served.json" "$kid" &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/keys/not-our-key")" = 404 ]
}
check "the header's kid is an address that answers the public key as a JWK; another key is 404" \
    the_kid_dereferences

issuer_profile() {
    curl -s "$base/issuer" | python3 -c 'import json,sys; p=json.load(sys.stdin);
assert p["type"] == ["Profile"] and p["name"] == "Montana State Library" and p["id"].endswith("/issuer"), p'
}
check "the issuer profile is at /issuer" issuer_profile

issuer_names_its_key() {
    curl -s "$base/issuer" | python3 -c 'import json,sys; p=json.load(sys.stdin);
key = json.load(open(sys.argv[1]))["keys"][0]
method, = p["verificationMethod"]
assert method == {"id": sys.argv[2], "type": "JsonWebKey", "controller": p["id"], "publicKeyJwk": key}, method
assert p["assertionMethod"] == [sys.argv[2]], p' "$work/served.json" \
        "$(jws_part "$work/cred-here.jwt" 0 | python3 -c 'import json,sys; print(json.load(sys.stdin)["kid"])')"
}
check "the issuer profile names its key: a JsonWebKey verification method whose id is the kid" \
    issuer_names_its_key

achievement_resolves() {
    id=$(python3 -c 'import base64,json,sys; p=open(sys.argv[1]).read().split(".")[1];
print(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))["credentialSubject"]["achievement"]["id"])' \
        "$work/cred.jwt") &&
        path=${id#https://certs.example.gov} &&
        curl -s "$base$path" | python3 -c 'import json,sys; a=json.load(sys.stdin);
assert a["achievementType"] == "Certification" and a["creditsAvailable"] == 60, a' &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/achievements/no-such-program")" = 404 ]
}
check "the credential's achievement is served at its address; an unknown program is 404" \
    achievement_resolves

served_status_list() {
    # A certificate's credential issued for this address, then the certificate revoked:
    # the list the server serves says valid before and revoked after.
    other=$(sqlite3 "$db" "SELECT number FROM certificates WHERE revoked IS NULL
        AND valid_until > '2026-06-15' ORDER BY id DESC LIMIT 1")
    ct certificate credential --number "$other" --out "$work/here.jwt" >/dev/null &&
        curl -s -D "$work/headers" "$base/status/revocation" >"$work/served-list.jwt" &&
        grep -qi '^content-type: application/vc+jwt' "$work/headers" &&
        "$certtrack" verify "$work/here.jwt" --jwks "$work/served.json" \
            --status-list "$work/served-list.jwt" >/dev/null &&
        ct revoke --number "$other" --reason "Test of the served list" >/dev/null &&
        curl -s "$base/status/revocation" >"$work/served-list.jwt" &&
        "$certtrack" verify "$work/here.jwt" --jwks "$work/served.json" \
            --status-list "$work/served-list.jwt" >"$work/out"
    [ $? -eq 3 ] && grep -q revoked "$work/out"
}
check "the served status list is signed, and says revoked as soon as a certificate is revoked" \
    served_status_list

revoked_documents_refused() {
    ct certificate pdf --number "$cert" --out "$work/revoked.pdf" 2>"$work/err"
    [ $? -eq 2 ] && [ ! -e "$work/revoked.pdf" ] && grep -q "was revoked on 2026-06-15" "$work/err" &&
        { ct certificate credential --number "$cert" --out "$work/revoked.jwt" 2>/dev/null; [ $? -eq 2 ]; } &&
        ct certificate transcript --number "$cert" --out "$work/revoked-transcript.pdf" >/dev/null
}
check "a revoked certificate's PDF and credential are refused (exit 2); its transcript is written" \
    revoked_documents_refused

code=$(sqlite3 "$db" "SELECT verification_code FROM certificates WHERE id = $cert_id")
valid_code=$(sqlite3 "$db" "SELECT verification_code FROM certificates WHERE revoked IS NULL
    AND valid_until > '2026-06-15' ORDER BY id LIMIT 1")
verify_json() {
    curl -s -H 'Accept: application/json' "$base/verify/$code" | python3 -c 'import json,sys;
v=json.load(sys.stdin); assert v["status"] == "revoked", v; assert v["revoked"]["reason"] == "Credits counted twice", v
assert v["revoked"]["date"] == "2026-06-15" and v["program"]["id"] == "msl-strategic", v' &&
        curl -s -H 'Accept: application/json' "$base/verify/$valid_code" | python3 -c 'import json,sys;
v=json.load(sys.stdin); assert v["status"] == "valid" and v["revoked"] is None, v'
}
check "/verify/CODE as JSON says valid, or revoked with its date and reason" verify_json

verify_page() {
    page=$(curl -s "$base/verify/$code")
    echo "$page" | grep -q 'usa-alert--error" role="alert">.*Revoked: this certificate is not valid' &&
        echo "$page" | grep -q '<dd>Credits counted twice</dd>' &&
        curl -s "$base/verify/$(echo "$valid_code" | tr 'A-Z' 'a-z')" |
        grep -q 'usa-alert--success" role="status">.*Valid: this certificate is valid until'
}
check "/verify/CODE as a page says revoked with the reason; a code typed in lower case still checks" \
    verify_page

unknown_reveals_nothing() {
    [ "$(curl -s -o "$work/page" -w '%{http_code}' "$base/verify/ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")" = 404 ] &&
        grep -q "Not found" "$work/page" && ! grep -q "CT-20" "$work/page" &&
        [ "$(curl -s -H 'Accept: application/json' "$base/verify/not-a-code")" = '{"status":"not-found"}' ]
}
check "an unknown or malformed code says not found and nothing else" unknown_reveals_nothing

holder_downloads_only_their_own() {
    # Another holder's PDF is not served to a learner; it is to the CE coordinator.
    jar="$work/learner"
    token=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p')
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$token" \
        --data-urlencode email=staff@example.org --data-urlencode password=demo-password-1 "$base/login"
    [ "$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$base/certificates/$cert_id/certificate.pdf")" = 404 ] &&
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/certificates/$cert_id/credential.jwt")" = 303 ]
}
check "a certificate's documents are not served to another learner (404) or to no one (sign in)" \
    holder_downloads_only_their_own

settings_are_the_coordinators() {
    [ "$(curl -s -b "$work/learner" -o /dev/null -w '%{http_code}' "$base/settings")" = 403 ] &&
        token=$(curl -s -b "$work/learner" "$base/tokens" |
            sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1) &&
        [ "$(curl -s -b "$work/learner" -o /dev/null -w '%{http_code}' \
            --data-urlencode "csrf_token=$token" --data-urlencode public_url=https://evil.example \
            --data-urlencode issuer_name=Evil "$base/settings")" = 403 ] &&
        [ "$(ct config get public-url)" = "$base" ]
}
check "the settings page and its form are the CE coordinator's alone (403 for a learner)" \
    settings_are_the_coordinators

rate_limited() {
    codes=""
    for _ in $(seq 40); do
        codes="$codes $(curl -s -o /dev/null -w '%{http_code}' "$base/verify/$valid_code")"
    done
    echo "$codes" | grep -q 429 &&
        curl -s -D - -o /dev/null "$base/verify/$valid_code" | grep -qi '^retry-after: [0-9]'
}
check "one address checking too often gets 429 with Retry-After" rate_limited

behind_a_proxy() {
    # A second server, as behind a proxy: each forwarded address has its own limit; a
    # header that is not an address is not trusted.
    proxy_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    CERTTRACK_TRUST_PROXY=1 "$certtrack" serve --db "$db" --programs "$programs" \
        --listen "127.0.0.1:$proxy_port" >"$work/proxy.log" 2>&1 &
    proxy_pid=$!
    for _ in $(seq 50); do
        curl -s "http://127.0.0.1:$proxy_port/healthz" >/dev/null 2>&1 && break
        sleep 0.1
    done
    codes=""
    for _ in $(seq 35); do
        codes="$codes $(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-For: 203.0.113.9, 198.51.100.1' \
            "http://127.0.0.1:$proxy_port/verify/$valid_code")"
    done
    other=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-For: 198.51.100.2' \
        "http://127.0.0.1:$proxy_port/verify/$valid_code")
    kill "$proxy_pid" && wait "$proxy_pid"
    echo "$codes" | grep -q 429 && [ "$other" = 200 ]
}
check "behind a proxy (CERTTRACK_TRUST_PROXY=1) each forwarded address has its own limit" behind_a_proxy

exit $failed
