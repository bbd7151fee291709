"""Benchmark ``yoy batch`` over the full reports of a corpus with 1 and 2 workers (run by hand).

    .venv/bin/python bench/bench_batch.py                         # the bundled copies in reports/
    .venv/bin/python bench/bench_batch.py --corpus ../shared/corpus --workers 1,2,4

Each run gets a fresh library, so every report is read, parsed, stored and every consecutive
pair compared and rendered. Reported per run: wall time, throughput (reports per second),
and the peak resident memory of the largest process of the run (``ru_maxrss`` of the
children of a wrapper process: the batch itself and its pool workers); then each run as a
ratio of the first (1 worker), measured in the same invocation.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs one command and prints its wall time, exit code and the peak RSS of its process tree's
# largest process (ru_maxrss of RUSAGE_CHILDREN: KiB on Linux) as JSON.
WRAPPER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rc": rc.returncode, "maxrss_kib": peak,
                  "stderr_tail": rc.stderr.strip().splitlines()[-3:]}))
"""


def full_reports(corpus: Path) -> list[str]:
    """The files the corpus manifest marks ``full`` (every report file when there is no manifest)."""
    manifest = corpus / "MANIFEST.tsv"
    if not manifest.is_file():
        return sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*")
                      if p.suffix.lower() in (".txt", ".html", ".docx", ".pdf"))
    with manifest.open(encoding="utf-8") as f:
        return [row["file"] for row in csv.DictReader(f, delimiter="\t") if row.get("completeness") == "full"]


def run(folder: Path, workers: int, work: Path) -> dict[str, object]:
    db, out = work / f"lib-{workers}.sqlite", work / f"out-{workers}"
    cmd = [sys.executable, "-m", "compare.cli", "batch", str(folder), "-o", str(out), "--db", str(db),
           "--workers", str(workers), "--no-progress"]
    done = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    result: dict[str, object] = json.loads(done.stdout)
    result["workers"] = workers
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "reports", help="corpus folder (with MANIFEST.tsv)")
    ap.add_argument("--workers", default="1,2",
                    help="comma-separated worker counts; the first is the baseline")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    files = full_reports(args.corpus)
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="yoy-bench-") as tmp:
        work = Path(tmp)
        folder = work / "corpus"
        for rel in files:  # the full reports only, in their folders (symlinks: nothing copied)
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).symlink_to((args.corpus / rel).resolve())
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        results = [run(folder, w, work) for w in counts]
    base = results[0]
    for r in results:
        r["reports_per_s"] = len(files) / float(r["wall"])  # type: ignore[arg-type]
        r["peak_mib"] = int(r["maxrss_kib"]) / 1024  # type: ignore[call-overload]
        r["speedup"] = float(base["wall"]) / float(r["wall"])  # type: ignore[arg-type]
        r["memory_ratio"] = int(r["maxrss_kib"]) / int(base["maxrss_kib"])  # type: ignore[call-overload]
    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "reports": len(files), "started": started,
                          "runs": results}, ensure_ascii=False, indent=2))
        return
    print(f"yoy batch over {len(files)} full reports of {args.corpus} ({started})")
    print(f"{'workers':>7}  {'seconds':>8}  {'reports/s':>9}  {'peak MiB':>8}  {'speedup':>7}  "
          f"{'mem ratio':>9}  exit")
    for r in results:
        print(f"{r['workers']:>7}  {r['wall']:>8.1f}  {r['reports_per_s']:>9.2f}  {r['peak_mib']:>8.0f}  "
              f"{r['speedup']:>6.2f}x  {r['memory_ratio']:>8.2f}x  {r['rc']}")
        if r["rc"] != 0:
            print("         " + " | ".join(r["stderr_tail"]))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
