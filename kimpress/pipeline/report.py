"""``kimpress report``: the activity report of a site, from the stages load -> read -> model, nothing written.

The memory of the last build, when there is one, is read to skip converting unchanged
Markdown again, and never saved. A site with errors gives no report (the counts would leave
out the broken files without saying so): its problems are raised, as a build does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kimpress.core.errors import Diagnostic, KimpressError, error
from kimpress.pipeline.modelled import modelled_site
from kimpress.pipeline.stages import now_or
from kimpress.plan.report import ActivityReport, activity_report


@dataclass(frozen=True)
class ReportOptions:
    """The period ("YYYY-MM", either may be None) and which unpublished articles count."""

    first: str | None = None
    last: str | None = None
    drafts: bool = False
    future: bool = False
    now: datetime | None = None  # the moment that decides "future"; tests pin it
    cache_file: Path | None = None  # the build's memory, read if there, never written
    jobs: int | None = 1


@dataclass(frozen=True)
class ReportResult:
    report: ActivityReport
    warnings: tuple[Diagnostic, ...]
    language: str


def site_report(site_dir: Path | str, options: ReportOptions = ReportOptions()) -> ReportResult:
    """The activity report of the site in ``site_dir`` over the options' period."""
    if options.first and options.last and options.first > options.last:
        raise KimpressError([error("report-period-reversed", None, None, first=options.first, last=options.last)])
    now = now_or(options.now)
    modelled = modelled_site(site_dir, now, options.drafts, options.future, options.cache_file, options.jobs)
    site, problems, loaded = modelled.site, list(modelled.warnings), modelled.loaded
    report = activity_report(site, options.first, options.last, now)
    return ReportResult(report, tuple(problems), loaded.config.language)
