# Shared by the end-to-end scripts that drive `certtrack serve` over real HTTP (server.sh,
# api.sh, xapi.sh, ...): a work directory removed at exit (with the server stopped), TAP
# checks, the server on a free loopback port, signing in, API tokens and API requests. Sourced after the script has set
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

# sign_in JAR EMAIL [PASSWORD]: the log-in form, then the POST with the cookie jar JAR
# (PASSWORD: the demo data's, demo-password-1); the answer goes to $work/body; prints the
# status.
sign_in() {
    curl -s -c "$1" -b "$1" "$base/login" >"$work/form.html"
    token=$(sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' "$work/form.html" | head -1)
    curl -s -c "$1" -b "$1" -o "$work/body" -w '%{http_code}' --data-urlencode "csrf_token=$token" \
        --data-urlencode "email=$2" --data-urlencode "password=${3:-demo-password-1}" "$base/login"
}

# new_token EMAIL: signs in (the cookie jar stays, $work/jar-EMAIL) and creates a
# personal API token on the /tokens page, as a person does; prints the token.
new_token() {
    jar="$work/jar-$1"
    sign_in "$jar" "$1" >/dev/null
    csrf=$(curl -s -b "$jar" "$base/tokens" |
        sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    curl -s -o "$work/tokens.html" -b "$jar" --data-urlencode "csrf_token=$csrf" \
        --data-urlencode action=create --data-urlencode name=e2e-test "$base/tokens"
    sed -n 's/.*<code>\(ct_[0-9a-f]*\)<\/code>.*/\1/p' "$work/tokens.html" | head -1
}

# api TOKEN METHOD PATH [JSON]: the request with the token (and the JSON body); the
# answer goes to $work/body; prints the status.
api() {
    if [ $# -ge 4 ]; then
        curl -s -o "$work/body" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" \
            -H 'Content-Type: application/json' --data-binary "$4" "$base$3"
    else
        curl -s -o "$work/body" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" "$base$3"
    fi
}
