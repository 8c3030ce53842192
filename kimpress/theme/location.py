"""Where the default theme is: inside the installed package, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path

DEFAULT_THEME = "default"


def packaged_theme_dir() -> Path:
    """The default theme: inside the installed package, or at the repository top."""
    here = Path(__file__).resolve().parent.parent  # the package folder
    for candidate in (here / "themes" / DEFAULT_THEME, here.parent / "themes" / DEFAULT_THEME):
        if (candidate / "templates").is_dir():
            return candidate
    raise RuntimeError("the default theme is missing from this kimpress installation")
