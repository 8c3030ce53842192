"""site.yaml: the declared schema, its validation, and the frozen ``SiteConfig``.

Every key is declared once in ``SCHEMA`` with its default. All problems are
collected and reported together, each at the line of its key; unknown keys warn
with a did-you-mean. Command-line overrides are applied before validation.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kimpress.config.admin import AdminSettings, read_admin
from kimpress.config.checks import CheckSettings, check_checks
from kimpress.config.editions import EditionSettings, check_editions
from kimpress.config.options import (
    URL,
    Choice,
    Custom,
    Integer,
    Invalid,
    Mapping_,
    Option,
    Text,
    validate_mapping,
)
from kimpress.config.presentation import BudgetSettings, ImageSettings, check_budget, check_contact, check_images
from kimpress.config.report import ReportSettings, check_report
from kimpress.config.yamltext import YamlDoc, YamlProblem, load_yaml
from kimpress.core.dates import get_zone, is_valid_zone
from kimpress.core.errors import ConfigError, Diagnostic, error, has_errors, warning
from kimpress.core.urls import DEFAULT_PERMALINKS, PERMALINK_FIELDS, default_permalinks, pattern_fields, slugify

CONFIG_FILE = "site.yaml"
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class RegionKelurahan:
    """A kelurahan in the region registry."""

    slug: str
    name: str
    code: str | None
    kecamatan: str


@dataclass(frozen=True)
class RegionKecamatan:
    """A kecamatan in the region registry, with its kelurahan in registry order."""

    slug: str
    name: str
    code: str | None
    kelurahan: tuple[RegionKelurahan, ...]


FEED_KINDS = ("site", "kecamatan", "kelurahan", "category", "tag", "author", "factcheck")
FEED_FORMATS = ("rss", "atom", "json")


@dataclass(frozen=True)
class FeedSettings:
    """Which feeds to publish and how.

    ``id_domain`` goes into every item's permanent id; it defaults to the host of
    ``base_url``. Keep it when the site moves to another domain, so readers do not
    see every old article again.
    """

    kinds: tuple[str, ...] = FEED_KINDS
    formats: tuple[str, ...] = FEED_FORMATS
    limit: int = 20
    content: str = "full"
    id_domain: str | None = None


RAW_HTML_CHOICES = ("sanitize", "allow")


@dataclass(frozen=True)
class PluginSetting:
    """One entry of ``plugins:`` in site.yaml: an installed plugin's name and its options."""

    name: str
    options: dict[str, Any] = field(default_factory=dict)
    line: int | None = None  # where site.yaml names it, for messages


@dataclass(frozen=True)
class MarkdownSettings:
    """How Markdown bodies become HTML.

    ``raw_html`` is "sanitize" (keep only allow-listed tags and attributes, see
    ``kimpress.sanitize``) or "allow", for sites that trust every writer.
    """

    raw_html: str = "sanitize"

    @property
    def sanitize(self) -> bool:
        return self.raw_html == "sanitize"


