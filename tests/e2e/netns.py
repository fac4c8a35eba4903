"""Worker "hosts" in network namespaces of their own, for ``test_two_hosts``.

Each host is a network namespace with a veth pair to the root namespace (its own /30, e.g.
10.231.1.0/30: 10.231.1.1 on the root side, 10.231.1.2 inside). PostgreSQL, Redis and the
SMTP sink listen on 127.0.0.1 only, which a namespace cannot reach, so a ``Forwarder`` in the
test process listens on the root side's address and forwards each connection to the service
on loopback. The host's worker runs inside the namespace (``ip netns exec``), in a UTS
namespace of its own with the host's name as hostname (so its leases say which host holds
them), and reaches every service through its forwarders only. Setting the root side of the
veth down (``Host.cut``) cuts the host off from everything at once, as a lost switch port
would: packets are dropped, no connection is closed or reset; ``Host.restore`` brings the
link back, and connections that TCP has not given up on carry on where they stopped.

Nothing leaves the machine. Everything made here is undone by ``close`` (namespace, veth,
listeners, connections), also after a failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes
from pathlib import Path

from aiosmtpd.controller import Controller

from tests.e2e.faults import pump

#: The /30 subnets the hosts' veth pairs use: 10.231.<n>.0/30.
SUBNET_PREFIX = "10.231"


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check, timeout=30)


def unavailable() -> str | None:
    """Why network namespaces cannot be used here, or None when they can."""
    if os.geteuid() != 0:
        return "network namespaces need root (ip netns add)"
    for tool in ("ip", "unshare", "hostname"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    probe = f"af-probe-{os.getpid()}"
    made = _ip("netns", "add", probe, check=False)
    if made.returncode != 0:
        return f"ip netns add failed: {made.stderr.strip()}"
    _ip("netns", "del", probe, check=False)
    return None


class Forwarder:
    """Listens on ``listen`` (an address on a veth's root side, any port) and forwards every
    connection to ``upstream`` on loopback, one thread per direction.

    The local port of each upstream connection is recorded with the time it was made, so the
    SMTP sink can tell which host a message came through. The sockets towards the host have
    TCP keepalives of a few seconds, as a server configured with ``tcp_keepalives_idle``
    would: once the link is back, a connection the host's side gave up during the cut is
    found dead and its upstream connection closed, instead of lingering at the server."""

    def __init__(self, listen: str, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((listen, 0))
        self.listener.listen(128)
        self.address = listen
        self.port: int = self.listener.getsockname()[1]
        self.lock = threading.Lock()
        self.sockets: set[socket.socket] = set()
        #: Local ports of the upstream connections made, and when (monotonic).
        self.upstream_ports: dict[int, float] = {}
        self.closed = False
        threading.Thread(target=self._accept, name=f"fwd-{listen}:{self.port}", daemon=True).start()

    def connections_since(self, moment: float) -> int:
        with self.lock:
            return sum(1 for made in self.upstream_ports.values() if made >= moment)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            _keepalive(client)
            try:
                server = socket.create_connection(self.upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                if self.closed:
                    client.close()
                    server.close()
                    return
                self.sockets.update((client, server))
                self.upstream_ports[server.getsockname()[1]] = time.monotonic()
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        pump(source, target)
        with self.lock:
            self.sockets.discard(source)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            sockets, self.sockets = self.sockets, set()
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def _keepalive(sock: socket.socket) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 5)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 2)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)


@dataclass
class Delivery:
    to: str
    #: The local port of the forwarder's connection it came over, and when (monotonic).
    peer_port: int
    at: float


@dataclass
class Sink:
    """An SMTP server on loopback that notes, for each message, the recipient, the
    connection it came over and when."""

    port: int = 0
    deliveries: list[Delivery] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    delay_s: float = 0.0
    #: Called with the number of messages so far, after storing one and before answering.
    on_message: Callable[[int], None] | None = None
    controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope):
        if self.delay_s:
            time.sleep(self.delay_s)
        message = message_from_bytes(envelope.content)
        with self.lock:
            self.deliveries.append(Delivery(message["To"], session.peer[1], time.monotonic()))
            count = len(self.deliveries)
        if self.on_message is not None:
            self.on_message(count)
        return "250 Message accepted for delivery"

    def start(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def snapshot(self) -> list[Delivery]:
        with self.lock:
            return list(self.deliveries)


class Host:
    """A network namespace joined to the root namespace by a veth pair, with forwarders to
    PostgreSQL, Redis and the SMTP sink on the veth's root side."""

    def __init__(self, name: str, subnet: int) -> None:
        tag = f"{os.getpid() % 100000}{name[-1]}"
        self.name = name
        self.netns = f"af-{name}-{os.getpid()}"
        self.outer = f"afh{tag}"  # root side; interface names are at most 15 characters
        self.inner = f"afn{tag}"
        self.outer_ip = f"{SUBNET_PREFIX}.{subnet}.1"
        self.inner_ip = f"{SUBNET_PREFIX}.{subnet}.2"
        self.forwarders: dict[str, Forwarder] = {}
        self.made = False

    def create(self) -> None:
        if _ip("-4", "addr", "show", "to", f"{self.outer_ip}/30").stdout.strip():
            raise RuntimeError(f"{self.outer_ip}/30 is in use on this machine")
        _ip("netns", "add", self.netns)
        self.made = True
        _ip("link", "add", self.outer, "type", "veth", "peer", "name", self.inner)
        _ip("link", "set", self.inner, "netns", self.netns)
        _ip("addr", "add", f"{self.outer_ip}/30", "dev", self.outer)
        _ip("link", "set", self.outer, "up")
        _ip("-n", self.netns, "addr", "add", f"{self.inner_ip}/30", "dev", self.inner)
        _ip("-n", self.netns, "link", "set", self.inner, "up")
        _ip("-n", self.netns, "link", "set", "lo", "up")

    def forward(self, service: str, upstream_port: int) -> Forwarder:
        forwarder = Forwarder(self.outer_ip, ("127.0.0.1", upstream_port))
        self.forwarders[service] = forwarder
        return forwarder

    def cut(self) -> None:
        _ip("link", "set", self.outer, "down")

    def restore(self) -> None:
        _ip("link", "set", self.outer, "up")

    def command(self, argv: list[str]) -> list[str]:
        """``argv`` run inside the namespace, with the host's name as its hostname."""
        return [
            *("ip", "netns", "exec", self.netns, "unshare", "--uts", "sh", "-c"),
            'hostname "$0" && exec "$@"',
            self.name,
            *argv,
        ]

    def close(self) -> None:
        for forwarder in self.forwarders.values():
            forwarder.close()
        self.forwarders.clear()
        _ip("link", "del", self.outer, check=False)  # its peer goes with it
        if self.made:
            _ip("netns", "del", self.netns, check=False)
            self.made = False


def read_log(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""
