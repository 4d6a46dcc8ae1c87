"""Records every attempt of this Python process to reach another host.

Put this folder first on PYTHONPATH and name a log file in NETWATCH_LOG:
each name looked up (other than this computer's) and each address connected
or sent to (other than the loopback range) is appended as one line. The
attempt itself goes ahead (it fails anyway where there is no network).
"""

import ipaddress
import os
import socket

_LOG = os.environ.get("NETWATCH_LOG")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "", None}


def _local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _note(what: str, where) -> None:
    try:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{what} {where!r}\n")
    except OSError:
        pass


if _LOG:
    _getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if not _local(host):
            _note("lookup", host)
        return _getaddrinfo(host, *args, **kwargs)

    socket.getaddrinfo = getaddrinfo

    def _watch(name):
        original = getattr(socket.socket, name)

        def watched(self, *args, **kwargs):
            address = args[-1] if name == "sendto" else args[0]
            if isinstance(address, tuple) and not _local(address[0]):
                _note(name, address)
            return original(self, *args, **kwargs)

        setattr(socket.socket, name, watched)

    for _name in ("connect", "connect_ex", "sendto"):
        _watch(_name)
