"""Cek fakta: verdicts in front matter, the page's badge, prefix, claim and sources, the list, its feeds,
the ClaimReview, and the demo's fact checks. Tiny real sites are built and their output parsed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from conftest import MINIMAL_CONFIG, build_site, parse_html

from kimpress.core.errors import KimpressError
from kimpress.core.wording import format_diagnostic
from kimpress.model.factcheck import VERDICT_ALIASES, VERDICTS, match_verdict, split_title_prefix
from kimpress.theme.claimreview import claim_review

REPO = Path(__file__).resolve().parent.parent
BASE = "https://contoh.id/kim/"
P = "content/satimpo/2018-12-27-tsunami.md"
CONFIG = MINIMAL_CONFIG + "categories:\n  berita: Berita\n  cek-fakta: Cek Fakta\n"
THEMED = CONFIG + "theme: uji\n"
# A standalone article template calling the partial's macros as the default theme does.
ARTICLE_TEMPLATE = """\
{% import "partials/factcheck.html" as fc %}
<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{{ fc.verdict_prefix(article) }}{{ article.title }} · {{ config.title }}</title></head>
<body><article><h1>{{ fc.verdict_prefix(article) }}{{ article.title }}</h1>
{{ fc.verdict_badge(article) }}
{{ fc.claim_block(article) }}
<div class="article-body">{{ article.body_html|safe }}</div>
{{ fc.sources_block(article) }}
</article></body></html>
"""
HOAX = """\
---
title: "[HOAKS] Peringatan Tsunami untuk Pesisir Bontang Malam Ini"
date: 2018-12-27 16:20
rubrik: cek-fakta
verdict: hoaks
klaim: BMKG mengeluarkan peringatan tsunami untuk pesisir Bontang malam ini.
beredar_di:
  - WhatsApp
  - Facebook | https://facebook.com/groups/warga/posts/1
tanggal_beredar: 2018-12-26
rujukan:
  - https://example.id/bmkg/peringatan-dini-tsunami
  - BPBD Kota Bontang | https://example.id/bpbd/imbauan
  - {title: Penjelasan BMKG, url: "https://example.id/bmkg/penjelasan"}
