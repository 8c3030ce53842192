"""Keep a value in a private cache file: a header naming its format, then the value, written atomically.

A file whose header is not exactly the one asked for (another kimpress version,
another format, a damaged or foreign file) reads as nothing: a cache can only
ever cost time.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any


def load_checked(path: Path, header: tuple) -> Any | None:
    """The value kept in ``path`` under ``header``, or None."""
    try:
        with path.open("rb") as stream:
            if pickle.load(stream) != header:
                return None
            return pickle.load(stream)
    except Exception:  # missing, damaged or foreign: nothing
        return None


def dump_atomically(path: Path, header: tuple, value: Any) -> None:
    """Write ``header`` and ``value`` to ``path`` in a private folder, all or nothing; a failure is silent."""
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(header, stream, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
