"""site.yaml settings for the monthly editions (see ``kimpress.plan.editions``).

    editions: {whole_minutes: 2}     # or editions: false

An article that takes longer than ``whole_minutes`` to read is printed as its summary
and a QR code to its page; ``0`` cuts every article so, a large number prints them all
whole. ``editions: false`` (or ``enabled: false``) builds none.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from kimpress.config.options import Boolean, Integer, Invalid, refuse_unknown


@dataclass(frozen=True)
class EditionSettings:
    """Whether editions are built, and which articles they print whole."""

    enabled: bool = True
    whole_minutes: int = 2


def check_editions(value) -> EditionSettings:
    if isinstance(value, bool):
        return EditionSettings(enabled=value)
    if not isinstance(value, dict):
        raise Invalid("expected-mapping")
    refuse_unknown(value, {item.name for item in fields(EditionSettings)}, "unknown-editions-setting")
    settings: dict = {}
    if "enabled" in value:
        settings["enabled"] = Boolean().clean(value["enabled"])
    if "whole_minutes" in value:
        settings["whole_minutes"] = Integer(minimum=0, maximum=1000).clean(value["whole_minutes"])
    return EditionSettings(**settings)
