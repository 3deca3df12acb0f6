"""Suite-wide guards: no NLTK data and no network, for every test.

``NLTK_DATA`` points at an empty folder and ``socket.connect`` refuses any
address outside this machine, so a test that would download something fails
instead of passing on a well-stocked laptop.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_EMPTY_NLTK = tempfile.mkdtemp(prefix="empty-nltk-data-")
os.environ["NLTK_DATA"] = _EMPTY_NLTK
os.environ.setdefault("MPLBACKEND", "Agg")

import nltk.data  # noqa: E402  (after NLTK_DATA is set)

# Only the empty folder: data a developer installed in ~/nltk_data must not make a test pass.
nltk.data.path[:] = [_EMPTY_NLTK]


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to reach another machine."""


def _is_local(address) -> bool:
    if not isinstance(address, tuple):  # unix sockets
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded_connect(self, address):
    if not _is_local(address):
        raise NetworkBlocked(f"test tried to connect to {address!r}; tests must not use the network")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _is_local(address):
        raise NetworkBlocked(f"test tried to connect to {address!r}; tests must not use the network")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    yield


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The user's example article's body (front matter removed), as bundled in data/seed."""
    from analysis.corpus.readers import split_front_matter

    path = ROOT / "data" / "seed" / "syria-isis-defeat-2017-seed.md"
    return split_front_matter(path.read_text(encoding="utf-8"))[1]
