#!/usr/bin/env python3
"""The edges of certtrack serve, over real HTTP, as TAP: bytes that are not text, HEAD,
CSV file names, files for their owner alone, signing in that leaks nothing and locks no
owner out, xAPI authentication slowed, statement ids per site, an oversized batch.

Each check is one finding of the hardening review; each failed before its fix. Client
addresses other than 127.0.0.1 are loopback too (127.0.0.0/8 needs no setup on Linux).

Usage: hardening.py CERTTRACK SOURCE_ROOT
"""
import base64
import http.client
import json
import os
import re
import secrets
import stat
import subprocess
import sys
import tempfile
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from web_client import PASSWORD, Client, audit_mark, sql, start  # noqa: E402

TODAY = "2026-06-15"
SITE = "https://learn.example.org"


class Tap:
    def __init__(self):
        self.number = 0
        self.failed = 0

    def check(self, description, function):
        self.number += 1
        try:
            problem = function()
        except Exception as error:  # a check that raises has failed, with the reason
            problem = f"{type(error).__name__}: {error}"
        if problem:
            self.failed = 1
            print(f"not ok {self.number} - {description}")
            for line in str(problem).splitlines():
                print(f"# {line}")
        else:
            print(f"ok {self.number} - {description}")
        sys.stdout.flush()


def request_from(base, address, method, path, body=b"", headers=None):
    """One request from the loopback address given: (status, headers, text)."""
    port = int(base.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                            source_address=(address, 0))
    connection.request(method, path, body=body, headers=headers or {})
    answer = connection.getresponse()
    text = answer.read().decode("utf-8", "replace")
    connection.close()
    return answer.status, answer.headers, text


def login_body(token, email, password):
    return urllib.parse.urlencode({"csrf_token": token, "email": email,
                                   "password": password}).encode()


# ---- bytes that are not text ----

def not_text_forms(db, clients):
    """Every page form with a value that is not UTF-8, then one holding a NUL: 400 naming
    the field, and nothing written."""
    forms = [("learner", "/activities/new", "title"), ("learner", "/report", "text"),
             ("learner", "/plan", "skill_gaps"), ("director", "/plans", "comment"),
             ("director", "/verify", "reason"), ("coordinator", "/review", "comment"),
             ("coordinator", "/catalog/new", "title"), ("coordinator", "/settings", "issuer_name"),
             ("coordinator", "/certificates/1", "reason"), ("learner", "/tokens", "name"),
             ("coordinator", "/harvest/sites/new", "url"),
             ("coordinator", "/harvest/sites/1/accounts", "email"),
             ("coordinator", "/harvest/inbox/accounts", "account"),
             ("coordinator", "/harvest/inbox/courses", "url"), ("learner", "/track", "action")]
    problems = []
    for who, path, field in forms:
        for value, what in ((b"\xff\xfe", "is not UTF-8 text"), (b"ab\x00cd", "holds a NUL")):
            client = clients[who]
            body = urllib.parse.urlencode({"csrf_token": client.csrf, "action": "save",
                                           field: value}).encode()
            before = audit_mark(db)
            status, _, page = client.send("POST", path, raw=body)
            if status != 400 or f"&quot;{field}&quot; {what}" not in page:
                problems.append(f"POST {path} {field}: {status}, {what!r} not said")
            if audit_mark(db) != before:
                problems.append(f"POST {path}: something was written")
    return "\n".join(problems)


def not_text_query(clients):
    status, _, page = clients["coordinator"].send("GET", "/catalog?page=%00")
    if status != 400 or "query argument &quot;page&quot;" not in page:
        return f"a NUL in a query value: {status}"
    status, _, page = clients["learner"].send("GET", "/api/v1/me?as_of=%C3%28")
    answer = json.loads(page)
    if status != 400 or answer["error"]["code"] != "not-text" or answer["error"]["field"] != "as_of":
        return f"the API: {status} {page}"
    return None


