"""The suite's own guards work: they are what makes 'offline' a tested claim."""

import os
import socket

import pytest
from conftest import NetworkBlocked


def test_network_connections_fail_the_test():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlocked):
            sock.connect(("93.184.216.34", 80))
    finally:
        sock.close()


def test_nltk_data_points_at_an_empty_folder():
    import nltk

    folder = os.environ["NLTK_DATA"]
    assert os.listdir(folder) == []
    assert nltk.data.path == [folder]
    with pytest.raises(LookupError):
        nltk.data.find("tokenizers/punkt_tab/english/")
