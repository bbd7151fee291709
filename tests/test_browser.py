"""The report page in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

No console errors (a CSP violation is one), the indicator table sorts and filters, the view
toggles, clicking a plan's evidence brings the marked sentence into view. A screenshot is
saved under the test's tmp_path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compare import render

from .conftest import parsed
from .test_render import NEW, OLD, build, with_moved_sentence

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# The element is inside the viewport and not hidden under the sticky toolbar.
IN_VIEW = """id => {
  const r = document.getElementById(id).getBoundingClientRect();
  const bar = document.querySelector(".toolbar").getBoundingClientRect();
  return r.top >= bar.bottom - 1 && r.bottom <= window.innerHeight;
}"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium is absent: install it with `make browser` "
                              "(apt-get install chromium) to run the browser tests"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, list[str]]]:
    html = tmp_path / "report.html"
    html.write_text(render.render(build(parsed(OLD), parsed(NEW)), "html"), encoding="utf-8")
    errors: list[str] = []
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    pg.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda r: errors.append(f"request {r.url}") if not r.url.startswith("file:") else None)
    pg.goto(html.as_uri())
    yield pg, errors
    pg.close()


def column(pg: Any, col: int) -> list[str]:
    return [str(x) for x in pg.eval_on_selector_all(
        "#ind-table tbody tr", f"rows => rows.map(r => r.cells[{col}].getAttribute('data-v'))")]


def test_page_loads_without_errors_and_screenshot(page: tuple[Any, list[str]], tmp_path: Path) -> None:
    pg, errors = page
    assert pg.title().endswith("报告比对")
    assert pg.locator("section.blk").count() == 7
    shot = tmp_path / "report.png"
    pg.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert errors == []


def test_indicator_table_sorts_and_filters(page: tuple[Any, list[str]]) -> None:
    pg, errors = page
    head = pg.locator("#ind-table thead th").nth(2)  # 本年
    head.click()
    values = column(pg, 2)
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers)
    assert values[-1] == ""
    assert head.get_attribute("aria-sort") == "ascending"
    head.click()
    numbers = [float(v) for v in column(pg, 2) if v]
    assert numbers == sorted(numbers, reverse=True)
    pg.locator("#ind-table thead th").nth(0).click()
    assert column(pg, 0)[0] == "备案部门文件"  # zh-CN collation: bei < ...
    pg.select_option("#ind-f", "new")
    visible = pg.locator("#ind-table tbody tr:not([hidden])")
    assert visible.count() == 1
    assert "审核决策" in visible.first.inner_text()
    assert pg.inner_text("#ind-count") == "1"
    pg.select_option("#ind-f", "")
    pg.fill("#ind-q", "公开")
    assert pg.locator("#ind-table tbody tr:not([hidden])").count() == 3
    assert errors == []


def test_evidence_link_scrolls_to_the_marked_sentence(page: tuple[Any, list[str]]) -> None:
    pg, errors = page
    link = pg.locator("#audit a.evl").first
    target_id = link.get_attribute("href")[1:]
    target = pg.locator(f"#{target_id}")
    assert not pg.evaluate(IN_VIEW, target_id)
    link.click()
    pg.wait_for_function(IN_VIEW, arg=target_id, timeout=5000)
    assert target.evaluate("e => e.tagName") == "MARK"
    assert "flash" in (target.get_attribute("class") or "")
    # the span may run over several diff runs: all its pieces carry its id as a class
    marked = pg.eval_on_selector_all(f"mark.{target_id}", "ms => ms.map(m => m.textContent).join('')")
    assert marked == link.inner_text()
    assert errors == []


def test_inline_mode_toggle(page: tuple[Any, list[str]]) -> None:
    pg, errors = page
    old_col = pg.locator("section.blk .col.old").nth(1)
    deleted_in_new = pg.locator("section.blk .col.new del").first
    assert old_col.is_visible()
    assert not deleted_in_new.is_visible()
    pg.click("#mode")
    assert not old_col.is_visible()
    assert deleted_in_new.is_visible()
    assert pg.get_attribute("#mode", "aria-pressed") == "true"
    pg.click("#mode")
    assert old_col.is_visible()
    pg.click("#only-changed")
    assert pg.locator("section.blk").nth(1).is_visible()  # changed blocks stay
    assert errors == []


def test_print_layout_is_a4(page: tuple[Any, list[str]], tmp_path: Path) -> None:
    pg, errors = page
    pg.emulate_media(media="print")
    assert not pg.locator(".toolbar").is_visible()
    pdf = tmp_path / "report.pdf"
    pg.pdf(path=str(pdf), prefer_css_page_size=True)
    head = pdf.read_bytes()
    assert head.startswith(b"%PDF")
    # A4 is 595 x 842 points
    assert b"/MediaBox [0 0 595" in head or b"/MediaBox [0 0 594" in head
    assert errors == []


def test_real_pipeline_page(browser: Any, tmp_path: Path) -> None:
    """The whole pipeline on 浙江 2024 -> 2025: the page works and its evidence links land."""
    from compare import pipeline

    c = pipeline.compare_reports(parsed("gwr/zhejiang_2024.txt"), parsed("gwr/zhejiang_2025.txt"))
    html = tmp_path / "zhejiang.html"
    html.write_text(render.render(c, "html"), encoding="utf-8")
    errors: list[str] = []
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    pg.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(html.as_uri())
    links = pg.locator("#audit a.evl")
    assert links.count() > 0
    last = links.nth(links.count() - 1)
    target_id = last.get_attribute("href")[1:]
    last.click()
    pg.wait_for_function(IN_VIEW, arg=target_id, timeout=5000)
    pg.screenshot(path=str(tmp_path / "zhejiang.png"))
    pg.close()
    assert errors == []


def test_clicking_a_moved_sentence_shows_its_other_end(browser: Any, tmp_path: Path) -> None:
    html = tmp_path / "moved.html"
    c = with_moved_sentence(build(parsed(OLD), parsed(NEW)))
    html.write_text(render.render(c, "html"), encoding="utf-8")
    pg = browser.new_page(viewport={"width": 1280, "height": 500})
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(html.as_uri())
    pg.evaluate("document.documentElement.style.scrollBehavior = 'auto'")
    to = pg.locator(".col.new ins.mv").first
    to.scroll_into_view_if_needed()
    to.click()
    key = to.get_attribute("data-mv")
    partner = pg.locator(f".col.old del.mv[data-mv='{key}']")
    assert "flash-mv" in (partner.get_attribute("class") or "")
    box = partner.bounding_box()
    assert box is not None
    assert 0 <= box["y"]
    assert box["y"] + box["height"] <= 500
    pg.close()
    assert errors == []
