#!/usr/bin/env python3
"""Signing in through a real OpenID Connect provider, as TAP: Debian's glewlwyd started
on a free loopback port (glewlwyd_provider.py), certtrack's oidc-* settings pointing at
it, and the whole authorization code flow over HTTP with a cookie jar for each side: the
browser's trip to the provider, the provider's own sign-in (its API, as its login page
calls it) and consent, the way back with the code, certtrack's exchange of it and its
checks of the ID token, and the dashboard. Then the refusals: an unverified address, a
deactivated person, an unknown address (and the same address once the setting lets a
sign-in create a learner), a state used twice, a forged state. Skips, saying why, when
glewlwyd is not installed.

Usage: oidc-glewlwyd.py CERTTRACK SOURCE_ROOT
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
from urllib.request import HTTPCookieProcessor, Request, build_opener

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import glewlwyd_provider
from glewlwyd_provider import USERS, Api
from web_client import Client, NoRedirect, start

TODAY = "2026-06-15"


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


def provider_sign_in(provider, user, authorize_url):
    """The provider's side of a browser: signs user in at the provider and consents,
    then follows the authorization address; answers where the provider sends it back."""
    browser = Api(provider.base)
    browser.must("POST", "/auth/", {"username": user["username"], "password": user["password"]})
    browser.must("PUT", "/auth/grant/" + provider.client_id, {"scope": "openid email profile"})
    opener = build_opener(HTTPCookieProcessor(browser.jar), NoRedirect)
    # Without g_continue the provider shows its login page; the page, once the user has
    # signed in and consented, comes back with it.
    try:
        with opener.open(Request(authorize_url + "&g_continue"), timeout=30) as answer:
            return answer.status, answer.headers.get("Location", "")
    except Exception as error:  # urllib raises for the 302 NoRedirect leaves
        return getattr(error, "code", 0), error.headers.get("Location", "")


def begin(client):
    status, headers, _ = client.send("GET", "/login/oidc")
    location = headers.get("Location", "")
    if status != 303 or "/api/oidc/auth?" not in location:
        raise AssertionError(f"/login/oidc answered {status} to {location!r}")
    return location


def finish(client, provider, user):
    """A whole sign-in of user; answers certtrack's answer to the callback."""
    status, back = provider_sign_in(provider, user, begin(client))
    if status != 302 or "/login/oidc/callback?" not in back:
        raise AssertionError(f"the provider answered {status} to {back!r}")
    path = back[back.index("/login/oidc/callback"):]
    return client.send("GET", path), path


def signs_in(base, provider):
    client = Client(base, "staff")
    (status, headers, _), _ = finish(client, provider, USERS["staff"])
    if status != 303 or headers.get("Location") != "/":
        return f"the callback answered {status} to {headers.get('Location')!r}"
    status, _, page = client.send("GET", "/")
    if status != 200 or "Sign out" not in page:
        return f"the dashboard answered {status} without a signed-in page"
    return None


def refused(base, provider, user, status_wanted, words):
    client = Client(base, user["username"])
    (status, _, page), _ = finish(client, provider, user)
    if status != status_wanted or words not in page:
        return f"answered {status}, wanted {status_wanted} saying {words!r}:\n{page[-1500:]}"
    if "certtrack_session" in str(client.jar):
        return "a session cookie was given"
    return None


def state_used_twice(base, provider):
    client = Client(base, "staff")
    (status, _, _), path = finish(client, provider, USERS["staff"])
    if status != 303:
        return f"the first callback answered {status}"
    # The same browser's cookie again, as a replay would send it.
    state = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)["state"][0]
    status, _, page = client.send("GET", path, headers={"Cookie": f"certtrack_oidc={state}"})
    if status != 400 or "finished already" not in page:
        return f"the replayed callback answered {status}"
    return None


def another_browser(base, provider):
    """Login CSRF: a callback address (with its code) made by one browser, opened in
    another, signs no one in there."""
    attacker = Client(base, "attacker")
    status, back = provider_sign_in(provider, USERS["staff"], begin(attacker))
    if status != 302:
        return f"the provider answered {status}"
    victim = Client(base, "victim")
    status, _, page = victim.send("GET", back[back.index("/login/oidc/callback"):])
    if status != 400 or "begun in another browser" not in page:
        return f"the callback in another browser answered {status}"
    if "certtrack_session" in str(victim.jar):
        return "the other browser got a session"
    return None


