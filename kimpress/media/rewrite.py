"""Article bodies with responsive photos: each ``<img>`` of a known photo gets its variants.

    <img src="/kabar/a/foto.jpg" alt="Warga">
 -> <picture><source type="image/webp" srcset="…-480w.webp 480w, …" sizes="…">
    <img src="/kabar/a/foto-960w.jpg" srcset="…" sizes="…" width="960" height="720" alt="Warga"
         loading="lazy" decoding="async"></picture>

The body's HTML was made (and sanitised) by kimpress, so its tags are regular; a
tag this module does not recognise is left exactly as it was.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Callable, Mapping
from urllib.parse import unquote

from kimpress.media.types import ResponsiveImage

BODY_SIZES = "(min-width: 48rem) 42rem, 100vw"
_IMG = re.compile(r"<img\b[^<>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_REPLACED = {"src", "srcset", "sizes", "width", "height", "loading", "decoding"}


def responsive_body(html: str, images: Mapping[str, ResponsiveImage], base_path: str,
                    link: Callable[[str], str], eager_first: bool = False) -> str:
    """``html`` with every ``<img>`` of a catalogued photo made responsive.

    ``base_path`` ("/kabar/") is the site's path, which body URLs carry and catalogue
    keys do not; ``link`` makes a catalogue URL the page's (base path, percent-encoding).
    With ``eager_first`` the first photo loads at once (it is on the first screen).
    """
    if "<img" not in html or not images:
        return html
    prefix = base_path.rstrip("/")
    seen = 0

    def replace(match: re.Match) -> str:
        nonlocal seen
        attributes = _attributes(match.group(0)[4:-1].rstrip("/"))
        if attributes is None:
            return match.group(0)
        src = attributes.get("src", "")
        key = src[len(prefix):] if prefix and src.startswith(prefix + "/") else src
        image = images.get(unquote(key))
        if image is None:
            return match.group(0)
        seen += 1
        return picture_html(image, attributes, link, lazy=not (eager_first and seen == 1))

    return _IMG.sub(replace, html)


def picture_html(image: ResponsiveImage, attributes: Mapping[str, str], link: Callable[[str], str],
                 lazy: bool = True, sizes: str = BODY_SIZES) -> str:
    """The ``<picture>`` (or lone ``<img>`` for an SVG) of ``image``, keeping the tag's other attributes."""
    kept = "".join(f' {name}="{escape(value, quote=True)}"' for name, value in attributes.items()
                   if name not in _REPLACED)
    size = f' width="{image.width}" height="{image.height}"' if image.width and image.height else ""
    loading = ' loading="lazy"' if lazy else ""
    if not image.fallbacks:
        return f'<img src="{escape(link(image.src), quote=True)}"{size}{kept}{loading} decoding="async">'
    srcset = escape(image.srcset(image.fallbacks, link), quote=True)
    sizes_attr = escape(sizes, quote=True)
    img = (f'<img src="{escape(link(image.src), quote=True)}" srcset="{srcset}" sizes="{sizes_attr}"{size}{kept}'
           f'{loading} decoding="async">')
    if not image.webp:
        return img
    webp = escape(image.srcset(image.webp, link), quote=True)
    return f'<picture><source type="image/webp" srcset="{webp}" sizes="{sizes_attr}">{img}</picture>'


def _attributes(text: str) -> dict[str, str] | None:
    """The attributes of a tag's inside, or None when it is not plainly ``name="value" ...``."""
    found: dict[str, str] = {}
    position = 0
    for match in _ATTRIBUTE.finditer(text):
        if text[position:match.start()].strip():
            return None
        name = match.group(1).lower()
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found.setdefault(name, unescape(value))
        position = match.end()
    return found if not text[position:].strip() else None
