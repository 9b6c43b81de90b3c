"""The README's contract section is generated from the schema; it must not drift."""

from orgnet.schema import schema_markdown
from tests.conftest import ROOT


def test_readme_contract_matches_schema():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("<!-- schema:begin -->") + len("<!-- schema:begin -->")
    end = text.index("<!-- schema:end -->")
    assert text[start:end].strip() == schema_markdown().strip(), "run: python -m orgnet.schema README.md"
