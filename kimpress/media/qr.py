"""QR codes for print: a phone camera turns the paper buletin's "baca selengkapnya" into the article's page.

Drawn as inline SVG by segno (pure Python): sharp at any print size, a few hundred
bytes, no image file to publish. Error correction M survives a creased or
sun-faded notice board copy.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

import segno


@lru_cache(maxsize=4096)
def qr_svg(url: str, label: str = "", scale: int = 3) -> str:
    """An inline ``<svg>`` QR code of ``url`` with ``label`` as its accessible name; cached by URL."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=scale, border=2, dark="#000", light="#fff", svgclass="qr", lineclass=None,
                          omitsize=False)
    title = f"<title>{escape(label or url)}</title>"
    return svg.replace("<svg ", '<svg role="img" ', 1).replace(">", ">" + title, 1)
