"""Escaping and the page skeleton shared by both reports.

Document text is untrusted: it only ever reaches the page through :func:`esc`, and the one script on the page is a
constant (allowed by its hash in the Content-Security-Policy), so neither a document nor a bug in escaping can run
code or make the page fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

_UNSAFE_ATTR = re.compile(r"[^a-z0-9_-]")


def esc(text: object) -> str:
    """Escape anything for HTML text or a double- or single-quoted attribute value.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(text), quote=True)


def token(text: str) -> str:
    """A string reduced to characters safe in a class name or attribute token (for CSS hooks, not display)."""
    return _UNSAFE_ATTR.sub("-", text.lower())[:40] or "-"


CSS = """
:root{--fg:#1d232b;--muted:#68717d;--line:#d8dde3;--bg:#fbfbfa;--card:#fff;--repair:#ffe7a3;--repair-b:#d9a400;
--removed:#c4372b;--gap:#6b4fbb;--part:#1f6f8b;--drop:#8a8f96}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;
color:var(--fg);background:var(--bg)}
header.top{padding:18px 28px;border-bottom:1px solid var(--line);background:var(--card)}
header.top h1{margin:0;font-size:21px}
header.top p{margin:4px 0 0;color:var(--muted)}
main{padding:18px 28px;max-width:1500px}
h2{font-size:17px;margin:26px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:130px}
.card b{display:block;font-size:21px}
.card span{color:var(--muted);font-size:13px}
.plots{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.plot{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px}
table{border-collapse:collapse;font-size:13px;background:var(--card)}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.note{color:var(--muted);font-size:13px;max-width:1000px}
.toolbar{position:sticky;top:0;z-index:5;background:var(--bg);padding:8px 0;border-bottom:1px solid var(--line);
display:flex;flex-wrap:wrap;gap:12px;align-items:center}
.toolbar input[type=search]{width:280px;padding:4px 8px}
.legend span{margin-right:10px;font-size:13px}
section.doc{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:14px 0;padding:10px 14px}
section.doc>h3{margin:0 0 6px;font-size:15px}
section.doc.hidden{display:none}
.views{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.views.single{grid-template-columns:1fr}
.view h4{margin:4px 0;font-size:13px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,"DejaVu Sans Mono",monospace;
font-size:13px;border:1px solid var(--line);border-radius:6px;padding:8px;max-height:640px;overflow:auto}
.part{border-left:3px solid var(--part);padding:2px 8px;margin:4px 0;white-space:pre-wrap}
.part::before,.chip{font:11px system-ui,sans-serif;color:#fff;background:var(--part);border-radius:3px;padding:0 5px;
margin-right:6px;vertical-align:1px}
.part::before{content:attr(data-part)}
.body{margin:4px 0}
mark.edit{background:var(--repair);border-bottom:2px solid var(--repair-b);color:inherit;cursor:help}
.mark-del,del.removed{text-decoration:line-through;text-decoration-color:var(--removed);color:var(--removed);
background:#fdeceb;cursor:help}
del.removed[data-label]::before,.mark-del[data-label]::before{content:attr(data-label);
font:10px system-ui,sans-serif;color:#fff;background:var(--removed);border-radius:3px;
padding:0 4px;margin-right:4px;display:inline-block;
text-decoration:none}
.dropped{text-decoration:line-through dotted;color:var(--drop);cursor:help}
.gap{cursor:help}
.gap::after{content:"\\2039 \\2026 \\203A";color:#fff;background:var(--gap);border-radius:3px;padding:0 3px;
font:11px system-ui,sans-serif;margin:0 2px}
.cut::after{content:"\\2212";color:#fff;background:var(--removed);border-radius:3px;padding:0 3px;font-size:11px}
.ins::after{content:"+";color:#fff;background:var(--repair-b);border-radius:3px;padding:0 3px;font-size:11px}
.dim mark.edit:not(.focus),.dim .mark-del:not(.focus),.dim del.removed:not(.focus){opacity:.35}
::highlight(search){background:#8fd3ff;color:inherit}
nav.index{font-size:13px;columns:3 320px;margin:8px 0}
nav.index a{color:#1f5fa8;text-decoration:none}
nav.index div{break-inside:avoid}
table.edits{margin-top:8px;width:100%}
table.edits td.t{font-family:ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere;max-width:360px}
details summary{cursor:pointer;color:var(--muted);font-size:13px}
"""

