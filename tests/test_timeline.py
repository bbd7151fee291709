"""Several years of a region (compare/timeline.py) and ``yoy timeline``."""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from compare import timeline
from compare.cli import cli
from compare.model import Comparison, IndicatorPair, Report, Verdict

from .conftest import REPORTS, parsed

NATIONAL_YEARS = list(range(2012, 2019))
PROVINCES = sorted(p.stem.split("_")[0] for p in (REPORTS / "gwr").glob("*_2024.txt"))


def yoy(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    r = runner.invoke(cli, [str(a) for a in args])
    return r.exit_code, r.stdout, r.stderr


def same_label_pairs(old: Report, new: Report) -> Comparison:
    """A comparison whose indicator pairs are made by hand: the first unused indicator with the same
    label and base unit (a reference for the chaining, independent of the matcher)."""
    used: set[str] = set()
    pairs = []
    for i in old.indicators:
        match = next((j for j in new.indicators if j.id not in used and (j.label, j.base_unit) ==
                      (i.label, i.base_unit)), None)
        if match is not None:
            used.add(match.id)
            pairs.append(IndicatorPair(old=i.id, new=match.id, score=1.0))
    verdicts = tuple(Verdict(plan=p.id, status="delivered" if n % 4 else "missed", score=1.0, evidence=(),
                             reason="") for n, p in enumerate(old.plans))
    return Comparison(old=old, new=new, sections=(), indicators=tuple(pairs), audit=verdicts)


@pytest.fixture(scope="module")
def national() -> list[Report]:
    return [parsed(f"gwr/china-national_{y}.txt") for y in NATIONAL_YEARS]


def test_series_chain_the_pairs_across_years(national: list[Report]) -> None:
    comparisons = {(c.old.meta.year, c.new.meta.year): c for c in
                   (same_label_pairs(a, b) for a, b in itertools.pairwise(national))}
    tl = timeline.build_timeline(list(reversed(national)),
                                 compare=lambda a, b: comparisons[(a.meta.year, b.meta.year)])
    assert tl.years == tuple(NATIONAL_YEARS)
    paired = {(c.old.meta.year, p.old, c.new.meta.year, p.new)
              for c in comparisons.values() for p in c.indicators}
    assert tl.series
    linked = 0
    for s in tl.series:
        assert len(s.points) >= 2
        for a, b in itertools.pairwise(s.points):
            assert (a.year, a.indicator, b.year, b.indicator) in paired
            linked += 1
    # every pair is a link of exactly one series
    assert linked == len(paired)
    assert max(len(s.points) for s in tl.series) >= 4
    assert tl.single_year_indicators == sum(len(r.indicators) for r in national) - \
        sum(len(s.points) for s in tl.series)
    # delivery rate per year from the verdicts
    for stats, c in zip(tl.audits, comparisons.values(), strict=True):
        delivered = sum(v.status == "delivered" for v in c.audit)
        assert (stats.old_year, stats.new_year, stats.plans, stats.delivered) == \
            (c.old.meta.year, c.new.meta.year, len(c.audit), delivered)
        assert stats.delivered_pct == (100 * delivered / len(c.audit) if c.audit else None)


def test_chart_geometry(national: list[Report]) -> None:
    points = [timeline.Point(year=y, indicator=f"i{y}", label="x", value=v, unit="亿元", base_value=v * 1e8,
                             base_unit="元", written=f"{v}亿元")
              for y, v in ((2012, 5.0), (2014, 9.0), (2018, 7.0))]
    c = timeline.chart(points, NATIONAL_YEARS, width=100, height=40, pad=4)
    xs = [d.x for d in c.dots]
    ys = [d.y for d in c.dots]
    assert xs == pytest.approx([4.0, 4.0 + 92 * 2 / 6, 96.0], abs=0.05)
    assert ys[1] == 4.0  # the highest value at the top
    assert ys[0] == 36.0  # the lowest at the bottom
    assert c.polyline.split() == [f"{d.x},{d.y}" for d in c.dots]
    flat = timeline.chart([points[0], dataclasses.replace(points[0], year=2013)], NATIONAL_YEARS, height=40)
    assert {d.y for d in flat.dots} == {20.0}


def test_national_timeline_page(tmp_path: Path, runner: CliRunner) -> None:
    """ingest → list → timeline on the national series 2012-2018 (region and year from the reports)."""
    db = tmp_path / "lib.sqlite"
    files = [REPORTS / f"gwr/china-national_{y}.txt" for y in NATIONAL_YEARS]
    code, out, err = yoy(runner, "ingest", *files, "--db", db)
    assert code == 0, err
    code, out, err = yoy(runner, "list", "--db", db, "--format", "json")
    entries = json.loads(out)
    assert [e["year"] for e in entries] == NATIONAL_YEARS
    [region] = {e["region"] for e in entries}
    code, out, err = yoy(runner, "timeline", region, "--db", db, "-o", tmp_path / "t.html")
    assert code == 0, err
    assert out == ""
    assert err == f"wrote {tmp_path / 't.html'}\n"
    soup = BeautifulSoup((tmp_path / "t.html").read_text(encoding="utf-8"), "html.parser")
    header = [th.get_text() for th in soup.select("table.series thead th")]
    assert header[1:-1] == [str(y) for y in NATIONAL_YEARS]
    audit_rows = soup.select("table.audits tbody tr")
    assert [tuple(td.get_text() for td in row.select("td")[:2]) for row in audit_rows] == \
        [(str(a), str(b)) for a, b in itertools.pairwise(NATIONAL_YEARS)]
    series_rows = soup.select("table.series tbody tr")
    assert len(series_rows) >= 10
    for row in series_rows:
        svg = row.select_one("svg")
        assert svg is not None
        filled = [td for td in row.select("td")[:-1] if td.get_text().strip()]
        assert len(svg.select("circle")) == len(filled) >= 2
    # some figure followed over at least five of the seven years
    assert max(len(svg.select("circle")) for svg in soup.select("table.series svg")) >= 5
    sim_rows = soup.select("table.sections tbody tr")
    assert sim_rows
    assert all(len(row.select("td")) == len(NATIONAL_YEARS) - 1 for row in sim_rows)
    assert not soup.select("script")


def test_timeline_escapes_and_errors(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "lib.sqlite"
    evil = "<script>alert(1)</script>县"
    for year in (2024, 2025):
        code, _, err = yoy(runner, "ingest", REPORTS / f"gwr/hebei_{year}.txt", "--region", evil, "--db", db)
        assert code == 0, err
    code, out, err = yoy(runner, "timeline", evil, "--db", db)
    assert code == 0, err
    soup = BeautifulSoup(out, "html.parser")
    assert not soup.select("script")
    assert soup.h1 is not None
    assert evil in soup.h1.get_text()
    code, out, err = yoy(runner, "timeline", "nowhere", "--db", db)
    assert code == 1
    assert out == ""
    assert err.startswith("Error: ")
    assert err.count("\n") == 1
    code, _, err = yoy(runner, "ingest", REPORTS / "fazhi/shanghai_2024.txt", "--region", evil,
                       "--year", "2024", "--kind", "fazhi", "--db", db)
    assert code == 0, err
    code, out, err = yoy(runner, "timeline", evil, "--db", db)
    assert code == 1
    assert "pass --kind" in err
    code, out, err = yoy(runner, "timeline", evil, "--db", db, "--kind", "gwr")
    assert code == 0, err


def test_provincial_pairs(tmp_path: Path, runner: CliRunner) -> None:
    """The 16 provincial pairs: stored by their own metadata, listed, compared by key."""
    db = tmp_path / "lib.sqlite"
    files = [REPORTS / f"gwr/{p}_{y}.txt" for p in PROVINCES for y in (2024, 2025)]
    assert len(files) == 32
    code, out, err = yoy(runner, "ingest", *files, "--db", db)
    assert code == 0, err
    code, out, _ = yoy(runner, "list", "--db", db, "--format", "json")
    entries = json.loads(out)
    by_region: dict[str, list[int]] = {}
    for e in entries:
        by_region.setdefault(e["region"], []).append(e["year"])
    assert len(by_region) == 16
    assert all(years == [2024, 2025] for years in by_region.values())
    region = next(r for r in by_region if r.startswith("浙江"))
    code, out, err = yoy(runner, "compare", region, "2024", "2025", "--db", db, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["old"]["meta"]["year"], data["new"]["meta"]["year"]) == (2024, 2025)
    assert data["indicators"]
    assert data["old"]["text"] == (REPORTS / "gwr/zhejiang_2024.txt").read_text(encoding="utf-8")
    code, out, err = yoy(runner, "timeline", region, "--db", db)
    assert code == 0, err
    soup = BeautifulSoup(out, "html.parser")
    assert [td.get_text() for td in soup.select("table.audits tbody td")[:2]] == ["2024", "2025"]
    assert soup.select("table.series svg polyline")


def test_one_year_timeline(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "lib.sqlite"
    yoy(runner, "ingest", REPORTS / "gwr/xizang_2025.txt", "--db", db)
    code, out, err = yoy(runner, "timeline", "西藏自治区", "--db", db)
    assert code == 0, err
    soup = BeautifulSoup(out, "html.parser")
    assert "One year only" in soup.get_text()
