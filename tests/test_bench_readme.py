"""bench/README.md: its results section is what ``bench.readme`` writes from the newest day's records.

``python -m bench.run`` rewrites the section between the markers from ``bench/results/<date>.json``;
everything outside the markers (the method, the bulk-import table, how to rerun) is left as it is.
"""

import json
import shutil

from bench.readme import BEGIN, END, markdown, newest_results, update_readme
from tests.conftest import ROOT

BENCH = ROOT / "bench"


def test_results_section_is_the_newest_records():
    path = newest_results()
    text = (BENCH / "README.md").read_text(encoding="utf-8")
    section = text.split(BEGIN, 1)[1].split(END, 1)[0]
    assert section == "\n" + markdown(json.loads(path.read_text(encoding="utf-8")), path.stem), \
        "run: python -m bench.readme"


def test_update_keeps_everything_outside_the_markers(tmp_path):
    readme = tmp_path / "README.md"
    shutil.copy(BENCH / "README.md", readme)
    before = readme.read_text(encoding="utf-8")
    readme.write_text(before.replace(before.split(BEGIN, 1)[1].split(END, 1)[0], "\nstale\n"), encoding="utf-8")
    path = newest_results()
    assert update_readme(readme, path, path.stem)
    assert readme.read_text(encoding="utf-8") == before


def test_no_markers_no_write(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    assert not update_readme(readme, newest_results(), "2026-11-27")
    assert readme.read_text(encoding="utf-8") == "# no markers\n"
