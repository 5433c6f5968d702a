"""Escaping and the page skeleton: document text cannot become markup, and the page cannot fetch anything."""

import base64
import doctest
import hashlib
import re

from unmangle.report import align, html
from unmangle.report.html import CSP, SCRIPT, esc, page, token


def test_esc_turns_markup_and_both_quotes_into_entities():
    assert esc('<script>"x"</script> \'y\' &') == "&lt;script&gt;&quot;x&quot;&lt;/script&gt; &#x27;y&#x27; &amp;"


def test_token_keeps_only_safe_characters():
    assert token('removed:a"b <x>') == "removed-a-b--x-"
    assert token("") == "-"


def test_csp_pins_the_one_script_by_hash_and_forbids_everything_else():
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in CSP
    assert CSP.startswith("default-src 'none'")
    assert "img-src data:" in CSP and "unsafe-eval" not in CSP


def test_page_puts_the_csp_before_any_script_or_style():
    markup = page("t <b>", "s", "<p>x</p>")
    head = markup[: markup.index("<style>")]
    assert 'http-equiv="Content-Security-Policy"' in head
    assert markup.count("<script>") == 1 and "<title>t &lt;b&gt;</title>" in markup


def test_script_never_writes_markup():
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", SCRIPT)


def test_docstring_examples_hold():
    for module in (html, align):
        assert doctest.testmod(module).failed == 0