def not_text_sign_in(base):
    status, headers, page = request_from(base, "127.0.0.9", "GET", "/login")
    cookie = headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page).group(1)
    body = f"csrf_token={token}&email=staff%FF%40example.org&password=x".encode()
    status, _, page = request_from(base, "127.0.0.9", "POST", "/login", body,
                                   {"Cookie": cookie,
                                    "Content-Type": "application/x-www-form-urlencoded"})
    return None if status == 400 and "&quot;email&quot;" in page else f"{status}"


# ---- HEAD and CSV ----

def head_for_every_get(db, clients):
    paths = ["/healthz", "/login", "/", "/catalog", "/compliance", "/compliance.csv",
             "/settings", "/issuer", "/.well-known/jwks.json", "/status/revocation",
             "/harvest", "/harvest/imports", "/certificates", "/tokens", "/libraries"]
    problems = []
    for path in paths:
        client = clients["coordinator"]
        got, _, body = client.send("GET", path)
        status, headers, head_body = client.send("HEAD", path)
        if status != got or head_body != "":
            problems.append(f"HEAD {path}: {status} (GET {got}), body {len(head_body)} bytes")
        elif status == 200 and headers.get("Content-Length") != str(len(body.encode())):
            problems.append(f"HEAD {path}: Content-Length {headers.get('Content-Length')}")
    return "\n".join(problems)


def csv_downloads_named(db, clients):
    site = sql(db, "SELECT id FROM lms_sites")[0]
    imported = sql(db, "SELECT MAX(id) FROM harvest_imports")[0]
    problems = []
    for path in ("/compliance.csv", f"/harvest/imports/{imported}.csv",
                 f"/harvest/sites/{site}/statements.csv"):
        status, headers, _ = clients["coordinator"].send("GET", path)
        disposition = headers.get("Content-Disposition", "")
        if status != 200 or not re.fullmatch(r'attachment; filename="[\w.-]+\.csv"', disposition):
            problems.append(f"{path}: {status}, Content-Disposition {disposition!r}")
    return "\n".join(problems)


# ---- files ----

def owner_only(paths):
    problems = []
    for path in paths:
        if not os.path.exists(path):
            problems.append(f"{path} is not there")
        elif stat.S_IMODE(os.stat(path).st_mode) != 0o600:
            problems.append(f"{path}: mode {oct(stat.S_IMODE(os.stat(path).st_mode))}")
    return "\n".join(problems)


# ---- signing in ----

def sign_in_form(base, address):
    status, headers, page = request_from(base, address, "GET", "/login")
    cookie = headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page).group(1)
    return cookie, token


def attempt(base, address, form, email, password):
    cookie, token = form
    status, _, _ = request_from(base, address, "POST", "/login",
                                login_body(token, email, password),
                                {"Cookie": cookie,
                                 "Content-Type": "application/x-www-form-urlencoded"})
    return status


def case_variants_share_a_throttle(base):
    """Six wrong passwords for one account, each typed in another case from another
    address: the account is slowed (429), whatever the case."""
    form = sign_in_form(base, "127.0.0.10")
    variants = ["ready@example.org", "Ready@example.org", "READY@example.org",
                "ready@EXAMPLE.org", "rEady@example.org", "reaDy@Example.Org"]
    for i, email in enumerate(variants):
        attempt(base, f"127.0.0.{11 + i}", form, email, "wrong password")
    status = attempt(base, "127.0.0.20", form, "READY@EXAMPLE.ORG", "wrong password")
    return None if status == 429 else f"a further wrong password: {status}, not 429"


def owner_not_locked_out(base):
    """An account slowed by wrong passwords from many addresses: its owner with the right
    password, from an address that has not failed, is signed in."""
    form = sign_in_form(base, "127.0.0.70")
    for i in range(7):
        attempt(base, f"127.0.0.{71 + i}", form, "director@example.org", "wrong password")
    if attempt(base, "127.0.0.79", form, "director@example.org", "wrong password") != 429:
        return "the account was not slowed"
    status = attempt(base, "127.0.0.80", form, "director@example.org", PASSWORD)
    return None if status == 303 else f"the owner: {status}, not 303"


