# Shared by the end-to-end scripts that drive `certtrack serve` over real HTTP (server.sh,
# api.sh, xapi.sh): a work directory removed at exit (with the server stopped), TAP
# checks, and the server on a free loopback port. Sourced after the script has set
# certtrack and programs.

# e2e_begin NAME: the work directory /tmp/certtrack-NAME-e2e.XXXXXX and the counters.
e2e_begin() {
    work=$(mktemp -d "/tmp/certtrack-$1-e2e.XXXXXX")
    server_pid=""
    number=0
    failed=0
    trap e2e_cleanup EXIT
}

e2e_cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
}

check() { # description, then a command that must succeed
    number=$((number + 1))
    description=$1
    shift
    if "$@" >"$work/check.out" 2>&1; then
        echo "ok $number - $description"
    else
        echo "not ok $number - $description"
        sed 's/^/# /' "$work/check.out" | head -30
        failed=1
    fi
}

# e2e_serve DB: `certtrack serve` on DB and a free loopback port, in the background
# (server_pid), its log in $work/server.log; sets base and waits until /healthz answers.
e2e_serve() {
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    base="http://127.0.0.1:$port"
    "$certtrack" serve --db "$1" --programs "$programs" --listen "127.0.0.1:$port" \
        >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 50); do
        curl -s "$base/healthz" >/dev/null 2>&1 && break
        sleep 0.1
    done
}
