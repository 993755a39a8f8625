#!/usr/bin/env python3
"""The profile and the second factor over real HTTP and the command line, as TAP.

The demo's coordinator changes their name, downloads their record, sets up a second
factor from the setup page's key (codes computed here, RFC 6238, with the standard
library), signs out and in again through the second step (a replayed code refused, a
recovery code taken once), then `certtrack second-factor reset` removes it; with
`certtrack config set require-second-factor on` the coordinator is held on the setup
page right after signing in.

Usage: profile.py CERTTRACK SOURCE_ROOT
"""
import base64
import hashlib
import hmac
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from web_client import PASSWORD, Client, sql, start

TODAY = "2026-06-15"
EMAIL = "coordinator@example.org"
checks = []


def check(name, ok, detail=""):
    checks.append((name, ok, detail))


def totp(secret, step):
    digest = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1000000:06d}"


def csrf_of(page):
    return re.search(r'name="csrf_token" value="([0-9a-f]+)"', page).group(1)


def password_step(client):
    """Signs in with the password; answers the second step's page (or the redirect)."""
    _, _, page = client.send("GET", "/login")
    return client.send("POST", "/login", {"csrf_token": csrf_of(page), "email": EMAIL,
                                          "password": PASSWORD})


def profile_checks(client, db):
    status, _, page = client.send("GET", "/profile")
    check("the profile shows the e-mail address read-only", status == 200 and EMAIL in page)
    status, headers, _ = client.send("POST", "/profile", {"csrf_token": client.csrf,
                                                          "action": "name",
                                                          "name": "Casey C. Coordinator"})
    renamed = sql(db, f"SELECT name FROM people WHERE email = '{EMAIL}'")[0]
    check("a name change is saved and audited",
          status == 303 and renamed == "Casey C. Coordinator" and
          sql(db, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")[0] == "set-name")
    status, _, body = client.send("GET", "/profile/record.json")
    record = json.loads(body) if status == 200 else {}
    check("the record downloads without secrets",
          record.get("person", {}).get("email") == EMAIL and "password" not in body)


def set_up(client):
    status, _, page = client.send("GET", "/profile/second-factor")
    key = re.search(r'<code class="second-factor-key">([A-Z2-7]+)</code>', page)
    check("the setup page shows the key and its QR code",
          status == 200 and key is not None and "<svg" in page and "otpauth://totp/" in page)
    secret = base64.b32decode(key.group(1))
    step = int(time.time()) // 30
    status, _, page = client.send("POST", "/profile/second-factor",
                                  {"csrf_token": client.csrf, "action": "confirm",
                                   "code": totp(secret, step)})
    codes = re.findall(r"<li><code>([A-Z0-9-]{19})</code></li>", page)
    check("a current code confirms it and shows ten recovery codes",
          status == 200 and len(codes) == 10)
    return secret, step, codes


def second_step(client, page, code):
    return client.send("POST", "/login/second-step", {"csrf_token": csrf_of(page), "code": code})


def sign_in_checks(base, secret, used_step, codes):
    client = Client(base, "again")
    status, _, page = password_step(client)
    check("the password alone leads to the second step",
          status == 200 and "Code from your authenticator app" in page)
    status, _, page = second_step(client, page, totp(secret, used_step))
    check("a code of a step used already is refused", status == 401)
    status, headers, _ = second_step(client, page, codes[0])
    check("a recovery code signs in", status == 303 and headers.get("Location") == "/")
    other = Client(base, "other")
    _, _, page = password_step(other)
    status, _, _ = second_step(other, page, codes[0])
    check("a recovery code signs in once", status == 401)


def run_cli(certtrack, *args):
    return subprocess.run([certtrack, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


def cli_checks(certtrack, base, db, programs):
    done = run_cli(certtrack, "second-factor", "reset", "--db", db, "--programs", programs,
                   "--person", EMAIL)
    check("second-factor reset removes it, audited",
          done.returncode == 0 and
          sql(db, "SELECT COUNT(*) FROM second_factors")[0] == 0 and
          sql(db, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")[0] ==
          "second-factor-reset", done.stdout)
    again = run_cli(certtrack, "second-factor", "reset", "--db", db, "--programs", programs,
                   "--person", EMAIL)
    check("resetting a person without a factor is refused", again.returncode == 2, again.stdout)
    setting = run_cli(certtrack, "config", "set", "require-second-factor", "on", "--db", db,
                      "--programs", programs)
    client = Client(base, "held")
    status, headers, _ = password_step(client)
    status, headers, _ = client.send("GET", "/")
    check("with require-second-factor on, the coordinator is held on the setup page",
          setting.returncode == 0 and status == 303 and
          headers.get("Location") == "/profile/second-factor", setting.stdout)


def main():
    certtrack, root = sys.argv[1], sys.argv[2]
    programs = os.path.join(root, "programs")
    with tempfile.TemporaryDirectory(prefix="certtrack-profile-e2e.") as work:
        db = os.path.join(work, "demo.db")
        env = dict(os.environ, CERTTRACK_TODAY=TODAY)
        subprocess.run([certtrack, "demo-data", "--db", db, "--programs", programs],
                       check=True, stdout=subprocess.DEVNULL, env=env)
        server, base = start(certtrack, db, programs, work, TODAY)
        try:
            client = Client(base, "coordinator")
            client.sign_in(EMAIL)
            profile_checks(client, db)
            secret, step, codes = set_up(client)
            sign_in_checks(base, secret, step, codes)
            cli_checks(certtrack, base, db, programs)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"1..{len(checks)}")
    for number, (name, ok, detail) in enumerate(checks, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}")
        if not ok and detail:
            for line in detail.splitlines():
                print(f"# {line}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
