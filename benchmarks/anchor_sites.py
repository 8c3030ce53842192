"""Turn a generated kimpress benchmark corpus into an equivalent Hugo site and Pelican site.

Used by ``compare.py``; also runnable alone to look at the converted sites:

    python benchmarks/anchor_sites.py CORPUS DEST     # writes DEST/hugo/ and DEST/pelican/

``CORPUS`` is what ``generate_corpus.py`` writes (format v2): ``site.yaml``,
``content/<kelurahan>/_index.md`` profiles and ``content/<kelurahan>/<date>-<slug>.md``
articles with front matter ``title`` (a JSON string), ``date``, ``author``, ``category``
(a rubrik slug) and ``tags: [a, b]``. It is read with a strict parser for exactly that
format (any other line is an error), so no YAML library is needed.

What the converted sites have in common with kimpress (``base_url``
``https://bench.example/kim/``):

- the same articles with the same Markdown bodies, titles, dates, authors, rubrik and tags;
- the same URLs: articles at ``/<kelurahan>/<slug>/`` (the slug is the file name without
  its date prefix, as kimpress does it), lists paginated by 10 at ``<list>/page/N/``,
  ``/tag/<tag>/``, ``/rubrik/<rubrik>/``, ``/penulis/<author>/``, ``/<kelurahan>/`` and
  ``/kecamatan/<kecamatan>/``, and the indexes ``/tag/``, ``/rubrik/``, ``/penulis/``;
- an RSS feed (``feed.xml``) and an Atom feed (``atom.xml``) beside the home page and every
  kelurahan, kecamatan, rubrik, tag and author list, each holding the 20 newest articles
  in full;
- every date as the same instant in Asia/Makassar (WITA, UTC+8): the generator writes
  ``2019-05-14 11:14``, ``14/05/2019 11.14`` and ``2019-05-14T11:14:00+08:00``; Hugo gets
  RFC 3339 with the offset, Pelican a local ``2019-05-14 11:14`` with ``TIMEZONE =
  "Asia/Makassar"``;
- links to another article's ``.md`` file: Hugo gets the target's final URL
  (``/kim/<kelurahan>/<slug>/``, Hugo itself does not resolve ``.md`` links), Pelican
  ``{filename}/<kelurahan>/<file>.md``, which it resolves itself.

Per tool:

- **Hugo**: its own small theme written into ``layouts/`` (baseof with a menu, canonical
  and Open Graph tags and the feed links; single; list for the home page and the
  kelurahan sections; taxonomy; term; 404; date, author, rubrik and kelurahan on every
  article and list item, tags on articles; RSS and Atom templates with the full
  content). Taxonomies tags, categories, authors, kecamatan, plus ``archives`` with one
  term per year and per month so that archive lists exist as in kimpress (paginated,
  without feeds; the month in one segment, ``/arsip/2019-05/``, where kimpress writes
  ``/arsip/2019/05/``). Kelurahan are sections with their profile as ``_index.md``.
  ``pagination.disableAliases`` (no ``page/1/`` redirects, which kimpress does not
  write either). Hugo also writes ``sitemap.xml``, ``robots.txt`` and ``404.html``, as
  kimpress does.
- **Pelican**: the built-in ``notmyidea`` theme (its list pages show the first article
  in full, the others as summaries; Pelican's summaries are the first 50 words); tags,
  categories (rubrik) and authors with their index pages and Atom + RSS feeds with the
  full content (``RSS_FEED_SUMMARY_ONLY = False``), period archives per year and month
  (one unpaginated page each, titles only, as that theme has them),
  ``ARTICLE_TRANSLATION_ID = None`` (one slug in two kelurahan is two articles),
  ``CACHE_CONTENT`` + ``LOAD_CONTENT_CACHE``. Pelican has no kelurahan or kecamatan
  lists, so a short plugin written into the site (``plugins/kim_wilayah.py``) adds them,
  paginated, with their Atom and RSS feeds, through Pelican's own writer and a
  ``wilayah.html`` template that extends the theme's ``index.html``. No sitemap,
  robots.txt or 404 page; the theme's CSS and images are copied.

What only kimpress writes: a JSON Feed beside every RSS/Atom pair (a third of its
feeds), the ``/langganan/`` page with an OPML file of the kelurahan feeds, a favicon,
``/kecamatan/`` as a region index (Hugo has a plain term list there, Pelican nothing),
archive pages that are paginated lists with summaries (Pelican's are not). kimpress and
Pelican make links inside feed items absolute; Hugo's stay root-relative
(``/kim/...``). kimpress also sanitises raw HTML and checks every link, which the
others do not. The counts of files each tool writes are printed by ``compare.py`` so
the outputs can be judged side by side.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

CORPUS_FORMAT = "v2"  # the generate_corpus.py format this parser was written for
ZONE_NAME = "Asia/Makassar"
ARTICLE_NAME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)\.md")
MD_LINK = re.compile(r"\]\((?P<target>[^)\s]+\.md)\)")
DATE_FORMATS = ("%Y-%m-%d %H:%M", "%d/%m/%Y %H.%M", "%Y-%m-%dT%H:%M:%S%z")
FEED_LIMIT = 20
PAGE_SIZE = 10


# --- the corpus ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Article:
    """One article as the corpus gives it."""

    kelurahan: str  # folder slug
    filename: str  # "2019-05-14-some-slug.md"
    title: str
    date: datetime  # aware, in Asia/Makassar
    author: str
    category: str  # rubrik slug
    tags: tuple[str, ...]
    body: str  # Markdown, links to other articles' .md files as written

    @property
    def slug(self) -> str:
        match = ARTICLE_NAME.fullmatch(self.filename)
        if match is None:
            raise ValueError(f"article file name without a date prefix: {self.filename}")
        return match["slug"]

    @property
    def source(self) -> str:
        """Path below ``content/``, POSIX style."""
        return f"{self.kelurahan}/{self.filename}"

    @property
    def url_path(self) -> str:
        """The article's URL below the base URL, e.g. ``teluk-asam/some-slug/``."""
        return f"{self.kelurahan}/{self.slug}/"


