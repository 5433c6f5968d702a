"""The reports in a real headless Chromium: hostile documents show as text, nothing runs, nothing is fetched."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from unmangle.document import Document, Edit, Gap, Removed
from unmangle.report import write_page_report, write_run_report
from unmangle.report.rows import row_from_mapping
from unmangle.report.shards import iter_rows

from .conftest import HOSTILE, run_rows

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    # `make test` and .ci/run install chromium when it is missing; a machine that cannot has to say so.
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is needed at /usr/bin/chromium: apt-get install chromium (.ci/run does it)")
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), args=ARGS,
                                                       headless=True, viewport={"width": 1300, "height": 900})
        yield context
        context.close()


def _open(browser: BrowserContext, path: Path) -> tuple[Page, list[str]]:
    """The page, and the list of URLs it requested; console errors (a CSP refusal, a script error) fail the test."""
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: requests.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: requests.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: requests.append(f"failed {r.url} {r.failure}"))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # let any stray onerror or lazy load fire, so the assertions can catch it
    return page, requests


def _kinds_marked(page: Page) -> set[str]:
    return set(page.evaluate(
        "() => Array.from(document.querySelectorAll('section.doc [data-kind]'), e => e.dataset.kind)"))


def _assert_inert(page: Page, requests: list[str], path: Path) -> None:
    assert requests == [path.resolve().as_uri()]
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.evaluate(
        "() => document.querySelectorAll('main script, main img, main iframe, main textarea, main link').length") == 0
    assert "<script>window.__pwned=1</script>" in page.inner_text("main")
    assert '<img src=x onerror="window.__pwned=2">' in page.inner_text("main")
    assert "</textarea>" in page.inner_text("main")


def test_run_report_in_chromium_is_inert_and_marks_every_kind(small_run: Path, browser: BrowserContext,
                                                               tmp_path: Path):
    out = tmp_path / "report.html"
    write_run_report(small_run, out)
    page, requests = _open(browser, out)
    _assert_inert(page, requests, out)
    sampled = {k for raw in run_rows() if (row := row_from_mapping(raw)) for k in row.kinds}
    assert sampled == {"mojibake", "spam", "note", "dash", "gap", "removed:share", f"removed:{HOSTILE}"}
    assert _kinds_marked(page) == sampled
    # what a reader sees: parts labelled, removals struck through with their kind, repairs with the original on hover
    labels = page.evaluate("() => Array.from(document.querySelectorAll('section.doc .part'), "
                           "e => getComputedStyle(e, '::before').content)")
    assert {'"title"', '"dateline"', '"byline"', '"caption"'} <= set(labels)
    share = page.locator('section.doc del.removed[data-kind="removed:share"]').first
    assert share.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert share.evaluate("e => getComputedStyle(e, '::before').content") == '"share"'
    repaired = page.locator('.view mark.edit[data-kind="mojibake"]', has_text="’").first
    assert repaired.get_attribute("title").startswith("mojibake: was “â€™”")
    assert page.locator('section.doc .gap[data-kind="gap"]').count() == 1
    page.select_option("#kind-filter", "spam")
    assert page.locator("section.doc:visible").count() == 1
    page.select_option("#kind-filter", "")
    page.fill("#search", "km")
    page.wait_for_function("() => document.getElementById('shown-count').textContent.startsWith('1 of')")
    assert page.locator("section.doc:visible").count() == 1
    assert "1 of 8 documents shown" in page.inner_text("#shown-count")
    assert page.evaluate("() => CSS.highlights.get('search').size") == 1  # the match is highlighted in place
    page.fill("#search", "")
    page.click("details:has(nav.index) > summary")
    page.click('nav.index a[href="#doc-2"]')
    assert page.url.endswith("#doc-2")
    assert len(requests) == 1  # moving within the page fetched nothing
    page.screenshot(path=str(tmp_path / "run-report.png"), full_page=True)
    page.close()


def test_page_report_in_chromium_is_inert_and_shows_hover_originals(browser: BrowserContext, tmp_path: Path):
    original = f"Menu\n\nThe cafÃ© {HOSTILE} opens.\n"
    at = original.index("Ã©")
    doc = Document(text=f"The café {HOSTILE} opens.", removed=[Removed("nav", "Menu", 0, 4)],
                   gaps=[Gap(4, 0.5, "a name")], edits=[Edit("mojibake", at, at + 2, "Ã©", "é", 0.9)])
    out = tmp_path / "page.html"
    write_page_report(original, doc, out)
    page, requests = _open(browser, out)
    _assert_inert(page, requests, out)
    assert _kinds_marked(page) == {"mojibake", "removed:nav", "gap"}
    repaired = page.locator('.view mark.edit[data-kind="mojibake"]', has_text="é").first
    assert repaired.get_attribute("title").startswith("mojibake: was “Ã©”")
    page.screenshot(path=str(tmp_path / "page-report.png"), full_page=True)
    page.close()


def test_report_of_a_real_run_in_chromium_is_inert_and_marks_every_kind(real_run: Path, browser: BrowserContext,
                                                                        tmp_path: Path):
    out = tmp_path / "real.html"
    write_run_report(real_run, out)
    page, requests = _open(browser, out)
    _assert_inert(page, requests, out)
    sampled = {k for row in iter_rows(real_run) for k in row.kinds}
    assert len(sampled) >= 2
    assert _kinds_marked(page) == sampled
    assert page.locator("section.doc .view .input").count() == 4  # the page as it came in, for every document
    page.screenshot(path=str(tmp_path / "real-run.png"), full_page=True)
    page.close()


def test_the_csp_alone_would_stop_markup_that_escaped_escaping(browser: BrowserContext, tmp_path: Path):
    doc = Document(text="plain text")
    out = tmp_path / "tampered.html"
    write_page_report("plain text", doc, out)
    smuggled = ('<script>window.__pwned=3</script><img src="https://example.com/x.png" onerror="window.__pwned=4">'
                '<link rel="stylesheet" href="https://example.com/x.css"></main>')
    out.write_text(out.read_text(encoding="utf-8").replace("</main>", smuggled), encoding="utf-8")
    page, requests = _open(browser, out)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    outgoing = {r for r in requests if r.startswith("http")}
    assert outgoing == {"https://example.com/x.png", "https://example.com/x.css"}
    for url in outgoing:  # refused by the browser before anything left the machine
        assert f"failed {url} csp" in requests, requests
    assert any("Content Security Policy" in r for r in requests)
    page.close()
