"""orgnet.results: the contracts' row order, by Arrow, is pandas' stable sort."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from orgnet.results import stable_order

TEXT = st.sampled_from([None, "", "a", "B", "b", "ab", "妇联", "党支部", "Ω", "a b"])
NUMBER = st.one_of(st.none(), st.integers(-3, 3))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(TEXT, NUMBER, TEXT), max_size=40), ascending=st.lists(st.booleans(), min_size=3, max_size=3))
def test_stable_order_is_pandas_stable_sort(rows, ascending):
    keys = pd.DataFrame({"s": pd.array([r[0] for r in rows], dtype="str"),
                         "n": pd.array([r[1] for r in rows], dtype="Int64"),
                         "t": pd.array([r[2] for r in rows], dtype="str")})
    expected = keys.sort_values(["s", "n", "t"], ascending=ascending, kind="stable").index.to_numpy()
    assert stable_order(keys, ascending).tolist() == expected.tolist()


def test_people_figures_are_figures_in_their_order():
    from orgnet.results import FIGURES, PEOPLE_FIGURES

    assert PEOPLE_FIGURES and set(PEOPLE_FIGURES) <= set(FIGURES)
    assert list(PEOPLE_FIGURES) == [f for f in FIGURES if f in PEOPLE_FIGURES]
