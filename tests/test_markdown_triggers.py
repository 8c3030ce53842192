"""Leaving out inline patterns a body cannot trigger never changes the HTML.

Every body is rendered twice, with kimpress's renderer as it is and with the
trigger step taken out (Python-Markdown trying every pattern), and the two
results must be equal in every field.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kimpress.markdown.convert import MarkdownRenderer
from kimpress.markdown.triggers import TRIGGERS

PIECES = ["*", "**", "_", "__", "`", "``", "\\", "[", "]", "(", ")", "![", "[^1]", "[^1]: catatan", "<", ">", "&",
          "&amp;", "&#42;", "  \n", "\t\n", "\n", "\n\n", "# ", "- ", "1. ", "> ", "    ", "|", "---", ":", "~~~",
          "```", "{#id}", "*[KIM]: Kelompok", "KIM", "<b>", "</b>", "<http://a.id>", "<a@b.id>", "kata", " ", "é",
          "[tautan](x.md)", "[ref]", "[ref]: /y/", "\x02", "klzzwxh:1"]


def _pair() -> tuple[MarkdownRenderer, MarkdownRenderer]:
    fast = MarkdownRenderer()
    every = MarkdownRenderer()
    every._md.treeprocessors.deregister("kimpress_inline_triggers")
    return fast, every


FAST, EVERY = _pair()


def _same(text: str) -> None:
    def resolve(href: str) -> str:
        return "/situs/" + href

    assert FAST.render(text, resolve) == EVERY.render(text, resolve)


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_mix_of_trigger_characters_renders_the_same(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("text", [
    "Teks biasa tanpa tanda apa pun.",
    "Baris\tdengan tab\t\nlalu baris baru",  # tabs become spaces before the inline stage: a line break
    "Kode `x` dan \\*bukan miring\\*",
    "> kutipan *miring\n> terus* di sini",
    "| a | b |\n| --- | --- |\n| **tebal** | [t](x.md) |",
    "Catatan[^1].\n\n[^1]: Isi *catatan* dengan <b>tebal</b> &amp; tautan <http://a.id>.",
    "*[KIM]: Kelompok Informasi Masyarakat\n\nKIM hadir.",
])
def test_bodies_that_reach_each_pattern_render_the_same(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("text", [
    "Teks[^1].\n\n[^1]: catatan",
    "Ada `kode` di sini.",
    "Tautan <https://kim.example.id/> dan &amp;.",
])
def test_a_new_renderer_gets_its_very_first_body_right(text: str) -> None:
    """The first body a renderer (a worker's, say) converts, while Python-Markdown's registry is not yet sorted."""
    fresh = MarkdownRenderer()
    every = MarkdownRenderer()
    every._md.treeprocessors.deregister("kimpress_inline_triggers")
    assert fresh.render(text) == every.render(text)


def test_a_pattern_kimpress_does_not_know_always_runs() -> None:
    renderer = MarkdownRenderer()
    md = renderer._md
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    md.inlinePatterns.register(SimpleTagInlineProcessor(r"(==)(.+?)==", "mark"), "plugin_mark", 65)
    assert "plugin_mark" not in TRIGGERS
    assert "<mark>penting</mark>" in renderer.render("Ini ==penting== sekali.").html
