"""Full-text search: the index built with the site, its text rules in Python and in cari.js, the /cari/ page.

The query logic lives in ``themes/default/static/cari.js``; these tests run it under node
against the index of a real build. Without node those tests are skipped, unless
``KIMPRESS_REQUIRE_NODE=1``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import NOW, article, build_site, parse_html

from kimpress.pipeline.build import Builder, BuildOptions
from kimpress.plan.search_text import SHARDS, forms, words

CARI_JS = Path(__file__).resolve().parent.parent / "themes/default/static/cari.js"
BASE_PATH = "/kabar/"
CONFIG = f"""\
title: Kabar Uji
base_url: https://contoh.id{BASE_PATH}
language: id
timezone: Asia/Makassar
categories:
  berita: Berita
  agenda: Agenda
  opini: Opini
wilayah:
  bontang-utara:
    name: Bontang Utara
    kelurahan:
      loktuan: {{name: Lok Tuan}}
      guntung: {{name: Guntung}}
  bontang-selatan:
    name: Bontang Selatan
    kelurahan:
      satimpo: {{name: Satimpo}}
"""

FILES = {
    "content/loktuan/2018-11-12-kerja-bakti.md": article(
        "Kerja Bakti Warga", "2018-11-12 09:30",
        "Warga RT 05 menjaga kebersihan saluran air setiap Minggu pagi.\n\nKopi di café Pak Ahmad gratis.",
        category="berita"),
    "content/loktuan/2019-02-01-posyandu.md": article(
        "Posyandu Mawar", "2019-02-01 08:00",
        "Kader menimbang balita dan memberikan imunisasi campak. Petugas mengumumkan jadwal berikutnya.",
        category="agenda"),
    "content/satimpo/2019-03-05-jalan.md": article(
        "Jalan Rusak", "2019-03-05 10:00",
        "Pembangunan jalan lingkungan dimulai. Warga bersih-bersih parit sebelum pengaspalan.",
        category="berita"),
    "content/satimpo/2019-04-01-judul.md": article(
        "Ada <script>alert('x')</script> & <b>tebal</b>", "2019-04-01 10:00",
        "Isi biasa tentang musyawarah.", category="berita"),
    "content/satimpo/2019-05-01-draf.md": article(
        "Rahasia Draf", "2019-05-01", "Kata rahasiadraf tidak boleh dicari.", draft="true"),
    "content/satimpo/2027-01-01-nanti.md": article(
        "Kabar Masa Depan", "2027-01-01", "Kata rahasianantinya belum terbit."),
}


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def index_dir(out: Path, page: str = "cari") -> Path:
    return out / page / "index"


def load_index(out: Path) -> tuple[dict, dict[str, dict[str, list[int]]]]:
    folder = index_dir(out)
    docs = json.loads((folder / "docs.json").read_text(encoding="utf-8"))
    shards = {shard: json.loads((folder / f"terms-{shard}.json").read_text(encoding="utf-8")) for shard in SHARDS}
    return docs, shards


def postings(encoded: list[int]) -> list[tuple[int, int]]:
    """(article id, in title) of a delta-encoded posting list."""
    found, number = [], 0
    for value in encoded:
        number += value >> 1
        found.append((number, value & 1))
    return found


def local_file(out: Path, href: str) -> Path:
    """The built file a root-relative link of the site leads to."""
    assert href.startswith(BASE_PATH), href
    path = out / unquote(href[len(BASE_PATH):])
    return path / "index.html" if href.endswith("/") else path


@pytest.fixture
def built(make_site):
    site = make_site(FILES, config=CONFIG)
    build_site(site)
    return site / "output"


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("KIMPRESS_REQUIRE_NODE") == "1":
            pytest.fail("node is required (KIMPRESS_REQUIRE_NODE=1) but not found")
        pytest.skip("node is not installed")
    return node


HARNESS = r"""
const fs = require("fs");
const cari = require(process.argv[2]);
const dir = process.argv[3];
const shards = {};
for (const name of fs.readdirSync(dir)) {
  const m = /^terms-(.)\.json$/.exec(name);
  if (m) shards[m[1]] = JSON.parse(fs.readFileSync(dir + "/" + name, "utf8"));
}
const docs = JSON.parse(fs.readFileSync(dir + "/docs.json", "utf8"));
const task = JSON.parse(fs.readFileSync(0, "utf8"));
const text = (row) => JSON.parse(fs.readFileSync(dir + "/text/" + row[5] + ".json", "utf8")).t;
const answer = {
  tokens: task.texts.map((t) => cari.words(t).map((w) => [w, cari.forms(w)])),
  shard: task.terms.map(cari.shardOf),
  found: task.queries.map((q) => cari.find(shards, q).map((hit) => docs.d[hit[0]][1])),
  snippets: task.snippets.map(([title, q]) => cari.snippet(text(docs.d.find((row) => row[1] === title)), q)),
};
process.stdout.write(JSON.stringify(answer));
"""


def run_node(out: Path, texts=(), terms=(), queries=(), snippets=(), tmp_path: Path | None = None) -> dict:
    node = node_or_skip()
    harness = (tmp_path or out) / "harness.js"
    harness.write_text(HARNESS, encoding="utf-8")
    task = {"texts": list(texts), "terms": list(terms), "queries": list(queries), "snippets": list(snippets)}
    done = subprocess.run([node, str(harness), str(CARI_JS), str(index_dir(out))], input=json.dumps(task),
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# ---------------------------------------------------------------------------
# the index files
# ---------------------------------------------------------------------------

def test_the_index_holds_every_published_article_once(built):
    docs, shards = load_index(built)
    urls = [row[0] for row in docs["d"]]
    assert sorted(urls) == sorted(["loktuan/kerja-bakti/", "loktuan/posyandu/", "satimpo/jalan/", "satimpo/judul/"])
    assert len(set(urls)) == len(urls)
    assert [row[4] for row in docs["d"]] == sorted((row[4] for row in docs["d"]), reverse=True)  # newest first
    for row in docs["d"]:
        assert local_file(built, BASE_PATH + row[0]).is_file()
        assert docs["k"][row[2]] in ("Lok Tuan", "Satimpo")
        assert docs["r"][row[3]] in ("Berita", "Agenda")
        text = json.loads((index_dir(built) / "text" / f"{row[5]}.json").read_text(encoding="utf-8"))
        assert set(text) == {"s", "t"} and text["t"]
    assert len(list((index_dir(built) / "text").iterdir())) == len(urls)
    # Drafts and scheduled articles are nowhere in the index.
    every_term = {term for shard in shards.values() for term in shard}
    assert not {"rahasiadraf", "rahasianantinya", "rahasiananti"} & every_term
    assert all(term.startswith(shard) or shard in "0_" for shard, terms in shards.items() for term in terms)


def test_a_word_only_in_a_body_is_indexed_for_its_article_and_titles_are_marked(built):
    docs, shards = load_index(built)
    ids = {row[1]: number for number, row in enumerate(docs["d"])}
    assert postings(shards["s"]["saluran"]) == [(ids["Kerja Bakti Warga"], 0)]
    assert (ids["Posyandu Mawar"], 1) in postings(shards["p"]["posyandu"])
    # Stems are indexed beside the words: "kebersihan" and "bersih-bersih" both give "bersih".
    assert {number for number, _ in postings(shards["b"]["bersih"])} == {ids["Kerja Bakti Warga"], ids["Jalan Rusak"]}
    assert "kebersihan" in shards["k"] and "cafe" in shards["c"]
    # Compact: no spaces, delta-encoded ascending ids.
    raw = (index_dir(built) / "terms-b.json").read_bytes()
    assert b" " not in raw and b"\n" not in raw


def test_titles_with_html_stay_text(built):
    docs, _ = load_index(built)
    titles = [row[1] for row in docs["d"]]
    assert "Ada <script>alert('x')</script> & <b>tebal</b>" in titles
    source = CARI_JS.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in source
    page = parse_html(built / "cari/index.html")
    assert not [s for s in page.iter("script") if "alert" in "".join(s.itertext())]


# ---------------------------------------------------------------------------
# the page
# ---------------------------------------------------------------------------

def test_the_search_page_has_a_form_the_script_and_a_fallback_by_kelurahan_and_rubrik(built):
    page = parse_html(built / "cari/index.html")
    form = next(f for f in page.iter("form") if f.get("data-index"))
    assert form.get("role") == "search"
    assert form.get("data-index") == f"{BASE_PATH}cari/index/" and form.get("data-base") == BASE_PATH
    assert local_file(built, form.get("data-index") + "docs.json").is_file()
    inputs = [i for i in form.iter("input") if i.get("name") == "q"]
    assert len(inputs) == 1 and inputs[0].get("type") == "search"
    label = next(form.iter("label"))
    assert label.get("for") == inputs[0].get("id")
    region = next(e for e in page.iter() if e.get("id") == form.get("data-results"))
    assert region.get("aria-live") == "polite"
    scripts = [s.get("src") for s in page.iter("script") if s.get("src")]
    [linked] = [src for src in scripts if src.split("?")[0] == f"{BASE_PATH}cari.js"]
    assert local_file(built, f"{BASE_PATH}cari.js").is_file()
    # The link carries a digest of the file, so a browser may keep it for good: a new version is a new link.
    digest = hashlib.blake2b(local_file(built, f"{BASE_PATH}cari.js").read_bytes(), digest_size=4).hexdigest()
    assert linked == f"{BASE_PATH}cari.js?v={digest}"
    lists = [ul for ul in page.iter("ul") if ul.get("class") == "search-browse"]
    assert len(lists) == 2
    links = [[(" ".join("".join(a.itertext()).split()), a.get("href")) for a in ul.iter("a")] for ul in lists]
    assert [name for name, _ in links[0]] == ["Lok Tuan", "Satimpo"]  # Guntung has no articles
    assert [name for name, _ in links[1]] == ["Berita", "Agenda"]  # Opini has none
    for _, href in links[0] + links[1]:
        assert local_file(built, href).is_file(), href
    counts = [" ".join("".join(li.itertext()).split()) for li in lists[0].iter("li")]
    assert counts == ["Lok Tuan (2 artikel)", "Satimpo (2 artikel)"]


def test_an_english_site_searches_at_search(make_site):
    config = CONFIG.replace("language: id", "language: en")
    site = make_site(FILES, config=config)
    build_site(site)
    out = site / "output"
    page = parse_html(out / "search/index.html")
    form = next(f for f in page.iter("form") if f.get("data-index"))
    assert form.get("data-index") == f"{BASE_PATH}search/index/"
    assert (out / "search/index/docs.json").is_file() and not (out / "cari").exists()


# ---------------------------------------------------------------------------
# incremental builds
# ---------------------------------------------------------------------------

def test_the_index_is_rendered_again_only_when_articles_change(make_site, tmp_path):
    theme = {"themes/warga/templates/article.html": "{% extends 'default/article.html' %}\n"}
    site = make_site({**FILES, **theme}, config=CONFIG + "theme: warga\n")
    builder = Builder(site, BuildOptions(now=NOW, output_dir=str(tmp_path / "out")))
    first = builder.build()
    index = {url for url in first.rendered if url.startswith("/cari/index/")}
    assert "/cari/index/docs.json" in index and "/cari/index/terms-s.json" in index and len(index) > 30
    # A theme template changes: articles render again, the index does not.
    template = site / "themes/warga/templates/article.html"
    template.write_text("{% extends 'default/article.html' %}\n{% block title %}X{% endblock %}\n", encoding="utf-8")
    again = builder.build(changed=[template])
    assert "/loktuan/kerja-bakti/" in again.rendered
    assert not {url for url in again.rendered if url.startswith("/cari/index/")}
    # An article's body changes: the index and that article's text render again, not the others' texts.
    source = site / "content/loktuan/2018-11-12-kerja-bakti.md"
    source.write_text(source.read_text(encoding="utf-8").replace("saluran", "selokan"), encoding="utf-8")
    third = builder.build(changed=[source])
    redone = {url for url in third.rendered if url.startswith("/cari/index/")}
    assert {"/cari/index/docs.json", "/cari/index/terms-s.json"} <= redone
    assert len([url for url in redone if "/text/" in url]) == 1
    _, shards = load_index(tmp_path / "out")
    assert "selokan" in shards["s"] and "saluran" not in shards["s"]


# ---------------------------------------------------------------------------
# the query, run by cari.js under node
# ---------------------------------------------------------------------------

WORDS = ["mengumumkan", "pembangunan", "perbaikan", "ditemukan", "kebersihan", "imunisasi", "Posyandu", "Bontang",
         "Lok Tuan", "café", "Café", "menyapu", "memukul", "menulis", "mengirim", "bersih-bersih", "membersihkan",
         "memperbaiki", "keberhasilan", "kelurahan", "kegiatannya", "diberikan", "berikan", "pemberdayaan",
         "pengajian", "sekolah", "masalah", "menikah", "bertemu", "rumahku", "bersihkanlah", "penyuluhan",
         "pendidikan", "kesehatan", "bekerja", "perumahan", "mengikuti", "diikuti", "RT 05", "2024", "İstanbul",
         "ΟΔΟΣ", "naïve", "ﬁlm", "日本語", "Jum'at", "x y z", "di ke dari", "Ikan-ikan", "memakan", "menanam"]


def test_javascript_and_python_see_the_same_words(built, tmp_path):
    texts = WORDS + [json.loads(p.read_text(encoding="utf-8"))["t"] for p in (index_dir(built) / "text").iterdir()]
    answer = run_node(built, texts=texts, terms=["abc", "zeta", "0x", "9", "éa", "日本", "_x"], tmp_path=tmp_path)
    assert answer["tokens"] == [[[word, list(forms(word))] for word in words(text)] for text in texts]
    assert answer["shard"] == ["a", "z", "0", "0", "_", "_", "_"]


def test_javascript_finds_body_words_affixed_forms_diacritics_and_prefixes(built, tmp_path):
    queries = ["saluran", "membersihkan", "bersih", "cafe", "CAFÉ", "imuni", "imunisasi", "campak kader",
               "saluran pembangunan", "Lok Tuan", "tidakadakatainiyaa", "", "yang", "umumkan", "diumumkan",
               "bangun", "Mawar posyandu", "warga"]
    found = dict(zip(queries, run_node(built, queries=queries, tmp_path=tmp_path)["found"]))
    assert found["saluran"] == ["Kerja Bakti Warga"]  # only in a body
    assert found["membersihkan"] == ["Jalan Rusak", "Kerja Bakti Warga"]  # "bersih-bersih", "kebersihan"
    assert found["bersih"] == found["membersihkan"]
    assert found["cafe"] == found["CAFÉ"] == ["Kerja Bakti Warga"]
    assert found["imuni"] == found["imunisasi"] == ["Posyandu Mawar"]  # the last word as a prefix
    assert found["campak kader"] == ["Posyandu Mawar"]
    assert found["saluran pembangunan"] == []  # every word must match
    assert found["Lok Tuan"] == ["Posyandu Mawar", "Kerja Bakti Warga"]  # the kelurahan's name, newest first
    assert found["tidakadakatainiyaa"] == found[""] == found["yang"] == []
    assert found["umumkan"] == found["diumumkan"] == ["Posyandu Mawar"]  # "mengumumkan"
    assert found["bangun"] == ["Jalan Rusak"]  # "pembangunan"
    # Title hits first, then newest.
    assert found["Mawar posyandu"] == ["Posyandu Mawar"]
    assert found["warga"] == ["Kerja Bakti Warga", "Jalan Rusak"]


def test_javascript_snippets_mark_the_matched_word(built, tmp_path):
    snippets = [["Kerja Bakti Warga", "membersihkan"], ["Kerja Bakti Warga", "cafe"], ["Posyandu Mawar", "imun"],
                ["Kerja Bakti Warga", "Mawar"]]
    got = run_node(built, snippets=snippets, tmp_path=tmp_path)["snippets"]
    marked = [[text for text, mark in parts if mark] if parts else None for parts in got]
    assert marked == [["kebersihan"], ["café"], ["imunisasi"], None]
    assert "".join(text for text, _ in got[0]).startswith("Warga RT 05 menjaga kebersihan")
