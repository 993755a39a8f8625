"""A real OpenID Connect provider for the tests: Debian's glewlwyd, started on a free
loopback port with its SQLite backend in a directory of the test's own, and configured
through its administration API as the State's identity provider would be for
certtrack: a user with a verified e-mail address, a confidential client with
certtrack's redirect URI, and the OpenID Connect plugin signing with an RS256 key made
by openssl. Nothing outside that directory is touched.

Used by tests/e2e/oidc-glewlwyd.py and, as a command, by the browser test:
    glewlwyd_provider.py WORK REDIRECT_URI   prints the provider as one JSON line, then
                                             serves until its standard input closes.
"""
import gzip
import http.cookiejar
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

GLEWLWYD = "/usr/bin/glewlwyd"
DOC = "/usr/share/doc/glewlwyd"
WEBAPP = "/usr/share/glewlwyd/webapp"
ADMIN_PASSWORD = "password"  # the password init.sqlite3.sql gives the admin user

# The provider's users, by the e-mail addresses of the demonstration data set: the demo
# learner (verified), the ready learner (an address the provider has not verified), the
# trustee (whom a test may deactivate in certtrack), and a newcomer certtrack does not
# know.
USERS = {
    "staff": {"username": "sam", "password": "Sam-provider-pass-1", "name": "Sam Staff",
              "email": "staff@example.org", "verified": True},
    "unverified": {"username": "rue", "password": "Rue-provider-pass-1",
                   "name": "Rue Ready", "email": "ready@example.org", "verified": False},
    "trustee": {"username": "tom", "password": "Tom-provider-pass-1",
                "name": "Tom Trustee", "email": "trustee@example.org", "verified": True},
    "newcomer": {"username": "nia", "password": "Nia-provider-pass-1",
                 "name": "Nia Newcomer", "email": "newcomer@example.org", "verified": True},
}
CLIENT_ID = "certtrack"
CLIENT_SECRET = "certtrack-client-secret-1"


def available():
    """Why glewlwyd cannot serve here, or None when it can."""
    for path in (GLEWLWYD, os.path.join(DOC, "database", "init.sqlite3.sql.gz"), WEBAPP):
        if not os.path.exists(path):
            return f"glewlwyd is not installed ({path} is missing)"
    for tool in ("openssl",):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sample_config():
    with gzip.open(os.path.join(DOC, "glewlwyd.conf.sample.gz"), "rt") as sample:
        return sample.read()


def write_config(work, port):
    """glewlwyd's own sample configuration with this test's port, paths and cookies."""
    base = f"http://127.0.0.1:{port}"
    replace = {
        "port=": f"port={port}\nbind_address=\"127.0.0.1\"",
        "external_url=": f'external_url="{base}"',
        "static_files_path=": f'static_files_path="{work}/webapp/"',
        "cookie_domain=": 'cookie_domain="127.0.0.1"',
        "cookie_secure=": "cookie_secure=0",
        "log_mode=": 'log_mode="console"',
        "log_level=": 'log_level="INFO"',
    }
    lines = []
    for line in sample_config().splitlines():
        for start, value in replace.items():
            if line.startswith(start):
                line = value
        line = line.replace("/var/cache/glewlwyd/glewlwyd.db", f"{work}/glewlwyd.db")
        lines.append(line)
    path = os.path.join(work, "glewlwyd.conf")
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")
    return path


def write_webapp(work, base):
    """The login page's files (glewlwyd serves no symbolic links) and its config.json."""
    target = os.path.join(work, "webapp")
    shutil.copytree(WEBAPP, target, symlinks=False,
                    ignore=shutil.ignore_patterns("config.json"))
    with open(os.path.join(target, "config.json"), "w") as out:
        json.dump({"GlewlwydUrl": base + "/", "ProfileUrl": base + "/profile.html",
                   "AdminUrl": base + "/index.html", "LoginUrl": base + "/login.html",
                   "lang": ["en"], "defaultLang": "en", "GlewlwydApiPrefix": "api",
                   "defaultScheme": "", "defaultSchemeNamePlaceholder": "", "customCss": "",
                   "pictureAccept": "image/*"}, out)


def write_database(work):
    with gzip.open(os.path.join(DOC, "database", "init.sqlite3.sql.gz"), "rt") as init:
        script = init.read()
    with sqlite3.connect(os.path.join(work, "glewlwyd.db")) as connection:
        connection.executescript(script)


def make_key(work):
    key = os.path.join(work, "oidc-key.pem")
    public = os.path.join(work, "oidc-public.pem")
    subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                    "rsa_keygen_bits:2048", "-out", key], check=True, capture_output=True)
    subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-out", public], check=True,
                   capture_output=True)
    with open(key) as k, open(public) as p:
        return k.read(), p.read()


