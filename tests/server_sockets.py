"""The sockets a process holds, read from /proc (Linux): what it listens on
and where it is connected to, for the privacy tests."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

_STATES = {"0A": "listen", "01": "established", "02": "syn_sent", "07": "close"}


@dataclass(frozen=True)
class Sock:
    kind: str  # tcp, tcp6, udp, udp6
    local: tuple[str, int]
    remote: tuple[str, int]
    state: str

    @property
    def remote_is_outside(self) -> bool:
        host = ipaddress.ip_address(self.remote[0])
        return not (host.is_loopback or host.is_unspecified)

    @property
    def local_is_loopback(self) -> bool:
        return ipaddress.ip_address(self.local[0]).is_loopback


def _address(text: str) -> tuple[str, int]:
    host, port = text.split(":")
    raw = bytes.fromhex(host)
    if len(raw) == 4:
        ip = ipaddress.IPv4Address(raw[::-1])
    else:  # four little-endian 32-bit words
        ip = ipaddress.IPv6Address(b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))
        if ip.ipv4_mapped:
            ip = ip.ipv4_mapped
    return str(ip), int(port, 16)


def inodes(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(target[8:-1])
    return found


def sockets(pid: int) -> list[Sock]:
    """The TCP and UDP sockets of process ``pid`` (IPv4 and IPv6)."""
    own = inodes(pid)
    out = []
    for kind in ("tcp", "tcp6", "udp", "udp6"):
        path = Path(f"/proc/{pid}/net/{kind}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] in own:
                out.append(Sock(kind, _address(fields[1]), _address(fields[2]), _STATES.get(fields[3], fields[3])))
    return out
