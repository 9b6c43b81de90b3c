"""How a ``Network`` shows itself (``repr``, Jupyter HTML) and its docstrings list every returned column."""

from __future__ import annotations

import inspect
import re

import pytest

import orgnet
from orgnet.analyses import CONTRACTS
from orgnet.api import DOCUMENTED, Network
from orgnet.api_day import NetworkDay
from tests.conftest import TINY


@pytest.fixture(scope="module")
def net():
    return orgnet.load(TINY)


def test_repr_names_source_engine_and_counts(net):
    text = repr(net)
    assert text.startswith(f"<orgnet.Network {str(TINY)!r} on networkx: 6 regions, 10 organizations, 23 bodies, "
                           "22 people, 31 posts")
    assert text.endswith(">")


def test_html_summary(net):
    html = net._repr_html_()
    # posts start 2005-01-01 (P2) at the earliest; the last date is P13's chair post, from 2012-09-01
    assert "2005-01-01 – 2012-09-01" in html
    assert re.search(r"<th[^>]*>posts</th><td[^>]*>31</td>", html)
    assert "networkx" in html and str(TINY) in html


def test_html_escapes_the_source():
    net = orgnet.load(TINY)
    net.dataset.source = "<b>bold</b>"
    assert "<b>bold</b>" not in net._repr_html_() and "&lt;b&gt;" in net._repr_html_()


@pytest.mark.parametrize("method,analysis", DOCUMENTED.items())
def test_docstrings_list_every_returned_column(net, method, analysis):
    doc = inspect.getdoc(getattr(Network, method))
    assert "Returns\n-------\npandas.DataFrame" in doc
    listed = re.findall(r"^    - ``(\w+)``", doc, flags=re.M)
    assert listed[:len(CONTRACTS[analysis].columns)] == list(CONTRACTS[analysis].columns)
    assert set(listed) >= set(CONTRACTS[analysis].columns)
    day = inspect.getdoc(getattr(NetworkDay, method, None)) if hasattr(NetworkDay, method) else doc
    assert "Returns\n-------" in day


def test_the_listed_columns_are_what_a_call_returns(net):
    for method in ("gaps", "nameplates", "stats", "venues", "overlaps"):
        frame = getattr(net, method)(as_of="2012-06-30")
        listed = re.findall(r"^    - ``(\w+)``", inspect.getdoc(getattr(Network, method)), flags=re.M)
        assert listed == list(frame.columns), method