def failing_address_slowed(base):
    form = sign_in_form(base, "127.0.0.30")
    for _ in range(6):
        attempt(base, "127.0.0.30", form, "planner@example.org", "wrong password")
    status = attempt(base, "127.0.0.30", form, "planner@example.org", PASSWORD)
    if status != 429:
        return f"the failing address with the right password: {status}, not 429"
    status = attempt(base, "127.0.0.31", sign_in_form(base, "127.0.0.31"),
                     "planner@example.org", PASSWORD)
    return None if status == 303 else f"from another address: {status}, not 303"


def planted_form_token(base):
    """A cookie and field that certtrack did not issue together do not pass."""
    planted = secrets.token_hex(32)
    status = attempt(base, "127.0.0.40", (f"certtrack_login={planted}", planted),
                     "staff@example.org", PASSWORD)
    if status != 400:
        return f"a planted pair: {status}, not 400"
    cookie, _ = sign_in_form(base, "127.0.0.40")
    _, token = sign_in_form(base, "127.0.0.40")
    status = attempt(base, "127.0.0.40", (cookie, token), "staff@example.org", PASSWORD)
    return None if status == 400 else f"a token of another form: {status}, not 400"


# ---- xAPI ----

STATEMENT = ('{"id": "%s", "actor": {"account": {"homePage": "%s", "name": "1"}},'
             ' "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},'
             ' "object": {"id": "%s/mod/book/view.php?id=%d"}}')


def xapi(base, address, key, secret, body, path="/xapi/statements"):
    credentials = base64.b64encode(f"{key}:{secret}".encode()).decode()
    return request_from(base, address, "POST", path, body.encode(),
                        {"Authorization": f"Basic {credentials}",
                         "X-Experience-API-Version": "1.0.3",
                         "Content-Type": "application/json"})


def xapi_failures_slowed(base, site):
    key, secret = site
    for _ in range(6):
        xapi(base, "127.0.0.50", key, "0" * 64, "[]")
    status, headers, _ = xapi(base, "127.0.0.50", key, secret, "[]")
    if status != 429 or not headers.get("Retry-After"):
        return f"the failing address: {status}, Retry-After {headers.get('Retry-After')}"
    status, _, _ = xapi(base, "127.0.0.51", key, "1" * 64, "[]")
    if status != 429:
        return f"a wrong secret for the slowed key from elsewhere: {status}, not 429"
    status, _, _ = xapi(base, "127.0.0.52", key, secret, "[]")
    return None if status == 200 else f"the site's right secret from elsewhere: {status}"


