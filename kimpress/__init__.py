"""kimpress: a static site generator for KIM (Kelompok Informasi Masyarakat) newsletters."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
