# Shared by the end-to-end scripts that send mail to a real SMTP server (mail.sh,
# notices.sh, remind.sh): Debian's python3-aiosmtpd running tests/e2e/smtp_server.py on
# a free loopback port, each message kept in $box as it arrived, and the reader of a
# kept message. Sourced after http-lib.sh.

py=/usr/bin/python3

# smtp_require: a TAP plan that skips the whole script when python3-aiosmtpd is absent.
smtp_require() {
    if ! "$py" -c 'import aiosmtpd' 2>/dev/null; then
        echo "1..0 # SKIP python3-aiosmtpd is not installed (scripts/install-deps test)"
        exit 0
    fi
}

free_port() { "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# smtp_begin NAME: e2e_begin NAME, the mailbox directory $box and the relay's port
# $smtp_port; at exit the SMTP server and a second certtrack server ($second_pid, when a
# script starts one) are stopped too.
smtp_begin() {
    e2e_begin "$1"
    box="$work/box"
    mkdir -p "$box"
    smtp_pid=""
    second_pid=""
    smtp_port=$(free_port)
    trap smtp_cleanup EXIT
}

smtp_cleanup() {
    [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null && wait "$smtp_pid" 2>/dev/null
    [ -n "$second_pid" ] && kill "$second_pid" 2>/dev/null && wait "$second_pid" 2>/dev/null
    e2e_cleanup
}

# start_smtp: the SMTP server on $smtp_port (smtp_pid), its log in $work/smtp.log; waits
# until it is ready.
start_smtp() {
    "$py" "$root/tests/e2e/smtp_server.py" "$box" "$smtp_port" 2>"$work/smtp.log" &
    smtp_pid=$!
    for _ in $(seq 100); do
        [ -f "$box/ready" ] && break
        sleep 0.1
    done
}

# read_mail FILE [HEADER|body|html]: a kept message's header, text or HTML part.
read_mail() { "$py" "$root/tests/e2e/mail_read.py" "$@"; }

# mail_count: how many messages have arrived.
mail_count() { ls "$box" | grep -c 'eml$'; }
