"""What ``kimpress serve`` adds to the pages it serves, and only to those.

A small script listens on Server-Sent Events and reloads the page after each
rebuild; while the last rebuild failed, an overlay over the last good page
lists the problems (file:line, message) in the site's language. Nothing of this
ever reaches the files of ``kimpress build``: it is added as the bytes leave
the server.
"""

from __future__ import annotations

import html
import re

from kimpress.core.errors import Diagnostic
from kimpress.core.wording import format_diagnostic

EVENTS_PATH = "/_kimpress/events"

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)

# The page passes the build it was served from and the server run that built it;
# the server answers at once if a newer build exists (a rebuild finishing while
# the page loads is not missed) or if it was restarted since.
_SCRIPT = """<script id="kimpress-live-reload">
(function () {{
  if (!window.EventSource) return;
  var source = new EventSource("{events}?since={generation}&run={run}");
  source.addEventListener("reload", function () {{ source.close(); location.reload(); }});
}})();
</script>"""

_OVERLAY = """<div id="kimpress-problems" role="alertdialog" aria-labelledby="kimpress-problems-title" \
style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;\
font:16px/1.5 system-ui,sans-serif;padding:1.5rem">
<h2 id="kimpress-problems-title" style="margin-top:0;color:#ffb4a8">{heading}</h2>
<p>{hint}</p>
<ul style="font-family:ui-monospace,monospace;padding-left:1.2rem">{items}</ul>
</div>"""

_WORDS = {
    "id": ("Situs belum bisa dibangun ulang", "Halaman di belakang ini versi terakhir yang berhasil. "
           "Perbaiki masalah di bawah; halaman akan dimuat ulang sendiri."),
    "en": ("The site could not be rebuilt", "The page behind this is the last good version. "
           "Fix the problems below; the page will reload by itself."),
}


def reload_script(generation: int, run: str) -> str:
    """The script that reloads a page served at build ``generation`` of server ``run`` after the next build."""
    return _SCRIPT.format(events=EVENTS_PATH, generation=generation, run=run)


def problems_overlay(problems: tuple[Diagnostic, ...], language: str) -> str:
    """An overlay listing ``problems``; empty text when there are none."""
    if not problems:
        return ""
    heading, hint = _WORDS.get(language, _WORDS["id"])
    items = "".join(f"<li>{html.escape(format_diagnostic(problem, language))}</li>" for problem in problems)
    return _OVERLAY.format(heading=html.escape(heading), hint=html.escape(hint), items=items)


def problems_page(problems: tuple[Diagnostic, ...], language: str, generation: int, run: str) -> bytes:
    """A whole page for when there is no good page to lay the overlay over."""
    heading = _WORDS.get(language, _WORDS["id"])[0]
    return (f'<!DOCTYPE html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(heading)}</title></head><body>"
            f"{problems_overlay(problems, language)}{reload_script(generation, run)}</body></html>").encode("utf-8")


def inject(page: bytes, problems: tuple[Diagnostic, ...], language: str, generation: int, run: str) -> bytes:
    """``page`` with the overlay (if any) and the reload script before its last ``</body>``."""
    addition = (problems_overlay(problems, language) + reload_script(generation, run)).encode("utf-8")
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + addition
    at = ends[-1].start()
    return page[:at] + addition + page[at:]
