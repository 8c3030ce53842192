"""Unit tests of the date parser/formatter (kimpress.dates) and the URL helpers (kimpress.urls)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kimpress.core.dates import (
    DateProblem,
    format_date,
    format_month,
    format_short_date,
    get_zone,
    iso_date,
    parse_when,
)
from kimpress.core.urls import (
    absolute_url,
    base_path,
    encode_path,
    expand_permalink,
    output_path_for,
    paginated_url,
    site_url,
    slugify,
)

WITA = get_zone("Asia/Makassar")
WIB = get_zone("Asia/Jakarta")
WIT = get_zone("Asia/Jayapura")


def offset(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


# ---------------------------------------------------------------------------
# parse_when: every form a writer may type
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected", "has_time"), [
    ("2018-11-12", datetime(2018, 11, 12, 0, 0, tzinfo=offset(8)), False),
    ("2018-11-12 09:30", datetime(2018, 11, 12, 9, 30, tzinfo=offset(8)), True),
    ("2018-11-12T09:30", datetime(2018, 11, 12, 9, 30, tzinfo=offset(8)), True),
    ("2018-11-12 09:30:15", datetime(2018, 11, 12, 9, 30, 15, tzinfo=offset(8)), True),
    ("2018-11-12T09:30:00+08:00", datetime(2018, 11, 12, 9, 30, tzinfo=offset(8)), True),
    ("2018-11-12T09:30:00+07:00", datetime(2018, 11, 12, 9, 30, tzinfo=offset(7)), True),
    ("2018-11-12T09:30:00+0900", datetime(2018, 11, 12, 9, 30, tzinfo=offset(9)), True),
    ("2018-11-12T09:30:00-03:30", datetime(2018, 11, 12, 9, 30, tzinfo=timezone(-timedelta(hours=3, minutes=30))),
     True),
    ("2018-11-12T01:30:00Z", datetime(2018, 11, 12, 1, 30, tzinfo=timezone.utc), True),
    ("2018-11-12T01:30:00z", datetime(2018, 11, 12, 1, 30, tzinfo=timezone.utc), True),
    ("2018-11-12 09:30 WIB", datetime(2018, 11, 12, 9, 30, tzinfo=offset(7)), True),
    ("2018-11-12 09:30 WIT", datetime(2018, 11, 12, 9, 30, tzinfo=offset(9)), True),
    ("12/11/2018 09.30", datetime(2018, 11, 12, 9, 30, tzinfo=offset(8)), True),
    ("12/11/2018", datetime(2018, 11, 12, tzinfo=offset(8)), False),
    ("12-11-2018", datetime(2018, 11, 12, tzinfo=offset(8)), False),
    ("1/2/2019 7.05", datetime(2019, 2, 1, 7, 5, tzinfo=offset(8)), True),  # day first, as Indonesians write
    ("12 Nopember 2018", datetime(2018, 11, 12, tzinfo=offset(8)), False),
    ("12 November 2018", datetime(2018, 11, 12, tzinfo=offset(8)), False),
    ("12 nov 2018", datetime(2018, 11, 12, tzinfo=offset(8)), False),
    ("12 Nov. 2018", datetime(2018, 11, 12, tzinfo=offset(8)), False),
    ("5 Pebruari 2019", datetime(2019, 2, 5, tzinfo=offset(8)), False),
    ("17 Agustus 1995", datetime(1995, 8, 17, tzinfo=offset(8)), False),
    ("1 Mei 2019", datetime(2019, 5, 1, tzinfo=offset(8)), False),
    ("24 Desember 2018", datetime(2018, 12, 24, tzinfo=offset(8)), False),
    ("Senin, 12 November 2018 pukul 09.30 WITA", datetime(2018, 11, 12, 9, 30, tzinfo=offset(8)), True),
    ("  2018-11-12 09:30  ", datetime(2018, 11, 12, 9, 30, tzinfo=offset(8)), True),
])
def test_parse_when_accepts_the_forms_writers_type(typed, expected, has_time):
    when = parse_when(typed, WITA)
    assert when.moment == expected  # the same instant...
    assert when.moment.utcoffset() == expected.utcoffset()  # ...in the same offset
    assert (when.moment.year, when.moment.month, when.moment.day, when.moment.hour, when.moment.minute) == (
        expected.year, expected.month, expected.day, expected.hour, expected.minute)
    assert when.has_time is has_time


def test_a_date_without_offset_is_wall_clock_time_in_the_site_zone():
    for zone, hours in ((WIB, 7), (WITA, 8), (WIT, 9)):
        when = parse_when("2018-11-12 09:30", zone)
        assert when.moment.utcoffset() == timedelta(hours=hours)
        assert when.moment.astimezone(timezone.utc) == datetime(2018, 11, 12, 9 - hours, 30, tzinfo=timezone.utc)
    # An explicit offset wins over the site zone.
    assert parse_when("2018-11-12T09:30:00+07:00", WITA).moment.utcoffset() == timedelta(hours=7)


def test_today_date_only_in_wita_is_not_after_now_even_when_utc_is_still_yesterday():
    # 2026-11-28 16:30 UTC is already 2026-11-29 00:30 in WITA.
    now = datetime(2026, 11, 28, 16, 30, tzinfo=timezone.utc)
    assert parse_when("2026-11-29", WITA).moment <= now
    assert parse_when("2026-11-29 01:00", WITA).moment > now


def test_yaml_datetime_and_date_values_are_accepted():
    naive = parse_when(datetime(2018, 11, 12, 9, 30), WITA)
    assert naive.moment == datetime(2018, 11, 12, 9, 30, tzinfo=offset(8)) and naive.has_time
    aware = parse_when(datetime(2018, 11, 12, 1, 30, tzinfo=timezone.utc), WITA)
    assert aware.moment == datetime(2018, 11, 12, 1, 30, tzinfo=timezone.utc)
    assert aware.moment.utcoffset() == timedelta(0)
    day = parse_when(date(2018, 11, 12), WITA)
    assert day.moment == datetime(2018, 11, 12, tzinfo=offset(8)) and not day.has_time


@pytest.mark.parametrize(("typed", "code"), [
    ("2018-02-30", "date-impossible"),
    ("2019-02-29", "date-impossible"),
    ("31/04/2018", "date-impossible"),
    ("2018-13-01", "date-impossible"),
    ("2018-11-12 25:00", "date-impossible"),
    ("2018-11-12 09:61", "date-impossible"),
    ("1899-12-31", "date-year-range"),
    ("2201-01-01", "date-year-range"),
    ("12 Nopember 0018", "date-year-range"),
    ("kemarin", "date-unreadable"),
    ("12 Foo 2018", "date-unreadable"),
    ("2018/11/12", "date-unreadable"),
    ("12.11.2018", "date-unreadable"),
    ("2018-11-12 09:30 PST", "date-unreadable"),
    ("", "date-empty"),
    ("   ", "date-empty"),
])
def test_parse_when_refuses_with_a_named_problem(typed, code):
    with pytest.raises(DateProblem) as caught:
        parse_when(typed, WITA)
    assert caught.value.code == code
    if code != "date-empty":
        assert caught.value.params["value"] == typed.strip()


def test_leap_day_is_possible_in_a_leap_year():
    assert parse_when("2020-02-29", WITA).moment.day == 29


def test_year_range_problem_names_the_limits():
    with pytest.raises(DateProblem) as caught:
        parse_when("1899-12-31", WITA)
    assert (caught.value.params["minimum"], caught.value.params["maximum"]) == (1900, 2200)


# ---------------------------------------------------------------------------
# format_date and friends
# ---------------------------------------------------------------------------

def test_format_date_indonesian_with_time_uses_a_dot_and_the_zone_name():
    moment = datetime(2018, 11, 12, 9, 30, tzinfo=offset(8))
    assert format_date(moment, "id", WITA) == "Senin, 12 November 2018, 09.30 WITA"
    assert format_date(moment, "id", WIB) == "Senin, 12 November 2018, 08.30 WIB"
    assert format_date(moment, "id", WIT) == "Senin, 12 November 2018, 10.30 WIT"


def test_format_date_english_uses_a_colon():
    moment = datetime(2018, 11, 12, 9, 30, tzinfo=offset(8))
    assert format_date(moment, "en", WITA) == "Monday, 12 November 2018, 09:30 WITA"


def test_format_date_without_time():
    moment = parse_when("2018-11-12", WITA).moment
    assert format_date(moment, "id", WITA, with_time=False) == "Senin, 12 November 2018"
    assert format_date(moment, "en", WITA, with_time=False) == "Monday, 12 November 2018"


def test_format_date_converts_to_the_site_zone_first():
    # 17:30 UTC on Sunday is 01:30 on Monday in WITA.
    moment = datetime(2018, 11, 11, 17, 30, tzinfo=timezone.utc)
    assert format_date(moment, "id", WITA) == "Senin, 12 November 2018, 01.30 WITA"
    assert format_short_date(moment, "id", WITA) == "12 November 2018"


@pytest.mark.parametrize(("day", "name"), [
    (12, "Senin"), (13, "Selasa"), (14, "Rabu"), (15, "Kamis"), (16, "Jumat"), (17, "Sabtu"), (18, "Minggu"),
])
def test_indonesian_day_names(day, name):
    assert format_date(datetime(2018, 11, day, tzinfo=offset(8)), "id", WITA, with_time=False) == \
        f"{name}, {day} November 2018"


def test_month_names_and_iso():
    assert [format_month(2018, m, "id") for m in (1, 2, 3, 5, 8, 12)] == [
        "Januari 2018", "Februari 2018", "Maret 2018", "Mei 2018", "Agustus 2018", "Desember 2018"]
    assert format_month(2018, 8, "en") == "August 2018"
    assert iso_date(parse_when("2018-11-12 09:30", WITA).moment) == "2018-11-12T09:30:00+08:00"
    assert iso_date(parse_when("2018-11-12T09:30:00.123+07:00", WITA).moment) == "2018-11-12T09:30:00+07:00"
    assert iso_date(parse_when("2018-11-12T01:30:00Z", WITA).moment) == "2018-11-12T01:30:00+00:00"


# ---------------------------------------------------------------------------
# slugify
# ---------------------------------------------------------------------------

SLUG = re.compile(r"^[a-z0-9-]*$")


def is_slug_char(char: str) -> bool:
    """ASCII lower-case letters, digits and hyphens, or a letter, digit or mark of another script."""
    if char.isascii():
        return bool(SLUG.match(char))
    return unicodedata.category(char)[0] in "LMN" and char.lower() == char


@pytest.mark.parametrize(("text", "slug"), [
    ("Lok Tuan", "lok-tuan"),
    ("Api-Api", "api-api"),
    ("tanjung-limau", "tanjung-limau"),
    ("Gami Bawis — Kuliner Pesisir!", "gami-bawis-kuliner-pesisir"),
    ("Café Ñoño", "cafe-nono"),
    ("  --Cek  Fakta--  ", "cek-fakta"),
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c.d", "a-b-c-d"),
    ("UMKM 2019", "umkm-2019"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("日本語", "日本語"),
    ("ꦏꦧꦂ ꦏꦶꦩ꧀", "ꦏꦧꦂ-ꦏꦶꦩ꧀"),  # Aksara Jawa keeps its vowel signs and pangkon
    ("كابر كيم", "كابر-كيم"),  # Pegon / Jawi
    ("Кофе", "кофе"),
    ("Ünïcödé Ｆｕｌｌ", "unicode-full"),
    ("Straße ǅemal", "strasse-dzemal"),
    ("İstanbul", "istanbul"),
    ("🎉🎉", ""),
    ("1️⃣ satu", "1-satu"),
    ("", ""),
])
def test_slugify_examples(text, slug):
    assert slugify(text) == slug


@settings(max_examples=300, database=None, deadline=None)
@given(st.text())
def test_slugify_is_idempotent_and_url_safe(text):
    slug = slugify(text)
    assert slugify(slug) == slug
    assert all(is_slug_char(char) for char in slug), slug
    assert unicodedata.normalize("NFC", slug) == slug
    assert not slug.startswith("-") and not slug.endswith("-")
    assert "--" not in slug
    assert re.fullmatch(r"[A-Za-z0-9%-]*", encode_path(slug))  # percent-encoded, it is plain ASCII


@settings(max_examples=200, database=None, deadline=None)
@given(st.text(alphabet=st.characters(categories=("Lo", "Mn", "Mc", "Nd")), min_size=1))
def test_slugify_keeps_letters_of_every_script(text):
    slug = slugify(text)
    if any(unicodedata.category(char) in ("Lo", "Nd") and not char.isascii() for char in text):
        assert slug, text


@settings(max_examples=200, database=None, deadline=None)
@given(st.text(alphabet=st.characters(codec="ascii"), min_size=1))
def test_slugify_keeps_every_ascii_letter_and_digit_in_order(text):
    expected = "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())
    assert slugify(text).replace("-", "") == expected


# ---------------------------------------------------------------------------
# URLs and output paths
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "path"), [
    ("/", "index.html"),
    ("/satimpo/", "satimpo/index.html"),
    ("/satimpo/posyandu/", "satimpo/posyandu/index.html"),
    ("/satimpo/page/2/", "satimpo/page/2/index.html"),
    ("/tentang", "tentang/index.html"),
    ("/sitemap.xml", "sitemap.xml"),
    ("/404.html", "404.html"),
    ("/satimpo/posyandu/foto.png", "satimpo/posyandu/foto.png"),
    ("/langganan/kelurahan.opml", "langganan/kelurahan.opml"),
])
def test_output_path_for(url, path):
    assert output_path_for(url) == path


def test_paginated_and_expanded_urls():
    assert paginated_url("/satimpo/", 1) == "/satimpo/"
    assert paginated_url("/satimpo/", 3) == "/satimpo/page/3/"
    assert paginated_url("/", 2) == "/page/2/"
    assert expand_permalink("/{kelurahan}/{slug}/", kelurahan="satimpo", slug="posyandu") == "/satimpo/posyandu/"
    assert expand_permalink("/{year}/{month}/{slug}/", year="2018", month="11", slug="a") == "/2018/11/a/"
    assert expand_permalink("{kelurahan}//{slug}/", kelurahan="x", slug="y") == "/x/y/"


@pytest.mark.parametrize(("base", "path"), [
    ("https://contoh.id/", "/"),
    ("https://contoh.id", "/"),
    ("https://contoh.id/kim/", "/kim/"),
    ("https://contoh.id/kim", "/kim/"),
    ("https://kim-bontang.github.io/kabar/berita/", "/kabar/berita/"),
])
def test_base_path(base, path):
    assert base_path(base) == path


def test_site_url_adds_the_sub_path():
    base = "https://contoh.id/kim/"
    assert site_url(base, "/") == "/kim/"
    assert site_url(base, "/satimpo/posyandu/") == "/kim/satimpo/posyandu/"
    assert site_url(base, "/favicon.svg") == "/kim/favicon.svg"
    assert site_url(base, "https://wa.me/x") == "https://wa.me/x"
    assert site_url("https://contoh.id/", "/satimpo/") == "/satimpo/"


def test_absolute_url_keeps_the_sub_path():
    base = "https://contoh.id/kim/"
    assert absolute_url(base, "/") == "https://contoh.id/kim/"
    assert absolute_url(base, "/satimpo/posyandu/") == "https://contoh.id/kim/satimpo/posyandu/"
    assert absolute_url(base, "/sitemap.xml") == "https://contoh.id/kim/sitemap.xml"
    assert absolute_url(base, "http://lain.id/x") == "http://lain.id/x"
    assert absolute_url("https://contoh.id/", "/a/") == "https://contoh.id/a/"
