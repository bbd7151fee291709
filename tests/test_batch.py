"""``yoy batch``: a folder -> library, consecutive comparisons, index.html (compare/batch.py)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from compare import batch
from compare.cli import cli
from compare.errors import InputError

from .conftest import REPORTS

GOOD = ["fazhi/beijing-xicheng_2022.txt", "fazhi/beijing-xicheng_2023.txt", "fazhi/beijing-xicheng_2024.txt",
        "fazhi/chongqing-yuzhong_2023.txt", "fazhi/chongqing-yuzhong_2024.txt",
        "gwr-partial/chongqing-yuzhong_2022.txt", "fazhi/guizhou-libo_2023.txt"]
NO_KEY = "今年以来，我们坚持依法行政，各项工作取得新进展。下一步，继续推进法治政府建设。\n" * 3


def yoy(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    r = runner.invoke(cli, [str(a) for a in args])
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for rel in GOOD:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPORTS / rel, root / rel)
    (root / "notes.md").write_text("not a report type: ignored", encoding="utf-8")
    (root / ".hidden").mkdir()
    shutil.copy(REPORTS / GOOD[0], root / ".hidden" / "copy.txt")
    return root


def index_rows(index: Path) -> list[list[str]]:
    soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    return [[td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in soup.select("table.comparisons tbody tr")]


def test_batch_ingests_compares_and_indexes(corpus: Path, tmp_path: Path, runner: CliRunner) -> None:
    (corpus / "fazhi" / "bad.txt").write_text(NO_KEY, encoding="utf-8")
    (corpus / "broken.pdf").write_bytes(b"\x00\x01 not a pdf")
    db, out = tmp_path / "lib.sqlite", tmp_path / "out"
    code, _, stderr = yoy(runner, "batch", corpus, "-o", out, "--db", db, "--workers", "2", "--no-progress")
    assert code == 1  # two files failed
    errors = [line for line in stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 2
    assert any("bad.txt" in e and "region" in e and "--manifest" in e for e in errors)
    assert any("broken.pdf" in e for e in errors)
    summary = f"{len(GOOD) + 2} files: {len(GOOD)} stored, 0 unchanged, 2 failed; 3 comparisons"
    assert stderr.splitlines()[-1].startswith(summary)
    # the library holds the good files
    code, listing, _ = yoy(runner, "list", "--db", db, "--format", "json")
    keys = sorted((e["region"], e["year"], e["kind"]) for e in json.loads(listing))
    assert len(keys) == len(GOOD)
    assert ("重庆市渝中区", 2022, "gwr") in keys
    # one row per consecutive pair of one region and kind; a lone year or a lone kind has none
    rows = index_rows(out / "index.html")
    assert [(r[0], r[1], r[2]) for r in rows] == [("北京市西城区", "fazhi", "2022 → 2023"),
                                                  ("北京市西城区", "fazhi", "2023 → 2024"),
                                                  ("重庆市渝中区", "fazhi", "2023 → 2024")]
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("table.comparisons a:not(.timeline)")]
    assert len(links) == 3
    timelines = sorted({str(a["href"]) for a in soup.select("table.comparisons a.timeline")})
    assert len(timelines) == 2
    for timeline in timelines:
        page = BeautifulSoup((out / timeline).read_text(encoding="utf-8"), "html.parser")
        audit_rows = page.select("table.audits tbody tr")
        assert len(audit_rows) == (2 if "西城" in timeline else 1)
    for href in links:
        page = BeautifulSoup((out / str(href)).read_text(encoding="utf-8"), "html.parser")
        assert page.title is not None
    for r in rows:
        changed, paired = r[3].split(" / ")
        assert 0 <= int(changed) <= int(paired)
        assert r[4] == "–" or r[4].endswith(")")
    listed = [li.get_text() for li in soup.select("ul.failures li")]
    assert listed == sorted(e[len("Error: "):] for e in errors)


def test_batch_again_changes_nothing_and_exits_0(corpus: Path, tmp_path: Path, runner: CliRunner) -> None:
    db, out = tmp_path / "lib.sqlite", tmp_path / "out"
    code, _, err = yoy(runner, "batch", corpus, "-o", out, "--db", db, "--no-progress")
    assert code == 0, err
    first = index_rows(out / "index.html")
    with sqlite3.connect(db) as con:
        before = con.execute("select id, sha256 from reports order by id").fetchall()
    code, _, err = yoy(runner, "batch", corpus, "-o", out, "--db", db, "--no-progress", "--workers", "2")
    assert code == 0, err
    assert f"0 stored, {len(GOOD)} unchanged, 0 failed" in err
    with sqlite3.connect(db) as con:
        assert con.execute("select id, sha256 from reports order by id").fetchall() == before
    assert index_rows(out / "index.html") == first


def test_manifest_gives_the_key(corpus: Path, tmp_path: Path, runner: CliRunner) -> None:
    (corpus / "fazhi" / "bad.txt").write_text(NO_KEY, encoding="utf-8")
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text("file\tlocality\tyear_reported\tkind\nfazhi/bad.txt\t某县\t2023\tfazhi\n",
                        encoding="utf-8")
    code, _, err = yoy(runner, "batch", corpus, "-o", tmp_path / "out", "--db", tmp_path / "lib.sqlite",
                       "--manifest", manifest, "--no-progress")
    assert code == 0, err
    code, out, _ = yoy(runner, "show", "某县", "2023", "--db", tmp_path / "lib.sqlite", "--format", "json")
    assert json.loads(out)["text"] == NO_KEY


def test_batch_errors(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "l.db"
    code, out, err = yoy(runner, "batch", tmp_path / "nowhere", "-o", tmp_path / "out", "--db", db)
    assert (code, out) == (1, "")
    assert err.startswith("Error: ")
    assert "not a folder" in err
    bad = tmp_path / "m.tsv"
    bad.write_text("name\tplace\nx\ty\n", encoding="utf-8")
    code, _, err = yoy(runner, "batch", tmp_path, "-o", tmp_path / "out", "--manifest", bad, "--db", db)
    assert code == 1
    assert "file, region" in err
    with pytest.raises(InputError, match="line 2"):
        batch.read_manifest("file\tregion\tyear\na.txt\tX\tlast year\n")


def test_find_reports_and_slug(corpus: Path) -> None:
    found = [p.relative_to(corpus).as_posix() for p in batch.find_reports(corpus)]
    assert found == sorted(GOOD)
    assert batch.slug("上海市/浦东 新区") == "上海市-浦东-新区"
