"""The report library (compare/store.py) and its commands: ingest, list, show, compare by key, remove."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import pipeline, store
from compare.cli import cli
from compare.errors import LibraryError, NotInLibraryError

from .conftest import REPORTS

NATIONAL = {year: REPORTS / "gwr" / f"china-national_{year}.txt" for year in range(2012, 2019)}
REGION = "国务院"
YOY = [sys.executable, "-m", "compare.cli"]


def yoy(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    r = runner.invoke(cli, [str(a) for a in args])
    return r.exit_code, r.stdout, r.stderr


def ingest(runner: CliRunner, db: Path, path: Path, *flags: str) -> tuple[int, str, str]:
    return yoy(runner, "ingest", path, "--db", db, *flags)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding the national series 2012-2018, filed by flags (read it, don't write it)."""
    db = tmp_path_factory.mktemp("lib") / "national.sqlite"
    runner = CliRunner()
    for year, path in NATIONAL.items():
        code, out, err = ingest(runner, db, path, "--region", REGION, "--year", str(year))
        assert (code, err) == (0, ""), err
        assert out.startswith("added ")
        assert f"{REGION} {year}" in out
    return db


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        return (con.execute("select count(*) from reports").fetchone()[0],
                con.execute("select count(*) from indicator_rows").fetchone()[0])


def test_list_shows_every_year(runner: CliRunner, national: Path) -> None:
    code, out, err = yoy(runner, "list", "--db", national)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["region", "year", "kind", "versions"]
    assert [line.split()[1] for line in lines[1:]] == [str(y) for y in NATIONAL]
    assert all(line.split()[0] == REGION and line.split()[2] == "gwr" for line in lines[1:])
    code, out, _ = yoy(runner, "list", "--db", national, "--format", "json")
    listed = [(e["region"], e["year"], e["versions"]) for e in json.loads(out)]
    assert listed == [(REGION, y, 1) for y in NATIONAL]


def test_indicator_table_reads_into_pandas(national: Path) -> None:
    with sqlite3.connect(national) as con:
        df = pd.read_sql("select * from indicators", con)
    for column in ("region", "year", "label", "value", "unit", "base_value", "base_unit", "kind"):
        assert column in df.columns
    lib = store.open_library(national, create=False)
    with lib:
        expected = sum(len(lib.report(e).indicators) for e in lib.entries())
    assert expected > 100
    assert len(df) == expected
    assert set(df["year"]) == set(NATIONAL)
    assert set(df["kind"]) <= {"level", "change", "target"}


def test_show_gives_the_stored_parse(runner: CliRunner, national: Path) -> None:
    code, out, err = yoy(runner, "show", REGION, "2016", "--db", national, "--format", "json")
    assert code == 0
    assert err == ""
    shown = json.loads(out)
    parsed = pipeline.read_report(NATIONAL[2016].read_bytes(), str(NATIONAL[2016]),
                                  overrides=pipeline.MetaOverrides(region=REGION, year=2016))
    from compare import export

    fresh = export.report_to_dict(parsed)
    assert shown["schema"] == "yoy.report/1"
    assert shown["text"] == NATIONAL[2016].read_text(encoding="utf-8")
    assert shown["indicators"] == fresh["indicators"]
    assert shown["sections"] == fresh["sections"]
    assert (shown["meta"]["region"], shown["meta"]["year"]) == (REGION, 2016)
    code, out, _ = yoy(runner, "show", REGION, "2016", "--db", national)
    assert code == 0
    assert "version 1 of 1" in out
    assert "indicators" in out


def test_compare_by_key_equals_compare_by_files(runner: CliRunner, national: Path, tmp_path: Path) -> None:
    code, by_key, err = yoy(runner, "compare", REGION, "2015", "2016", "--db", national, "--format", "json")
    assert code == 0, err
    code, by_file, err = yoy(runner, "compare", NATIONAL[2015], NATIONAL[2016], "--format", "json")
    assert code == 0, err
    a, b = json.loads(by_key), json.loads(by_file)
    for key in ("sections", "indicators", "audit"):
        assert a[key] == b[key]
    assert a["old"]["indicators"] == b["old"]["indicators"]
    assert (a["old"]["meta"]["year"], a["new"]["meta"]["year"]) == (2015, 2016)


