"""Build ``compare/data/audit_background.json``: in how many regions' reports each word occurs.

The audit weighs the words of a plan by how rare they are in the genre, so that the words
every report uses (消费, 投资, 营商环境, 法治) count little and a province's own names (雄安,
格桑花行动, 京津冀) count much: otherwise one province's plans are "found" in any other
province's report. The rarity is measured over the bundled reports (``reports/``), one
document per region (all years and both genres of a region together, so that a region's
own words are not made common by its several years). ``reports/unseen`` is left out
(it is a probe of reports the engine has not seen).

Only words found in at least ``MIN_REGIONS`` regions are kept (rarer words get the
largest weight anyway); the file is small and read once per process.

Run from the repository root: ``.venv/bin/python scripts/build_audit_background.py``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from compare import audit
from compare.textnorm import fold

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "compare" / "data" / "audit_background.json"
MIN_REGIONS = 2


def region_frequencies(paths: list[Path]) -> tuple[int, dict[str, int]]:
    """(number of regions, word -> regions using it) over report files named ``<region>_<year>.txt``;
    only words used by ``MIN_REGIONS`` regions or more are kept."""
    regions: dict[str, set[str]] = {}
    for path in sorted(paths):
        region = path.stem.rsplit("_", 1)[0]
        regions.setdefault(region, set()).update(audit.content_words(fold(path.read_text(encoding="utf-8"))))
    df: Counter[str] = Counter()
    for words in regions.values():
        df.update(words)
    return len(regions), {w: c for w, c in sorted(df.items()) if c >= MIN_REGIONS}


def main() -> None:
    paths = [p for p in (ROOT / "reports").glob("*/*.txt") if p.parent.name != "unseen"]
    n, kept = region_frequencies(paths)
    data = {"regions": n, "df": kept}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {n} regions, {len(kept)} words")  # noqa: T201


if __name__ == "__main__":
    main()
