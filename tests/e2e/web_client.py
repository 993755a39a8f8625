"""What the Python end-to-end tests share: a client with its own cookies and CSRF token,
the server started on a free loopback port, and reads of the database."""
import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "demo-password-1"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One identity: its cookies, and the CSRF token of its session."""

    def __init__(self, base, name):
        self.base = base
        self.name = name
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.csrf = ""
        self.roles = set()

    def send(self, method, path, fields=None, raw=None, headers=None):
        """Sends fields (urlencoded) or raw bytes; answers (status, headers, text)."""
        data = urllib.parse.urlencode(fields).encode() if fields is not None else raw
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with self.opener.open(request, timeout=30) as answer:
                return answer.status, answer.headers, answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def sign_in(self, email):
        _, _, page = self.send("GET", "/login")
        token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page).group(1)
        status, _, _ = self.send("POST", "/login",
                                 {"csrf_token": token, "email": email, "password": PASSWORD})
        assert status == 303, f"{email} could not sign in ({status})"
        _, _, page = self.send("GET", "/tokens")
        self.csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page).group(1)


def sql(db, query):
    with sqlite3.connect(db) as connection:
        return connection.execute(query).fetchone()


def audit_mark(db):
    return sql(db, "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM audit_log")




def start(certtrack, db, programs, work, today, extra_env=None):
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    env = dict(os.environ, CERTTRACK_TODAY=today, **(extra_env or {}))
    server = subprocess.Popen([certtrack, "serve", "--db", db, "--programs", programs,
                               "--listen", f"127.0.0.1:{port}"], stdout=log, stderr=log, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("the server did not start")
