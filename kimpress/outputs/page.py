"""The "page" kind: a theme template rendered with its view data into HTML (or XML, text)."""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2

from kimpress.core.errors import error
from kimpress.core.stamps import stamp, stamp_all
from kimpress.outputs.registry import RenderContext, Rendered, RenderProblem, SiteView, StampContext
from kimpress.plan.output import Output, Page
from kimpress.theme.environment import Theme


class PageKind:
    """Renders ``Page`` payloads through the site's theme."""

    name = "page"

    def stamp(self, output: Output, context: StampContext) -> bytes:
        page: Page = output.payload
        return stamp_all(output.url, page.template, context.theme_key, stamp(page.context))

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        page: Page = output.payload
        theme: Theme = context.theme
        try:
            template = theme.environment.get_template(page.template)
            text = template.render(page.context, page_url=output.url, site=site)
        except jinja2.TemplateSyntaxError as exc:
            raise RenderProblem(error("template-syntax", _display_path(theme, exc.filename), exc.lineno,
                                      detail=exc.message)) from None
        except jinja2.TemplateNotFound as exc:
            raise RenderProblem(error("template-missing", output.origin, None, template=exc.name,
                                      url=output.url)) from None
        except Exception as exc:  # a theme bug: locate it in the template, not in Python
            filename, line = _template_location(exc)
            raise RenderProblem(error("template-render", _display_path(theme, filename) or page.template, line,
                                      detail=f"{type(exc).__name__}: {exc}", url=output.url)) from None
        return Rendered(output, text.encode("utf-8"))


def _template_location(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame of a rendering error."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".xml", ".txt", ".css", ".opml")):
            found = (frame.filename, frame.lineno)
    return found


def _display_path(theme: Theme, filename: str | None) -> str | None:
    if not filename:
        return None
    path = Path(filename)
    try:
        return path.resolve().relative_to(theme.config.site_dir).as_posix()
    except ValueError:
        parts = path.parts
        return "kimpress:" + "/".join(parts[parts.index("themes"):]) if "themes" in parts else filename
