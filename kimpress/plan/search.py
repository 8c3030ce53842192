"""Plan the search page (``/cari/``) and its index: what every article gives the index, in compact files.

The index is made for a phone on slow data, in files under ``<search page>index/``:

- ``docs.json``: ``{"v": 1, "k": [kelurahan], "r": [rubrik], "d": [[url, title, k, r, date, text], ...]}``,
  one row per article, newest first; its position is the article's id. ``url`` is relative to the
  site's base path, ``k``/``r`` index the name lists (``r`` is -1 without a rubrik), ``date`` is
  ``YYYY-MM-DD`` and ``text`` names the article's text file.
- ``terms-<shard>.json`` for each shard in ``SHARDS`` (first letter): ``{term: [posting, ...]}``;
  a posting is ``(id - previous id) * 2 + (1 if the term is in the title)``, ids ascending.
- ``text/<name>.json``: ``{"s": summary, "t": plain text}`` of one article, for the snippets of
  the results shown; its name comes from the article's identity, so it is rewritten only when
  that article changes.

Terms are the words of ``search_text`` and their stems, from the title, the body, the tags,
the kelurahan and the rubrik. An article remembers its document, so an unchanged one is
neither parsed nor split into words again on the next build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kimpress.core.urls import encode_path
from kimpress.model.types import Article, Site
from kimpress.plan.output import Output, file_output, page_output
from kimpress.plan.search_text import RULES, SHARDS, Words, plain_text, shard_of

FORMAT = 1
_MEMO = "_kimpress_search"  # where an article keeps its document: (inputs, SearchDocument)


@dataclass(frozen=True)
class SearchDocument:
    """What the index knows of one article, its terms worked out."""

    key: str  # the name of its text file
    url: str
    title: str
    kelurahan: str
    rubrik: str | None
    date: str  # YYYY-MM-DD in the site's time zone
    summary: str
    text: str
    title_terms: tuple[str, ...] = ()  # sorted
    terms: tuple[str, ...] = ()  # sorted: every term, those of the title too


@dataclass(frozen=True)
class SearchCorpus:
    """Every article the index holds, newest first."""

    documents: tuple[SearchDocument, ...]


@dataclass(frozen=True)
class IndexFile:
    """The payload of ``docs.json`` (``shard`` is empty) or of one terms shard."""

    corpus: SearchCorpus
    shard: str = ""


@dataclass(frozen=True)
class TextFile:
    """The payload of one article's text file."""

    document: SearchDocument


@dataclass(frozen=True)
class ListLink:
    """One entry of the page's list of kelurahan or rubrik, for readers without JavaScript."""

    name: str
    url: str
    count: int


def plan_search(site: Site) -> list[Output]:
    """The search page, ``docs.json``, every terms shard and one text file per article."""
    page_url = site.config.permalinks["search"]
    index_url = page_url + "index/"
    corpus = search_corpus(site)
    kelurahan = tuple(ListLink(kel.name, kel.url, len(site.by_kelurahan[kel.slug]))
                      for kel in site.kelurahan if site.by_kelurahan.get(kel.slug))
    rubrik = tuple(ListLink(term.name, term.url, len(site.by_category[term.slug]))
                   for term in site.categories if site.by_category.get(term.slug))
    outputs = [page_output(page_url, "search.html",
                           {"index_url": index_url, "kelurahan_links": kelurahan, "rubrik_links": rubrik}),
               file_output(index_url + "docs.json", "search-index", IndexFile(corpus))]
    outputs += [file_output(f"{index_url}terms-{shard}.json", "search-index", IndexFile(corpus, shard))
                for shard in SHARDS]
    outputs += [file_output(f"{index_url}text/{doc.key}.json", "search-index", TextFile(doc))
                for doc in corpus.documents]
    return outputs


def search_corpus(site: Site) -> SearchCorpus:
    """What the index holds of every published article."""
    articles = site.articles
    keys = _text_keys([article.uid for article in articles])
    zone = site.config.zone
    words = Words()
    documents = []
    for article, key in zip(articles, keys):
        kel = site.kelurahan_named(article.kelurahan)
        inputs = (key, kel.name if kel else article.kelurahan, article.date.astimezone(zone).date().isoformat(),
                  RULES)
        known = getattr(article, "__dict__", {}).get(_MEMO)
        if known is None or known[0] != inputs:
            known = (inputs, _document(article, *inputs[:3], words))
            if hasattr(article, "__dict__"):
                article.__dict__[_MEMO] = known  # frozen: the article never changes, nor does its document
        documents.append(known[1])
    return SearchCorpus(tuple(documents))



def _document(article: Article, key: str, kelurahan: str, date: str, words: Words) -> SearchDocument:
    text = plain_text(article.body_html)
    rubrik = article.category.name if article.category else None
    title = {form for word in words.words(article.title) for form in words.forms(word)}
    other = " ".join((text, kelurahan, rubrik or "", *(tag.name for tag in article.tags)))
    terms = title | {form for word in dict.fromkeys(words.words(other)) for form in words.forms(word)}
    return SearchDocument(key, encode_path(article.url.lstrip("/")), article.title, kelurahan, rubrik, date,
                          article.summary, text, tuple(sorted(title)), tuple(sorted(terms)))


def _text_keys(uids: list[str]) -> list[str]:
    """A short, stable file name for each identity: its digest, longer only if two would meet."""
    for size in (5, 8, 16):
        keys = [hashlib.blake2b(uid.encode("utf-8", "surrogatepass"), digest_size=size).hexdigest() for uid in uids]
        if len(set(keys)) == len(keys):
            return keys
    # Two sources claim one identity (twins on a case-insensitive disk): the conflict check names
    # them both and stops the build; until then any distinct names will do.
    return [hashlib.blake2b(f"{uid}\0{index}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
            for index, uid in enumerate(uids)]


def docs_data(corpus: SearchCorpus) -> dict:
    """The content of ``docs.json``."""
    kelurahan: dict[str, int] = {}
    rubrik: dict[str, int] = {}
    rows = []
    for doc in corpus.documents:
        kel = kelurahan.setdefault(doc.kelurahan, len(kelurahan))
        rub = rubrik.setdefault(doc.rubrik, len(rubrik)) if doc.rubrik is not None else -1
        rows.append([doc.url, doc.title, kel, rub, doc.date, doc.key])
    return {"v": FORMAT, "k": list(kelurahan), "r": list(rubrik), "d": rows}


def term_shards(corpus: SearchCorpus) -> dict[str, dict[str, list[int]]]:
    """Every shard's terms (sorted) and their delta-encoded postings."""
    postings: dict[str, list[int]] = {}  # term -> [id * 2 + in title, ...], ids ascending
    for number, doc in enumerate(corpus.documents):
        title = set(doc.title_terms)
        for term in doc.terms:
            postings.setdefault(term, []).append(number * 2 + (term in title))
    shards: dict[str, dict[str, list[int]]] = {shard: {} for shard in SHARDS}
    for term in sorted(postings):
        previous = 0
        encoded = []
        for value in postings[term]:
            encoded.append(((value >> 1) - previous) * 2 + (value & 1))
            previous = value >> 1
        shards[shard_of(term)][term] = encoded
    return shards
