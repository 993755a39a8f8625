#!/bin/sh
# The server's end-to-end tests again, with a ThreadSanitizer build of certtrack
# (build-tsan/, made by `make test` and `make tsan`), as TAP: each suite must pass and
# ThreadSanitizer must report nothing (tests/tsan.supp names the only exceptions:
# fontconfig's and Pango's own threads).
# Usage: tsan.sh SOURCE_ROOT [CERTTRACK_TSAN]
set -u
root=$1
certtrack=${2:-$root/build-tsan/certtrack}
if [ ! -x "$certtrack" ]; then
    echo "1..0 # SKIP no ThreadSanitizer build at $certtrack (make tsan builds it)"
    exit 0
fi
reports=$(mktemp -d /tmp/certtrack-tsan.XXXXXX)
trap 'rm -rf "$reports"' EXIT
export TSAN_OPTIONS="log_path=$reports/report report_signal_unsafe=0 suppressions=$root/tests/tsan.supp"
suites="server.sh api.sh xapi.sh credentials.sh harvest-web.sh hardening.py page-roles.py mail.sh"
echo "1..9"
number=0
failed=0
for suite in $suites; do
    number=$((number + 1))
    case $suite in
    *.py) runner=python3 ;;
    *) runner=sh ;;
    esac
    $runner "$root/tests/e2e/$suite" "$certtrack" "$root" >"$reports/$suite.tap" 2>&1
    code=$?
    passed=$(grep -c '^ok' "$reports/$suite.tap")
    if [ "$code" -eq 0 ] && ! grep -q '^not ok' "$reports/$suite.tap"; then
        echo "ok $number - $suite under ThreadSanitizer ($passed checks)"
    else
        echo "not ok $number - $suite under ThreadSanitizer (exit $code)"
        grep -A3 '^not ok' "$reports/$suite.tap" | sed 's/^/# /' | head -20
        failed=1
    fi
done
number=$((number + 1))
found=$(find "$reports" -name 'report.*' | wc -l)
if [ "$found" -eq 0 ]; then
    echo "ok $number - ThreadSanitizer reported nothing"
else
    echo "not ok $number - ThreadSanitizer reported $found time(s)"
    cat "$reports"/report.* | head -60 | sed 's/^/# /'
    failed=1
fi
exit $failed