def main():
    certtrack, root = sys.argv[1], sys.argv[2]
    programs = os.path.join(root, "programs")
    tap = Tap()
    with tempfile.TemporaryDirectory(prefix="certtrack-hardening-e2e.") as work:
        db = os.path.join(work, "demo.db")
        env = dict(os.environ, CERTTRACK_TODAY=TODAY)

        def ct(*args):
            return subprocess.run([certtrack, *args, "--db", db, "--programs", programs],
                                  check=True, capture_output=True, text=True, env=env).stdout

        ct("init")
        ct("demo-data")
        sites = []
        for url in (SITE, "https://other.example.org"):
            out = ct("site", "add", "--url", url)
            sites.append((re.search(r"xAPI key:\s+(\S+)", out).group(1),
                          re.search(r"xAPI secret:\s+(\S+)", out).group(1)))
        report = os.path.join(work, "progress.csv")
        with open(report, "w", encoding="utf-8") as out:
            out.write(',"Email address","Quiz",""\n"S","staff@example.org","Completed",'
                      '"2026-05-03 10:00:00"\n')
        ct("import", "moodle-progress", report, "--site", SITE)
        server, base = start(certtrack, db, programs, work, TODAY)
        try:
            clients = {}
            for name, email in (("learner", "staff@example.org"),
                                ("director", "director@example.org"),
                                ("coordinator", "coordinator@example.org")):
                clients[name] = Client(base, name)
                clients[name].sign_in(email)
            print("1..14")
            tap.check("a page form value that is not UTF-8, or holds a NUL, is 400 naming the"
                      " field, in every form, and nothing is written",
                      lambda: not_text_forms(db, clients))
            tap.check("a query value that is not UTF-8, or holds a NUL, is 400 naming it"
                      " (JSON for the API)", lambda: not_text_query(clients))
            tap.check("the sign-in form's e-mail that is not UTF-8 is 400 naming it",
                      lambda: not_text_sign_in(base))
            tap.check("HEAD is answered for every GET: the same status and length, no body",
                      lambda: head_for_every_get(db, clients))
            tap.check("every CSV download carries Content-Disposition with a file name",
                      lambda: csv_downloads_named(db, clients))
            tap.check("the database, its -wal and -shm, and the signing key are the owner's"
                      " alone (600)",
                      lambda: owner_only([db, db + "-wal", db + "-shm", db + ".signing-key.jwk"]))
            backup = os.path.join(work, "backup.db")
            tap.check("a backup is the owner's alone (600), its key copy too",
                      lambda: (ct("backup", "--to", backup) and None) or
                      owner_only([backup, backup + ".signing-key.jwk"]))
            tap.check("wrong passwords for one account, typed in any case, share one slowdown",
                      lambda: case_variants_share_a_throttle(base))
            tap.check("the owner's right password passes while the account is slowed",
                      lambda: owner_not_locked_out(base))
            tap.check("a failing address is slowed, even for the right password; another"
                      " address is not", lambda: failing_address_slowed(base))
            tap.check("a sign-in form token that certtrack did not issue for its cookie is"
                      " refused (400)", lambda: planted_form_token(base))
            tap.check("xAPI: failed Basic authentications are slowed per address and per key;"
                      " the site's right secret still passes",
                      lambda: xapi_failures_slowed(base, sites[1]))
            tap.check("xAPI: a statement id is the site's own: another site sending it with"
                      " other content is stored as its own, learning nothing",
                      lambda: ids_per_site(db, base, sites))
            tap.check("xAPI: a batch of 1,001 statements is 413, nothing stored",
                      lambda: oversized_batch(db, base, sites[0]))
        finally:
            server.terminate()
            server.wait(timeout=10)
    return tap.failed


def ids_per_site(db, base, sites):
    shared = "8d7a5c3e-1f2b-4a6d-9e0c-7b3a2f1e5d41"
    first = STATEMENT % (shared, SITE, SITE, 1)
    second = STATEMENT % (shared, "https://other.example.org", "https://other.example.org", 2)
    status, _, _ = xapi(base, "127.0.0.60", *sites[0], first)
    if status != 200:
        return f"the first site: {status}"
    status, _, text = xapi(base, "127.0.0.60", *sites[1], second)
    if status != 200:
        return f"the second site, the same id, other content: {status} {text}"
    count = sql(db, f"SELECT COUNT(*) FROM xapi_statements WHERE id = '{shared}'")[0]
    return None if count == 2 else f"{count} statements stored under the id"


def oversized_batch(db, base, site):
    before = sql(db, "SELECT COUNT(*) FROM xapi_statements")[0]
    body = "[" + ",".join(STATEMENT % ("", SITE, SITE, i) for i in range(1001)) + "]"
    body = body.replace('"id": "", ', "")
    status, _, _ = xapi(base, "127.0.0.61", *site, body)
    after = sql(db, "SELECT COUNT(*) FROM xapi_statements")[0]
    return None if status == 413 and after == before else f"{status}, {after - before} stored"


if __name__ == "__main__":
    sys.exit(main())
