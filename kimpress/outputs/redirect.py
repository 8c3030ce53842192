"""The "redirect" kind: a small page at an old address that sends the reader to the new one.

No JavaScript and no theme: a meta refresh (which WhatsApp's and every phone's
browser follow), a canonical link (so search engines move the page's rank), a
``noindex`` (so the old address leaves their results) and a plain link for
anything that follows neither.
"""

from __future__ import annotations

from html import escape

from kimpress.core.stamps import stamp_all
from kimpress.core.urls import absolute_url
from kimpress.outputs.registry import RenderContext, Rendered, SiteView, StampContext
from kimpress.plan.output import Output
from kimpress.plan.redirects import Redirect

_WORDS = {"id": ("Halaman ini sudah pindah", "Buka halamannya di"), "en": ("This page has moved", "Open it at")}


def redirect_html(target: str, title: str, language: str) -> str:
    """The whole redirect page leading to the absolute URL ``target``."""
    moved, open_at = _WORDS.get(language, _WORDS["en"])
    href, name = escape(target), escape(title)
    return (f'<!doctype html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{moved}: {name}</title>\n<link rel="canonical" href="{href}">\n'
            f'<meta name="robots" content="noindex">\n<meta http-equiv="refresh" content="0; url={href}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n<body>\n'
            f'<p>{moved}. {open_at} <a href="{href}">{name}</a>.</p>\n</body>\n</html>\n')


class RedirectKind:
    """Renders ``Redirect`` payloads; stamped by the target and title (and the settings, which it reads)."""

    name = "redirect"

    def stamp(self, output: Output, context: StampContext) -> bytes:
        redirect: Redirect = output.payload
        return stamp_all(output.url, redirect.target, redirect.title)

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        redirect: Redirect = output.payload
        config = site.config
        target = absolute_url(config.base_url, redirect.target)
        return Rendered(output, redirect_html(target, redirect.title, config.language).encode("utf-8"))
