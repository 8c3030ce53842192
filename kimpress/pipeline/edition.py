"""``kimpress edition``: one edition in one form (print, e-mail, text, WhatsApp), made from the model alone.

Print and e-mail are the theme's pages rendered in memory, as a build would render
them; text and WhatsApp come from ``kimpress.plan.edition_text``. Nothing is written
but what the command line asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kimpress.config.options import suggest
from kimpress.core.dates import format_month
from kimpress.core.errors import KimpressError, TemplateError, error
from kimpress.outputs.kinds import build_registry
from kimpress.outputs.registry import RenderContext
from kimpress.pipeline.modelled import modelled_site
from kimpress.pipeline.stages import now_or
from kimpress.plan.edition_pages import edition_outputs
from kimpress.plan.edition_text import MESSAGE_SEPARATOR, edition_text, whatsapp_messages
from kimpress.plan.editions import Area, Edition, areas, editions_of
from kimpress.theme.filters import load_site_theme

FORMS = ("print", "email", "text", "whatsapp")


@dataclass(frozen=True)
class EditionRequest:
    """Which edition: a kelurahan's, a kecamatan's or (neither given) the city's, for "YYYY-MM"."""

    month: str
    kelurahan: str | None = None
    kecamatan: str | None = None
    form: str = "print"
    now: datetime | None = None
    cache_file: Path | None = None


def edition_document(site_dir: Path | str, request: EditionRequest) -> str:
    """The edition asked for, in its form, as text; a wrong area or an empty month raises in plain words."""
    modelled = modelled_site(site_dir, now_or(request.now), cache_file=request.cache_file)
    site = modelled.site
    area, articles = _area(site, request)
    edition = next((item for item in editions_of(site, area, articles) if item.key == request.month), None)
    if edition is None:
        year, month = (int(part) for part in request.month.split("-"))
        months = ", ".join(item.key for item in editions_of(site, area, articles)) or "-"
        raise KimpressError([error("edition-empty", None, None, area=area.name, months=months,
                                   month=format_month(year, month, site.config.language))])
    if request.form == "text":
        return edition_text(site, edition)
    if request.form == "whatsapp":
        return MESSAGE_SEPARATOR.join(whatsapp_messages(site, edition)) + "\n"
    return _rendered(modelled, edition, request.form)


def _area(site, request: EditionRequest) -> tuple[Area, tuple]:
    wanted_kind = "kelurahan" if request.kelurahan else "kecamatan" if request.kecamatan else "city"
    wanted = (request.kelurahan or request.kecamatan or "").strip().lower()
    candidates = [(area, articles) for area, articles in areas(site) if area.kind == wanted_kind]
    for area, articles in candidates:
        if wanted_kind == "city" or wanted in (area.slug, area.name.lower()):
            return area, articles
    known = [kel.slug for kel in site.kelurahan] if wanted_kind == "kelurahan" else [kec.slug for kec in site.kecamatan]
    code = "unknown-kelurahan" if wanted_kind == "kelurahan" else "unknown-kecamatan"
    raise KimpressError([error(code, None, None, value=wanted, choices=", ".join(known),
                               suggestion=suggest(wanted, known))])


def _rendered(modelled, edition: Edition, form: str) -> str:
    site = modelled.site
    theme = load_site_theme(site.config, modelled.loaded.plugins.template_filters())
    index_url = edition.url.rsplit("/", 2)[0] + "/"
    page, email = edition_outputs(site, edition, index_url, edition.area.origin)[:2]
    rendered, problem = build_registry(modelled.loaded.plugins.output_kinds()).render(
        page if form == "print" else email, RenderContext(site, theme, {}, None))
    if rendered is None:
        raise TemplateError([problem])
    return rendered.data.decode("utf-8")