@dataclass(frozen=True)
class Kelurahan:
    slug: str
    name: str
    kecamatan: str  # kecamatan slug
    profile: str  # the Markdown body of its _index.md


@dataclass(frozen=True)
class Corpus:
    title: str
    description: str
    base_url: str  # ends with "/"
    categories: tuple[tuple[str, str], ...]  # (slug, label)
    kecamatan: tuple[tuple[str, str], ...]  # (slug, name)
    kelurahan: tuple[Kelurahan, ...]
    articles: tuple[Article, ...]  # newest first

    @property
    def base_path(self) -> str:
        """The path part of the base URL, e.g. ``/kim/``."""
        return urlsplit(self.base_url).path

    def category_label(self, slug: str) -> str:
        return dict(self.categories)[slug]

    def kecamatan_name(self, slug: str) -> str:
        return dict(self.kecamatan)[slug]

    def kecamatan_of(self, kelurahan: str) -> str:
        return next(kel.kecamatan for kel in self.kelurahan if kel.slug == kelurahan)


def makassar() -> timezone | ZoneInfo:
    """Asia/Makassar, or UTC+8 where no tz database is installed (WITA has had no DST since 1963)."""
    try:
        return ZoneInfo(ZONE_NAME)
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=8), "WITA")


def parse_date(text: str) -> datetime:
    """A front matter date in any format the generator writes, as an aware time in Asia/Makassar."""
    for pattern in DATE_FORMATS:
        try:
            when = datetime.strptime(text, pattern)
        except ValueError:
            continue
        zone = makassar()
        return when.replace(tzinfo=zone) if when.tzinfo is None else when.astimezone(zone)
    raise ValueError(f"date in no format the corpus generator writes: {text!r}")


def split_front_matter(text: str, where: Path) -> tuple[list[str], str]:
    """(front matter lines, body) of a ``---``-fenced file."""
    if not text.startswith("---\n"):
        raise ValueError(f"{where}: no front matter")
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise ValueError(f"{where}: front matter not closed")
    return head.split("\n"), body


