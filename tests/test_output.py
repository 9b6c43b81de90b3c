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


def test_narrow_table_folds_names_never_identifiers_or_numbers():
    """On an 80-column terminal a long Chinese name folds; ids, rule names and numbers stay whole."""
    import io

    from rich.console import Console

    from orgnet.output import rich_table

    frame = pd.DataFrame({
        "org_id": ["O0401", "O0404"],
        "org_name": ["北湖区物流行业协会" * 4, "郴州安业商贸股份有限公司"],
        "rule": ["committee_required", "party_without_women"],
        "female_staff": pd.array([1234567, 45], dtype="Int64"),
        "detail": ["female_staff=51; " * 6, "female_staff=45"],
    })
    console = Console(width=80, file=io.StringIO())
    console.print(rich_table(frame, "coverage gaps"))
    text = console.file.getvalue()
    for whole in ("O0401", "committee_required", "party_without_women", "1234567"):
        assert whole in text, (whole, text)
    assert "北湖区物流行业协会" * 4 not in text  # the name did fold…
    assert max(len(line) for line in text.splitlines()) <= 80  # …and the table fits
