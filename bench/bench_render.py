"""Benchmark the comparison report against ``difflib.HtmlDiff`` on the same two texts (run by hand).

    .venv/bin/python bench/bench_render.py                                   # zhejiang 2024 -> 2025
    .venv/bin/python bench/bench_render.py reports/gwr/china-national_2015.txt \
        reports/gwr/china-national_2016.txt
    .venv/bin/python bench/bench_render.py --repeat 5

Timed in one process, in the same run (best of ``--repeat`` after one warm-up run that loads
jieba and the spaCy pipeline, whose cold time is printed separately):

- ``yoy compare``: the whole pipeline in-process, bytes of both files -> HTML string
  (read, segment, indicators, plans, align, match, audit, render);
- render alone: ``render(comparison, "html")`` for a comparison already made (page building,
  word diff of every aligned section, templates);
- ``difflib.HtmlDiff().make_file`` on the two texts split in lines, the standard library's
  side-by-side HTML diff, as the yardstick.

Prints the times, the output sizes and the ratios to HtmlDiff. No assertion: a measurement.
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from compare import pipeline, render

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ("reports/gwr/zhejiang_2024.txt", "reports/gwr/zhejiang_2025.txt")


def best_of(fn: Callable[[], str], repeat: int) -> tuple[float, float, str]:
    """(best, median) wall seconds of ``repeat`` calls, and the last output."""
    times = []
    out = ""
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old", nargs="?", default=DEFAULT[0])
    ap.add_argument("new", nargs="?", default=DEFAULT[1])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    old_path, new_path = (ROOT / args.old if not Path(args.old).is_absolute() else Path(args.old),
                          ROOT / args.new if not Path(args.new).is_absolute() else Path(args.new))
    old_bytes, new_bytes = old_path.read_bytes(), new_path.read_bytes()

    def yoy_compare() -> str:
        old = pipeline.read_report(old_bytes, str(old_path))
        new = pipeline.read_report(new_bytes, str(new_path))
        return render.render(pipeline.compare_reports(old, new), "html")

    t = time.perf_counter()
    yoy_compare()
    cold = time.perf_counter() - t

    comparison = pipeline.compare_reports(pipeline.read_report(old_bytes, str(old_path)),
                                          pipeline.read_report(new_bytes, str(new_path)))
    a = comparison.old.text.splitlines()
    b = comparison.new.text.splitlines()

    full_best, full_med, full_out = best_of(yoy_compare, args.repeat)
    render_best, render_med, render_out = best_of(lambda: render.render(comparison, "html"), args.repeat)
    hd_best, hd_med, hd_out = best_of(lambda: difflib.HtmlDiff().make_file(a, b), args.repeat)

    print(f"pair: {args.old} ({len(comparison.old.text)} chars, {len(a)} lines) -> "
          f"{args.new} ({len(comparison.new.text)} chars, {len(b)} lines)")
    print(f"sections paired: {len(comparison.sections)}, indicator pairs: {len(comparison.indicators)}, "
          f"verdicts: {len(comparison.audit)}; best of {args.repeat}")
    print(f"{'':28}{'best s':>9}{'median s':>10}{'output KiB':>12}{'x HtmlDiff':>12}")
    rows = [("yoy compare (in-process)", full_best, full_med, full_out),
            ("render html alone", render_best, render_med, render_out),
            ("difflib.HtmlDiff.make_file", hd_best, hd_med, hd_out)]
    for name, best, med, out in rows:
        print(f"{name:28}{best:9.3f}{med:10.3f}{len(out.encode()) / 1024:12.0f}{best / hd_best:12.2f}")
    print(f"cold first yoy compare (jieba + spaCy load): {cold:.2f} s")


if __name__ == "__main__":
    main()