def parse_article(path: Path, kelurahan: str) -> Article:
    lines, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    fields: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition(": ")
        if not sep or key not in {"title", "date", "author", "category", "tags"} or key in fields:
            raise ValueError(f"{path}: unexpected front matter line {line!r}")
        fields[key] = value
    tags = fields["tags"]
    if not (tags.startswith("[") and tags.endswith("]")):
        raise ValueError(f"{path}: tags not written as [a, b]: {tags!r}")
    return Article(kelurahan=kelurahan, filename=path.name, title=json.loads(fields["title"]),
                   date=parse_date(fields["date"]), author=fields["author"], category=fields["category"],
                   tags=tuple(tag.strip() for tag in tags[1:-1].split(",")), body=body)


def parse_site_yaml(text: str) -> dict:
    """The generator's site.yaml: top-level scalars, ``categories`` and ``wilayah``."""
    header, _, rest = text.partition("\n")
    if not header.startswith(f"# kimpress-bench-corpus {CORPUS_FORMAT} "):
        raise ValueError(f"site.yaml is not a generate_corpus.py {CORPUS_FORMAT} corpus: {header!r}")
    site: dict = {"categories": [], "kecamatan": [], "kelurahan": {}}
    section, kecamatan = None, None
    for line in rest.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        key, _, value = line.strip().partition(":")
        value = value.strip()
        if indent == 0:
            section = key if not value else None
            if value:
                site[key] = value
        elif section == "categories" and indent == 2:
            site["categories"].append((key, value))
        elif section == "wilayah" and indent == 2:
            kecamatan = key
        elif section == "wilayah" and indent == 4 and key == "name":
            site["kecamatan"].append((kecamatan, value))
        elif section == "wilayah" and indent == 6:
            name = re.fullmatch(r"\{name: (?P<name>[^,]+), code: .*\}", value)
            if name is None:
                raise ValueError(f"site.yaml: unexpected kelurahan line {line!r}")
            site["kelurahan"][key] = (name["name"], kecamatan)
        elif section != "wilayah" or indent != 4 or key not in {"code", "kelurahan"}:
            raise ValueError(f"site.yaml: unexpected line {line!r}")
    return site


def read_corpus(site: Path) -> Corpus:
    """Read a generate_corpus.py site; raise ValueError on anything it would not write."""
    config = parse_site_yaml((site / "site.yaml").read_text(encoding="utf-8"))
    kelurahan, articles = [], []
    for slug, (name, kecamatan) in config["kelurahan"].items():
        folder = site / "content" / slug
        _, profile = split_front_matter((folder / "_index.md").read_text(encoding="utf-8"), folder / "_index.md")
        kelurahan.append(Kelurahan(slug, name, kecamatan, profile))
        articles += [parse_article(path, slug) for path in sorted(folder.glob("*.md")) if path.name != "_index.md"]
    articles.sort(key=lambda a: (a.date, a.source), reverse=True)
    base_url = config["base_url"].rstrip("/") + "/"
    return Corpus(title=config["title"], description=config["description"], base_url=base_url,
                  categories=tuple(config["categories"]), kecamatan=tuple(config["kecamatan"]),
                  kelurahan=tuple(kelurahan), articles=tuple(articles))


def link_targets(corpus: Corpus) -> dict[str, Article]:
    """Article by its source path below content/."""
    return {article.source: article for article in corpus.articles}


def rewrite_md_links(article: Article, targets: dict[str, Article], replace) -> str:
    """The body with each ``](x.md)`` link target replaced by ``replace(target_article)``."""
    def swap(match: re.Match) -> str:
        source = posixpath.normpath(posixpath.join(article.kelurahan, match["target"]))
        if source not in targets:
            raise ValueError(f"{article.source}: link to a missing article {match['target']!r}")
        return f"]({replace(targets[source])})"
    return MD_LINK.sub(swap, article.body)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def fresh_folder(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)


# --- Hugo ---------------------------------------------------------------------------------

