"""Front matter schemas for articles, pages and kelurahan profiles.

Writers may use the Indonesian key names (``judul``, ``tanggal``, ``penulis``,
``rubrik``, ``ringkasan``, ``sampul``); they are folded into the English ones.
Keys a schema does not know go to ``extra``, which themes can read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from kimpress.config.options import (
    Boolean,
    Custom,
    Invalid,
    Mapping_,
    Option,
    Text,
    TextList,
    alias_map,
    validate_mapping,
)
from kimpress.config.yamltext import YamlDoc
from kimpress.core.dates import DateProblem, WhenValue, parse_when
from kimpress.core.errors import Diagnostic, error
from kimpress.source.frontmatter import Document


def _as_is(value: Any) -> Any:
    return value


_TEMPLATE_NAME = re.compile(r"[\w-][\w.-]*(/[\w-][\w.-]*)*")


def _template_name(value: Any) -> str:
    """A theme template such as ``galeri.html``: never a path out of the theme."""
    if isinstance(value, (dict, list)):
        raise Invalid("expected-text")
    name = str(value).strip()
    if not _TEMPLATE_NAME.fullmatch(name):
        raise Invalid("template-name-invalid", value=name)
    return name


_DATE = dict(check=_as_is, raw_text=True)
_TEMPLATE = dict(check=_template_name, raw_text=True)

# ``date`` may be left out when the file name starts with it (2024-05-01-kerja-bakti.md).
# Keys other generators write (Jekyll, Hugo) are understood where their meaning is ours.
ARTICLE_SCHEMA: dict[str, Option] = {
    "title": Text(required=True, aliases=("judul",)),
    "date": Custom(aliases=("tanggal",), **_DATE),
    "updated": Custom(aliases=("diperbarui", "lastmod", "last_modified_at", "modified"), **_DATE),
    "author": Text(aliases=("penulis",)),
    "tags": TextList(aliases=("tag",)),
    "category": Text(aliases=("rubrik", "kategori")),
    "categories": TextList(),  # Jekyll's list: the first is the rubrik, the rest become tags
    "summary": Text(aliases=("ringkasan", "excerpt")),
    "description": Text(aliases=("deskripsi",)),  # for search engines and share cards; default: from the summary
    "cover": Text(aliases=("sampul", "gambar")),
    "cover_alt": Text(aliases=("keterangan_sampul", "keterangan_gambar")),
    "draft": Boolean(default=False),
    "published": Boolean(),  # Jekyll's ``published: false`` is a draft
    "slug": Text(),
    "id": Text(),
    "aliases": TextList(aliases=("alias", "redirect_from", "alamat_lama")),  # old addresses that lead here
    "kelurahan": Text(),
    "kecamatan": Text(),
    "template": Custom(**_TEMPLATE),
    # Cek fakta (checked by model.factcheck): the verdict, the claim, where and when it circulated, sources.
    "verdict": Text(aliases=("label", "penilaian", "hasil_periksa")),
    "claim": Text(aliases=("klaim", "narasi")),
    "claim_seen_on": Custom(aliases=("beredar_di", "sumber_klaim"), check=_as_is),
    "claim_date": Custom(aliases=("tanggal_beredar", "tanggal_klaim"), **_DATE),
    "sources": Custom(aliases=("rujukan", "sumber", "referensi", "tautan_bantahan"), check=_as_is),
}

def spellings(key: str, schema: dict[str, Option] = ARTICLE_SCHEMA) -> tuple[str, ...]:
    """Every way a writer may spell ``key``: the key itself, then its aliases (``cover``, ``sampul``, ...)."""
    return (key, *schema[key].aliases)


PAGE_SCHEMA: dict[str, Option] = {
    "title": Text(required=True, aliases=("judul",)),
    "date": Custom(aliases=("tanggal",), **_DATE),
    "summary": Text(aliases=("ringkasan", "excerpt")),
    "description": Text(aliases=("deskripsi",)),
    "slug": Text(),
    "aliases": TextList(aliases=("alias", "redirect_from", "alamat_lama")),
    "draft": Boolean(default=False),
    "template": Custom(**_TEMPLATE),
}

SECTION_SCHEMA: dict[str, Option] = {
    "name": Text(aliases=("nama",)),
    "kecamatan": Text(),
    "code": Text(aliases=("kode",)),
    "kim": Text(),
    "description": Text(aliases=("deskripsi",)),
    "contact": Mapping_(aliases=("kontak",)),
    "defaults": Mapping_(),
}


@dataclass(frozen=True)
class Meta:
    """Validated front matter: canonical ``values`` plus the unknown keys in ``extra``."""

    values: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    when: WhenValue | None = None
    updated: WhenValue | None = None

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def cascade(schema: dict[str, Option], *layers: dict[str, Any]) -> dict[str, Any]:
    """Merge default layers, lowest priority first, with alias keys folded to canonical ones."""
    alias_to_key = alias_map(schema)
    merged: dict[str, Any] = {}
    for layer in layers:
        merged.update({alias_to_key.get(str(key), str(key)): value for key, value in layer.items()})
    return merged


def read_meta(
    document: Document,
    schema: dict[str, Option],
    zone: tzinfo,
    defaults: dict[str, Any] | None = None,
) -> tuple[Meta, list[Diagnostic]]:
    """Validate a document's front matter over ``defaults`` (from ``cascade``)."""
    own = document.meta.data or {}
    alias_to_key = alias_map(schema)
    own_keys = {alias_to_key.get(str(key), str(key)) for key in own}
    merged = {key: value for key, value in (defaults or {}).items() if key not in own_keys}
    raw = document.meta.raw
    merged.update({key: _list_as_typed(schema, alias_to_key, key, value, raw) for key, value in own.items()
                   if not _left_empty(schema, alias_to_key.get(str(key), str(key)), value)})
    doc = YamlDoc(merged, document.meta.lines, document.meta.raw)
    first_line = document.front_matter_line or 1
    values, extra, diagnostics = validate_mapping(
        schema, doc, document.rel_path, unknown="keep", first_line=first_line)
    when = _parse_date(schema, values, "date", doc, document.rel_path, zone, first_line, diagnostics)
    updated = _parse_date(schema, values, "updated", doc, document.rel_path, zone, first_line, diagnostics)
    return Meta(values, extra, when, updated), diagnostics


def _left_empty(schema: dict[str, Option], key: str, value: Any) -> bool:
    """An optional field saved as "" (web editors write a field the writer emptied so): not given at all."""
    option = schema.get(key)
    return (isinstance(value, str) and not value.strip() and option is not None and not option.required
            and key != "date")


def _list_as_typed(schema: dict[str, Option], alias_to_key: dict[str, str], key: Any, value: Any,
                   raw: dict[str, str]) -> Any:
    """Items of a text list as the writer typed them: tags ``[yes, 45:30]`` stay "yes" and "45:30"."""
    if not isinstance(value, list) or not isinstance(schema.get(alias_to_key.get(str(key), str(key))), TextList):
        return value
    return [raw.get(f"{key}.{index}", item) if not isinstance(item, (str, dict, list)) else item
            for index, item in enumerate(value)]


def _parse_date(schema: dict[str, Option], values: dict, key: str, doc: YamlDoc, rel_path: str, zone: tzinfo,
                first_line: int, diagnostics: list[Diagnostic]) -> WhenValue | None:
    if key not in values:
        return None
    try:
        return parse_when(values[key], zone)
    except DateProblem as problem:
        line = next((doc.lines[name] for name in spellings(key, schema) if name in doc.lines), first_line)
        diagnostics.append(error(problem.code, rel_path, line, key=key, **problem.params))
        return None