---
Tidak ada peringatan tsunami di kanal resmi BMKG.
"""


def fact_check(title: str = "Judul", date: str = "2018-12-27 16:20", body: str = "Penjelasan.", **fields: str) -> str:
    lines = ["---", f'title: "{title}"', f"date: {date}", *(f"{key}: {value}" for key, value in fields.items()),
             "---", body, ""]
    return "\n".join(lines)


def failing(site: Path) -> list:
    with pytest.raises(KimpressError) as caught:
        build_site(site)
    return caught.value.diagnostics


def only(diagnostics, code: str):
    [found] = [d for d in diagnostics if d.code == code]
    return found


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def classes(element) -> list[str]:
    return (element.get("class") or "").split()


def themed_site(make_site, files: dict[str, str]):
    return make_site({"themes/uji/templates/article.html": ARTICLE_TEMPLATE, **files}, config=THEMED)


# --- verdicts ---------------------------------------------------------------------

def test_every_verdict_builds_with_its_label_prefix_and_rating(make_site):
    files = {f"content/satimpo/2018-12-{index + 1:02d}-cek-{slug}.md": fact_check(f"Klaim {slug}",
                                                                              f"2018-12-{index + 1:02d}",
                                                                              rubrik="cek-fakta", verdict=slug)
             for index, slug in enumerate(VERDICTS)}
    result = build_site(make_site(files, config=CONFIG))
    assert result.warnings == []
    found = {article.factcheck.verdict: article.factcheck for article in result.site.factchecks}
    assert set(found) == set(VERDICTS)
    for slug, verdict in VERDICTS.items():
        check = found[slug]
        assert (check.label, check.prefix, check.rating) == (verdict.label_id, verdict.label_id.upper(),
                                                             verdict.rating)
        assert 1 <= check.rating <= 5
    assert found["hoaks"].prefix == "HOAKS" and found["sebagian-benar"].prefix == "SEBAGIAN BENAR"
    assert (found["hoaks"].rating, found["sebagian-benar"].rating, found["benar"].rating) == (1, 3, 5)
    # newest first
    assert [a.date for a in result.site.factchecks] == sorted((a.date for a in result.site.factchecks), reverse=True)


@pytest.mark.parametrize("typed, slug", [
    ("HOAKS", "hoaks"), ("hoax", "hoaks"), ("Hoaks", "hoaks"), ("[HOAKS]", "hoaks"), ("salah", "hoaks"),
    ("keliru", "hoaks"), ("Sebagian benar", "sebagian-benar"), ("sebagian-benar", "sebagian-benar"),
    ("DISINFORMASI", "disinformasi"), ("Satire/Parodi", "satire"), ("parodi", "satire"), ("fakta", "benar"),
    ("konteks yang salah", "konteks-keliru"), ("misleading", "konten-menyesatkan"), ("tiruan", "konten-tiruan"),
])
def test_verdicts_as_writers_type_them(typed, slug):
    assert match_verdict(typed) == slug


def test_every_alias_names_a_verdict():
    assert set(VERDICT_ALIASES.values()) <= set(VERDICTS)
    assert not set(VERDICT_ALIASES) & set(VERDICTS)


@pytest.mark.parametrize("key", ["verdict", "label", "penilaian"])
def test_an_alias_key_and_an_alias_value_work_in_front_matter(make_site, key):
    site = make_site({P: fact_check("Klaim", rubrik="cek-fakta", **{key: '"Sebagian Benar"'})}, config=CONFIG)
    result = build_site(site)
    assert result.warnings == []
    assert result.site.articles[0].factcheck.verdict == "sebagian-benar"


def test_unknown_verdict_is_an_error_at_its_line_with_the_choices_and_a_suggestion(make_site):
    site = make_site({P: fact_check("Klaim", rubrik="cek-fakta", verdict="hoks")}, config=CONFIG)
    problem = only(failing(site), "unknown-verdict")
    assert problem.is_error and (problem.path, problem.line) == (P, 5)
    params = problem.param_dict
    assert params["value"] == "hoks" and params["suggestion"] == "hoaks"
    assert {"hoaks", "disinformasi", "sebagian-benar", "benar"} <= set(params["choices"].split(", "))
    message = format_diagnostic(problem, "id")
    assert message.startswith(f"{P}:5: ") and "hoks" in message and "Maksud Anda `hoaks`?" in message
    assert "Traceback" not in message


def test_a_fact_check_without_verdict_is_a_warning_and_still_builds(make_site):
    site = make_site({P: fact_check("Klarifikasi lama", rubrik="cek-fakta")}, config=CONFIG)
    result = build_site(site)
    [problem] = result.warnings
    assert (problem.code, problem.path, problem.line) == ("factcheck-no-verdict", P, 4)
    assert "hoaks" in problem.param_dict["choices"]
    assert result.site.articles[0].factcheck is None and result.site.factchecks == ()
    assert (site / "output/satimpo/tsunami/index.html").is_file()


def test_a_verdict_outside_the_rubrik_is_a_warning_and_still_a_fact_check(make_site):
    site = make_site({P: fact_check("Klaim", rubrik="berita", verdict="hoaks")}, config=CONFIG)
    result = build_site(site)
    [problem] = result.warnings
    assert (problem.code, problem.path, problem.line) == ("factcheck-outside-rubrik", P, 5)
    assert result.site.factchecks[0].factcheck.verdict == "hoaks"


def test_a_source_that_is_no_link_is_an_error_at_its_own_line(make_site):
    body = HOAX.replace("  - BPBD Kota Bontang | https://example.id/bpbd/imbauan", "  - kata Pak RT")
    site = make_site({P: body}, config=CONFIG)
    problem = only(failing(site), "factcheck-source-not-url")
    assert (problem.path, problem.line) == (P, 13)
    assert problem.param_dict["value"] == "kata Pak RT"
    assert format_diagnostic(problem, "id").startswith(f"{P}:13: ")


def test_an_unreadable_claim_date_is_an_error_at_its_line(make_site):
    site = make_site({P: HOAX.replace("tanggal_beredar: 2018-12-26", "tanggal_beredar: kemarin")}, config=CONFIG)
    problem = only(failing(site), "date-unreadable")
    assert (problem.path, problem.line, problem.param_dict["key"]) == (P, 10, "tanggal_beredar")


def test_the_front_matter_of_a_fact_check_is_read_in_every_form(make_site):
    result = build_site(make_site({P: HOAX}, config=CONFIG))
    assert result.warnings == []
    [article] = result.site.factchecks
    check = article.factcheck
    assert article.title == "Peringatan Tsunami untuk Pesisir Bontang Malam Ini"
    assert check.claim == "BMKG mengeluarkan peringatan tsunami untuk pesisir Bontang malam ini."
    assert check.appearances == (("WhatsApp", None), ("Facebook", "https://facebook.com/groups/warga/posts/1"))
    assert check.first_seen.date().isoformat() == "2018-12-26" and not check.first_seen_has_time
    bmkg = "https://example.id/bmkg/peringatan-dini-tsunami"
    assert check.sources == (("example.id/bmkg/peringatan-dini-tsunami", bmkg),
                             ("BPBD Kota Bontang", "https://example.id/bpbd/imbauan"),
                             ("Penjelasan BMKG", "https://example.id/bmkg/penjelasan"))


def test_an_article_that_is_no_fact_check_keeps_its_own_sumber(make_site):
    site = make_site({P: fact_check("Kerja bakti", rubrik="berita", sumber="Humas Pemkot Bontang")}, config=CONFIG)
    result = build_site(site)
    assert result.warnings == []
    [article] = result.site.articles
    assert article.factcheck is None and article.extra["sumber"] == "Humas Pemkot Bontang"


@pytest.mark.parametrize("title, verdict, kept, warned", [
    ("[HOAKS] Judul", "hoaks", "Judul", False),
    ("[Hoax]: Judul", "hoaks", "Judul", False),
    ("[DISINFORMASI] Judul", "hoaks", "Judul", True),
    ("[FOTO] Judul", "hoaks", "[FOTO] Judul", False),
    ("[HOAKS] Judul", None, "Judul", False),  # the rubrik and the typed prefix say it all
])
def test_a_typed_prefix_leaves_the_title(make_site, title, verdict, kept, warned):
    fields = {"rubrik": "cek-fakta", **({"verdict": verdict} if verdict else {})}
    result = build_site(make_site({P: fact_check(title, **fields)}, config=CONFIG))
    [article] = result.site.articles
    assert article.title == kept and article.factcheck.verdict == "hoaks"
    assert [d.code for d in result.warnings] == (["factcheck-title-prefix-differs"] if warned else [])


def test_split_title_prefix_keeps_a_title_that_is_only_a_prefix():
    assert split_title_prefix("[HOAKS]") == ("[HOAKS]", None, "")
    assert split_title_prefix("[Sebagian Benar] Air mati") == ("Air mati", "sebagian-benar", "Sebagian Benar")


# --- the article page (through the macros) -----------------------------------------

def test_the_page_shows_prefix_once_badge_claim_and_sources(make_site):
    site = themed_site(make_site, {P: HOAX})
    assert build_site(site).warnings == []
    page = parse_html(site / "output/satimpo/tsunami/index.html")
    title = text(page.find(".//title"))
    h1 = text(page.find(".//h1"))
    assert title == "[HOAKS] Peringatan Tsunami untuk Pesisir Bontang Malam Ini · Kabar Uji"
    assert h1 == "[HOAKS] Peringatan Tsunami untuk Pesisir Bontang Malam Ini"
    badges = [span for span in page.iter("span") if "verdict" in classes(span)]
    assert badges and all(classes(span)[:2] == ["verdict", "verdict-hoaks"] and text(span) == "Hoaks"
                          for span in badges)
    [claim] = [s for s in page.iter("section") if "factcheck-claim" in classes(s)]
    assert text(claim.find("h2")) == "Narasi"
    assert text(claim.find("blockquote")) == "BMKG mengeluarkan peringatan tsunami untuk pesisir Bontang malam ini."
    assert "WhatsApp" in text(claim) and "26 Desember 2018" in text(claim)
    [fb] = [a for a in claim.iter("a")]
    assert fb.get("href") == "https://facebook.com/groups/warga/posts/1" and fb.get("rel") == "nofollow noopener"
    [explanation] = [h for h in page.iter("h2") if "factcheck-explanation" in classes(h)]
    assert text(explanation) == "Penjelasan"
    [sources] = [s for s in page.iter("section") if "factcheck-sources" in classes(s)]
    assert text(sources.find("h2")) == "Rujukan"
    links = [(text(a), a.get("href"), a.get("rel")) for a in sources.iter("a")]
    assert links == [("example.id/bmkg/peringatan-dini-tsunami", "https://example.id/bmkg/peringatan-dini-tsunami",
                      "nofollow noopener"),
                     ("BPBD Kota Bontang", "https://example.id/bpbd/imbauan", "nofollow noopener"),
                     ("Penjelasan BMKG", "https://example.id/bmkg/penjelasan", "nofollow noopener")]


def test_an_ordinary_article_shows_none_of_it(make_site):
    site = themed_site(make_site, {P: fact_check("Kerja bakti", rubrik="berita")})
    build_site(site)
    page = parse_html(site / "output/satimpo/tsunami/index.html")
    assert text(page.find(".//h1")) == "Kerja bakti"
    assert not [e for e in page.iter() if any(c.startswith(("verdict", "factcheck")) for c in classes(e))]


def test_an_english_site_says_it_in_english(make_site):
    config = THEMED.replace("language: id", "language: en")
    site = make_site({"themes/uji/templates/article.html": ARTICLE_TEMPLATE, P: HOAX}, config=config)
    build_site(site)
    page = parse_html(site / "output/satimpo/tsunami/index.html")
    assert text(page.find(".//h1")).startswith("[HOAX] Peringatan")
    assert [text(s.find("h2")) for s in page.iter("section")] == ["The claim", "Sources"]


# --- the list page and its feeds ----------------------------------------------------------

def three_checks() -> dict[str, str]:
    return {
        "content/satimpo/2018-12-01-a.md": fact_check("Bantuan lewat tautan", "2018-12-01", rubrik="cek-fakta",
                                                      verdict="penipuan", klaim="Daftar bantuan lewat tautan."),
        "content/loktuan/2018-12-02-b.md": fact_check("Air mati sepekan", "2018-12-02", rubrik="cek-fakta",
                                                      verdict='"sebagian benar"'),
        "content/loktuan/2018-12-03-c.md": fact_check("Tsunami malam ini", "2018-12-03", rubrik="cek-fakta",
                                                      verdict="hoaks"),
        "content/loktuan/2018-12-04-d.md": fact_check("Kerja bakti", "2018-12-04", rubrik="berita"),
    }


def test_the_list_page_shows_every_fact_check_newest_first_with_badge_and_prefix(make_site):
    site = make_site(three_checks(), config=CONFIG + "paginate: 2\n")
    assert build_site(site).warnings == []
    first = parse_html(site / "output/cek-fakta/index.html")
    second = parse_html(site / "output/cek-fakta/page/2/index.html")
    assert text(first.find(".//h1")) == "Cek Fakta"
    assert text(first.find(".//title")).startswith("Cek Fakta · Kabar Uji")
    cards = [li for page in (first, second) for li in page.iter("li") if "card" in classes(li)]
    headings = [text(li.find(".//a")) for li in cards]
    assert headings == ["[HOAKS] Tsunami malam ini", "[SEBAGIAN BENAR] Air mati sepekan",
                        "[PENIPUAN] Bantuan lewat tautan"]
    assert [classes(li.find(".//span"))[1] for li in cards] == ["verdict-hoaks", "verdict-sebagian-benar",
                                                               "verdict-penipuan"]
    assert "Daftar bantuan lewat tautan." in text(cards[2])


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_the_list_feeds_carry_the_prefix_and_absolute_links(make_site, name):
    site = make_site(three_checks(), config=CONFIG)
    build_site(site)
    feed = feedparser.parse((site / "output/cek-fakta" / name).read_bytes())
    assert not feed.bozo
    assert feed.feed.title == "Kabar Uji: Cek Fakta"
    assert [entry.title for entry in feed.entries] == ["[HOAKS] Tsunami malam ini",
                                                       "[SEBAGIAN BENAR] Air mati sepekan",
                                                       "[PENIPUAN] Bantuan lewat tautan"]
    assert [entry.link for entry in feed.entries] == [BASE + "loktuan/c/", BASE + "loktuan/b/", BASE + "satimpo/a/"]
    # every feed shows the prefix: a hoax's headline is never shown bare
    site_feed = feedparser.parse((site / "output/feed.xml").read_bytes())
    assert "[HOAKS] Tsunami malam ini" in [entry.title for entry in site_feed.entries]
    assert "Kerja bakti" in [entry.title for entry in site_feed.entries]


def test_the_json_feed_of_the_list(make_site):
    site = make_site(three_checks(), config=CONFIG)
    build_site(site)
    feed = json.loads((site / "output/cek-fakta/feed.json").read_text(encoding="utf-8"))
    assert feed["title"] == "Kabar Uji: Cek Fakta" and feed["home_page_url"] == BASE + "cek-fakta/"
    assert [item["title"] for item in feed["items"]][0] == "[HOAKS] Tsunami malam ini"
    assert all(item["url"].startswith(BASE) for item in feed["items"])


def test_a_site_without_fact_checks_has_no_list(make_site):
    site = make_site({P: fact_check("Kerja bakti", rubrik="berita")}, config=CONFIG)
    build_site(site)
    assert not (site / "output/cek-fakta").exists()


def test_a_kelurahan_named_cek_fakta_clashes_with_the_list(make_site):
    site = make_site({"content/cek-fakta/2018-12-01-a.md": fact_check("A", rubrik="cek-fakta", verdict="hoaks")},
                     config=CONFIG)
    diagnostics = failing(site)
    assert {d.code for d in diagnostics} & {"url-conflict", "kelurahan-reserved"}
    assert all(d.path for d in diagnostics)


# --- ClaimReview ---------------------------------------------------------------------

def test_claim_review_names_the_claim_the_rating_where_and_when(make_site):
    site = make_site({P: HOAX, "content/satimpo/_index.md": "---\nname: Satimpo\nkim: KIM Info Sigap\n---\n"},
                     config=CONFIG)
    result = build_site(site)
    [article] = result.site.factchecks
    absolute = lambda url: BASE + url.lstrip("/")  # noqa: E731
    publisher = {"@type": "Organization", "name": "Kabar Uji", "url": BASE}
    review = claim_review(article, result.config, absolute, publisher)
    assert review["@type"] == "ClaimReview" and review["url"] == BASE + "satimpo/tsunami/"
    assert review["claimReviewed"] == "BMKG mengeluarkan peringatan tsunami untuk pesisir Bontang malam ini."
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                                      "alternateName": "Hoaks"}
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2018-12-26"
    assert item["appearance"] == [{"@type": "CreativeWork", "name": "WhatsApp"},
                                  {"@type": "CreativeWork", "name": "Facebook",
                                   "url": "https://facebook.com/groups/warga/posts/1"}]
    assert item["firstAppearance"] == item["appearance"][0]
    assert review["author"] == publisher
    assert review["datePublished"].startswith("2018-12-27T16:20:00")
    kel = result.site.kelurahan_named("satimpo")
    with_kim = claim_review(article, result.config, absolute, publisher, kel)
    assert with_kim["author"] == {"@type": "Organization", "name": "KIM Info Sigap", "url": BASE + "satimpo/"}
    json.dumps(review)  # plain data only
    assert claim_review(result.site.kelurahan_named("satimpo"), result.config, absolute, publisher) == {}


def test_claim_review_of_a_check_without_claim_reviews_the_title(make_site):
    result = build_site(make_site({P: fact_check("[HOAKS] Tsunami malam ini", rubrik="cek-fakta")}, config=CONFIG))
    [article] = result.site.factchecks
    review = claim_review(article, result.config, lambda url: BASE + url.lstrip("/"), {"@type": "Organization"})
    assert review["claimReviewed"] == "Tsunami malam ini"
    assert review["itemReviewed"] == {"@type": "Claim"}


# --- the demo -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    site = tmp_path_factory.mktemp("demo") / "site"
    site.mkdir()
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    shutil.copytree(REPO / "content", site / "content")
    if (REPO / "static").is_dir():
        shutil.copytree(REPO / "static", site / "static")
    return site


def test_the_demo_fact_checks_build_without_warnings(demo):
    result = build_site(demo)
    checks = result.site.factchecks
    assert len(checks) >= 3 and len({a.factcheck.verdict for a in checks}) >= 3
    # The page budget is the theme's (every demo article is near it); nothing else may be said of these files.
    assert not [d for d in result.warnings if d.code != "page-over-budget" and any(d.path == a.source for a in checks)]
    for article in checks:
        check = article.factcheck
        assert check.claim and check.sources and check.appearances and check.first_seen, article.source
        assert not article.title.startswith("["), article.source
        assert "Narasi:" not in article.body_html and "Sumber:" not in article.body_html
    cards = [li for li in parse_html(demo / "output/cek-fakta/index.html").iter("li") if "card" in classes(li)]
    assert len(cards) == len(checks)


def test_the_page_carries_the_claim_review_in_its_json_ld(make_site):
    site = make_site({P: HOAX, "content/satimpo/_index.md": "---\nname: Satimpo\nkim: KIM Info Sigap\n---\n"},
                     config=CONFIG)
    build_site(site)
    page = parse_html(site / "output/satimpo/tsunami/index.html")
    items = []
    for script in page.iter("script"):
        if script.get("type") == "application/ld+json":
            data = json.loads(script.text)
            items += data if isinstance(data, list) else [data]
    [review] = [item for item in items if item.get("@type") == "ClaimReview"]
    assert review["reviewRating"]["alternateName"] == "Hoaks" and review["reviewRating"]["ratingValue"] == 1
    assert review["itemReviewed"]["appearance"][0]["name"] == "WhatsApp"
    assert review["author"]["name"] == "KIM Info Sigap"
    assert review["claimReviewed"] and review["datePublished"].startswith("2018-12-27")
    [news] = [item for item in items if item.get("@type") == "NewsArticle"]
    assert news["headline"] == "[HOAKS] Peringatan Tsunami untuk Pesisir Bontang Malam Ini"
