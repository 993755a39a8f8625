# Shared by the end-to-end scripts that run `certtrack` commands on a database of their
# own (import-people.sh, import-records.sh): a work directory removed at exit, the TAP
# check, and a query of the database. Sourced after the script has set root.

# tap_begin NAME: the work directory /tmp/certtrack-NAME-e2e.XXXXXX (removed at exit),
# the database $work/demo.db, today 2026-06-15, and the counters.
tap_begin() {
    work=$(mktemp -d "/tmp/certtrack-$1-e2e.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    export CERTTRACK_TODAY=2026-06-15
    db="$work/demo.db"
    number=0
    failed=0
}

check() { # description, then a command that must succeed
    number=$((number + 1))
    description=$1
    shift
    if "$@" >"$work/out" 2>"$work/err"; then
        echo "ok $number - $description"
    else
        echo "not ok $number - $description"
        sed 's/^/# /' "$work/out" "$work/err" | head -20
        failed=1
    fi
}

# count SQL: the answer of SQL on the database.
count() { sqlite3 "$db" "$1"; }
