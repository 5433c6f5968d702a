"""Regenerate docs/sample-report.html from samples/broken-page.txt and screenshot it to docs/sample-report.png.

Uses Debian's chromium (/usr/bin/chromium) through Playwright; never downloads a browser. The sample holds CJK
mojibake: install Debian's fonts-noto-cjk first, or the screenshot shows boxes. Run from the repository:
    .venv/bin/python scripts/screenshot_report.py
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent


def screenshot(html: Path, png: Path, width: int = 1400, height: int = 1700) -> None:
    """Open ``html`` from disk in headless Chromium and save the top ``height`` pixels of the page as ``png``."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS, headless=True,
                                                       viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(html.resolve().as_uri())
            page.wait_for_load_state("load")
            if requests != [html.resolve().as_uri()]:  # the report must not fetch anything
                raise SystemExit(f"{html} made requests: {requests}")
            full = page.evaluate("() => document.documentElement.scrollHeight")
            clip = {"x": 0, "y": 0, "width": width, "height": min(full, height)}
            page.screenshot(path=str(png), full_page=True, clip=clip)
        finally:
            context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=Path, default=ROOT / "samples/broken-page.txt")
    parser.add_argument("--html", type=Path, default=ROOT / "docs/sample-report.html")
    parser.add_argument("--png", type=Path, default=ROOT / "docs/sample-report.png")
    args = parser.parse_args()
    args.html.parent.mkdir(parents=True, exist_ok=True)
    unmangle = Path(sys.executable).with_name("unmangle")
    subprocess.run([str(unmangle), "clean", str(args.page), "--html", str(args.html)], check=True,
                   stdout=subprocess.DEVNULL)
    screenshot(args.html, args.png)
    print(f"wrote {args.html} and {args.png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