HUGO_CONFIG = """\
baseURL = {base_url}
locale = "id"
titleCaseStyle = "none"
defaultContentLanguage = "id"
title = {title}
timeZone = "{zone}"
enableRobotsTXT = true
disableKinds = []

[params]
description = {description}

[pagination]
pagerSize = {page_size}
path = "page"
disableAliases = true

[services.rss]
limit = {feed_limit}

[taxonomies]
tag = "tags"
category = "categories"
author = "authors"
kecamatan = "kecamatan"
archive = "archives"

[permalinks.taxonomy]
tags = "/tag/"
categories = "/rubrik/"
authors = "/penulis/"
archives = "/arsip/"

[permalinks.term]
tags = "/tag/:slug/"
categories = "/rubrik/:slug/"
authors = "/penulis/:slug/"
archives = "/arsip/:slug/"

[mediaTypes."application/atom+xml"]
suffixes = ["xml"]

[outputFormats.rss]
baseName = "feed"

[outputFormats.atom]
mediaType = "application/atom+xml"
baseName = "atom"
rel = "alternate"
isPlainText = false

[outputs]
home = ["html", "rss", "atom"]
section = ["html", "rss", "atom"]
taxonomy = ["html"]
term = ["html", "rss", "atom"]
page = ["html"]

[[menus.main]]
name = "Beranda"
pageRef = "/"
weight = 1
[[menus.main]]
name = "Kecamatan"
pageRef = "/kecamatan"
weight = 2
[[menus.main]]
name = "Rubrik"
pageRef = "/categories"
weight = 3
[[menus.main]]
name = "Arsip"
pageRef = "/archives"
weight = 4
"""

HUGO_STYLE = ("body{margin:0;font:17px/1.6 system-ui,sans-serif;color:#1d2327}.wrap{max-width:46rem;margin:auto;"
              "padding:0 1rem}.site-header{background:#0b4f6c;color:#fff}.site-header a{color:#fff}"
              ".site-header nav ul{list-style:none;display:flex;gap:1rem;padding:0;flex-wrap:wrap}.brand{font-weight:700}"
              ".meta{color:#555;font-size:.9rem}.list{list-style:none;padding:0}.item{border-bottom:1px solid #ddd}"
              ".tags{list-style:none;display:flex;gap:.5rem;padding:0}table{border-collapse:collapse}"
              "td,th{border:1px solid #ccc;padding:.2rem .5rem}.pager{display:flex;gap:1rem;margin:1rem 0}")

