"""Unit tests of the pure core: output plans, the conflict check, pagination, feeds, stamps, URLs, the registry.

Everything here runs in memory: a ``SiteConfig`` from YAML text (no site.yaml on disk), a ``Site`` either
hand-grouped from ``Article`` values or assembled from parsed documents by ``build_site``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from zoneinfo import ZoneInfo

import feedparser
import pytest
from conftest import MINIMAL_CONFIG, NOW, article, write_files
from hypothesis import settings
from lxml import etree

from kimpress.config.site import SiteConfig, config_from_doc
from kimpress.config.yamltext import load_yaml
from kimpress.core.errors import Severity, error
from kimpress.core.stamps import DIGEST_SIZE, same, stamp, stamp_all
from kimpress.core.urls import absolute_url, output_path_for, paginated_url, site_url, slugify, term_slug
from kimpress.model.assemble import build_site
from kimpress.model.entries import Selection
from kimpress.model.taxonomy import group_site
from kimpress.model.types import Article, Kelurahan, Site, Term
from kimpress.outputs.feed_formats import ATOM_NS, EMPTY_FEED_DATE, item_id, render_feed
from kimpress.outputs.registry import Registry, RenderContext, Rendered, RenderProblem, SiteView
from kimpress.pipeline.build import Builder, BuildOptions, build
from kimpress.plan.conflicts import MAX_SEGMENT_BYTES, check_conflicts
from kimpress.plan.feeds import FeedSpec, plan_feeds
from kimpress.plan.output import CONFIG_ORIGIN, THEME_ORIGIN, Copy, Output, Page, copy_output, file_output, page_output
from kimpress.plan.pages import Pagination, archive_months, feed_links, paginate, plan_pages, sitemap_entries
from kimpress.source.discovery import SourceFile, classify_source
from kimpress.source.frontmatter import parse_document

BASE = "https://contoh.id/kim/"
WITA = ZoneInfo("Asia/Makassar")
RSS_NS = {"atom": ATOM_NS, "dc": "http://purl.org/dc/elements/1.1/",
          "content": "http://purl.org/rss/1.0/modules/content/"}


# ---------------------------------------------------------------------------
# helpers: configs and sites without a site folder
# ---------------------------------------------------------------------------

def make_config(extra: str = "") -> SiteConfig:
    text = f"title: Kabar Uji\nbase_url: {BASE}\nlanguage: id\ntimezone: Asia/Makassar\n" + extra
    config, diagnostics = config_from_doc(Path("/nowhere/site"), load_yaml(text), {})
    assert not [d for d in diagnostics if d.is_error]
    return config


def make_article(uid: str, when: datetime, kel: str = "loktuan", *, title: str | None = None,
                 tags: tuple[str, ...] = (), category: str | None = None, author: str | None = None,
                 updated: datetime | None = None, cover: str | None = None, body: str = "<p>Isi.</p>",
                 summary: str = "Ringkasan.") -> Article:
    slug = uid.rsplit("/", 1)[-1]
    return Article(
        uid=uid, slug=slug, title=title or slug.title(), url=f"/{kel}/{slug}/", kelurahan=kel, kecamatan=None,
        date=when, has_time=True, updated=updated,
        author=Term(slugify(author), author, f"/penulis/{slugify(author)}/") if author else None,
        category=Term(category, category.title(), f"/rubrik/{category}/") if category else None,
        tags=tuple(Term(slugify(tag), tag, f"/tag/{slugify(tag)}/") for tag in tags),
        summary=summary, body_html=body, reading_minutes=1, cover_url=cover, cover_alt="Foto <banjir>" if cover else "",
        source=f"content/{kel}/{slug}.md")


def make_site(articles: list[Article], config: SiteConfig | None = None,
              kelurahan: tuple[str, ...] = ("loktuan",), kim: str | None = None) -> Site:
    kels = [Kelurahan(slug, slug.title(), f"/{slug}/", kim=kim) for slug in kelurahan]
    return group_site(config or make_config(), articles, [], kels, [], [])


def assembled_site(files: dict[str, str], config: SiteConfig | None = None) -> Site:
    """A site as the build makes it, from documents parsed in memory (the disk is never read)."""
    config = config or make_config()
    sources, documents = [], {}
    for rel_path, text in sorted(files.items()):
        kind = classify_source(rel_path)
        assert kind is not None, rel_path
        sources.append(SourceFile(rel_path, Path("/nowhere/site") / rel_path, kind))
        document, problems = parse_document(rel_path, text)
        assert problems == []
        documents[rel_path] = document
    site, diagnostics = build_site(config, sources, documents, Selection(datetime(2026, 1, 1, tzinfo=timezone.utc)))
    assert [d for d in diagnostics if d.is_error] == []
    return site


def feed_spec(site: Site, fmt: str, kind: str = "site") -> FeedSpec:
    specs = [o.payload for o in plan_feeds(site) if o.payload.link.format == fmt and o.payload.link.kind == kind]
    assert len(specs) == 1
    return specs[0]


OLD = make_article("loktuan/banjir", datetime(2018, 11, 12, 9, 30, tzinfo=WITA), tags=("Banjir", "Posyandu"),
                   category="berita", author="Siti")
NEW = make_article("loktuan/pasar", datetime(2019, 1, 5, 8, 0, tzinfo=WITA), tags=("Banjir",))


# ---------------------------------------------------------------------------
# plan/output.py
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "path"), [("/", "index.html"), ("/loktuan/banjir/", "loktuan/banjir/index.html"),
                                           ("/tentang", "tentang/index.html"), ("/robots.txt", "robots.txt")])
def test_page_output_writes_a_pretty_url_to_its_index_file(url, path):
    output = page_output(url, "page.html", {"x": 1}, origin="content/x.md", origin_line=3)
    assert (output.url, output.kind, output.path, output.origin, output.origin_line) == (
        url, "page", path, "content/x.md", 3)
    assert output.payload == Page("page.html", {"x": 1})
    assert output.context == {"x": 1}


def test_file_output_is_written_at_its_url_exactly_and_has_no_context():
    output = file_output("/tag/kim/feed.xml", "feed", object())
    assert output.path == "tag/kim/feed.xml"
    assert output.context == {} and output.is_builtin and output.origin == CONFIG_ORIGIN
    copied = copy_output("/loktuan/foto.jpg", "/abs/content/loktuan/foto.jpg", "content/loktuan/foto.jpg")
    assert (copied.kind, copied.path, copied.payload) == ("copy", "loktuan/foto.jpg",
                                                          Copy("/abs/content/loktuan/foto.jpg"))
    assert copied.context == {}


def test_only_site_yaml_and_the_theme_are_builtin_origins():
    assert page_output("/a/", "x.html").is_builtin
    assert page_output("/a/", "x.html", origin=THEME_ORIGIN).is_builtin
    assert not page_output("/a/", "x.html", origin="content/a.md").is_builtin


def test_page_output_without_context_gets_an_empty_one():
    assert page_output("/a/", "x.html").context == {}


# ---------------------------------------------------------------------------
# plan/conflicts.py
# ---------------------------------------------------------------------------

def codes(diagnostics) -> list[tuple[str, str | None]]:
    return sorted((d.code, d.path) for d in diagnostics)


def test_distinct_paths_have_no_conflict():
    assert check_conflicts([page_output("/a/", "x.html", origin="content/a.md"),
                            page_output("/b/", "x.html", origin="content/b.md")]) == []


def test_two_writers_one_path_after_case_folding_each_get_a_message_naming_the_other():
    found = check_conflicts([copy_output("/loktuan/Banjir.jpg", "/s/1", "content/loktuan/Banjir.jpg"),
                             copy_output("/loktuan/banjir.jpg", "/s/2", "content/loktuan/banjir.jpg")])
    assert codes(found) == [("url-conflict", "content/loktuan/Banjir.jpg"),
                            ("url-conflict", "content/loktuan/banjir.jpg")]
    by_path = {d.path: d.param_dict for d in found}
    assert by_path["content/loktuan/Banjir.jpg"]["other"] == "content/loktuan/banjir.jpg"
    assert by_path["content/loktuan/banjir.jpg"]["other"] == "content/loktuan/Banjir.jpg"
    assert all(d.severity is Severity.ERROR for d in found)


def test_nfc_and_nfd_spellings_of_one_name_collide():
    nfc, nfd = "/kafe/caf\u00e9/", "/kafe/cafe\u0301/"
    found = check_conflicts([page_output(nfc, "article.html", origin="content/kafe/a.md", origin_line=4),
                             page_output(nfd, "article.html", origin="content/kafe/b.md", origin_line=5)])
    assert codes(found) == [("url-conflict", "content/kafe/a.md"), ("url-conflict", "content/kafe/b.md")]
    assert {d.line for d in found} == {4, 5}


def test_a_builtin_page_is_never_blamed_only_the_writer():
    found = check_conflicts([page_output("/tag/", "terms.html"),
                             page_output("/tag/", "page.html", origin="content/tag.md", origin_line=2)])
    assert len(found) == 1
    (diagnostic,) = found
    assert (diagnostic.code, diagnostic.path, diagnostic.line) == ("url-conflict", "content/tag.md", 2)
    assert diagnostic.param_dict["other"] == CONFIG_ORIGIN
    assert diagnostic.param_dict["url"] == "/tag/"
    assert diagnostic.param_dict["example"] == "tag-2"


def test_three_claimants_give_one_message_per_writer_naming_all_others():
    found = check_conflicts([page_output("/a/", "x.html"),
                             page_output("/a/", "x.html", origin="content/a.md"),
                             page_output("/A/", "x.html", origin="content/A.md")])
    assert {d.path: d.param_dict["other"] for d in found} == {
        "content/a.md": "content/A.md, site.yaml", "content/A.md": "content/a.md, site.yaml"}


def test_a_clash_between_builtin_outputs_alone_is_reported_once():
    found = check_conflicts([file_output("/feed.xml", "feed", None), file_output("/feed.xml", "page", None)])
    assert codes(found) == [("url-conflict", CONFIG_ORIGIN)]


def test_a_file_and_a_folder_of_one_name_collide():
    found = check_conflicts([copy_output("/tag", "/s/tag", "static/tag"), page_output("/tag/kim/", "term.html")])
    assert codes(found) == [("url-conflict", "static/tag")]
    assert found[0].param_dict["url"] == "/tag"


def test_a_file_and_a_folder_of_two_writers_collide_across_case_each_named():
    found = check_conflicts([copy_output("/Foto", "/s/Foto", "static/Foto"),
                             copy_output("/foto/a.jpg", "/s/a.jpg", "static/foto/a.jpg")])
    assert {d.path: (d.code, d.param_dict["other"]) for d in found} == {
        "static/Foto": ("url-conflict", "static/foto/a.jpg"), "static/foto/a.jpg": ("url-conflict", "static/Foto")}


@pytest.mark.parametrize("segment", ["..", ".", "a:b", "a\\b", "tab\there", "del\x7f", ""])
def test_unsafe_segments_are_refused(segment):
    found = check_conflicts([copy_output(f"/static/{segment}/x.jpg", "/s/x", "static/bad")])
    assert [d.code for d in found] == ["url-unsafe"]
    assert found[0].path == "static/bad"


def test_a_surrogate_in_a_name_is_unsafe_and_shown_printable():
    found = check_conflicts([copy_output("/a\udcff.jpg", "/s/x", "static/a\udcff.jpg")])
    assert [d.code for d in found] == ["url-unsafe"]
    assert "\udcff" not in found[0].path and "\ufffd" in found[0].path


def test_a_segment_longer_than_the_limit_is_too_long_and_the_message_is_cut():
    name = "a" * (MAX_SEGMENT_BYTES + 1) + ".jpg"
    found = check_conflicts([copy_output(f"/{name}", "/s/x", f"static/{name}")])
    assert [d.code for d in found] == ["url-too-long"]
    params = found[0].param_dict
    assert params["limit"] == MAX_SEGMENT_BYTES
    assert len(params["url"]) <= 80 and params["url"].endswith(".jpg")


def test_a_segment_of_exactly_the_limit_in_bytes_is_allowed_but_one_byte_more_is_not():
    two_byte = "é" * (MAX_SEGMENT_BYTES // 2)  # 200 bytes, 100 characters
    assert check_conflicts([copy_output(f"/{two_byte}", "/s/x", "static/x")]) == []
    found = check_conflicts([copy_output(f"/{two_byte}a", "/s/x", "static/x")])
    assert [d.code for d in found] == ["url-too-long"]


def test_one_message_per_unsafe_folder_and_a_writer_preferred_over_site_yaml():
    found = check_conflicts([file_output("/a:b/feed.xml", "feed", None),
                             copy_output("/a:b/x.jpg", "/s/x", "static/a:b/x.jpg"),
                             copy_output("/a:b/y.jpg", "/s/y", "static/a:b/y.jpg")])
    assert len(found) == 1
    assert (found[0].code, found[0].path, found[0].param_dict["url"]) == ("url-unsafe", "static/a:b/x.jpg", "/a:b/")


def test_unsafe_paths_stop_the_other_checks():
    found = check_conflicts([copy_output("/x:y", "/s/1", "static/x:y"),
                             copy_output("/same", "/s/2", "static/one"), copy_output("/same", "/s/3", "static/two")])
    assert [d.code for d in found] == ["url-unsafe"]


def test_an_unsafe_tag_page_is_blamed_on_its_oldest_article():
    term = Term("x", "x", "/tag/x/")
    page = Pagination(1, 1, (NEW, OLD), "/tag/x:y/", 2)
    found = check_conflicts([page_output("/tag/x:y/", "term.html", {"term": term, "pagination": page})])
    assert [(d.code, d.path) for d in found] == [("url-unsafe", OLD.source)]


def kelurahan_list(slug: str, origin: str = "content/page/_index.md", number: int = 1) -> Output:
    kel = Kelurahan(slug, slug.title(), f"/{slug}/")
    url = paginated_url(f"/{slug}/", number)
    return page_output(url, "kelurahan.html", {"kelurahan": kel, "pagination": Pagination(number, 2, (), f"/{slug}/", 11)},
                       origin)


def test_a_kelurahan_named_like_the_page_folder_is_reserved():
    found = check_conflicts([kelurahan_list("page"), kelurahan_list("page", number=2)])
    assert [(d.code, d.path, d.param_dict["folder"]) for d in found] == [
        ("kelurahan-reserved", "content/page/_index.md", "page")]


def test_a_kelurahan_folder_used_by_builtin_pages_is_reserved():
    found = check_conflicts([page_output("/tag/kim/", "term.html"), kelurahan_list("tag", origin="content/tag/")])
    assert [(d.code, d.path, d.param_dict["url"]) for d in found] == [("kelurahan-reserved", "content/tag/", "/tag/")]


def test_a_kelurahan_that_claims_a_builtin_url_outright_is_a_conflict_not_reserved():
    found = check_conflicts([page_output("/tag/", "terms.html"), page_output("/tag/kim/", "term.html"),
                             kelurahan_list("tag", origin="content/tag/")])
    assert codes(found) == [("url-conflict", "content/tag/")]


def test_an_ordinary_kelurahan_is_not_reserved():
    assert check_conflicts([page_output("/tag/kim/", "term.html"), kelurahan_list("loktuan")]) == []


# ---------------------------------------------------------------------------
# plan/pages.py: pagination, archive, sitemap, feed links
# ---------------------------------------------------------------------------

def test_paginate_splits_into_full_pages_and_a_rest():
    items = [make_article(f"loktuan/a{i}", datetime(2019, 1, i + 1, tzinfo=WITA)) for i in range(5)]
    pages = paginate(items, "/tag/kim/", 2)
    assert [page.number for page in pages] == [1, 2, 3]
    assert [len(page.items) for page in pages] == [2, 2, 1]
    assert [item for page in pages for item in page.items] == items
    assert {page.total for page in pages} == {3} and {page.total_items for page in pages} == {5}
    assert [page.url for page in pages] == ["/tag/kim/", "/tag/kim/page/2/", "/tag/kim/page/3/"]


def test_pagination_previous_and_next_links():
    first, middle, last = paginate([OLD] * 3, "/", 1)
    assert (first.previous_url, first.next_url) == (None, "/page/2/")
    assert (middle.previous_url, middle.next_url) == ("/", "/page/3/")
    assert (last.previous_url, last.next_url) == ("/page/2/", None)


def test_an_empty_list_still_has_one_empty_page():
    (page,) = paginate([], "/loktuan/", 10)
    assert (page.number, page.total, page.items, page.total_items) == (1, 1, (), 0)
    assert page.previous_url is None and page.next_url is None


def test_exactly_full_pages_make_no_empty_last_page():
    assert len(paginate([OLD] * 4, "/", 2)) == 2


def test_archive_months_are_newest_first_in_the_site_zone():
    # 23:30 UTC on 31 January is already 1 February in Makassar (UTC+8).
    boundary = make_article("loktuan/malam", datetime(2019, 1, 31, 23, 30, tzinfo=timezone.utc))
    site = make_site([OLD, NEW, boundary])
    months = archive_months(site)
    assert [(m.year, m.month) for m in months] == [(2019, 2), (2019, 1), (2018, 11)]
    assert [m.url for m in months] == ["/arsip/2019/02/", "/arsip/2019/01/", "/arsip/2018/11/"]
    assert [[a.uid for a in m.articles] for m in months] == [["loktuan/malam"], ["loktuan/pasar"], ["loktuan/banjir"]]


def test_archive_months_follow_the_month_permalink():
    config = make_config("permalinks:\n  month: /lama/{year}-{month}/\n")
    assert [m.url for m in archive_months(make_site([OLD], config))] == ["/lama/2018-11/"]


def test_archive_of_a_site_without_articles_is_empty():
    assert archive_months(make_site([])) == []


def test_sitemap_lists_html_pages_sorted_with_article_dates_and_without_the_404_page():
    updated = replace(NEW, updated=datetime(2019, 2, 1, 7, 0, tzinfo=WITA))
    site = make_site([OLD, updated])
    outputs = plan_pages(site)
    entries = sitemap_entries(site, outputs)
    urls = [url for url, _ in entries]
    assert urls == sorted(urls) and len(set(urls)) == len(urls)
    assert "/404.html" not in urls and "/robots.txt" not in urls and "/sitemap.xml" not in urls
    assert not any(url.endswith(".opml") for url in urls)
    lastmod = dict(entries)
    assert lastmod["/loktuan/banjir/"] == "2018-11-12T09:30:00+08:00"
    assert lastmod["/loktuan/pasar/"] == "2019-02-01T07:00:00+08:00"  # the update, not the first date
    assert lastmod["/"] is None and lastmod["/tag/banjir/"] is None
    expected = {o.url for o in outputs if o.kind == "page" and o.path.endswith(".html")} - {"/404.html"}
    assert set(urls) == expected


def test_plan_pages_of_a_small_site_has_no_conflicts():
    assert check_conflicts(plan_pages(make_site([OLD, NEW]))) == []


def test_feed_links_one_per_format_beside_the_list():
    links = feed_links(make_config(), "tag", "banjir", "/tag/banjir/", "Banjir")
    assert [(link.format, link.url, link.media_type) for link in links] == [
        ("rss", "/tag/banjir/feed.xml", "application/rss+xml"),
        ("atom", "/tag/banjir/atom.xml", "application/atom+xml"),
        ("json", "/tag/banjir/feed.json", "application/feed+json")]
    assert {(link.kind, link.slug, link.title, link.list_url) for link in links} == {
        ("tag", "banjir", "Kabar Uji: Banjir", "/tag/banjir/")}


def test_feed_links_of_the_site_use_the_bare_title_and_respect_kinds_and_formats():
    config = make_config("feeds:\n  kinds: [site]\n  formats: [atom]\n")
    (link,) = feed_links(config, "site", "", "/", None)
    assert (link.title, link.url) == ("Kabar Uji", "/atom.xml")
    assert feed_links(config, "tag", "banjir", "/tag/banjir/", "Banjir") == ()


# ---------------------------------------------------------------------------
# plan/feeds.py
# ---------------------------------------------------------------------------

def test_plan_feeds_gives_every_list_every_format():
    site = make_site([OLD, NEW])
    outputs = plan_feeds(site)
    # lists: site, kelurahan loktuan, rubrik berita, tags banjir + posyandu, author siti
    lists = {(o.payload.link.kind, o.payload.link.slug) for o in outputs}
    assert lists == {("site", ""), ("kelurahan", "loktuan"), ("category", "berita"), ("tag", "banjir"),
                     ("tag", "posyandu"), ("author", "siti")}
    assert len(outputs) == 3 * len(lists)
    assert all(o.kind == "feed" and o.is_builtin and o.path == o.url.lstrip("/") for o in outputs)
    by_url = {o.url: o.payload for o in outputs}
    assert [a.uid for a in by_url["/tag/banjir/feed.xml"].articles] == ["loktuan/pasar", "loktuan/banjir"]
    assert [a.uid for a in by_url["/tag/posyandu/atom.xml"].articles] == ["loktuan/banjir"]


def test_plan_feeds_keeps_the_newest_up_to_the_limit_and_describes_with_the_title():
    config = make_config("feeds:\n  limit: 1\n  kinds: [site]\n")
    outputs = plan_feeds(make_site([OLD, NEW], config))
    assert len(outputs) == 3
    assert {tuple(a.uid for a in o.payload.articles) for o in outputs} == {("loktuan/pasar",)}
    assert {o.payload.description for o in outputs} == {"Kabar Uji"}
    config = make_config("description: Berita warga\nfeeds:\n  kinds: [site]\n")
    assert {o.payload.description for o in plan_feeds(make_site([OLD], config))} == {"Berita warga"}


# ---------------------------------------------------------------------------
# outputs/feed_formats.py
# ---------------------------------------------------------------------------

def test_rss_feed_parses_with_absolute_links_and_items_newest_first():
    site = make_site([OLD, NEW])
    root = etree.fromstring(render_feed(site, feed_spec(site, "rss"), {}))
    channel = root.find("channel")
    assert channel.findtext("link") == BASE
    assert channel.find("atom:link[@rel='self']", RSS_NS).get("href") == BASE + "feed.xml"
    assert channel.findtext("language") == "id"
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [BASE + "loktuan/pasar/", BASE + "loktuan/banjir/"]
    assert [item.findtext("guid") for item in items] == [item_id(site.config, NEW), item_id(site.config, OLD)]
    assert {item.find("guid").get("isPermaLink") for item in items} == {"false"}
    assert channel.findtext("lastBuildDate") == "Sat, 05 Jan 2019 08:00:00 +0800"  # the newest item, not now
    banjir = items[1]
    assert banjir.findtext("dc:creator", namespaces=RSS_NS) == "Siti"
    assert [(c.text, c.get("domain")) for c in banjir.findall("category")] == [
        ("Berita", BASE + "rubrik/berita/"), ("Banjir", BASE + "tag/banjir/"), ("Posyandu", BASE + "tag/posyandu/")]


def test_item_id_depends_on_the_uid_and_domain_only():
    config = make_config()
    moved = replace(OLD, title="Lain", slug="lain", url="/loktuan/lain/", date=OLD.date + timedelta(days=3))
    assert item_id(config, moved) == item_id(config, OLD)
    assert item_id(config, OLD).startswith("urn:uuid:")
    assert item_id(config, replace(OLD, uid="loktuan/lain")) != item_id(config, OLD)
    assert item_id(replace(config, base_url="http://contoh.id/lain/"), OLD) == item_id(config, OLD)  # same host
    assert item_id(replace(config, base_url="https://baru.id/"), OLD) != item_id(config, OLD)
    kept = make_config("feeds:\n  id_domain: contoh.id\n")
    assert item_id(replace(kept, base_url="https://baru.id/"), OLD) == item_id(config, OLD)


def test_feeds_of_one_article_share_its_id_in_every_format():
    site = make_site([OLD])
    rss = etree.fromstring(render_feed(site, feed_spec(site, "rss"), {}))
    atom = etree.fromstring(render_feed(site, feed_spec(site, "atom"), {}))
    data = json.loads(render_feed(site, feed_spec(site, "json"), {}))
    expected = item_id(site.config, OLD)
    assert rss.findtext("channel/item/guid") == expected
    assert atom.findtext(f"{{{ATOM_NS}}}entry/{{{ATOM_NS}}}id") == expected
    assert data["items"][0]["id"] == expected


def test_atom_feed_entries_have_alternate_links_and_a_cover_enclosure():
    covered = replace(OLD, cover_url="/loktuan/foto.jpg")
    site = make_site([covered, NEW])
    root = etree.fromstring(render_feed(site, feed_spec(site, "atom"), {"/loktuan/foto.jpg": 1234}))
    assert root.findtext(f"{{{ATOM_NS}}}id") == BASE
    entries = root.findall(f"{{{ATOM_NS}}}entry")
    links = [[(link.get("rel"), link.get("href"), link.get("type"), link.get("length"))
              for link in entry.findall(f"{{{ATOM_NS}}}link")] for entry in entries]
    assert links == [
        [("alternate", BASE + "loktuan/pasar/", "text/html", None)],
        [("alternate", BASE + "loktuan/banjir/", "text/html", None),
         ("enclosure", BASE + "loktuan/foto.jpg", "image/jpeg", "1234")]]


def test_rss_enclosure_only_for_a_cover_the_site_publishes():
    covered = replace(OLD, cover_url="/loktuan/foto.png")
    site = make_site([covered])
    spec = feed_spec(site, "rss")
    enclosure = etree.fromstring(render_feed(site, spec, {"/loktuan/foto.png": 99})).find("channel/item/enclosure")
    assert (enclosure.get("url"), enclosure.get("length"), enclosure.get("type")) == (
        BASE + "loktuan/foto.png", "99", "image/png")
    assert etree.fromstring(render_feed(site, spec, {})).find("channel/item/enclosure") is None


def test_feed_text_is_escaped_and_control_characters_dropped():
    tricky = replace(OLD, title="Banjir <b>\x0bbesar</b> & surut", summary="1 < 2 & \"kutip\"\x00")
    site = make_site([tricky])
    rss = render_feed(site, feed_spec(site, "rss"), {})
    item = etree.fromstring(rss).find("channel/item")
    assert item.findtext("title") == "Banjir <b>besar</b> & surut"  # the characters, as text
    assert item.findtext("description") == "1 &lt; 2 &amp; \"kutip\""  # an HTML field: escaped once more
    parsed = feedparser.parse(rss)
    assert not parsed.bozo
    assert parsed.entries[0].title == "Banjir <b>besar</b> & surut"
    atom = etree.fromstring(render_feed(site, feed_spec(site, "atom"), {}))
    assert atom.findtext(f"{{{ATOM_NS}}}entry/{{{ATOM_NS}}}summary") == "1 < 2 & \"kutip\""
    data = json.loads(render_feed(site, feed_spec(site, "json"), {}))
    assert data["items"][0]["title"] == "Banjir <b>besar</b> & surut"


def test_cover_alt_text_is_escaped_inside_the_content():
    site = make_site([replace(OLD, cover_url="/loktuan/foto.jpg", cover_alt="Foto <banjir>")])
    data = json.loads(render_feed(site, feed_spec(site, "json"), {}))
    fragment = etree.fromstring(data["items"][0]["content_html"], etree.HTMLParser())
    (image,) = fragment.iter("img")
    assert (image.get("src"), image.get("alt")) == (BASE + "loktuan/foto.jpg", "Foto <banjir>")
    assert "<banjir>" not in data["items"][0]["content_html"]  # escaped in the markup
    assert data["items"][0]["image"] == BASE + "loktuan/foto.jpg"


def test_content_urls_of_an_assembled_site_are_absolute():
    site = assembled_site({
        "content/loktuan/banjir.md": "---\ntitle: Banjir\ndate: 2018-11-12 09:30\n---\n"
                                     "Lihat [profil](/tentang/) dan ![foto](peta.png).\n",
        "content/loktuan/peta.png": "",
        "content/tentang.md": "---\ntitle: Tentang\n---\nKami.\n",
    })
    parsed = feedparser.parse(render_feed(site, feed_spec(site, "atom"), {}))
    assert not parsed.bozo
    html = parsed.entries[0].content[0].value
    fragment = etree.fromstring(f"<div>{html}</div>", etree.HTMLParser())
    hrefs = fragment.xpath("//a/@href") + fragment.xpath("//img/@src")
    assert hrefs and all(url.startswith(BASE) for url in hrefs), hrefs
    assert BASE + "tentang/" in hrefs


def test_json_feed_fields():
    site = make_site([OLD, replace(NEW, updated=datetime(2019, 2, 1, tzinfo=WITA))], kim="KIM Loktuan")
    data = json.loads(render_feed(site, feed_spec(site, "json", "kelurahan"), {}))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert (data["title"], data["home_page_url"], data["feed_url"]) == (
        "Kabar Uji: Kelurahan Loktuan", BASE + "loktuan/", BASE + "loktuan/feed.json")
    newest, oldest = data["items"]
    assert (newest["date_published"], newest["date_modified"]) == ("2019-01-05T08:00:00+08:00",
                                                                   "2019-02-01T00:00:00+08:00")
    assert newest["authors"] == [{"name": "KIM Loktuan"}]  # no author: the kelurahan's KIM
    assert oldest["authors"] == [{"name": "Siti"}]
    assert oldest["tags"] == ["Berita", "Banjir", "Posyandu"]
    assert "image" not in oldest


def test_an_empty_feed_is_valid_and_dated_with_the_fixed_date():
    site = make_site([])
    rss = render_feed(site, feed_spec(site, "rss"), {})
    channel = etree.fromstring(rss).find("channel")
    assert channel.findall("item") == []
    assert channel.findtext("lastBuildDate") == EMPTY_FEED_DATE.strftime("%a, %d %b %Y %H:%M:%S +0000")
    assert render_feed(site, feed_spec(site, "rss"), {}) == rss  # byte-stable


def test_feed_summary_setting_puts_only_the_summary_in_the_content():
    config = make_config("feeds:\n  content: summary\n")
    site = make_site([replace(OLD, body_html="<p>Badan <em>lengkap</em>.</p>", summary="A & B")], config)
    data = json.loads(render_feed(site, feed_spec(site, "json"), {}))
    assert data["items"][0]["content_html"] == "<p>A &amp; B</p>"


# ---------------------------------------------------------------------------
# core/stamps.py
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Point:
    x: int
    y: object = None


@dataclass(frozen=True)
class OtherPoint:
    x: int
    y: object = None


VALUES = [None, True, False, 0, 1, 1.0, -1, "", "1", "a", b"a", (), ("a",), ("a", "b"), ("ab",), {"a": 1},
          {"a": "1"}, date(2018, 11, 12), datetime(2018, 11, 12), datetime(2018, 11, 12, tzinfo=WITA),
          datetime(2018, 11, 12, tzinfo=timezone(timedelta(hours=8))), timedelta(seconds=1), frozenset({"a"}),
          Point(1), OtherPoint(1), Point(1, "y"), PurePosixPath("a/b"), ("a", None), (None, "a")]


def test_stamp_is_a_fixed_size_digest_equal_for_equal_values():
    for value in VALUES:
        digest = stamp(value)
        assert isinstance(digest, bytes) and len(digest) == DIGEST_SIZE
        assert stamp(value) == digest


def test_different_values_get_different_stamps():
    digests = [stamp(value) for value in VALUES]
    assert len(set(digests)) == len(VALUES)


def test_stamp_of_equal_but_separate_values():
    assert stamp({"a": [1, ("x", None)]}) == stamp({"a": [1, ("x", None)]})
    assert stamp(Point(1, (2, 3))) == stamp(Point(1, (2, 3)))
    assert stamp(replace(OLD)) == stamp(OLD)
    assert stamp(replace(OLD, title="Lain")) != stamp(OLD)


def test_stamp_of_a_mapping_keeps_its_key_order():
    """A theme that loops over a mapping shows its order, so the order is part of the stamp."""
    assert stamp({"a": 1, "b": 2}) != stamp({"b": 2, "a": 1})
    assert not same({"a": 1, "b": 2}, {"b": 2, "a": 1})
    assert stamp({"a": 1, "b": 2}) == stamp({"a": 1, "b": 2}) and same({"a": 1, "b": 2}, {"a": 1, "b": 2})


def test_stamp_of_a_tuple_keeps_order_and_nesting():
    assert stamp(("a", "b")) != stamp(("b", "a"))
    assert stamp((("a",), "b")) != stamp(("a", ("b",)))
    assert stamp_all("a", "b") == stamp(("a", "b")) != stamp_all("b", "a")


def test_stamp_of_a_read_only_mapping_and_of_mixed_keys():
    assert stamp(MappingProxyType({"a": 1, "b": 2})) == stamp({"a": 1, "b": 2})
    assert stamp(MappingProxyType({"b": 2, "a": 1})) != stamp({"a": 1, "b": 2})
    assert stamp({1: "a", "1": "a"}) != stamp({"1": "a", 1: "a"})
    assert stamp({1: "a"}) != stamp({"1": "a"})


def test_stamp_refuses_what_it_cannot_encode():
    with pytest.raises(TypeError, match="object"):
        stamp(object())
    with pytest.raises(TypeError):
        stamp([1, object()])


def test_a_frozen_dataclass_remembers_its_stamp_and_a_list_of_them_stamps_alike():
    first, second = Point(1), Point(2)
    digest = stamp([first, second])  # a list of model objects that do not know their stamps yet
    assert "_kimpress_stamp" in first.__dict__
    assert stamp([first, second]) == digest  # now by the fast path of remembered stamps
    assert stamp([Point(1), Point(2)]) == digest  # and by digesting afresh


def test_same_agrees_with_stamp():
    pairs = [(1, 1), (1, 1.0), (1, True), ("a", "a"), ("a", "b"), ((1, "a"), (1, "a")), ((1,), (1, 2)),
             ({"a": (1,)}, {"a": (1,)}), ({"a": 1}, {"b": 1}), (Point(1), Point(1)), (Point(1), Point(2)),
             (Point(1), OtherPoint(1)), (datetime(2018, 1, 1, tzinfo=WITA), datetime(2018, 1, 1, tzinfo=WITA)),
             (datetime(2018, 1, 1, tzinfo=WITA), datetime(2018, 1, 1, tzinfo=timezone(timedelta(hours=8)))),
             (OLD, replace(OLD)), (OLD, replace(OLD, summary="x"))]
    for a, b in pairs:
        assert same(a, b) == (stamp(a) == stamp(b)), (a, b)


def test_same_is_stricter_than_equality():
    assert not same(1, 1.0) and not same(1, True) and not same(1.0, True)
    moment = datetime(2018, 1, 1, 8, tzinfo=WITA)
    assert moment == moment.astimezone(timezone.utc) and not same(moment, moment.astimezone(timezone.utc))


def test_same_tells_a_negative_zero_apart_as_stamp_does():
    assert stamp(0.0) != stamp(-0.0)
    assert not same(0.0, -0.0)


def test_reordering_a_kelurahan_contact_rebuilds_its_page_like_a_clean_build(tmp_path):
    site = tmp_path / "site"
    index = ("---\nname: Loktuan\ncontact:\n  email: kim@contoh.id\n  telepon: \"0812\"\n---\nProfil.\n")
    write_files(site, {"site.yaml": MINIMAL_CONFIG, "content/loktuan/_index.md": index,
                       "content/loktuan/banjir.md": article("Banjir")})
    builder = Builder(site, BuildOptions(now=NOW, output_dir=str(tmp_path / "out")))
    builder.build()
    reordered = index.replace('  email: kim@contoh.id\n  telepon: "0812"\n', '  telepon: "0812"\n  email: kim@contoh.id\n')
    (site / "content/loktuan/_index.md").write_text(reordered, encoding="utf-8")
    builder.build([site / "content/loktuan/_index.md"])
    build(site, BuildOptions(now=NOW, output_dir=str(tmp_path / "clean")))
    page = "loktuan/index.html"
    assert (tmp_path / "out" / page).read_bytes() == (tmp_path / "clean" / page).read_bytes()


# ---------------------------------------------------------------------------
# core/urls.py
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "slug"), [("Lok Tuan", "lok-tuan"), ("Café Ñandú", "cafe-nandu"),
                                            ("Straße", "strasse"), ("🌊 Banjir!", "banjir"), ("a -- b", "a-b"),
                                            ("Ａｂｃ", "abc"), ("x/y.z%", "x-y-z"), ("ꦧꦼꦫꦶꦠ", "ꦧꦼꦫꦶꦠ"), ("...", "")])
def test_slugify(text, slug):
    assert slugify(text) == slug
    assert slugify(slug) == slug


def test_term_slug_of_symbols_alone_is_a_stable_digest_and_of_punctuation_alone_empty():
    wave = term_slug("🌊")
    assert len(wave) == 6 and all(char in "0123456789abcdef" for char in wave)
    assert term_slug("🌊") == wave != term_slug("🔥")
    assert term_slug("!!!") == ""
    assert term_slug("  Pos  yandu ") == "pos-yandu"


@pytest.mark.parametrize(("url", "path"), [("/", "index.html"), ("", "index.html"), ("/a/b/", "a/b/index.html"),
                                           ("/a", "a/index.html"), ("/a/feed.json", "a/feed.json"),
                                           ("/v1.2/", "v1.2/index.html")])
def test_output_path_for(url, path):
    assert output_path_for(url) == path


def test_paginated_url():
    assert paginated_url("/tag/kim/", 1) == "/tag/kim/"
    assert paginated_url("/tag/kim/", 2) == "/tag/kim/page/2/"
    assert paginated_url("/", 12) == "/page/12/"


def test_site_url_adds_the_base_path_and_percent_encodes():
    assert site_url(BASE, "/loktuan/banjir/") == "/kim/loktuan/banjir/"
    assert site_url(BASE, "/kabar/ꦧ/") == "/kim/kabar/%EA%A6%A7/"
    assert site_url(BASE, "/100%/a b/") == "/kim/100%25/a%20b/"
    assert site_url("https://contoh.id/", "/a/") == "/a/"
    assert site_url(BASE, "https://lain.id/ä b") == "https://lain.id/%C3%A4%20b"


def test_absolute_url_keeps_the_sub_path_and_passes_absolute_urls_through():
    assert absolute_url(BASE, "/") == BASE
    assert absolute_url(BASE, "/loktuan/banjir/") == BASE + "loktuan/banjir/"
    assert absolute_url(BASE, "/kabar/ꦧ/") == BASE + "kabar/%EA%A6%A7/"
    assert absolute_url(BASE, "mailto:kim@contoh.id") == "mailto:kim@contoh.id"
    assert absolute_url(BASE, "//lain.id/a/") == BASE + "lain.id/a/"  # a site path, never another host


def test_absolute_url_of_a_file_whose_name_holds_a_colon():
    assert absolute_url(BASE, "/a:b.jpg") == BASE + "a:b.jpg"


# ---------------------------------------------------------------------------
# outputs/registry.py
# ---------------------------------------------------------------------------

class Reader:
    """A kind whose render reads the site fields its payload names."""

    name = "reader"

    def stamp(self, output, context):
        return b"reader"

    def render(self, output, site, context):
        for field in output.payload:
            getattr(site, field)
        return Rendered(output, b"data:" + output.url.encode())


class Declared(Reader):
    """A kind that names the fields it read itself."""

    name = "declared"

    def render(self, output, site, context):
        assert site.articles is not None
        return Rendered(output, b"x", site_fields=("pages",))


class Failing(Reader):
    name = "failing"

    def render(self, output, site, context):
        raise RenderProblem(error("template-error", "themes/x/page.html", 7, reason="boom"))


def render_context() -> RenderContext:
    return RenderContext(make_site([OLD]), theme=None)


def test_an_unknown_kind_is_a_located_diagnostic():
    output = file_output("/peta.geojson", "geojson", None, origin="content/peta.md", origin_line=3)
    rendered, diagnostic = Registry([Reader()]).render(output, render_context())
    assert rendered is None
    assert (diagnostic.code, diagnostic.path, diagnostic.line) == ("output-kind-unknown", "content/peta.md", 3)
    assert diagnostic.param_dict == {"kind": "geojson", "url": "/peta.geojson"}


def test_a_kind_registered_twice_raises():
    registry = Registry([Reader()])
    with pytest.raises(ValueError, match="reader"):
        registry.add(Reader())
    with pytest.raises(ValueError):
        Registry([Reader(), Reader()])


def test_registry_names_and_membership_keep_registration_order():
    registry = Registry([Reader(), Declared()])
    assert registry.names() == ("reader", "declared")
    assert "declared" in registry and "page" not in registry


def test_render_records_the_site_fields_read_sorted():
    output = file_output("/x.txt", "reader", ("tags", "articles", "tags", "config"))
    rendered, diagnostic = Registry([Reader()]).render(output, render_context())
    assert diagnostic is None
    assert rendered.data == b"data:/x.txt" and rendered.output is output
    assert rendered.site_fields == ("articles", "config", "tags")


def test_a_render_reading_nothing_reads_no_fields_and_declared_fields_are_kept():
    registry = Registry([Reader(), Declared()])
    rendered, _ = registry.render(file_output("/x.txt", "reader", ()), render_context())
    assert rendered.site_fields == ()
    rendered, _ = registry.render(file_output("/y.txt", "declared", None), render_context())
    assert rendered.site_fields == ("pages",)


def test_each_render_gets_a_fresh_view():
    registry = Registry([Reader()])
    context = render_context()
    registry.render(file_output("/a.txt", "reader", ("tags",)), context)
    rendered, _ = registry.render(file_output("/b.txt", "reader", ("pages",)), context)
    assert rendered.site_fields == ("pages",)


def test_a_render_problem_comes_back_as_its_diagnostic():
    rendered, diagnostic = Registry([Failing()]).render(file_output("/x", "failing", None), render_context())
    assert rendered is None
    assert (diagnostic.code, diagnostic.path, diagnostic.line) == ("template-error", "themes/x/page.html", 7)


def test_registry_stamp_is_the_kinds_stamp():
    assert Registry([Reader()]).stamp(file_output("/x", "reader", ()), None) == b"reader"


def test_site_view_records_reads_and_passes_values_through():
    site = make_site([OLD])
    view = SiteView(site)
    assert view.articles is site.articles
    assert view.kelurahan_named("loktuan") is site.kelurahan[0]
    assert view.reads == {"articles", "kelurahan_named"}
    with pytest.raises(AttributeError):
        view.nothing_here  # noqa: B018
    assert "nothing_here" in view.reads


# ---------------------------------------------------------------------------
# the Hypothesis profiles of conftest.py
# ---------------------------------------------------------------------------

def test_hypothesis_dev_profile_is_registered_and_the_profile_follows_the_environment():
    dev = settings.get_profile("dev")
    assert dev.max_examples == 10 and dev.deadline is None
    settings.get_profile("ci")  # Hypothesis's own, kept
    if "HYPOTHESIS_PROFILE" in os.environ:
        assert settings.get_current_profile_name() == os.environ["HYPOTHESIS_PROFILE"]
