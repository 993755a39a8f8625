"""Slow clients for `certtrack serve`, shared by tests/e2e/slow-clients.py and
bench/bench-slow-clients: a server on a fresh database, many connections from one
loopback address that never finish their request, and a /healthz probe from another.

Linux routes all of 127.0.0.0/8 to the loopback interface, so a socket bound to
127.0.0.2 before it connects to the server on 127.0.0.1 is "another address" with no
setup.
"""
import os
import selectors
import socket
import subprocess
import tempfile
import threading
import time

# A connection still open this long after connecting was kept by the server; one closed
# sooner was refused.
HELD_AFTER = 1.0


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`certtrack serve` on a fresh database and a free port of 127.0.0.1."""

    def __init__(self, certtrack, programs, env=None):
        self.work = tempfile.mkdtemp(prefix="certtrack-slow-clients.")
        self.db = os.path.join(self.work, "certtrack.db")
        subprocess.run([certtrack, "init", "--db", self.db, "--programs", programs],
                       check=True, stdout=subprocess.DEVNULL)
        self.port = free_port()
        self.log_path = os.path.join(self.work, "server.log")
        environment = dict(os.environ)
        environment.update(env or {})
        with open(self.log_path, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [certtrack, "serve", "--db", self.db, "--programs", programs, "--listen",
                 f"127.0.0.1:{self.port}"], stdout=log, stderr=subprocess.STDOUT,
                env=environment)
        for _ in range(100):
            if healthz(self.port, "127.0.0.1", timeout=1)[0]:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not start:\n" + self.log())

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            return log.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        subprocess.run(["rm", "-rf", self.work], check=False)


def request(port, source, path, headers=(), timeout=10.0):
    """One HTTP/1.1 request from source: (status or None when no answer came, seconds,
    body or what went wrong)."""
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                      source_address=(source, 0)) as connection:
            lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
            lines.extend(headers)
            connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            answer = b""
            while True:
                piece = connection.recv(65536)
                if not piece:
                    break
                answer += piece
    except OSError as error:
        return None, time.monotonic() - started, f"{type(error).__name__}: {error}"
    seconds = time.monotonic() - started
    head, _, body = answer.partition(b"\r\n\r\n")
    parts = head.split(b" ", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return None, seconds, f"no HTTP answer ({len(answer)} bytes)"
    return int(parts[1]), seconds, body.decode(errors="replace")


def healthz(port, source, timeout=10.0):
    """GET /healthz from source: (answered 200 ok, seconds, what went wrong)."""
    status, seconds, body = request(port, source, "/healthz", timeout=timeout)
    return status == 200 and body == "ok", seconds, f"{status} {body!r}"


class Trickler:
    """count connections from source, each sending the start of a request and then one
    header line every interval seconds, never the blank line that ends the headers.
    With reopen, a connection the server closed is opened again reopen seconds later,
    as an attacker would."""

    def __init__(self, port, source, count, interval=5.0, reopen=None):
        self.port = port
        self.source = source
        self.count = count
        self.interval = interval
        self.reopen = reopen
        self.selector = selectors.DefaultSelector()
        self.open = {}  # socket -> {"opened", "next_send"}
        self.closed = []  # (opened, closed) in time.monotonic() seconds
        self.refused = 0  # closed within HELD_AFTER of connecting
        self.held_max = 0  # the most connections kept at once
        self.started = None
        self.stopping = threading.Event()
        self.thread = None

    def _connect(self, now):
        try:
            connection = socket.create_connection(("127.0.0.1", self.port), timeout=5,
                                                  source_address=(self.source, 0))
            connection.setblocking(False)
            connection.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        except OSError:
            return False
        self.open[connection] = {"opened": now, "next_send": now + self.interval}
        self.selector.register(connection, selectors.EVENT_READ)
        return True

    def _close(self, connection, now):
        state = self.open.pop(connection)
        self.selector.unregister(connection)
        connection.close()
        self.closed.append((state["opened"], now))
        if now - state["opened"] < HELD_AFTER:
            self.refused += 1

    def held(self, now=None):
        """How many connections are open and have been for HELD_AFTER."""
        now = time.monotonic() if now is None else now
        states = list(self.open.values())  # a snapshot: the trickling thread changes open
        return sum(1 for state in states if now - state["opened"] >= HELD_AFTER)

    def _step(self, now, reopen_at):
        for key, _ in self.selector.select(timeout=0.05):
            try:
                data = key.fileobj.recv(4096)
            except OSError:
                data = b""
            if not data:
                self._close(key.fileobj, now)
                if self.reopen is not None:
                    reopen_at.append(now + self.reopen)
        for connection, state in list(self.open.items()):
            if now >= state["next_send"]:
                state["next_send"] = now + self.interval
                try:
                    connection.send(b"X-Trickle: one more line\r\n")
                except OSError:
                    self._close(connection, now)
                    if self.reopen is not None:
                        reopen_at.append(now + self.reopen)
        due = [when for when in reopen_at if when <= now]
        for when in due:
            reopen_at.remove(when)
            if not self._connect(now):
                reopen_at.append(now + (self.reopen or 1.0))
        self.held_max = max(self.held_max, self.held(now))

    def _run(self, seconds):
        reopen_at = []
        end = self.started + seconds
        while not self.stopping.is_set() and time.monotonic() < end:
            self._step(time.monotonic(), reopen_at)

    def start(self, seconds):
        """Opens the connections, then trickles on them for seconds in a thread."""
        self.started = time.monotonic()
        for _ in range(self.count):
            if not self._connect(time.monotonic()):
                self.closed.append((time.monotonic(), time.monotonic()))
                self.refused += 1
        self.thread = threading.Thread(target=self._run, args=(seconds,), daemon=True)
        self.thread.start()

    def running(self):
        return self.thread is not None and self.thread.is_alive()

    def finish(self):
        """Waits for the trickling to end and closes what is still open."""
        if self.thread is not None:
            self.thread.join()
        now = time.monotonic()
        for connection in list(self.open):
            self.selector.unregister(connection)
            connection.close()
        self.open.clear()
        self.selector.close()
        self.finished = now


def probe_while(trickler, port, source, pause=0.25, timeout=10.0):
    """GET /healthz from source again and again while trickler runs: the list of
    (answered, seconds, what went wrong)."""
    results = []
    while trickler.running():
        results.append(healthz(port, source, timeout=timeout))
        time.sleep(pause)
    return results