@dataclass(frozen=True)
class SiteConfig:
    """The validated settings of one site. Paths are absolute."""

    site_dir: Path
    title: str
    base_url: str
    language: str = "id"
    description: str = ""
    timezone: str = "Asia/Jakarta"
    theme: str = "default"
    output_dir: Path = Path("output")
    paginate: int = 10
    permalinks: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PERMALINKS))
    categories: tuple[tuple[str, str], ...] = ()
    wilayah: tuple[RegionKecamatan, ...] = ()
    defaults: dict[str, Any] = field(default_factory=dict)
    feeds: FeedSettings = FeedSettings()
    markdown: MarkdownSettings = MarkdownSettings()
    plugins: tuple[PluginSetting, ...] = ()
    images: ImageSettings = ImageSettings()
    budget: BudgetSettings = BudgetSettings()
    check: CheckSettings = CheckSettings()
    logo: str = ""  # a site path such as /logo.png
    city: str = ""  # the place named in the masthead
    contact: tuple[tuple[str, str], ...] = ()
    admin: AdminSettings | None = None  # the web editor at /admin/; None: the site has none
    report: ReportSettings = ReportSettings()  # the activity report at /laporan/
    editions: EditionSettings = EditionSettings()  # the monthly buletin
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def zone(self) -> tzinfo:
        return get_zone(self.timezone)

    @property
    def content_dir(self) -> Path:
        return self.site_dir / "content"

    @property
    def static_dir(self) -> Path:
        return self.site_dir / "static"

    @property
    def themes_dir(self) -> Path:
        return self.site_dir / "themes"

    @property
    def config_path(self) -> Path:
        return self.site_dir / CONFIG_FILE

    def category_label(self, slug: str) -> str | None:
        return dict(self.categories).get(slug)

    def region_kelurahan(self) -> dict[str, RegionKelurahan]:
        return {kel.slug: kel for kec in self.wilayah for kel in kec.kelurahan}


def _check_timezone(value: Any) -> str:
    name = str(value).strip()
    if not is_valid_zone(name):
        raise Invalid("unknown-timezone", value=name)
    return name


def _check_permalinks(value: dict) -> dict[str, str]:
    """The patterns site.yaml gives, each checked; the language's defaults fill the rest later."""
    patterns: dict[str, str] = {}
    for kind, pattern in value.items():
        if kind not in PERMALINK_FIELDS:
            raise Invalid("unknown-permalink-kind", kind=kind, choices=", ".join(sorted(PERMALINK_FIELDS)))
        pattern = str(pattern).strip()
        segments = pattern.split("/")[1:]
        if (not pattern.startswith("/") or ".." in pattern or "\\" in pattern or ":" in pattern
                or any(ord(char) < 32 or ord(char) == 127 for char in pattern)
                or any(segment and not segment.strip(".") for segment in segments)):
            raise Invalid("permalink-not-rooted", kind=kind, value=pattern)
        try:
            unknown = pattern_fields(pattern) - PERMALINK_FIELDS[kind]
        except ValueError:
            raise Invalid("permalink-unknown-field", kind=kind, value=pattern, field="{") from None
        if unknown:
            raise Invalid("permalink-unknown-field", kind=kind, value=pattern, field=sorted(unknown)[0])
        patterns[kind] = pattern
    if "article" in patterns and "slug" not in pattern_fields(patterns["article"]):
        raise Invalid("permalink-needs-slug", kind="article", value=patterns["article"])
    return patterns


def _check_categories(value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, list):
        value = {str(item): str(item).replace("-", " ").title() for item in value}
    if not isinstance(value, dict):
        raise Invalid("expected-mapping")
    pairs = []
    for slug, label in value.items():
        clean = slugify(str(slug))
        if not clean:
            raise Invalid("empty-text")
        pairs.append((clean, str(label if label is not None else slug).strip()))
    return tuple(pairs)


_REGION_WORDS = {"kelurahan": ("kelurahan", "kel."), "kecamatan": ("kecamatan", "kec.")}


def bare_region_name(name: str, kind: str) -> str:
    """A kelurahan or kecamatan name without the word the theme adds: "Kelurahan Satimpo" -> "Satimpo".

    Names are kept bare everywhere (registry, profiles, front matter), so no page
    ever says "Kelurahan Kelurahan Satimpo".
    """
    text = " ".join(str(name).split())
    lower = text.lower()
    for word in _REGION_WORDS[kind]:
        if lower.startswith(word) and (word.endswith(".") or lower[len(word):len(word) + 1] == " "):
            rest = text[len(word):].strip()
            return rest or text
    return text