def test_compare_by_key_errors(runner: CliRunner, national: Path) -> None:
    code, out, err = yoy(runner, "compare", REGION, "2015", "2030", "--db", national, "--format", "json")
    assert (code, out) == (1, "")
    assert err.startswith("Error: ")
    assert err.count("\n") == 1
    assert "2012, 2013" in err
    code, out, err = yoy(runner, "compare", "浙江省", "2015", "2016", "--db", national, "--format", "json")
    assert code == 1
    assert "stored regions: 国务院" in err
    code, out, err = yoy(runner, "show", "国务", "2015", "--db", national)
    assert code == 1
    assert "did you mean 国务院?" in err


def test_missing_library_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = yoy(runner, "list", "--db", tmp_path / "none.sqlite")
    assert (code, out) == (1, "")
    assert err.startswith("Error: ")
    assert err.count("\n") == 1
    assert not (tmp_path / "none.sqlite").exists()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    code, out, err = yoy(runner, "list", "--db", bad)
    assert code == 1
    assert "not a yoy library" in err
    code, out, err = yoy(runner, "ingest", NATIONAL[2012], "--db", tmp_path)
    assert code == 1
    assert "is a directory" in err
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("create table customers (name text)")
    code, _, err = yoy(runner, "ingest", NATIONAL[2012], "--db", other, "--region", REGION, "--year", "2012")
    assert code == 1
    assert "another program (tables: customers)" in err
    with sqlite3.connect(other) as con:
        assert [n for (n,) in con.execute("select name from sqlite_master")] == ["customers"]


def test_db_from_environment(tmp_path: Path) -> None:
    runner = CliRunner(env={"YOY_DB": str(tmp_path / "env.sqlite")})
    code, _out, err = yoy(runner, "ingest", REPORTS / "fazhi/guizhou-libo_2023.txt", "--region", "荔波县",
                         "--year", "2023")
    assert code == 0, err
    assert (tmp_path / "env.sqlite").exists()


