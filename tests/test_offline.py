"""The course works offline: no library call and no notebook kernel may open a connection.

In-process tests run under the autouse guard of tests/conftest.py; notebook kernels (nbval,
tools/execute_notebooks.py, the browser test) get the same guard from tests/_netguard/.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request

import pytest

execute_notebooks = sys.modules["scocourse_tools_execute_notebooks"]
netguard = sys.modules["scocourse_tests_netguard"]


def test_guard_is_on_and_refuses_outside_connections():
    assert netguard.installed()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(netguard.NetworkBlockedError, match="network guard"):
            sock.connect(("192.0.2.1", 80))  # TEST-NET-1, never routable
    with pytest.raises(OSError, match="network guard"):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(OSError, match="network guard"):
        urllib.request.urlopen("https://example.org/", timeout=2)


def test_guard_lets_loopback_through():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            conn, _ = server.accept()
            conn.close()
    assert socket.getaddrinfo("localhost", 80)


def test_library_loads_data_with_network_blocked():
    import scocourse
    from scocourse import datasets

    assert netguard.installed()
    countries = datasets.load("countries")  # a failure here is a failure, never a skip
    assert len(countries) > 0
    for name in datasets.names():
        datasets.load(name)  # every dataset comes from the package, none from the network
    assert scocourse.country("Kyrgyz Republic") == "KGZ"


def test_notebook_kernels_get_the_guard(tmp_path):
    """The kernel environment used by nbval, the execute command and the browser test blocks the network."""
    env = execute_notebooks.kernel_env(tmp_path)
    code = (
        "import socket\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=3)\n"
        "except OSError as e:\n    print(type(e).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "NetworkBlockedError", out.stdout + out.stderr
