"""Loaded by the app server the browser tests start (on its PYTHONPATH): records every connection the
server itself tries to make to a host other than this machine, in the file ATLAS_OUTBOUND_LOG names.
The browser's own requests are checked by the `offline` fixture; this covers the Python side."""

import ipaddress
import os
import socket

_LOG = os.environ.get("ATLAS_OUTBOUND_LOG")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _local(address: object) -> bool:
    if not isinstance(address, tuple):
        return True  # a Unix socket
    host = str(address[0])
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name: resolving it would already ask the network


def _record(address: object) -> None:
    if _LOG and not _local(address):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{address!r}\n")


def connect(self, address):  # type: ignore[no-untyped-def]
    _record(address)
    return _connect(self, address)


def connect_ex(self, address):  # type: ignore[no-untyped-def]
    _record(address)
    return _connect_ex(self, address)


socket.socket.connect = connect  # type: ignore[method-assign]
socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
