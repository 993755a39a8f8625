#!/bin/sh
# End-to-end: slow and greedy clients cannot lock others out of `certtrack serve`
# (per-address connection caps, the request deadline, the reserve, the proxy's
# exemption), as TAP. The clients are in slow-clients.py (python3).
# Usage: slow-clients.sh CERTTRACK SOURCE_ROOT
set -u
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is missing"; exit 0; }
exec python3 "$2/tests/e2e/slow-clients.py" "$1" "$2"
