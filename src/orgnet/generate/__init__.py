"""Synthetic sample datasets in the data contract's format, with realistic Chinese names.

Three profiles (``PROFILES``: profile name → the function that writes it):

``longyou``
    Longyou County (龙游县), Zhejiang. The report's counts are inputs: 133 two-new organizations with
    30+ female fixed staff, 43 of them with a women's work committee, 66 women's work liaison officers.
``beihu``
    Beihu District (北湖区), Chenzhou, Hunan. The report's counts are inputs, made exactly (14
    townships and 4 streets, 18 township/street federations, 35 organ women's committees, 35
    community federations, 128 village women's congresses, 165 enterprise women's committees, 2
    women's groups, 58 federation cadres, 53 organ and institution women's bodies, 22 demonstration
    points); its rates, shares and averages are the probabilities and means of random draws, so the
    sample's come out near them (women among village / community cadres 32% / 71%, coverage 44.3%,
    the cadres' average age 37 and education 24 / 33 / 1).
``scale``
    Any number of organizations (``orgs=N``, up to millions), vectorized with numpy; realistic shape,
    not based on the reports.

Everything is synthetic: names are drawn from common surnames, given-name characters and place-name
syllables. The same seed gives byte-identical files.

The modules: ``longyou``, ``beihu`` and ``scale`` (with ``scale_places``, ``scale_bodies``,
``scale_outreach`` and ``arrays``) build the profiles; ``builder`` (the report-based profiles' row
builder), ``units`` (villages, communities, organs), ``two_new`` (two-new organizations) and
``outreach`` (liaison links, demonstration points, activity rooms) are shared by the report-based
ones; ``names`` holds the name material and ``writing`` writes the files; ``figures`` sets the
reports' figures against the samples (the table in ``data/README.md``).

Examples
--------
>>> import tempfile, orgnet
>>> out = Path(tempfile.mkdtemp())
>>> counts = generate("longyou", 1, out)
>>> stats = orgnet.load(out).stats("2012-06-30")
>>> root = stats[stats.level == "county"].set_index("figure")
>>> int(root.at["two_new_30plus", "numerator"]), int(root.at["liaison_officers", "numerator"])
(133, 66)
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..files import write_folder
from ..schema import SCHEMA
from . import beihu, longyou, scale
from .builder import AS_OF
from .writing import write_parquet

__all__ = ["AS_OF", "FORMATS", "PROFILES", "generate"]

#: Each profile's writer: (seed, out folder, orgs) → rows written per table (CSV files).
PROFILES: dict[str, Callable[[int, Path, int | None], dict[str, int]]] = {
    "longyou": longyou.write,
    "beihu": beihu.write,
    "scale": scale.write,
}
FORMATS = ("csv", "parquet")


def generate(profile: str, seed: int, out: Path, *, orgs: int | None = None, fmt: str = "csv") -> dict[str, int]:
    """Write one file per table of a synthetic dataset into ``out``; return rows written per table.

    ``profile`` is ``longyou`` or ``beihu`` (built on the 2012 reports; ``orgs`` is ignored) or
    ``scale`` (``orgs`` organizations, 10,000 by default). ``fmt``: ``csv`` (UTF-8, the contract's
    headers) or ``parquet`` (typed columns: text, int64, bool, date32). Same ``seed`` → the same
    rows (CSV: byte-identical files). The folder is built aside and renamed into place whole
    (``orgnet.files.write_folder``): ``out`` may be new, empty or an earlier generated dataset, and
    a run that fails leaves it as it was.
    """
    out = Path(out)
    if profile not in PROFILES:
        raise InputError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt}: expected one of {', '.join(FORMATS)}")
    if profile == "scale":
        scale.organization_count(orgs)  # a bad --orgs fails before anything is written
    write = PROFILES[profile]
    with write_folder(out, tuple(f"{name}.{ext}" for name in SCHEMA.tables for ext in FORMATS)) as aside:
        if fmt == "csv":
            return write(seed, aside, orgs)
        with tempfile.TemporaryDirectory(prefix=".orgnet-", dir=aside.parent) as tmp:
            counts = write(seed, Path(tmp), orgs)
            write_parquet(Path(tmp), aside)
    return counts
