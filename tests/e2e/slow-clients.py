#!/usr/bin/env python3
"""End-to-end: slow and greedy clients cannot lock others out of `certtrack serve`, as
TAP. Loopback only: the greedy clients connect from 127.0.0.2 and 127.0.0.3, everyone
else from 127.0.0.1 (see trickle.py). About 40 s.

Usage: slow-clients.py CERTTRACK SOURCE_ROOT
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trickle  # noqa: E402

PER_ADDRESS = 64  # CONNECTION_GUARD_PER_ADDRESS (src/web/http/connection_guard.h)
DEADLINE = 15  # CONNECTION_GUARD_REQUEST_SECONDS
SWEEP_SLACK = 3.5  # the server looks every 0.1 s; the rest is a loaded machine's delay
ANSWER_BOUND = 10  # only to end a hung run: the latency is measured in bench/

number = 0
failed = False


def check(description, passed, detail=""):
    global number, failed
    number += 1
    print(f"{'ok' if passed else 'not ok'} {number} - {description}")
    if not passed:
        failed = True
        for line in str(detail).splitlines()[:30]:
            print(f"# {line}")
    sys.stdout.flush()


def over_the_cap_is_refused(server):
    greedy = trickle.Trickler(server.port, "127.0.0.3", PER_ADDRESS + 6)
    greedy.start(3)
    time.sleep(1.5)
    held = greedy.held()
    from_greedy, _, greedy_detail = trickle.request(server.port, "127.0.0.3", "/healthz")
    other = trickle.healthz(server.port, "127.0.0.1", timeout=ANSWER_BOUND)
    greedy.finish()
    check(f"an address over its cap ({PER_ADDRESS} connections) is refused while another"
          " is served",
          held == PER_ADDRESS and from_greedy is None and other[0],
          f"held {held} of {PER_ADDRESS + 6}; the greedy address's /healthz: {from_greedy}"
          f" {greedy_detail}; 127.0.0.1's: {other}")


def trickling_flood(server):
    flood = trickle.Trickler(server.port, "127.0.0.2", 300, interval=5.0, reopen=2.0)
    seconds = 21
    flood.start(seconds)
    probes = trickle.probe_while(flood, server.port, "127.0.0.1", timeout=ANSWER_BOUND)
    still_open = [time.monotonic() - state["opened"] for state in flood.open.values()]
    flood.finish()
    unanswered = [p for p in probes if not p[0]]
    slowest = max((p[1] for p in probes), default=0)
    check("while 300 connections from 127.0.0.2 trickle a header line every 5 s, every"
          " /healthz from 127.0.0.1 is answered",
          len(probes) >= 10 and not unanswered,
          f"{len(probes)} asked, {len(unanswered)} not answered: {unanswered[:5]};"
          f" slowest {slowest:.2f} s")
    check(f"the server keeps at most {PER_ADDRESS} of one address's connections and"
          " refuses the rest",
          1 <= flood.held_max <= PER_ADDRESS and flood.refused >= 300 - 2 *
          PER_ADDRESS, f"held at most {flood.held_max}, refused {flood.refused}")
    # The connections kept in the first two seconds: each must have been closed by its
    # deadline, not before it, and none may still be open.
    early = [(opened, closed) for opened, closed in flood.closed
             if closed - opened >= trickle.HELD_AFTER and opened - flood.started < 2]
    lifetimes = sorted(closed - opened for opened, closed in early)
    too_old = [age for age in still_open if age > DEADLINE + SWEEP_SLACK]
    check(f"a connection still sending its headers {DEADLINE} s after it opened is closed",
          lifetimes and DEADLINE - 0.5 <= lifetimes[0] and
          lifetimes[-1] <= DEADLINE + SWEEP_SLACK and not too_old,
          f"{len(lifetimes)} kept early; lifetimes {lifetimes[:3]}..{lifetimes[-3:]};"
          f" still open past the deadline: {too_old[:5]}")


def behind_a_proxy(server):
    proxy = trickle.Trickler(server.port, "127.0.0.2", 100)
    proxy.start(4)
    time.sleep(2)
    held = proxy.held()
    through_proxy = trickle.healthz(server.port, "127.0.0.2", timeout=ANSWER_BOUND)
    proxy.finish()
    check("behind a proxy, the proxy's address (CERTTRACK_PROXY_ADDRESSES) is not capped",
          held == 100 and proxy.refused == 0 and through_proxy[0],
          f"held {held} of 100, refused {proxy.refused}; /healthz: {through_proxy}")

    direct = trickle.Trickler(server.port, "127.0.0.3", PER_ADDRESS + 6)
    direct.start(3)
    time.sleep(1.5)
    held = direct.held()
    direct.finish()
    check("behind a proxy, any other address is still capped",
          held == PER_ADDRESS, f"held {held}")

    def statuses(source, forwarded_for):
        return [trickle.request(server.port, source, "/verify/NO-SUCH-CODE",
                                [f"X-Forwarded-For: {forwarded_for(i)}"])[0]
                for i in range(35)]

    one_client = statuses("127.0.0.2", lambda i: "203.0.113.9")
    another = trickle.request(server.port, "127.0.0.2", "/verify/NO-SUCH-CODE",
                              ["X-Forwarded-For: 198.51.100.2"])[0]
    spoofing = statuses("127.0.0.3", lambda i: f"198.51.100.{10 + i}")
    check("behind a proxy, request limits count the forwarded address, and only the"
          " proxy's forwarding is believed",
          429 in one_client and another == 404 and 429 in spoofing,
          f"through the proxy: {one_client}; another client: {another};"
          f" direct with a made-up X-Forwarded-For: {spoofing}")


def main():
    certtrack, root = sys.argv[1], sys.argv[2]
    programs = os.path.join(root, "programs")
    print("1..7")
    server = trickle.Server(certtrack, programs)
    try:
        over_the_cap_is_refused(server)
        trickling_flood(server)
    finally:
        server.stop()
    server = trickle.Server(certtrack, programs, {
        "CERTTRACK_TRUST_PROXY": "1", "CERTTRACK_PROXY_ADDRESSES": "127.0.0.2"})
    try:
        behind_a_proxy(server)
    finally:
        server.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