def _check_wilayah(value: dict) -> tuple[RegionKecamatan, ...]:
    kecamatan_list = []
    seen_kelurahan: set[str] = set()
    for kec_key, kec in value.items():
        kec_slug = slugify(str(kec_key))
        if not isinstance(kec, dict):
            raise Invalid("wilayah-bad-kecamatan", kecamatan=kec_key)
        kelurahan = []
        for kel_key, kel in (kec.get("kelurahan") or {}).items():
            kel_slug = slugify(str(kel_key))
            if kel_slug in seen_kelurahan:
                raise Invalid("wilayah-duplicate-kelurahan", kelurahan=kel_key)
            seen_kelurahan.add(kel_slug)
            if isinstance(kel, str):
                kel = {"name": kel}
            if not isinstance(kel, dict):
                raise Invalid("wilayah-bad-kelurahan", kelurahan=kel_key)
            kelurahan.append(RegionKelurahan(
                kel_slug, bare_region_name(kel.get("name") or kel_key, "kelurahan"), _code(kel.get("code")), kec_slug))
        kecamatan_list.append(RegionKecamatan(
            kec_slug, bare_region_name(kec.get("name") or kec_key, "kecamatan"), _code(kec.get("code")),
            tuple(kelurahan)))
    return tuple(kecamatan_list)


def _check_feeds(value: dict) -> FeedSettings:
    settings = {}
    for key, choices in (("kinds", FEED_KINDS), ("formats", FEED_FORMATS)):
        if key in value:
            items = value[key] if isinstance(value[key], list) else [value[key]]
            for item in items:
                if str(item) not in choices:
                    raise Invalid("not-a-choice", value=str(item), choices=", ".join(choices))
            settings[key] = tuple(str(item) for item in items)
    if "limit" in value:
        limit = value["limit"]
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise Invalid("integer-too-small", value=limit, minimum=1)
        settings["limit"] = limit
    if "content" in value:
        if value["content"] not in ("full", "summary"):
            raise Invalid("not-a-choice", value=str(value["content"]), choices="full, summary")
        settings["content"] = value["content"]
    if value.get("id_domain"):
        settings["id_domain"] = str(value["id_domain"]).strip()
    unknown = set(value) - {"kinds", "formats", "limit", "content", "id_domain"}
    if unknown:
        raise Invalid("unknown-feed-setting", setting=sorted(unknown)[0])
    return FeedSettings(**settings)


def _check_markdown(value: dict) -> MarkdownSettings:
    unknown = set(value) - {"raw_html"}
    if unknown:
        raise Invalid("unknown-markdown-setting", setting=sorted(map(str, unknown))[0])
    if "raw_html" not in value:
        return MarkdownSettings()
    return MarkdownSettings(raw_html=Choice(choices=RAW_HTML_CHOICES).clean(value["raw_html"]))


def _check_plugins(value: dict) -> tuple[PluginSetting, ...]:
    """``plugins: {name: {option: value}}``; a plugin without options may be left empty."""
    settings = []
    for name, options in value.items():
        if options is not None and not isinstance(options, dict):
            raise Invalid("plugin-options-mapping", plugin=str(name))
        settings.append(PluginSetting(str(name), dict(options or {})))
    return tuple(settings)


def _code(value: Any) -> str | None:
    return None if value is None else str(value).strip()


def _default(name: str) -> Any:
    """A setting's default, declared once: on ``SiteConfig``."""
    return SiteConfig.__dataclass_fields__[name].default


