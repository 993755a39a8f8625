#!/bin/sh
# End-to-end checks of `certtrack certificate` on the demo data set, as TAP: the PDF of
# an awarded certificate passes qpdf --check, its text names the learner, the program
# and the number, and its QR code reads as the verification URL. An unknown number is
# refused.
# Usage: certificate-commands.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
work=$(mktemp -d /tmp/certtrack-certificate-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
export CERTTRACK_TODAY=2026-06-15
db="$work/demo.db"
number=0
failed=0

check() { # description, then a command that must succeed
    number=$((number + 1))
    description=$1
    shift
    if "$@" >"$work/out" 2>"$work/err"; then
        echo "ok $number - $description"
    else
        echo "not ok $number - $description"
        sed 's/^/# /' "$work/err" "$work/out" | head -20
        failed=1
    fi
}

text_has() { # file, text
    grep -qF -- "$2" "$1" || { echo "missing: $2" >&2; return 1; }
}

qr_reads() { # pdf, expected text
    pdftoppm -r 150 -png -singlefile "$1" "$work/page" &&
        found=$(zbarimg --raw -q "$work/page.png") &&
        [ "$found" = "$2" ] || { echo "QR code reads '${found:-}', expected '$2'" >&2; return 1; }
}

"$certtrack" init --db "$db" --programs "$programs" >/dev/null &&
    "$certtrack" demo-data --db "$db" --programs "$programs" >/dev/null || {
    echo "Bail out! cannot make the demo database"
    exit 1
}
row=$(sqlite3 -separator '|' "$db" "SELECT c.number, p.name, c.verification_code FROM certificates c
    JOIN people p ON p.id = c.person_id WHERE c.program = 'msl-staff' ORDER BY c.id LIMIT 1")
cert_number=${row%%|*}
rest=${row#*|}
learner=${rest%%|*}
code=${rest#*|}
pdf="$work/certificate.pdf"

echo "1..7"
check "certificate pdf writes the awarded certificate" \
    "$certtrack" certificate pdf --db "$db" --programs "$programs" --number "$cert_number" --out "$pdf"
check "the PDF passes qpdf --check" qpdf --check "$pdf"
pdftotext -layout "$pdf" "$work/text" 2>/dev/null
check "pdftotext finds the learner's name" text_has "$work/text" "$learner"
check "pdftotext finds the program and the issuer" sh -c \
    'grep -qF "MSL Certification for Library Staff" "$1" && grep -qF "Montana State Library" "$1"' \
    sh "$work/text"
check "pdftotext finds the certificate number" text_has "$work/text" "$cert_number"
check "the QR code reads as the verification URL" qr_reads "$pdf" "http://127.0.0.1:8080/verify/$code"
number=$((number + 1))
"$certtrack" certificate pdf --db "$db" --programs "$programs" --number CT-0000-999999 \
    --out "$work/none.pdf" >"$work/out" 2>"$work/err"
if [ $? -eq 2 ] && [ ! -e "$work/none.pdf" ] && grep -q "CT-0000-999999" "$work/err"; then
    echo "ok $number - an unknown number is refused, and no file is written"
else
    echo "not ok $number - an unknown number is refused, and no file is written"
    failed=1
fi
exit $failed
