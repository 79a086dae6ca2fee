"""Refuse network connections to anything but loopback and AF_UNIX sockets.

Used two ways:
* in-process by ``tests/conftest.py`` (an autouse fixture calls ``install()``/``uninstall()``);
* in every notebook kernel the tests start: ``sitecustomize.py`` beside this file calls
  ``install()`` at interpreter start when ``SCOCOURSE_BLOCK_NETWORK=1`` and this folder is on
  ``PYTHONPATH`` (see ``tools/execute_notebooks.py:kernel_env``).

Kernels still talk to their Jupyter client: ZeroMQ opens its sockets in C on 127.0.0.1,
and loopback is allowed anyway.
"""
from __future__ import annotations

import ipaddress
import socket

__all__ = ["NetworkBlockedError", "install", "uninstall", "installed"]

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class NetworkBlockedError(OSError):
    """Raised instead of opening a connection that would leave this machine."""


def _is_loopback_host(host) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%", 1)[0]
    if host.lower() in _LOCAL_NAMES or host == "":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _allowed(sock, address) -> bool:
    family = getattr(sock, "family", None)
    if family not in (socket.AF_INET, socket.AF_INET6):
        return True  # AF_UNIX, AF_NETLINK, ...
    host = address[0] if isinstance(address, tuple) and address else address
    return _is_loopback_host(host)


def _refuse(what, address):
    raise NetworkBlockedError(
        f"scocourse test network guard: {what} to {address!r} refused. The course must work "
        "offline: load data with scocourse.datasets.load(...) instead of fetching it."
    )


_orig = {}


def installed() -> bool:
    return bool(_orig)


def install() -> None:
    if _orig:
        return
    _orig["connect"] = socket.socket.connect
    _orig["connect_ex"] = socket.socket.connect_ex
    _orig["getaddrinfo"] = socket.getaddrinfo
    _orig["gethostbyname"] = socket.gethostbyname
    _orig["gethostbyname_ex"] = socket.gethostbyname_ex
    own_names = {socket.gethostname().lower()}

    def connect(self, address):
        if not _allowed(self, address):
            _refuse("connect", address)
        return _orig["connect"](self, address)

    def connect_ex(self, address):
        if not _allowed(self, address):
            _refuse("connect_ex", address)
        return _orig["connect_ex"](self, address)

    def check_name(host):
        name = host.decode() if isinstance(host, bytes) else host
        if not (_is_loopback_host(name) or str(name).lower() in own_names or _is_ip_literal(name)):
            _refuse("name lookup", host)

    def getaddrinfo(host, *args, **kwargs):
        check_name(host)
        return _orig["getaddrinfo"](host, *args, **kwargs)

    def gethostbyname(host):
        check_name(host)
        return _orig["gethostbyname"](host)

    def gethostbyname_ex(host):
        check_name(host)
        return _orig["gethostbyname_ex"](host)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
    socket.gethostbyname = gethostbyname
    socket.gethostbyname_ex = gethostbyname_ex


def _is_ip_literal(host) -> bool:
    try:
        ipaddress.ip_address(str(host).strip("[]").split("%", 1)[0])
        return True
    except ValueError:
        return False


def uninstall() -> None:
    if not _orig:
        return
    socket.socket.connect = _orig["connect"]
    socket.socket.connect_ex = _orig["connect_ex"]
    socket.getaddrinfo = _orig["getaddrinfo"]
    socket.gethostbyname = _orig["gethostbyname"]
    socket.gethostbyname_ex = _orig["gethostbyname_ex"]
    _orig.clear()
