"""Benchmark ``yoy batch`` over the full reports of a corpus with 1 and 2 workers (run by hand).

    .venv/bin/python bench/bench_batch.py                         # the bundled copies in reports/
    .venv/bin/python bench/bench_batch.py --corpus ../shared/corpus --workers 1,2,4

Each run gets a fresh library, so every report is read, parsed, stored and every consecutive
pair compared and rendered. Reported per run: wall time, throughput (reports per second),
the peak resident memory of the largest process of the run (``ru_maxrss`` of the children
of a wrapper process: the batch itself and its pool workers) and the peak of their summed
PSS (sampled from /proc); each as a ratio of the first run (1 worker), in the same invocation.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs one command and prints as JSON: its wall time, CPU time, exit code, the peak RSS of the largest
# process of its tree (ru_maxrss of RUSAGE_CHILDREN, KiB on Linux), and the peak of the tree's summed
# PSS (proportional set size: pages shared after fork split between the processes), sampled every
# 0.1 s from /proc/PID/smaps_rollup.
WRAPPER = """
import json, os, resource, subprocess, sys, tempfile, time

def tree(pid):
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    pids += tree(int(child))
    except OSError:
        pass
    return pids

def pss(pid):
    # proportional set size in bytes: a page shared by n processes counts 1/n in each
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0

err = tempfile.TemporaryFile(mode="w+")
t = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=err, text=True)
total = 0
while proc.poll() is None:
    total = max(total, sum(pss(p) for p in tree(proc.pid)))
    time.sleep(0.1)
wall = time.perf_counter() - t
err.seek(0)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "rc": proc.returncode, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss_kib": usage.ru_maxrss,
                  "total_pss_kib": total // 1024, "stderr_tail": err.read().strip().splitlines()[-3:]}))
"""


def full_reports(corpus: Path) -> list[str]:
    """The files the corpus manifest marks ``full`` (every report file when there is no manifest)."""
    manifest = corpus / "MANIFEST.tsv"
    if not manifest.is_file():
        return sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*")
                      if p.suffix.lower() in (".txt", ".html", ".docx", ".pdf"))
    with manifest.open(encoding="utf-8") as f:
        return [row["file"] for row in csv.DictReader(f, delimiter="\t") if row.get("completeness") == "full"]


@dataclass
class Run:
    """One batch run's figures."""

    workers: int
    wall: float
    rc: int
    cpu: float
    maxrss_kib: int
    total_pss_kib: int
    stderr_tail: list[str]
    reports_per_s: float = 0.0
    speedup: float = 1.0
    peak_ratio: float = 1.0
    total_ratio: float = 1.0


def run(folder: Path, workers: int, work: Path) -> Run:
    fresh = Path(tempfile.mkdtemp(prefix=f"run-{workers}-", dir=work))  # a new library for every run
    db, out = fresh / "lib.sqlite", fresh / "out"
    cmd = [sys.executable, "-m", "compare.cli", "batch", str(folder), "-o", str(out), "--db", str(db),
           "--workers", str(workers), "--no-progress"]
    done = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    return Run(workers=workers, **json.loads(done.stdout))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "reports", help="corpus folder (with MANIFEST.tsv)")
    ap.add_argument("--workers", default="1,2",
                    help="comma-separated worker counts; the first is the baseline")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the worker counts this many rounds, interleaved, and keep each count's fastest "
                         "run (the machine's load drifts between runs)")
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
        every = [run(folder, w, work) for _ in range(args.repeat) for w in counts]
    runs = [min((r for r in every if r.workers == w), key=lambda r: r.wall) for w in counts]
    base = runs[0]
    for r in runs:
        r.reports_per_s = len(files) / r.wall
        r.speedup = base.wall / r.wall
        r.peak_ratio = r.maxrss_kib / base.maxrss_kib
        r.total_ratio = r.total_pss_kib / max(base.total_pss_kib, 1)
    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "reports": len(files), "started": started,
                          "runs": [asdict(r) for r in runs]}, ensure_ascii=False, indent=2))
        return
    print(f"yoy batch over {len(files)} full reports of {args.corpus} ({started}; "
          f"fastest of {args.repeat} interleaved run{'s' if args.repeat > 1 else ''} per worker count)")
    print(f"{'workers':>7}  {'seconds':>8}  {'cpu s':>6}  {'cpu/wall':>8}  {'reports/s':>9}  {'speedup':>7}  "
          f"{'peak MiB':>8}  {'ratio':>6}  {'tree MiB':>8}  {'ratio':>6}  exit")
    for r in runs:
        cells = [f"{r.workers:>7}", f"{r.wall:>8.1f}", f"{r.cpu:>6.1f}", f"{r.cpu / r.wall:>8.2f}",
                 f"{r.reports_per_s:>9.2f}", f"{r.speedup:>6.2f}x", f"{r.maxrss_kib / 1024:>8.0f}",
                 f"{r.peak_ratio:>5.2f}x", f"{r.total_pss_kib / 1024:>8.0f}", f"{r.total_ratio:>5.2f}x",
                 str(r.rc)]
        print("  ".join(cells))
        if r.rc != 0:
            print("         " + " | ".join(r.stderr_tail))
    print("cpu/wall: the parallelism obtained (near 1 with 2 workers: no second core was free)")
    print("peak MiB: the largest process (ru_maxrss); tree MiB: the summed PSS of the batch and its workers,")
    print("  sampled every 0.1 s (pages shared after fork split between the processes)")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average at the end: {load} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