def forged_state(base):
    client = Client(base, "forger")
    status, _, page = client.send("GET", "/login/oidc/callback?state=forged&code=anything",
                                  headers={"Cookie": "certtrack_oidc=forged"})
    return None if status == 400 and "not one certtrack began" in page else f"answered {status}"


def login_button(base):
    status, _, page = Client(base, "visitor").send("GET", "/login")
    if status != 200 or 'href="/login/oidc"' not in page or "Sign in with the State" not in page:
        return f"/login answered {status} without the button"
    return None


def main():
    certtrack, root = sys.argv[1], sys.argv[2]
    why = glewlwyd_provider.available()
    if why is not None:
        print(f"1..0 # SKIP {why}")
        return 0
    programs = os.path.join(root, "programs")
    tap = Tap()
    with tempfile.TemporaryDirectory(prefix="certtrack-oidc-e2e.") as work:
        db = os.path.join(work, "demo.db")
        env = dict(os.environ, CERTTRACK_TODAY=TODAY)
        secret_file = os.path.join(work, "oidc-client-secret")

        def ct(*args):
            return subprocess.run([certtrack, *args, "--db", db, "--programs", programs],
                                  check=True,
                                  capture_output=True, text=True, env=env).stdout

        ct("init")
        ct("demo-data")
        server, base = start(certtrack, db, programs, work, TODAY)
        provider = None
        try:
            provider = glewlwyd_provider.Provider(os.path.join(work, "glewlwyd"),
                                                  base + "/login/oidc/callback")
            with open(secret_file, "w") as out:
                out.write(provider.client_secret + "\n")
            ct("config", "set", "public-url", base)
            ct("config", "set", "oidc-issuer", provider.issuer)
            ct("config", "set", "oidc-client-id", provider.client_id)
            ct("config", "set", "oidc-client-secret-file", secret_file)
            print("1..9")
            tap.check("the sign-in page offers the provider's button", lambda: login_button(base))
            tap.check("a verified address at the provider signs its person in, to the dashboard",
                      lambda: signs_in(base, provider))
            tap.check("an address the provider has not verified signs no one in",
                      lambda: refused(base, provider, USERS["unverified"], 403, "not verified"))
            with sqlite3.connect(db) as connection:
                connection.execute("UPDATE people SET deactivated_at = '2026-06-01'"
                                   " WHERE email = 'trustee@example.org'")
            tap.check("a deactivated person is refused",
                      lambda: refused(base, provider, USERS["trustee"], 403, "deactivated"))
            tap.check("an address no one has is refused while the setting is no",
                      lambda: refused(base, provider, USERS["newcomer"], 403,
                                      "No one in certtrack has"))
            ct("config", "set", "oidc-create-people", "yes")
            tap.check("with oidc-create-people yes, the newcomer signs in as a new learner",
                      lambda: signs_in_new(base, provider, db))
            tap.check("a state is good once: the callback replayed is refused",
                      lambda: state_used_twice(base, provider))
            tap.check("a state certtrack never began is refused", lambda: forged_state(base))
            tap.check("a callback address opened in another browser signs no one in",
                      lambda: another_browser(base, provider))
        finally:
            if provider is not None:
                provider.stop()
            server.terminate()
            server.wait()
    return tap.failed


def signs_in_new(base, provider, db):
    client = Client(base, "newcomer")
    (status, headers, page), _ = finish(client, provider, USERS["newcomer"])
    if status != 303:
        return f"the callback answered {status}:\n{page[-800:]}"
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT p.name, r.role FROM people p JOIN person_roles r ON r.person_id = p.id"
            " WHERE p.email = 'newcomer@example.org'").fetchall()
    return None if row == [("Nia Newcomer", "learner")] else f"the new person is {row}"


if __name__ == "__main__":
    sys.exit(main())
