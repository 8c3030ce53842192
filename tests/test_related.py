"""Related articles on an article page: shared tags count most, then the same kelurahan, then the rubrik."""

from __future__ import annotations

from conftest import article, build_site, parse_html

from kimpress.plan.related import RelatedArticles


def related_links(page) -> list[str]:
    """The article links of the "related" section, in order."""
    section = next(element for element in page.iter("section") if "related" in (element.get("class") or "").split())
    return list(dict.fromkeys(a.get("href") for a in section.iter("a") if a.get("href", "").count("/") == 4))


def test_related_articles_rank_shared_tags_then_kelurahan_and_never_the_article_itself(make_site) -> None:
    site = make_site({
        "content/satimpo/2024-05-01-a.md": article("Banjir di Satimpo", "2024-05-01", tags="[banjir, drainase]"),
        "content/loktuan/2024-05-02-b.md": article("Banjir di Lok Tuan", "2024-05-02", tags="[banjir, drainase]"),
        "content/loktuan/2024-05-03-c.md": article("Drainase Baru", "2024-05-03", tags="[drainase]"),
        "content/satimpo/2024-05-04-d.md": article("Posyandu Satimpo", "2024-05-04"),
        "content/tanjung-laut/2024-05-05-e.md": article("Lomba Perahu", "2024-05-05", tags="[lomba]"),
    })
    result = build_site(site)
    a = next(item for item in result.site.articles if item.title == "Banjir di Satimpo")
    titles = [item.title for item in RelatedArticles(result.site).of(a)]
    assert titles == ["Banjir di Lok Tuan", "Drainase Baru", "Posyandu Satimpo"]
    page = parse_html(result.config.output_dir / "satimpo/a/index.html")
    assert related_links(page)[:3] == ["/kim/loktuan/b/", "/kim/loktuan/c/", "/kim/satimpo/d/"]