HUGO_LAYOUTS = (
    ("baseof.html", """\
<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ if .IsPage }}{{ .Summary | plainify | truncate 160 }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
{{ range .AlternativeOutputFormats -}}
<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}" title="{{ site.Title }} ({{ .Name }})">
{{ end -}}
<style>""" + HUGO_STYLE + """</style>
</head>
<body>
<header class="site-header"><div class="wrap">
<a class="brand" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav aria-label="Menu utama"><ul>
{{ range site.Menus.main -}}
<li><a href="{{ .URL }}"{{ if $.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
{{ end -}}
</ul></nav>
</div></header>
<main class="wrap">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><div class="wrap"><p>{{ site.Title }}: {{ site.Params.description }}</p></div></footer>
</body>
</html>
"""),
    ("_partials/meta.html", """\
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date | time.Format ":date_long" }}, {{ .Date.Format "15.04" }} WITA</time>
{{- range .GetTerms "authors" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
{{- range .GetTerms "categories" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
{{- with .Parent }} · <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</p>
"""),
    ("_partials/item.html", """\
<li class="item">
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ partial "meta.html" . }}
<p>{{ .Summary | plainify | truncate 300 }}</p>
</li>
"""),
    ("_partials/pager.html", """\
{{ if gt .TotalPages 1 -}}
<nav class="pager" aria-label="Halaman">
{{ with .Prev }}<a rel="prev" href="{{ .URL }}">« Sebelumnya</a>{{ end }}
<span>Halaman {{ .PageNumber }} dari {{ .TotalPages }}</span>
{{ with .Next }}<a rel="next" href="{{ .URL }}">Berikutnya »</a>{{ end }}
</nav>
{{- end }}
"""),
    ("list.html", """\
{{ define "main" }}
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages }}
{{ if not .IsHome }}<h1>{{ .Title }}</h1>{{ if eq $pager.PageNumber 1 }}{{ .Content }}{{ end }}{{ end }}
<ol class="list">
{{ range $pager.Pages }}{{ partial "item.html" . }}{{ end }}
</ol>
{{ partial "pager.html" $pager }}
{{ end }}
"""),
    ("term.html", """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
<ol class="list">
{{ range $pager.Pages }}{{ partial "item.html" . }}{{ end }}
</ol>
{{ partial "pager.html" $pager }}
{{ end }}
"""),
    ("taxonomy.html", """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="terms">
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
"""),
    ("single.html", """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ partial "meta.html" . }}
<div class="body">
{{ .Content }}
</div>
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ with .GetTerms "kecamatan" }}<p>{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>{{ end }}
</article>
{{ end }}
"""),
    ("404.html", """\
{{ define "main" }}
<h1>Halaman tidak ditemukan</h1>
<p><a href="{{ site.Home.RelPermalink }}">Kembali ke beranda</a></p>
{{ end }}
"""),
    ("list.rss.xml", """\
{{- $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{- $pages = $pages | first site.Config.Services.RSS.Limit -}}
{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\" standalone=\\"yes\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
<link>{{ .Permalink }}</link>
<description>{{ site.Params.description }}</description>
<language>id</language>
{{ with index $pages 0 }}<lastBuildDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</lastBuildDate>{{ end }}
{{ with .OutputFormats.Get "rss" }}<atom:link href="{{ .Permalink }}" rel="self" type="{{ .MediaType.Type | safeHTML }}"/>{{ end }}
{{ range $pages -}}
<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid isPermaLink="true">{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
{{ range .GetTerms "authors" }}<dc:creator>{{ .LinkTitle }}</dc:creator>{{ end }}
{{ range .GetTerms "categories" }}<category>{{ .LinkTitle }}</category>{{ end }}
{{ range .GetTerms "tags" }}<category>{{ .LinkTitle }}</category>{{ end }}
<description>{{ .Content | transform.XMLEscape | safeHTML }}</description>
</item>
{{ end -}}
</channel>
</rss>
"""),
    ("list.atom.xml", """\
{{- $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{- $pages = $pages | first site.Config.Services.RSS.Limit -}}
{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
<id>{{ .Permalink }}</id>
<link rel="alternate" type="text/html" href="{{ .Permalink }}"/>
{{ with .OutputFormats.Get "atom" }}<link rel="self" type="{{ .MediaType.Type | safeHTML }}" href="{{ .Permalink }}"/>{{ end }}
{{ with index $pages 0 }}<updated>{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</updated>{{ end }}
{{ range $pages -}}
<entry>
<title>{{ .Title }}</title>
<id>{{ .Permalink }}</id>
<link rel="alternate" type="text/html" href="{{ .Permalink }}"/>
<published>{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</published>
<updated>{{ .Lastmod.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</updated>
{{ range .GetTerms "authors" }}<author><name>{{ .LinkTitle }}</name></author>{{ end }}
{{ range .GetTerms "categories" }}<category term="{{ .LinkTitle }}"/>{{ end }}
{{ range .GetTerms "tags" }}<category term="{{ .LinkTitle }}"/>{{ end }}
<content type="html">{{ .Content | transform.XMLEscape | safeHTML }}</content>
</entry>
{{ end -}}
</feed>
"""),
)


def hugo_front_matter(article: Article, corpus: Corpus) -> str:
    """YAML front matter (every value JSON-quoted, which YAML reads as is)."""
    kecamatan = corpus.kecamatan_name(corpus.kecamatan_of(article.kelurahan))
    fields = {
        "title": article.title, "date": article.date.isoformat(), "slug": article.slug,
        "tags": list(article.tags), "categories": [corpus.category_label(article.category)],
        "authors": [article.author], "kecamatan": [kecamatan],
        "archives": [f"{article.date:%Y}", f"{article.date:%Y-%m}"],
    }
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()) \
        + "---\n"


def write_hugo_site(corpus: Corpus, dest: Path) -> None:
    """A complete Hugo site in ``dest`` (replaced if there)."""
    fresh_folder(dest)
    q = json.dumps
    write(dest / "hugo.toml", HUGO_CONFIG.format(base_url=q(corpus.base_url), title=q(corpus.title), zone=ZONE_NAME,
                                                 description=q(corpus.description), page_size=PAGE_SIZE,
                                                 feed_limit=FEED_LIMIT))
    for name, text in HUGO_LAYOUTS:
        write(dest / "layouts" / name, text)
    content = dest / "content"
    sections = {"tags": "Tag", "categories": "Rubrik", "authors": "Penulis", "kecamatan": "Kecamatan"}
    for folder, heading in sections.items():
        write(content / folder / "_index.md", f"---\ntitle: {q(heading)}\n---\n")
    # Archive terms are lists without feeds, as kimpress's archive pages.
    write(content / "archives" / "_index.md", '---\ntitle: "Arsip"\ncascade:\n  outputs: ["html"]\n---\n')
    for kel in corpus.kelurahan:
        write(content / kel.slug / "_index.md", f"---\ntitle: {q('Kelurahan ' + kel.name)}\n---\n{kel.profile}")
    targets = link_targets(corpus)
    base = corpus.base_path
    for article in corpus.articles:
        body = rewrite_md_links(article, targets, lambda target: base + target.url_path)
        write(content / article.kelurahan / article.filename, hugo_front_matter(article, corpus) + body)


