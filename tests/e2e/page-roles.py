#!/usr/bin/env python3
"""Every page route, GET and POST, against every role, over real HTTP, as TAP.

The table below says, independently of src/web/routes.c, who may call each page route:
anyone, anyone signed in, or the holders of some roles. For each route the test sends
the request as an anonymous visitor and as a learner, a supervisor and library
administrator (the demo director), a CE coordinator and a consultant, each with a valid
CSRF token of their own session and a body that would change the record if it were
let through (award the ready track, verify a claim, sign a plan, revoke a certificate,
change the settings...). A caller the table excludes must get 403 (a visitor: a
redirect to the sign-in page), and the audit trail, which every change writes to, must
not have moved. A caller the table admits must not be refused by the route. The table
must name every page route of routes.c, so a new route cannot go untested.

Usage: page-roles.py CERTTRACK SOURCE_ROOT
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from web_client import PASSWORD, Client, audit_mark, sql, start

TODAY = "2026-06-15"
COORDINATOR = {"ce-coordinator"}
SUPERVISOR = {"supervisor"}
LEARNER = {"learner"}
ROLE_REFUSAL = "Your role does not give you access to this page."

# METHOD, PATH (as in routes.c), who may call it: "public", "signed-in" (any role; the
# page itself decides what the data lets the caller see) or a set of roles.
ROUTES = [
    ("GET", "/healthz", "public"),
    ("GET", "/favicon.ico", "public"),
    ("GET", "/login", "public"),
    ("POST", "/login", "public"),
    ("GET", "/login/oidc", "public"),
    ("GET", "/login/oidc/callback", "public"),
    ("GET", "/password-reset", "public"),
    ("POST", "/password-reset", "public"),
    ("GET", "/account/password", "public"),
    ("POST", "/account/password", "public"),
    ("GET", "/account/email", "public"),
    ("POST", "/account/email", "public"),
    ("POST", "/logout", "signed-in"),
    ("POST", "/session/stay", "signed-in"),
    ("GET", "/kept-form", "signed-in"),
    ("GET", "/", "signed-in"),
    ("GET", "/activities/new", LEARNER),
    ("POST", "/activities/new", LEARNER),
    ("POST", "/activities/{id}/withdraw", LEARNER),
    ("GET", "/activities/{id}", "signed-in"),
    ("GET", "/activities/{id}/resend", LEARNER),
    ("GET", "/activities/{id}/correct", COORDINATOR),
    ("POST", "/activities/{id}/correct", COORDINATOR),
    ("GET", "/proofs/{id}", "signed-in"),
    ("POST", "/track", LEARNER),
    ("GET", "/tracks/new", LEARNER),
    ("POST", "/tracks/new", LEARNER),
    ("GET", "/people/{id}/tracks/new", {"ce-coordinator", "library-administrator"}),
    ("POST", "/people/{id}/tracks/new", {"ce-coordinator", "library-administrator"}),
    ("POST", "/tracks/{id}/withdraw", "signed-in"),
    ("GET", "/report", LEARNER),
    ("POST", "/report", LEARNER),
    ("GET", "/plan", LEARNER),
    ("POST", "/plan", LEARNER),
    ("GET", "/plans", SUPERVISOR),
    ("POST", "/plans", SUPERVISOR),
    ("GET", "/verify", SUPERVISOR),
    ("POST", "/verify", SUPERVISOR),
    ("GET", "/review", COORDINATOR),
    ("POST", "/review", COORDINATOR),
    ("GET", "/compliance", {"ce-coordinator", "consultant"}),
    ("GET", "/compliance.csv", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/programs.csv", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/kinds.csv", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/directors.csv", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/months.csv", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/quarter.csv", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/expiring.csv", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/certified", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/certified.csv", {"ce-coordinator", "consultant"}),
    ("GET", "/statewide/certified.txt", {"ce-coordinator", "consultant"}),
    ("GET", "/library", {"library-administrator"}),
    ("GET", "/catalog", "signed-in"),
    ("GET", "/catalog/new", COORDINATOR),
    ("POST", "/catalog/new", COORDINATOR),
    ("POST", "/catalog/events/{id}/register", "signed-in"),
    ("POST", "/catalog/events/{id}/cancel", "signed-in"),
    ("GET", "/catalog/events/{id}/roster", "signed-in"),
    ("POST", "/catalog/events/{id}/roster", "signed-in"),
    ("POST", "/catalog/events/{id}/roster/upload", "signed-in"),
    ("GET", "/catalog/events/{id}/edit", COORDINATOR),
    ("POST", "/catalog/events/{id}/edit", COORDINATOR),
    ("GET", "/catalog/events/{id}/withdraw", COORDINATOR),
    ("POST", "/catalog/events/{id}/withdraw", COORDINATOR),
    ("GET", "/calendar", "public"),
    ("GET", "/calendar.ics", "public"),
    ("GET", "/certificates", COORDINATOR),
    ("GET", "/certificates/{id}", COORDINATOR),
    ("POST", "/certificates/{id}", COORDINATOR),
    ("GET", "/certificates/{id}/reissue", COORDINATOR),
    ("POST", "/certificates/{id}/reissue", COORDINATOR),
    ("GET", "/settings", COORDINATOR),
    ("POST", "/settings", COORDINATOR),
    ("GET", "/check-certificate", "public"),
    ("GET", "/verify/{code}", "public"),
    ("GET", "/.well-known/jwks.json", "public"),
    ("GET", "/keys/{code}", "public"),
    ("GET", "/issuer", "public"),
    ("GET", "/achievements/{code}", "public"),
    ("GET", "/status/revocation", "public"),
    ("GET", "/certificates/{id}/certificate.pdf", "signed-in"),
    ("GET", "/certificates/{id}/transcript.pdf", "signed-in"),
    ("GET", "/certificates/{id}/credential.jwt", "signed-in"),
    ("GET", "/people/{id}/new-director-letter.pdf", "signed-in"),
    ("GET", "/staff", {"supervisor", "library-administrator"}),
    ("GET", "/people/{id}/history", {"ce-coordinator", "consultant"}),
    ("GET", "/libraries/{id}/history", {"ce-coordinator", "consultant"}),
    ("GET", "/people/{id}", "signed-in"),
    ("GET", "/people", {"ce-coordinator", "consultant", "library-administrator"}),
    ("GET", "/people/new", {"ce-coordinator", "library-administrator"}),
    ("POST", "/people/new", {"ce-coordinator", "library-administrator"}),
    ("POST", "/people/{id}", {"ce-coordinator", "library-administrator"}),
    ("POST", "/people/{id}/invite", {"ce-coordinator", "library-administrator"}),
    ("GET", "/people/{id}/merge", COORDINATOR),
    ("POST", "/people/{id}/merge", COORDINATOR),
    ("POST", "/libraries/{id}/officers", {"ce-coordinator", "library-administrator"}),
    ("GET", "/libraries", {"ce-coordinator", "consultant"}),
    ("GET", "/libraries/{id}", {"ce-coordinator", "consultant"}),
    ("GET", "/tokens", "signed-in"),
    ("POST", "/tokens", "signed-in"),
    ("GET", "/profile", "signed-in"),
    ("POST", "/profile", "signed-in"),
    ("GET", "/profile/record.json", "signed-in"),
    ("GET", "/profile/second-factor", {"ce-coordinator", "consultant"}),
    ("POST", "/profile/second-factor", {"ce-coordinator", "consultant"}),
    ("POST", "/login/second-step", "public"),
    ("GET", "/profile/notices", "signed-in"),
    ("POST", "/profile/notices", "signed-in"),
    ("GET", "/unsubscribe", "public"),
    ("POST", "/unsubscribe", "public"),
    ("GET", "/harvest", COORDINATOR),
    ("GET", "/harvest/sites/new", COORDINATOR),
    ("POST", "/harvest/sites/new", COORDINATOR),
    ("GET", "/harvest/sites/{id}", COORDINATOR),
    ("POST", "/harvest/sites/{id}/accounts", COORDINATOR),
    ("GET", "/harvest/sites/{id}/statements.csv", COORDINATOR),
    ("GET", "/harvest/imports", COORDINATOR),
    ("GET", "/harvest/imports/new", COORDINATOR),
    ("POST", "/harvest/imports/new", COORDINATOR),
    ("GET", "/harvest/imports/{id}", COORDINATOR),
    ("GET", "/harvest/imports/{id}.csv", COORDINATOR),
    ("GET", "/harvest/inbox", COORDINATOR),
    ("POST", "/harvest/inbox/accounts", COORDINATOR),
    ("POST", "/harvest/inbox/courses", COORDINATOR),
    ("GET", "/imports", COORDINATOR),
    ("POST", "/imports/history", COORDINATOR),
    ("POST", "/imports/people", COORDINATOR),
    ("GET", "/imports/{id}", COORDINATOR),
    # Last: an admitted caller's request may change the first library's plan.
    ("GET", "/libraries/new", COORDINATOR),
    ("POST", "/libraries/new", COORDINATOR),
    ("POST", "/libraries/{id}", COORDINATOR),
    ("GET", "/libraries/{id}/close", COORDINATOR),
    ("POST", "/libraries/{id}/close", COORDINATOR),
    ("POST", "/libraries/{id}/plan", {"ce-coordinator", "library-administrator"}),
    ("POST", "/libraries/{id}/goals", {"ce-coordinator", "library-administrator"}),
    ("GET", "/libraries/{id}/goals/{id}", {"ce-coordinator", "library-administrator"}),
    ("POST", "/libraries/{id}/goals/{id}", {"ce-coordinator", "library-administrator"}),
    ("POST", "/libraries/{id}/goals/{id}/retire", {"ce-coordinator", "library-administrator"}),
    ("POST", "/libraries/{id}/goals/{id}/delete", {"ce-coordinator", "library-administrator"}),
]


def concrete(db, path):
    """The path with a real id in place of {id}: a certificate, a person, a library..."""
    ids = {
        "/certificates/": "SELECT MIN(id) FROM certificates",
        "/people/": "SELECT MIN(id) FROM people",
        "/libraries/": "SELECT MIN(id) FROM libraries",
        "/tracks/": "SELECT MIN(id) FROM tracks WHERE state = 'active'",
        "/harvest/": "SELECT 1",
        "/imports/": "SELECT 1",
        "/catalog/events/": "SELECT MAX(id) FROM events",
        "/activities/": "SELECT MIN(id) FROM activities WHERE status = 'pending'",
        "/proofs/": "SELECT COALESCE(MIN(id), 1) FROM activity_proofs",
    }
    for prefix, query in ids.items():
        if path.startswith(prefix) and "{id}" in path:
            return path.replace("{id}", str(sql(db, query)[0]))
    return path.replace("{code}", "0000")


def body_for(db, method, path):
    """A body that would change the record if the route let its caller through."""
    if method != "POST":
        return None
    ready = sql(db, "SELECT t.id FROM tracks t JOIN people p ON p.id = t.person_id"
                    " WHERE p.email = 'ready@example.org' AND t.state = 'submitted'")
    pending = sql(db, "SELECT MIN(id) FROM activities WHERE status = 'pending'")
    version = sql(db, "SELECT MIN(id) FROM plan_versions WHERE state = 'submitted'")
    bodies = {
        "/review": {"action": "award", "track": ready[0] if ready else 0},
        "/verify": {"action": "verify", "activity": pending[0]},
        "/plans": {"action": "sign", "version": version[0]},
        "/settings": {"public_url": "https://evil.example", "issuer_name": "Evil"},
        "/catalog/new": {"title": "Evil", "kind": "course", "sponsor": "X", "credits": "1",
                         "category": "technology"},
        "/activities/new": {"kind": "course", "title": "Evil", "date": "2026-06-01",
                            "category": "technology", "credits": "1"},
        "/track": {"action": "submit"},
        "/report": {"text": "Evil", "action": "save"},
        "/plan": {"action": "new-version"},
        "/tokens": {"action": "create", "name": "evil"},
        "/profile": {"action": "name", "name": "Evil"},
        "/profile/second-factor": {"action": "confirm", "code": "000000"},
        "/profile/notices": {"delivery": "sometimes"},
        "/unsubscribe": {"List-Unsubscribe": "One-Click"},
        "/harvest/sites/new": {"url": "https://evil.example", "time_zone": "UTC"},
        "/harvest/inbox/accounts": {"site": "1", "account": "1", "email": "staff@example.org"},
        "/harvest/inbox/courses": {"url": "https://evil.example/course", "event": "1"},
        "/harvest/imports/new": {"site": "1"},
        "/people/new": {"name": "Evil", "email": "evil@example.org", "position": "staff",
                        "role-learner": "yes"},
        "/libraries/new": {"name": "Evil", "city": "X", "kind": "public"},
    }
    # The library forms with a field at fault: refused even when the caller is admitted.
    if re.fullmatch(r"/libraries/\d+", path):
        return {"name": ""}
    if re.fullmatch(r"/libraries/\d+/close", path):
        return {"closed_on": "not a day"}
    if re.fullmatch(r"/libraries/\d+/plan", path):
        return {"starts": "not a day"}
    if re.fullmatch(r"/libraries/\d+/goals(/\d+)?", path):
        return {"code": "", "title": ""}
    if re.fullmatch(r"/catalog/events/\d+/edit", path):
        return {"title": ""}
    if re.fullmatch(r"/certificates/\d+", path):
        return {"reason": "evil", "confirm": "yes"}
    if re.fullmatch(r"/certificates/\d+/reissue", path):
        return {"reason": "evil", "step": "confirm"}
    if re.fullmatch(r"/activities/\d+/correct", path):
        return {"kind": "course", "date": "2026-06-01", "credits": "9", "category": "technology",
                "reason": "evil", "step": "confirm"}
    if re.fullmatch(r"/tracks/\d+/withdraw", path):
        return {"reason": "evil"}
    if re.fullmatch(r"/people/\d+/tracks/new", path):
        return {"program": "msl-staff"}
    if path == "/tracks/new":
        return {"program": "msl-staff"}
    if re.fullmatch(r"/people/\d+", path):
        return {"action": "edit"}
    if re.fullmatch(r"/people/\d+/merge", path):
        return {"into": path.split("/")[2]}
    if re.fullmatch(r"/libraries/\d+/officers", path):
        return {"director": "none", "board_chair": "none"}
    if re.fullmatch(r"/harvest/sites/\d+/accounts", path):
        return {"account": "1", "email": "staff@example.org"}
    return dict(bodies.get(path, {}))


def admitted(rule, client):
    if rule == "public":
        return True
    if rule == "signed-in":
        return client.name != "visitor"
    return bool(rule & client.roles)


def check_route(db, clients, method, pattern, rule):
    path = concrete(db, pattern)
    problems = []
    for client in clients:
        fields = body_for(db, method, path)
        if fields is not None and client.csrf:
            fields["csrf_token"] = client.csrf
        before = audit_mark(db)
        status, headers, page = client.send(method, path, fields)
        # A visitor's form is kept for after a sign-in (kept_form.h): the sign-in page, 401.
        to_login = (status == 303 and headers.get("Location", "").endswith("/login")) or (
            status == 401 and 'action="/login"' in page)
        by_role = status == 403 and ROLE_REFUSAL in page
        if admitted(rule, client):
            if by_role or (to_login and not isinstance(rule, str)):
                problems.append(f"{client.name} is refused by the route ({status})")
            continue
        expected = "a redirect to /login" if client.name == "visitor" else "403 for the role"
        if (client.name == "visitor" and not to_login) or (client.name != "visitor" and
                                                          not by_role):
            problems.append(f"{client.name} got {status}, not {expected}")
        if audit_mark(db) != before:
            problems.append(f"{client.name}'s refused request changed the record")
    return problems


def routes_in_source(root):
    source = open(os.path.join(root, "src", "web", "routes.c"), encoding="utf-8").read()
    table = source[source.index("static const struct route routes[]"):]
    table = table[:table.index("};")]
    found = re.findall(r'\{"(GET|POST|PUT)",\s*"([^"]+)",\s*\w+,\s*[\w |]+,\s*(ROUTE_\w+)',
                       table)
    return {(method, path) for method, path, kind in found if kind != "ROUTE_API"}


def main():
    certtrack, root = sys.argv[1], sys.argv[2]
    programs = os.path.join(root, "programs")
    with tempfile.TemporaryDirectory(prefix="certtrack-roles-e2e.") as work:
        db = os.path.join(work, "demo.db")
        env = dict(os.environ, CERTTRACK_TODAY=TODAY)
        subprocess.run([certtrack, "demo-data", "--db", db, "--programs", programs],
                       check=True, stdout=subprocess.DEVNULL, env=env)
        # The demo's consultants cannot sign in: give one the demo password.
        with sqlite3.connect(db) as connection:
            connection.execute(
                "UPDATE people SET password_hash = (SELECT password_hash FROM people WHERE"
                " email = 'staff@example.org') WHERE id = (SELECT MIN(person_id) FROM"
                " person_roles WHERE role = 'consultant')")
        consultant = sql(db, "SELECT email FROM people WHERE id = (SELECT MIN(person_id) FROM"
                             " person_roles WHERE role = 'consultant')")[0]
        server, base = start(certtrack, db, programs, work, TODAY)
        try:
            identities = [("learner", "staff@example.org"), ("director", "director@example.org"),
                          ("coordinator", "coordinator@example.org"),
                          ("consultant", consultant)]
            clients = [Client(base, "visitor")]
            for name, email in identities:
                client = Client(base, name)
                client.sign_in(email)
                client.roles = {row[0] for row in sqlite3.connect(db).execute(
                    "SELECT role FROM person_roles r JOIN people p ON p.id = r.person_id"
                    " WHERE p.email = ?", (email,))}
                clients.append(client)
            # Logging out ends a session: every identity's own route, sent last.
            table = sorted(ROUTES, key=lambda row: row[1] == "/logout")
            print(f"1..{len(table) + 1}")
            missing = routes_in_source(root) - {(m, p) for m, p, _ in ROUTES}
            failed = 0
            number = 1
            if missing:
                print(f"not ok 1 - the table names every page route (missing: {sorted(missing)})")
                failed = 1
            else:
                print("ok 1 - the table names every page route of routes.c")
            for method, pattern, rule in table:
                number += 1
                who = rule if isinstance(rule, str) else "+".join(sorted(rule))
                problems = check_route(db, clients, method, pattern, rule)
                name = f"{method} {pattern}: {who} only; everyone else refused, nothing changed"
                if problems:
                    failed = 1
                    print(f"not ok {number} - {name}")
                    for problem in problems:
                        print(f"# {problem}")
                else:
                    print(f"ok {number} - {name}")
            return failed
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
