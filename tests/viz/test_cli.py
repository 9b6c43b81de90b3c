"""The viz, chart and report commands: parse, call one function, say where they wrote."""

from __future__ import annotations

from orgnet.redact import pseudonym

from typer.testing import CliRunner

from orgnet.cli import app
from tests.conftest import TINY
from tests.viz.conftest import AS_OF

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_viz_each_view(tmp_path):
    for view, extra in [("coverage", []), ("overlaps", ["--min-posts", "2"]), ("ego", ["--person", "P1"]),
                        ("ego", ["--org", "O8"]), ("region", ["--region", "R1"])]:
        out = tmp_path / f"{view}.html"
        result = run("viz", TINY, "--view", view, "--as-of", AS_OF, *extra, "-o", out)
        assert result.exit_code == 0, result.output
        assert f"wrote {out}" in result.output and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_viz_ghosts_option(tmp_path):
    on, off = tmp_path / "on.html", tmp_path / "off.html"
    assert run("viz", TINY, "--view", "coverage", "--as-of", AS_OF, "-o", on).exit_code == 0
    result = run("viz", TINY, "--view", "coverage", "--as-of", AS_OF, "--no-ghosts", "-o", off)
    assert result.exit_code == 0, result.output
    assert '"Ghost:Organization:O1"' in on.read_text(encoding="utf-8")
    assert "Ghost:" not in off.read_text(encoding="utf-8")


def test_viz_diff(tmp_path):
    out = tmp_path / "diff.html"
    result = run("viz", TINY, "--view", "diff", "--from", "2012-01-01", "--to", "2012-12-31", "--redact",
                 "--max-nodes", "39", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "变化 Changes 2012-01-01 → 2012-12-31" in page and "Aggregated" in page and "马红" not in page
    # --to defaults to --as-of
    again = tmp_path / "again.html"
    assert run("viz", TINY, "--view", "diff", "--from", "2012-01-01", "--as-of", "2012-12-31", "--max-nodes", "39",
               "--redact", "-o", again).exit_code == 0
    assert again.read_text(encoding="utf-8") == page


def test_viz_diff_bad_input_exits_2(tmp_path):
    out = tmp_path / "diff.html"
    result = run("viz", TINY, "--view", "diff", "--to", "2012-12-31", "-o", out)
    assert result.exit_code == 2 and "--from" in result.output
    result = run("viz", TINY, "--view", "diff", "--from", "2012-12-31", "--to", "2012-01-01", "-o", out)
    assert result.exit_code == 2 and "earlier" in result.output
    result = run("viz", TINY, "--view", "diff", "--from", "2012-02-30", "--to", "2012-12-31", "-o", out)
    assert result.exit_code == 2 and "expected a date" in result.output
    result = run("viz", TINY, "--view", "coverage", "--from", "2012-01-01", "-o", out)
    assert result.exit_code == 2 and "--view diff" in result.output
    assert not out.exists()


def test_viz_redact_and_max_nodes(tmp_path):
    out = tmp_path / "v.html"
    result = run("viz", TINY, "--view", "overlaps", "--as-of", AS_OF, "--lens", "all", "--max-nodes", "12",
                 "--redact", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "王秀英" not in page and pseudonym("P1") in page  # P1 (3 posts) is drawn first, by her pseudonym
    assert "the other 4 are in the overlaps table" in page  # 12 nodes: P1 and P4 only


def test_viz_overlaps_top_min_posts_and_lens(tmp_path):
    out = tmp_path / "o.html"
    result = run("viz", TINY, "--view", "overlaps", "--as-of", AS_OF, "--lens", "all", "--min-posts", "3",
                 "--top", "5", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '"Person:P1"' in page and '"Person:P4"' not in page  # only P1 holds 3 posts
    assert run("viz", TINY, "--view", "overlaps", "--top", "0", "-o", out).exit_code == 2
    assert run("viz", TINY, "--view", "overlaps", "--lens", "some", "-o", out).exit_code == 2


def test_viz_bad_input_exits_2(tmp_path):
    out = tmp_path / "v.html"
    result = run("viz", TINY, "--view", "ego", "--person", "NOBODY", "--as-of", AS_OF, "-o", out)
    assert result.exit_code == 2 and "NOBODY: no person with that id or name" in result.output
    assert not out.exists()
    assert run("viz", TINY, "--view", "region", "--as-of", AS_OF, "-o", out).exit_code == 2
    assert run("viz", TINY, "--view", "nope", "-o", out).exit_code == 2


def test_chart(tmp_path):
    for kind, suffix in [("coverage", "png"), ("post-load", "svg"), ("women-bodies", "png")]:
        out = tmp_path / f"{kind}.{suffix}"
        result = run("chart", TINY, "--kind", kind, "--as-of", AS_OF, "--lang", "en", "-o", out)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    assert run("chart", TINY, "--kind", "coverage", "-o", tmp_path / "c.gif").exit_code == 2


def test_report(tmp_path):
    out = tmp_path / "report.html"
    result = run("report", TINY, "--as-of", AS_OF, "--lang", "en", "--redact", "-o", out)
    assert result.exit_code == 0, result.output
    assert "Key figures" in out.read_text(encoding="utf-8")


def test_help_has_examples():
    for command in ("viz", "chart", "report"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example" in result.output


def test_the_cli_offers_every_registered_view():
    """``orgnet viz --view`` lists exactly the views of the registry (``orgnet.viz.views.VIEWS``)."""
    from orgnet.cli.pictures import ViewKind
    from orgnet.viz.views import VIEWS

    assert [k.value for k in ViewKind] == list(VIEWS)
