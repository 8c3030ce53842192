"""site.yaml settings for the activity report at ``/laporan/`` (see ``kimpress.plan.report``).

    report: {public: false, page: true}

``public: true`` links the page from the footer and lists it in the sitemap; by default it is
built but linked from nowhere and kept out of search engines (``noindex``). ``page: false``
builds no page at all (the ``kimpress report`` command still writes its CSV files).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from kimpress.config.options import Boolean, refuse_unknown


@dataclass(frozen=True)
class ReportSettings:
    """Whether the report page is built, and whether readers and search engines are shown the way to it."""

    public: bool = False
    page: bool = True


def check_report(value: dict) -> ReportSettings:
    refuse_unknown(value, {item.name for item in fields(ReportSettings)}, "unknown-report-setting")
    return ReportSettings(**{key: Boolean().clean(flag) for key, flag in value.items()})
