"""The "search-index" kind: the compact JSON files of the search index (see ``kimpress.plan.search``).

A file's stamp is the stamp of its payload, the indexed text alone: a theme edit
never renders the index again, an edited article does. The terms of every shard
are worked out once per build, when the first shard is rendered, and the corpus is
stamped once for all the files that share it.
"""

from __future__ import annotations

import json

from kimpress.core.stamps import stamp, stamp_all
from kimpress.outputs.registry import RenderContext, Rendered, SiteView, StampContext
from kimpress.plan.output import Output
from kimpress.plan.search import SearchCorpus, TextFile, docs_data, term_shards


def compact_json(value: object) -> bytes:
    """JSON with no spaces, UTF-8 as is, in a fixed order."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")


class SearchIndexKind:
    """Renders ``IndexFile`` (docs.json, terms shards) and ``TextFile`` payloads."""

    name = "search-index"

    def __init__(self) -> None:
        self._shards: tuple[SearchCorpus, dict[str, dict[str, list[int]]]] | None = None  # (corpus, its shards)
        self._corpus_stamp: tuple[SearchCorpus, bytes] | None = None

    def stamp(self, output: Output, context: StampContext) -> bytes:
        payload = output.payload
        if isinstance(payload, TextFile):
            return stamp_all(output.url, stamp(payload))
        return stamp_all(output.url, payload.shard, self._stamp_of(payload.corpus))

    def _stamp_of(self, corpus: SearchCorpus) -> bytes:
        """The corpus's stamp, taken once for the 29 files that share it (a second at 10,000 articles)."""
        if self._corpus_stamp is None or self._corpus_stamp[0] is not corpus:
            self._corpus_stamp = (corpus, stamp(corpus))
        return self._corpus_stamp[1]

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        payload = output.payload
        if isinstance(payload, TextFile):
            return Rendered(output, compact_json({"s": payload.document.summary, "t": payload.document.text}))
        if not payload.shard:
            return Rendered(output, compact_json(docs_data(payload.corpus)))
        return Rendered(output, compact_json(self._terms(payload.corpus)[payload.shard]))

    def _terms(self, corpus: SearchCorpus) -> dict[str, dict[str, list[int]]]:
        # One corpus object per build, shared by every shard's payload (and by forked workers).
        if self._shards is None or self._shards[0] is not corpus:
            self._shards = (corpus, term_shards(corpus))
        return self._shards[1]