class Api:
    """glewlwyd's API with a cookie jar of its own."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + "/api" + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with self.opener.open(request, timeout=30) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def must(self, method, path, body=None):
        status, text = self.call(method, path, body)
        if status != 200:
            raise RuntimeError(f"glewlwyd {method} {path}: {status} {text}")
        return json.loads(text) if text.strip() else None


def oidc_parameters(base, key, public):
    issuer = base + "/api/oidc"
    verified_claim = {"name": "email_verified", "user-property": "email_verified",
                      "type": "boolean", "boolean-value-true": "1", "boolean-value-false": "0",
                      "mandatory": True, "on-demand": False, "scope": []}
    return issuer, {
        "iss": issuer, "jwt-type": "rsa", "jwt-key-size": "256", "key": key, "cert": public,
        "jwks-show": True, "access-token-duration": 3600, "refresh-token-duration": 1209600,
        "code-duration": 600, "refresh-token-rolling": False, "allow-non-oidc": False,
        "auth-type-code-enabled": True, "auth-type-token-enabled": False,
        "auth-type-id-token-enabled": True, "auth-type-none-enabled": False,
        "auth-type-password-enabled": False, "auth-type-client-enabled": False,
        "auth-type-device-enabled": False, "auth-type-refresh-enabled": True,
        "scope": [], "additional-parameters": [], "claims": [verified_claim],
        "name-claim": "mandatory", "name-claim-scope": [], "email-claim": "mandatory",
        "email-claim-scope": [], "scope-claim": "no", "scope-claim-scope": [],
        "address-claim": {"type": "no", "mandatory": False},
        "allowed-scope": ["openid", "email", "profile"], "pkce-allowed": True,
        "pkce-method-plain-allowed": False, "request-parameter-allow": False,
        "secret-type": "public", "session-management-allowed": False,
        "introspection-revocation-allowed": False, "register-client-allowed": False,
    }


def configure(base, redirect_uri, key, public):
    admin = Api(base)
    admin.must("POST", "/auth/", {"username": "admin", "password": ADMIN_PASSWORD})
    # The user store keeps email_verified, the claim certtrack trusts an address by.
    module = admin.must("GET", "/mod/user/database")
    module["parameters"]["data-format"]["email_verified"] = {
        "multiple": False, "read": True, "write": True, "profile-read": False,
        "profile-write": False}
    admin.must("PUT", "/mod/user/database", module)
    admin.must("PUT", "/mod/user/database/reset")  # the module reads its new format
    for scope in ("email", "profile"):
        admin.must("POST", "/scope/", {"name": scope, "display_name": scope,
                                       "description": f"OpenID Connect {scope}",
                                       "password_required": True, "scheme": {}})
    openid = admin.must("GET", "/scope/openid")
    openid["password_required"] = True
    admin.must("PUT", "/scope/openid", openid)
    for user in USERS.values():
        admin.must("POST", "/user/", {
            "username": user["username"], "password": user["password"], "name": user["name"],
            "email": user["email"], "enabled": True,
            "email_verified": "1" if user["verified"] else "0",
            "scope": ["openid", "email", "profile"]})
    admin.must("POST", "/client/", {
        "client_id": CLIENT_ID, "name": "certtrack", "description": "", "enabled": True,
        "confidential": True, "password": CLIENT_SECRET, "redirect_uri": [redirect_uri],
        "authorization_type": ["code"], "token_endpoint_auth_method": ["client_secret_basic"],
        "scope": []})
    issuer, parameters = oidc_parameters(base, key, public)
    admin.must("POST", "/mod/plugin/", {"module": "oidc", "name": "oidc",
                                        "display_name": "OpenID Connect", "enabled": True,
                                        "parameters": parameters})
    return issuer


class Provider:
    """glewlwyd, running: issuer, the client's id and secret, the users."""

    def __init__(self, work, redirect_uri):
        os.makedirs(work, exist_ok=True)
        self.work = work
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        write_database(work)
        write_webapp(work, self.base)
        config = write_config(work, self.port)
        key, public = make_key(work)
        self.log = open(os.path.join(work, "glewlwyd.log"), "w")
        self.process = subprocess.Popen([GLEWLWYD, "-c", config], stdout=self.log,
                                        stderr=self.log)
        self.wait_ready()
        self.issuer = configure(self.base, redirect_uri, key, public)
        self.client_id = CLIENT_ID
        self.client_secret = CLIENT_SECRET

    def wait_ready(self):
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/config/", timeout=1).read()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("glewlwyd did not start: see " + self.log.name)

    def describe(self):
        return {"issuer": self.issuer, "base": self.base, "client_id": self.client_id,
                "client_secret": self.client_secret, "users": USERS,
                "log": self.log.name}

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


if __name__ == "__main__":
    why = available()
    if why is not None:
        print(json.dumps({"skip": why}), flush=True)
        sys.exit(0)
    provider = Provider(sys.argv[1], sys.argv[2])
    try:
        print(json.dumps(provider.describe()), flush=True)
        sys.stdin.read()
    finally:
        provider.stop()