# --- Pelican ------------------------------------------------------------------------------

PELICAN_PLUGIN = '''\
"""Kelurahan and kecamatan lists with Atom and RSS feeds, as kimpress has them (written by anchor_sites.py)."""

from markdown import markdown
from pelican import signals
from pelican.generators import Generator


class WilayahGenerator(Generator):
    """One paginated list and two feeds per kelurahan and per kecamatan."""

    def generate_output(self, writer):
        wilayah, kecamatan_names = self.settings["KIM_WILAYAH"], self.settings["KIM_KECAMATAN"]
        lists = {}
        for article in self.context["articles"]:  # newest first
            kel = wilayah[article.kelurahan]
            for url, title, profile in ((article.kelurahan + "/", kel["title"], kel["profile"]),
                                        ("kecamatan/" + kel["kecamatan"] + "/", kecamatan_names[kel["kecamatan"]], "")):
                lists.setdefault(url, (title, profile, []))[2].append(article)
        template = self.get_template("wilayah")
        for url, (title, profile, articles) in lists.items():
            writer.write_file(url + "index.html", template, self.context, url=url, articles=articles, dates=articles,
                              template_name="wilayah", blog=True, page_name=url + "index", wilayah_title=title,
                              wilayah_profile=markdown(profile), relative_urls=self.settings["RELATIVE_URLS"])
            writer.write_feed(articles, self.context, url + "atom.xml", url + "atom.xml", feed_title=title)
            writer.write_feed(articles, self.context, url + "feed.xml", url + "feed.xml", feed_type="rss",
                              feed_title=title)


def get_generators(pelican):
    return WilayahGenerator


def register():
    signals.get_generators.connect(get_generators)
'''

PELICAN_TEMPLATE = """\
{% extends "index.html" %}
{% block title %}{{ SITENAME|striptags }} - {{ wilayah_title }}{% endblock %}
{% block content %}
<section class="body"><h1>{{ wilayah_title }}</h1>{{ wilayah_profile }}</section>
{{ super() }}
{% endblock content %}
"""

