"""The output kinds kimpress always has; plugins add theirs to the same registry."""

from __future__ import annotations

from typing import Iterable

from kimpress.outputs.copy import CopyKind
from kimpress.outputs.edition_text import EditionTextKind
from kimpress.outputs.feed import FeedKind
from kimpress.outputs.page import PageKind
from kimpress.outputs.photo import PhotoKind
from kimpress.outputs.redirect import RedirectKind
from kimpress.outputs.registry import OutputKind, Registry
from kimpress.outputs.search_index import SearchIndexKind
from kimpress.outputs.share_card import ShareCardKind
from kimpress.outputs.text_file import TextFileKind


def build_registry(extra: Iterable[OutputKind] = ()) -> Registry:
    """A fresh registry for one build: pages, feeds, copies, then ``extra`` kinds."""
    return Registry([PageKind(), FeedKind(), CopyKind(), PhotoKind(), ShareCardKind(), SearchIndexKind(),
                     TextFileKind(), RedirectKind(), EditionTextKind(), *extra])
