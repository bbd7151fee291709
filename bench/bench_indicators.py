"""Indicator extraction time per report, against a plain regex scan of the same text in the same run.

    .venv/bin/python bench/bench_indicators.py [--repeat N] [FILE ...]

For each report (default: every .txt under reports/) it times ``extract_indicators`` (the
whole stage: numbers, units, exclusions, kinds, labels via the jieba tokenizer) and a bare
regex that only finds number+unit runs, and prints both and their ratio. The regex is the
floor any extractor pays to read the text once; the ratio says what the rest costs. The
tokenizer is loaded before timing (it loads once per process). Figures only: nothing is
asserted, so the benchmark never fails on a slow machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.indicators import extract_indicators  # noqa: E402
from compare.nlp import nlp  # noqa: E402
from compare.settings import Settings  # noqa: E402
from compare.textnorm import fold  # noqa: E402

PLAIN = re.compile(
    r"\d+(?:\.\d+)?(?:万亿|亿|万|千)?(?:%|‰|个百分点|[件个次人名户台份项家条支场元吨亩]|公里)?"
)
"""The baseline: numbers and an optional magnitude and unit, nothing else."""


def best_of(repeat: int, fn: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="reports (default: reports/**/*.txt)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per report; the best is kept")
    args = ap.parse_args(argv)
    files = [Path(f) for f in args.files] or sorted((ROOT / "reports").glob("*/*.txt"))
    settings = Settings()
    nlp()  # load jieba's dictionary outside the timings
    rows = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = extract_indicators(text, (), settings=settings)
        plain = len(PLAIN.findall(fold(text)))
        t_ext = best_of(args.repeat, lambda text=text: extract_indicators(text, (), settings=settings))
        t_re = best_of(args.repeat, lambda text=text: PLAIN.findall(fold(text)))
        rows.append((path.name, len(text), len(found), plain, t_ext, t_re))
    head = ("report", "chars", "found", "regex", "extract ms", "regex ms", "ratio")
    widths = (7, 6, 6, 11, 9, 7)
    print(f"{head[0]:34s} " + " ".join(f"{h:>{w}s}" for h, w in zip(head[1:], widths, strict=True)))
    for name, chars, n, plain, t_ext, t_re in rows:
        print(
            f"{name:34s} {chars:7d} {n:6d} {plain:6d} {t_ext * 1e3:11.1f} {t_re * 1e3:9.2f} "
            f"{t_ext / t_re if t_re else float('inf'):7.1f}"
        )
    total_ext = sum(r[4] for r in rows)
    total_re = sum(r[5] for r in rows)
    per_report = statistics.mean(r[4] for r in rows) * 1e3
    print(
        f"\n{len(rows)} reports: extraction {total_ext:.2f} s ({per_report:.1f} ms per report), "
        f"regex {total_re * 1e3:.1f} ms; extraction / regex = {total_ext / total_re:.1f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
