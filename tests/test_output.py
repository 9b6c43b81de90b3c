"""orgnet.output: how results are written."""

import pandas as pd
import pytest

from orgnet.output import render


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"a": pd.array(["x", None, "汉字", " sp "], dtype="str"), "b": pd.array([1, None, 3, 4], dtype="Int64")}),
    pd.DataFrame({"a": pd.array(["x", "y,z"], dtype="str"), "b": pd.array(["", 'say "hi"'], dtype="str")}),
    pd.DataFrame({"a": pd.array(["line\nbreak", "cr\r"], dtype="str"), "b": [1, 2]}),
    pd.DataFrame({"a,b": pd.array(["1", "2"], dtype="str"), "c": [1, 2]}),
    pd.DataFrame({"a": pd.array([], dtype="str"), "b": pd.array([], dtype="Int64")}),
    pd.DataFrame({"a": pd.array([""], dtype="str")}),
    pd.DataFrame({"a": pd.array(["x"], dtype="str"), "b": [1.5], "c": [True]}),
])
def test_csv_is_what_pandas_writes(frame):
    """The Arrow writer (no cell needing quotes) and pandas' give the same bytes."""
    assert render(frame, "csv") == frame.to_csv(index=False, lineterminator="\n")
