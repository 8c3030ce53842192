"""How a build reuses results of the previous one: the protocol ``content`` and ``entries`` ask of a memo.

``cache.ModelMemo`` is the real one; ``NO_MEMO`` reuses nothing (a clean build, tests).
"""

from __future__ import annotations

from typing import Callable, Protocol, TypeVar

T = TypeVar("T")


class Memo(Protocol):
    """Lets a caller reuse results of earlier builds (``cache.ModelMemo``); ``NO_MEMO`` reuses nothing."""

    def derive(self, kind: str, key: str, inputs: tuple, make: Callable[[], T]) -> T: ...

    def canonical(self, value: T) -> T: ...


class _NoMemo:
    def derive(self, kind: str, key: str, inputs: tuple, make: Callable[[], T]) -> T:
        return make()

    def canonical(self, value: T) -> T:
        return value


NO_MEMO: Memo = _NoMemo()
