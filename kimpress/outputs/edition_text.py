"""The "edition-text" kind: an edition's plain text (``buletin.txt``) or WhatsApp messages (``whatsapp.txt``).

Made when rendered, not when planned, so a build makes only the editions whose
month changed. Stamped by the edition itself (its articles) and the form; the
settings it reads (language, address) are noted by the site view.
"""

from __future__ import annotations

from kimpress.core.stamps import stamp_all
from kimpress.outputs.registry import RenderContext, Rendered, SiteView, StampContext
from kimpress.plan.edition_pages import EditionForm
from kimpress.plan.edition_text import MESSAGE_SEPARATOR, edition_text, whatsapp_messages
from kimpress.plan.output import Output


class EditionTextKind:
    """Renders ``EditionForm`` payloads."""

    name = "edition-text"

    def stamp(self, output: Output, context: StampContext) -> bytes:
        return stamp_all(output.url, output.payload)

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        payload: EditionForm = output.payload
        if payload.form == "whatsapp":
            text = MESSAGE_SEPARATOR.join(whatsapp_messages(site, payload.edition)) + "\n"
        else:
            text = edition_text(site, payload.edition)
        return Rendered(output, text.encode("utf-8"))