def test_same_content_changes_nothing_and_new_content_is_a_version(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    src = REPORTS / "fazhi/guizhou-libo_2023.txt"
    flags = ("--region", "荔波县", "--year", "2023", "--kind", "fazhi")
    assert ingest(runner, db, src, *flags)[0] == 0
    before = counts(db)
    code, out, _ = ingest(runner, db, src, *flags)
    assert code == 0
    assert out.startswith("unchanged")
    assert counts(db) == before

    changed = tmp_path / "libo-corrected.txt"
    changed.write_text(src.read_text(encoding="utf-8") + "\n附：更正后的版本。\n", encoding="utf-8")
    code, out, _ = ingest(runner, db, changed, *flags)
    assert code == 0
    assert out.startswith("new_version")
    assert " v2 " in out
    code, out, _ = yoy(runner, "list", "--db", db)
    assert out.splitlines()[1].split()[:4] == ["荔波县", "2023", "fazhi", "2"]
    code, out, _ = yoy(runner, "show", "荔波县", "2023", "--db", db, "--format", "json")
    assert json.loads(out)["text"].endswith("附：更正后的版本。\n")
    code, out, _ = yoy(runner, "show", "荔波县", "2023", "--db", db, "--format", "json", "--version", "1")
    assert json.loads(out)["text"] == src.read_text(encoding="utf-8")
    # the indicator view has one version only
    with sqlite3.connect(db) as con:
        versions = {v for (v,) in con.execute("select distinct version from indicators")}
    assert versions == {2}

    code, out, _ = yoy(runner, "remove", "荔波县", "2023", "--db", db)
    assert code == 0
    assert "v2" in out
    code, out, _ = yoy(runner, "show", "荔波县", "2023", "--db", db, "--format", "json")
    assert json.loads(out)["text"] == src.read_text(encoding="utf-8")
    assert counts(db) == before
    ingest(runner, db, changed, *flags)
    code, out, _ = yoy(runner, "remove", "荔波县", "2023", "--db", db, "--all-versions")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert counts(db) == (0, 0)
    code, out, err = yoy(runner, "remove", "荔波县", "2023", "--db", db)
    assert code == 1
    assert err.startswith("Error: ")
    assert "the library is empty" in err


def test_kinds_of_one_year_need_kind(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    ingest(runner, db, REPORTS / "fazhi/shanghai_2024.txt", "--region", "上海市", "--year", "2024",
           "--kind", "fazhi")
    ingest(runner, db, REPORTS / "gwr/shanghai_2024.txt", "--region", "上海市", "--year", "2024",
           "--kind", "gwr")
    code, out, err = yoy(runner, "show", "上海市", "2024", "--db", db)
    assert code == 1
    assert "pass --kind" in err
    code, out, err = yoy(runner, "show", "上海市", "2024", "--db", db, "--kind", "gwr", "--format", "json")
    assert code == 0
    assert json.loads(out)["meta"]["kind"] == "gwr"


def test_bad_files_are_reported_and_the_rest_stored(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    nokey = tmp_path / "nokey.txt"
    nokey.write_text("今年以来，我们坚持依法行政，各项工作取得新进展。下一步，继续推进法治政府建设。\n" * 3,
                     encoding="utf-8")
    code, out, err = yoy(runner, "ingest", tmp_path / "missing.txt", empty, nokey,
                         REPORTS / "fazhi/guizhou-libo_2023.txt", "--db", db, "--kind", "fazhi")
    assert code == 1
    errors = err.splitlines()
    assert len(errors) == 3
    assert all(line.startswith("Error: ") for line in errors)
    assert "missing.txt" in errors[0]
    assert "empty.txt" in errors[1]
    assert "nokey.txt" in errors[2]
    assert "--region" in errors[2]
    assert "--year" in errors[2]
    assert counts(db)[0] == 1
    assert out.startswith("added")


def test_failed_write_rolls_back(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    src = REPORTS / "gwr/zhejiang_2024.txt"
    overrides = pipeline.MetaOverrides(region="浙江省", year=2024)
    with store.open_library(db) as lib:
        lib.add(store.prepare((REPORTS / "gwr/zhejiang_2025.txt").read_bytes(), "zhejiang_2025.txt",
                              overrides=pipeline.MetaOverrides(region="浙江省", year=2025)))
        before = counts(db)
        good = store.prepare(src.read_bytes(), src.name, overrides=overrides)
        assert len(good.report.indicators) >= 2
        # two indicators with one id: the second indicator row violates the primary key mid-transaction
        first = good.report.indicators[0]
        broken = dataclasses.replace(good.report, indicators=(first, first, *good.report.indicators[2:]))
        with pytest.raises(LibraryError, match="rolled back"):
            lib.add(store.Prepared(data=good.data, sha256=good.sha256, report=broken))
        assert counts(db) == before
        assert lib.add(good).status == "added"


def test_stale_parse_is_reparsed(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    src = REPORTS / "gwr/zhejiang_2024.txt"
    with store.open_library(db) as lib:
        entry = lib.add(store.prepare(src.read_bytes(), src.name,
                                      overrides=pipeline.MetaOverrides(region="浙江省", year=2024))).entry
        fresh = lib.report(entry)
        assert fresh.indicators
        # an old parser's output: no indicators at all
        parse = json.loads(lib.con.execute("select parse from reports").fetchone()[0])
        parse["indicators"] = []
        lib.con.execute("update reports set parse = ?, parser_version = 'old-parser'", (json.dumps(parse),))
        lib.con.execute("delete from indicator_rows")
        again = lib.report(lib.find("浙江省", 2024))
        assert again.indicators == fresh.indicators
        assert lib.find("浙江省", 2024).parser_version == store.parser_version()
        assert lib.con.execute("select count(*) from indicators").fetchone()[0] == len(fresh.indicators)
        # the same parser version loads the stored parse without parsing
        lib.con.execute("update reports set parse = ?", (json.dumps(parse),))
        assert lib.report(lib.find("浙江省", 2024)).indicators == ()


@pytest.mark.parametrize("rel", ["gwr/anhui_2025.txt", "docx/zhejiang_2024.docx",
                                 "fazhi/guizhou-libo_2023.txt"])
def test_parse_round_trips_through_the_library(tmp_path: Path, rel: str) -> None:
    src = REPORTS / rel
    overrides = pipeline.MetaOverrides(region="某地", year=2000)
    prepared = store.prepare(src.read_bytes(), src.name, overrides=overrides)
    with store.open_library(tmp_path / "lib.sqlite") as lib:
        lib.add(prepared)
        loaded = lib.load("某地", 2000)
    assert loaded == prepared.report


def test_region_and_year_from_metadata(runner: CliRunner, tmp_path: Path) -> None:
    """No flags: the key comes from the report's own title and header."""
    db = tmp_path / "lib.sqlite"
    code, out, err = ingest(runner, db, REPORTS / "gwr/zhejiang_2025.txt")
    if code == 1 and "no region" in err:
        pytest.fail(f"metadata extraction finds no region/year: {err}")
    assert code == 0, err
    code, out, err = yoy(runner, "list", "--db", db, "--format", "json")
    [entry] = json.loads(out)
    assert (entry["region"], entry["year"], entry["kind"]) == ("浙江省", 2025, "gwr")
    # the same bytes again, without flags: unchanged; with other flags: another key
    assert ingest(runner, db, REPORTS / "gwr/zhejiang_2025.txt")[1].startswith("unchanged")
    assert ingest(runner, db, REPORTS / "gwr/zhejiang_2025.txt", "--year", "2030")[1].startswith("added")


def _env(db: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "YOY_DB": str(db), **extra}
    env.pop(store.TEST_PAUSE_ENV, None)
    env.update(extra)
    return env


def test_two_processes_ingest_at_once(tmp_path: Path) -> None:
    """Both processes file different reports under ONE key: the versions they take must not collide."""
    db = tmp_path / "lib.sqlite"
    years = list(NATIONAL)[:6]
    procs = [subprocess.Popen([*YOY, "ingest", *(str(NATIONAL[y]) for y in half), "--region", REGION,
                               "--year", "2000"], env=_env(db), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE,
                              text=True)
             for half in (years[0::2], years[1::2])]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
        versions = sorted(v for (v,) in con.execute("select version from reports"))
        assert versions == list(range(1, len(years) + 1))
        assert con.execute("select count(distinct report_id) from indicator_rows").fetchone()[0] == len(years)
        assert con.execute("select count(distinct version) from indicators").fetchone()[0] == 1


def test_killed_ingest_leaves_what_was_committed(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "lib.sqlite"
    assert ingest(runner, db, NATIONAL[2012], "--region", REGION, "--year", "2012")[0] == 0
    marker = tmp_path / "in-transaction"
    files = [str(NATIONAL[y]) for y in range(2013, 2017)]
    # the 2nd ingest transaction of the process touches the marker and sleeps before its COMMIT
    proc = subprocess.Popen([*YOY, "ingest", *files, "--region", REGION, "--year", "2012"],
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env=_env(db, **{store.TEST_PAUSE_ENV: f"2:{marker}"}))
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert out.splitlines()[0].startswith("new_version")
    assert len(out.splitlines()) == 1
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
        assert [s for (s,) in con.execute("select source from reports order by version")] == \
            [str(NATIONAL[2012]), str(NATIONAL[2013])]
        report_ids = {i for (i,) in con.execute("select id from reports")}
        assert {i for (i,) in con.execute("select distinct report_id from indicator_rows")} == report_ids
    # and the library still works: the rest goes in
    code, out, err = yoy(runner, "ingest", *files, "--region", REGION, "--year", "2012", "--db", db)
    assert code == 0, err
    assert [line.split()[0] for line in out.splitlines()] == ["unchanged"] + ["new_version"] * 3


def test_library_api_errors(tmp_path: Path) -> None:
    with pytest.raises(NotInLibraryError, match="no library here yet"):
        store.open_library(tmp_path / "nothing.sqlite", create=False)
    with store.open_library(tmp_path / "lib.sqlite") as lib:
        with pytest.raises(NotInLibraryError, match="the library is empty"):
            lib.load("浙江省", 2024)
        with pytest.raises(store.MissingKeyError, match="--region"):
            store.prepare("今年以来，我们坚持依法行政，各项工作取得新进展，迈出新步伐。".encode(), "x.txt")


def test_reingest_refreshes_a_stale_parse(tmp_path: Path) -> None:
    src = REPORTS / "gwr/hebei_2025.txt"
    overrides = pipeline.MetaOverrides(region="河北省", year=2025)
    prepared = store.prepare(src.read_bytes(), src.name, overrides=overrides)
    with store.open_library(tmp_path / "lib.sqlite") as lib:
        lib.add(prepared)
        lib.con.execute("update reports set parser_version = 'old-parser'")
        lib.con.execute("delete from indicator_rows")
        assert lib.add(prepared).status == "unchanged"
        assert lib.find("河北省", 2025).parser_version == store.parser_version()
        (rows,) = lib.con.execute("select count(*) from indicators").fetchone()
        assert rows == len(prepared.report.indicators)
        assert lib.con.execute("select count(*) from reports").fetchone()[0] == 1


BODIES = ["一、工作回顾\n全年办理行政复议案件120件，同比增长5%。\n",
          "一、工作回顾\n全年办理行政复议案件135件，同比增长12.5%。\n",
          "一、主要成效\n制定规范性文件8件，清理文件42件。\n"]
KEYS = [("甲县", 2023), ("甲县", 2024)]


@functools.cache
def _prepared(key: int, body: int) -> store.Prepared:
    region, year = KEYS[key]
    return store.prepare(BODIES[body].encode(), f"k{key}b{body}.txt",
                         overrides=pipeline.MetaOverrides(region=region, year=year, kind="fazhi"))


OPS = st.lists(st.one_of(st.tuples(st.just("add"), st.integers(0, 1), st.integers(0, 2)),
                         st.tuples(st.just("remove"), st.integers(0, 1), st.booleans())), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_versions_follow_a_simple_model(tmp_path: Path, ops: list[tuple[str, int, Any]]) -> None:
    """Any run of ingests and removals: the library holds what a list-per-key model says."""
    db = tmp_path / f"model-{uuid.uuid4().hex}.sqlite"
    model: dict[int, list[int]] = {0: [], 1: []}
    with store.open_library(db) as lib:
        for op, key, arg in ops:
            if op == "add":
                result = lib.add(_prepared(key, arg))
                expected = "unchanged" if arg in model[key] else ("new_version" if model[key] else "added")
                assert result.status == expected
                if expected != "unchanged":
                    model[key].append(arg)
            elif not model[key]:
                with pytest.raises(NotInLibraryError):
                    lib.remove(*KEYS[key], all_versions=arg)
            else:
                removed = lib.remove(*KEYS[key], all_versions=arg)
                assert len(removed) == (len(model[key]) if arg else 1)
                model[key] = [] if arg else model[key][:-1]
            for k, (region, year) in enumerate(KEYS):
                stored = [e for e in lib.entries(all_versions=True) if (e.region, e.year) == (region, year)]
                assert [e.sha256 for e in stored] == [_prepared(k, b).sha256 for b in model[k]]
                if model[k]:
                    assert lib.load(region, year).text == BODIES[model[k][-1]]
        (rows,) = lib.con.execute("select count(*) from indicators").fetchone()
        assert rows == sum(len(_prepared(k, v[-1]).report.indicators) for k, v in model.items() if v)