SCHEMA: dict[str, Option] = {
    "title": Text(required=True),
    "base_url": URL(required=True, trailing_slash=True),
    "language": Choice(default=_default("language"), choices=LANGUAGES),
    "description": Text(default=_default("description"), allow_empty=True),
    "timezone": Custom(default=_default("timezone"), check=_check_timezone),
    "theme": Text(default=_default("theme")),
    "output_dir": Text(default=str(_default("output_dir"))),
    "paginate": Integer(default=_default("paginate"), minimum=1, maximum=1000),
    "permalinks": Mapping_(check=_check_permalinks),
    "categories": Custom(check=_check_categories),
    "wilayah": Mapping_(check=_check_wilayah),
    "defaults": Mapping_(),
    "feeds": Mapping_(check=_check_feeds),
    "markdown": Mapping_(check=_check_markdown),
    "plugins": Mapping_(check=_check_plugins),
    "images": Mapping_(check=check_images),
    "budget": Mapping_(check=check_budget),
    "check": Mapping_(check=check_checks),
    "logo": Text(default=_default("logo"), allow_empty=True),
    "city": Text(default=_default("city"), allow_empty=True),
    "contact": Mapping_(check=check_contact),
    "admin": Custom(),  # read by read_admin, with the line of each key
    "report": Mapping_(check=check_report),
    "editions": Custom(check=check_editions),
    "extra": Mapping_(),
}


def load_config(site_dir: Path, overrides: dict[str, Any] | None = None) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read and validate ``site.yaml``; return the config and its warnings.

    Raise ``ConfigError`` carrying every error found.
    """
    site_dir = Path(site_dir).resolve()
    path = site_dir / CONFIG_FILE
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ConfigError([error("config-missing", CONFIG_FILE, site_dir=str(site_dir))]) from None
    except UnicodeDecodeError:
        raise ConfigError([error("not-utf8", CONFIG_FILE)]) from None
    except OSError as exc:
        raise ConfigError([error("unreadable", CONFIG_FILE, reason=exc.strerror or str(exc))]) from None
    try:
        doc = load_yaml(text)
    except YamlProblem as problem:
        raise ConfigError([error(problem.code, CONFIG_FILE, problem.line, **problem.params)]) from None
    return config_from_doc(site_dir, doc, overrides or {})


def config_from_doc(site_dir: Path, doc: YamlDoc, overrides: dict[str, Any]) -> tuple[SiteConfig, list[Diagnostic]]:
    """Validate loaded site.yaml data (with overrides applied first)."""
    data = dict(doc.data) if isinstance(doc.data, dict) else doc.data
    if isinstance(data, dict):
        data.update({key: value for key, value in overrides.items() if value is not None})
    doc = YamlDoc(data, doc.lines, {k: v for k, v in doc.raw.items() if k not in overrides or overrides[k] is None})
    values, _, diagnostics = validate_mapping(SCHEMA, doc, CONFIG_FILE)
    values["admin"] = read_admin(doc, CONFIG_FILE, diagnostics)
    if has_errors(diagnostics):
        raise ConfigError(sorted(diagnostics, key=Diagnostic.sort_key))
    values["plugins"] = tuple(dataclasses.replace(plugin, line=doc.line_of(f"plugins.{plugin.name}",
                                                                            doc.line_of("plugins")))
                              for plugin in values.get("plugins", ()))
    output_dir = Path(values.pop("output_dir")).expanduser()
    config = SiteConfig(
        site_dir=site_dir,
        # Absolute but not resolved: a symlinked output folder must stay visible to the safety check.
        output_dir=Path(os.path.abspath(output_dir if output_dir.is_absolute() else site_dir / output_dir)),
        permalinks={**default_permalinks(values.get("language", "id")), **values.pop("permalinks", {})},
        **values,
    )
    if is_placeholder_url(config.base_url):
        diagnostics.append(warning("base-url-placeholder", CONFIG_FILE, doc.line_of("base_url", 1),
                                   value=config.base_url))
    return config, diagnostics


# What ``kimpress init`` writes, and the host names set aside for examples (RFC 2606).
PLACEHOLDER_HOSTS = ("contoh.github.io", "example.com", "example.org", "example.net")


def is_placeholder_url(url: str) -> bool:
    """Tell whether ``url`` is an example address that no published site has."""
    host = (urlsplit(url).hostname or "").lower()
    return host in PLACEHOLDER_HOSTS or host.endswith((".example.com", ".example.org", ".example.net", ".example"))