PELICAN_CONFIG = '''\
"""Pelican settings for the kimpress comparison site (written by anchor_sites.py)."""

SITENAME = {title!r}
SITESUBTITLE = {description!r}
SITEURL = {site_url!r}
PATH = {content!r}
TIMEZONE = {zone!r}
DEFAULT_LANG = "id"
THEME = "notmyidea"
THEME_TEMPLATES_OVERRIDES = [{templates!r}]
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = ["kim_wilayah"]
KIM_WILAYAH = {wilayah!r}
KIM_KECAMATAN = {kecamatan!r}

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}

PATH_METADATA = r"(?P<kelurahan>[^/]+)/.*"
ARTICLE_TRANSLATION_ID = None  # one slug in two kelurahan is two articles, not translations
ARTICLE_URL = "{{kelurahan}}/{{slug}}/"
ARTICLE_SAVE_AS = "{{kelurahan}}/{{slug}}/index.html"
PAGE_URL = "{{slug}}/"
PAGE_SAVE_AS = "{{slug}}/index.html"
TAG_URL = "tag/{{slug}}/"
TAG_SAVE_AS = "tag/{{slug}}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
CATEGORY_URL = "rubrik/{{slug}}/"
CATEGORY_SAVE_AS = "rubrik/{{slug}}/index.html"
CATEGORIES_URL = "rubrik/"
CATEGORIES_SAVE_AS = "rubrik/index.html"
AUTHOR_URL = "penulis/{{slug}}/"
AUTHOR_SAVE_AS = "penulis/{{slug}}/index.html"
AUTHORS_URL = "penulis/"
AUTHORS_SAVE_AS = "penulis/index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
YEAR_ARCHIVE_URL = "arsip/{{date:%Y}}/"
YEAR_ARCHIVE_SAVE_AS = "arsip/{{date:%Y}}/index.html"
MONTH_ARCHIVE_URL = "arsip/{{date:%Y}}/{{date:%m}}/"
MONTH_ARCHIVE_SAVE_AS = "arsip/{{date:%Y}}/{{date:%m}}/index.html"

DEFAULT_PAGINATION = {page_size}
PAGINATED_TEMPLATES = {{"index": None, "tag": None, "category": None, "author": None, "wilayah": None}}
PAGINATION_PATTERNS = (
    (1, "{{url}}", "{{save_as}}"),
    (2, "{{base_name}}/page/{{number}}/", "{{base_name}}/page/{{number}}/index.html"),
)

FEED_MAX_ITEMS = {feed_limit}
RSS_FEED_SUMMARY_ONLY = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "atom.xml"
FEED_ALL_RSS = "feed.xml"
CATEGORY_FEED_ATOM = "rubrik/{{slug}}/atom.xml"
CATEGORY_FEED_RSS = "rubrik/{{slug}}/feed.xml"
TAG_FEED_ATOM = "tag/{{slug}}/atom.xml"
TAG_FEED_RSS = "tag/{{slug}}/feed.xml"
AUTHOR_FEED_ATOM = "penulis/{{slug}}/atom.xml"
AUTHOR_FEED_RSS = "penulis/{{slug}}/feed.xml"
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
'''


def pelican_source(article: Article, corpus: Corpus, targets: dict[str, Article]) -> str:
    """The article as Pelican Markdown: ``Key: value`` metadata, a blank line, the body."""
    body = rewrite_md_links(article, targets, lambda target: "{filename}/" + target.source)
    meta = (("Title", article.title), ("Date", f"{article.date:%Y-%m-%d %H:%M}"), ("Slug", article.slug),
            ("Author", article.author), ("Category", corpus.category_label(article.category)),
            ("Tags", ", ".join(article.tags)))
    if any("\n" in value for _, value in meta) or any("," in tag for tag in article.tags):
        raise ValueError(f"{article.source}: a newline in the metadata or a comma in a tag (Pelican splits on it)")
    return "".join(f"{key}: {value}\n" for key, value in meta) + "\n" + body


def write_pelican_site(corpus: Corpus, dest: Path, cache: Path) -> None:
    """A complete Pelican site in ``dest`` (replaced if there); its content cache goes to ``cache``."""
    fresh_folder(dest)
    wilayah = {kel.slug: {"title": f"Kelurahan {kel.name}", "kecamatan": kel.kecamatan, "profile": kel.profile}
               for kel in corpus.kelurahan}
    kecamatan = {slug: f"Kecamatan {name}" for slug, name in corpus.kecamatan}
    write(dest / "pelicanconf.py", PELICAN_CONFIG.format(
        title=corpus.title, description=corpus.description, site_url=corpus.base_url.rstrip("/"),
        content=str(dest / "content"), zone=ZONE_NAME, templates=str(dest / "templates"),
        plugins=str(dest / "plugins"), wilayah=wilayah, kecamatan=kecamatan, cache=str(cache),
        page_size=PAGE_SIZE, feed_limit=FEED_LIMIT))
    write(dest / "plugins" / "kim_wilayah.py", PELICAN_PLUGIN)
    write(dest / "templates" / "wilayah.html", PELICAN_TEMPLATE)
    targets = link_targets(corpus)
    for article in corpus.articles:
        write(dest / "content" / article.source, pelican_source(article, corpus, targets))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a site written by generate_corpus.py")
    parser.add_argument("dest", type=Path, help="receives hugo/ and pelican/ (both replaced)")
    args = parser.parse_args(argv)
    corpus, dest = read_corpus(args.corpus), args.dest.resolve()  # Pelican reads relative paths from its settings file
    write_hugo_site(corpus, dest / "hugo")
    write_pelican_site(corpus, dest / "pelican", dest / "pelican-cache")
    print(f"{len(corpus.articles)} articles -> {dest / 'hugo'}, {dest / 'pelican'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