# A constant: no document text ever goes into it, so its hash can be pinned in the CSP.
SCRIPT = """
(function(){
  var docs = Array.prototype.slice.call(document.querySelectorAll('section.doc'));
  var kindSel = document.getElementById('kind-filter');
  var search = document.getElementById('search');
  var count = document.getElementById('shown-count');
  var timer = null;
  function apply(){
    var k = kindSel ? kindSel.value : '';
    var q = search ? search.value.trim().toLowerCase() : '';
    var shown = 0;
    docs.forEach(function(d){
      var kinds = (d.getAttribute('data-k') || '').split(' ');
      var ok = !k || kinds.indexOf(k) >= 0;
      if (ok && q) { ok = d.textContent.toLowerCase().indexOf(q) >= 0; }
      d.classList.toggle('hidden', !ok);
      d.classList.toggle('dim', !!k);
      if (ok) { shown += 1; }
    });
    document.querySelectorAll('[data-k].focus').forEach(function(m){ m.classList.remove('focus'); });
    if (k) {
      document.querySelectorAll('section.doc [data-k="' + k + '"]').forEach(function(m){ m.classList.add('focus'); });
    }
    if (count) { count.textContent = shown + ' of ' + docs.length + ' documents shown'; }
    highlight(q);
  }
  function highlight(q){
    if (!window.CSS || !CSS.highlights || typeof Highlight === 'undefined') { return; }
    CSS.highlights.delete('search');
    if (!q) { return; }
    var ranges = [];
    docs.forEach(function(d){
      if (d.classList.contains('hidden')) { return; }
      var walker = document.createTreeWalker(d, NodeFilter.SHOW_TEXT);
      var node;
      while ((node = walker.nextNode()) && ranges.length < 5000) {
        var text = node.nodeValue.toLowerCase();
        if (text.length !== node.nodeValue.length) { continue; }
        var at = text.indexOf(q);
        while (at >= 0 && ranges.length < 5000) {
          var r = new Range();
          r.setStart(node, at);
          r.setEnd(node, at + q.length);
          ranges.push(r);
          at = text.indexOf(q, at + q.length);
        }
      }
    });
    CSS.highlights.set('search', new Highlight(...ranges));
  }
  if (kindSel) { kindSel.addEventListener('change', apply); }
  if (search) {
    search.addEventListener('input', function(){ clearTimeout(timer); timer = setTimeout(apply, 150); });
  }
  apply();
})();
"""


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       f"script-src '{_script_hash(SCRIPT)}'; base-uri 'none'; form-action 'none'; frame-src 'none'")


def page(title: str, subtitle: str, body: str) -> str:
    """The whole self-contained HTML file; ``body`` must already be escaped markup."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{esc(CSP)}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header class=\"top\"><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header>\n"
        f"<main>\n{body}\n</main>\n<script>{SCRIPT}</script>\n</body></html>\n"
    )


def toolbar(kinds: list[str]) -> str:
    """The kind filter and the search box (the script finds them by id)."""
    options = "".join(f'<option value="{esc(token(k))}">{esc(k)}</option>' for k in kinds)
    return (
        '<div class="toolbar"><label>Edit kind <select id="kind-filter"><option value="">all kinds</option>'
        f'{options}</select></label>'
        '<label>Search <input id="search" type="search" placeholder="text in a document"></label>'
        '<span id="shown-count" class="note"></span>'
        '<span class="legend"><span><mark class="edit">repaired</mark></span>'
        '<span><del class="removed" data-label="kind">removed</del></span>'
        '<span><span class="gap" title="words missing"></span> words missing</span>'
        '<span><span class="dropped">left out, no record</span></span></span></div>'
    )
