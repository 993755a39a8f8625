#!/bin/sh
# End-to-end checks of `certtrack certificate` on the demo data set, as TAP: the PDF of
# an awarded certificate passes qpdf --check, its text names the learner, the program
# and the number, and its QR code reads as the verification URL. An unknown number is
# refused. The transcript of a certificate passes qpdf --check and names the learner,
# the program, the number and the activities; the transcript of a Strategic Track
# certificate (ready@'s track, awarded here) names the plan's goals and the library
# goals they served.
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

text_has() { # file, text (not empty)
    [ -n "$2" ] || { echo "nothing to look for" >&2; return 1; }
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

echo "1..18"
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

# The transcript of the same certificate: the activities counted at the award.
transcript="$work/transcript.pdf"
check "certificate transcript writes the certificate's transcript" \
    "$certtrack" certificate transcript --db "$db" --programs "$programs" --number "$cert_number" \
    --out "$transcript"
check "the transcript passes qpdf --check" qpdf --check "$transcript"
pdftotext -layout "$transcript" "$work/transcript.txt" 2>/dev/null
activity=$(sqlite3 "$db" "SELECT a.title FROM activities a JOIN certificates c
    ON c.person_id = a.person_id JOIN tracks t ON t.id = c.track_id WHERE c.number = '$cert_number'
    AND a.status = 'verified' AND a.date >= t.started AND a.date <= c.issued
    ORDER BY length(a.title), a.id LIMIT 1")
check "the transcript names the learner, the program, the number and an activity" sh -c \
    'for text in "Transcript" "$2" "MSL Certification for Library Staff" "$3" "$4" \
        "Total credits counted" "Page 1 of 1"; do
         [ -n "$text" ] && grep -qF -- "$text" "$1" || { echo "missing: [$text]" >&2; exit 1; }
     done' sh "$work/transcript.txt" "$learner" "$cert_number" "$activity"

# ready@'s Strategic Track, complete and submitted: awarded, then its transcript.
check "award gives ready@ the Strategic Track certificate" \
    "$certtrack" award --db "$db" --programs "$programs" --person ready@example.org
strategic=$(sqlite3 "$db" "SELECT c.number FROM certificates c JOIN people p ON p.id = c.person_id
    WHERE p.email = 'ready@example.org' AND c.program = 'msl-strategic'")
ready_name=$(sqlite3 "$db" "SELECT name FROM people WHERE email = 'ready@example.org'")
goal=$(sqlite3 -separator '|' "$db" "SELECT g.goal, l.title FROM plan_goals g
    JOIN library_goals l ON l.id = g.library_goal_id JOIN plan_versions v ON v.id = g.plan_version_id
    JOIN certificates c ON c.track_id = v.track_id WHERE c.number = '$strategic'
    AND v.organization_approved IS NOT NULL ORDER BY v.version DESC, g.position LIMIT 1")
plan_goal=${goal%%|*}
library_goal=${goal#*|}
strategic_pdf="$work/strategic-transcript.pdf"
check "certificate transcript writes the Strategic Track transcript" \
    "$certtrack" certificate transcript --db "$db" --programs "$programs" --number "$strategic" \
    --out "$strategic_pdf"
check "the Strategic Track transcript passes qpdf --check" qpdf --check "$strategic_pdf"
pdftotext -layout "$strategic_pdf" "$work/strategic.txt" 2>/dev/null
check "the Strategic Track transcript names the learner, the program and the number" sh -c \
    'for text in "$2" "Strategic Track to MSL Certification" "$3"; do
         [ -n "$text" ] && grep -qF -- "$text" "$1" || { echo "missing: [$text]" >&2; exit 1; }
     done' sh "$work/strategic.txt" "$ready_name" "$strategic"
check "the Strategic Track transcript lists self-directed learning" \
    text_has "$work/strategic.txt" "Self-directed: reading on the plan's goal"
check "the Strategic Track transcript names a plan goal" \
    text_has "$work/strategic.txt" "$plan_goal"
check "the Strategic Track transcript names the library goal it served" \
    text_has "$work/strategic.txt" "$library_goal"

number=$((number + 1))
"$certtrack" certificate transcript --db "$db" --programs "$programs" --number CT-0000-999999 \
    --out "$work/none.pdf" >"$work/out" 2>"$work/err"
if [ $? -eq 2 ] && [ ! -e "$work/none.pdf" ] && grep -q "CT-0000-999999" "$work/err"; then
    echo "ok $number - a transcript of an unknown number is refused, and no file is written"
else
    echo "not ok $number - a transcript of an unknown number is refused, and no file is written"
    failed=1
fi
exit $failed
