"""Themes: find the template chain, build the Jinja environment, load UI strings.

A site theme lives in ``themes/<name>/`` (``templates/``, ``static/``,
``i18n/<language>.yaml`` and an optional ``theme.yaml`` with ``extends:``). Each
theme extends another, ending at the default theme shipped inside the package,
so a site theme overrides only the templates it has and can extend the
parent's version explicitly with ``{% extends "default/base.html" %}``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2
import jinja2.bccache
import yaml

from kimpress import __version__
from kimpress.config.site import SiteConfig
from kimpress.config.yamltext import YamlProblem, load_yaml
from kimpress.core.errors import ConfigError, Diagnostic, TemplateError, error
from kimpress.core.wording import count_words
from kimpress.theme.location import DEFAULT_THEME, packaged_theme_dir

MAX_CHAIN = 8


@dataclass(frozen=True)
class ThemeLayer:
    """One theme in the chain: its name and folder."""

    name: str
    path: Path


def theme_chain(config: SiteConfig) -> list[ThemeLayer]:
    """The site's theme first, then each theme it extends, the packaged default last."""
    chain: list[ThemeLayer] = []
    name: str | None = config.theme
    while name is not None and len(chain) < MAX_CHAIN:
        folder = config.themes_dir / name
        if folder.is_dir():
            chain.append(ThemeLayer(name, folder))
            name = _extends(folder, name)
        elif name == DEFAULT_THEME:
            break
        else:
            raise ConfigError([error("theme-missing", "site.yaml", None, theme=name,
                                     folder=f"themes/{name}")])
    chain.append(ThemeLayer(DEFAULT_THEME, packaged_theme_dir()))
    return chain


def _extends(folder: Path, name: str) -> str | None:
    spec = folder / "theme.yaml"
    parent = DEFAULT_THEME
    if spec.is_file():
        try:
            data = yaml.safe_load(spec.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise TemplateError([error("i18n-invalid", f"themes/{name}/theme.yaml", None, detail=str(exc))]) from None
        parent = str(data.get("extends", DEFAULT_THEME)) if isinstance(data, dict) else DEFAULT_THEME
    return None if parent == name or name == DEFAULT_THEME else parent


class ThemeLoader(jinja2.BaseLoader):
    """Find a template along the chain; "<theme>/<name>" picks one theme's copy.

    Every template name asked for is recorded, found or not, so an output can
    later be said to depend on it.
    """

    def __init__(self, chain: list[ThemeLayer]) -> None:
        self.chain = chain

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        for layer_path, name in self._candidates(template):
            root = layer_path / "templates"
            # Jinja's own splitting refuses ".." and drops a leading "/": a name never leaves templates/.
            path = root.joinpath(*jinja2.loaders.split_template_path(name))
            if path.is_file() and root.resolve() in path.resolve().parents:
                mtime = path.stat().st_mtime
                return path.read_text(encoding="utf-8"), str(path), lambda: path.stat().st_mtime == mtime
        raise jinja2.TemplateNotFound(template)

    def _candidates(self, template: str) -> list[tuple[Path, str]]:
        head, _, rest = template.partition("/")
        named = [(layer.path, rest) for layer in self.chain if layer.name == head and rest]
        # The same name in several layers: the one named explicitly is the *last*
        # layer with that name (a site copy of "default" extends the packaged one).
        return named[-1:] + [(layer.path, template) for layer in self.chain]


@dataclass
class Theme:
    """The Jinja environment of a site, its UI strings and its static folders."""

    config: SiteConfig
    chain: list[ThemeLayer]
    environment: jinja2.Environment
    strings: dict[str, str | dict[str, str]] = field(default_factory=dict)

    def static_dirs(self) -> list[Path]:
        """Theme static folders, lowest priority first."""
        return [layer.path / "static" for layer in reversed(self.chain) if (layer.path / "static").is_dir()]

    def translate(self, key: str, **params: Any) -> str:
        """The UI string ``key`` filled with ``params``; a string with plural forms is chosen by ``count``."""
        text = self.strings.get(key, key)
        if isinstance(text, dict) or "count" in params and isinstance(params["count"], int):
            text = count_words(int(params.get("count", 0)), text, self.config.language)
            params = {name: value for name, value in params.items() if name != "count"}
        return text.format(**params) if params else text


def theme_files_key(chain: list[ThemeLayer]) -> tuple[tuple[str, bytes], ...]:
    """(path, digest) of every theme file but its static ones (scripts and styles aside): equal keys, same theme.

    Digests, not file times: a template saved twice within one clock tick keeps
    its mtime and perhaps its size. A theme is a few dozen small files. Static
    scripts and styles count: pages link them with a digest (``asset_url``).
    """
    found = []
    for layer in chain:
        for path in layer.path.rglob("*"):
            static = path.relative_to(layer.path).parts[0] == "static"
            if (not static or path.suffix in (".js", ".css")) and path.is_file():
                found.append((str(path), hashlib.blake2b(path.read_bytes(), digest_size=16).digest()))
    return tuple(sorted(found))


def load_strings(chain: list[ThemeLayer], language: str) -> tuple[dict[str, str | dict[str, str]], list[Diagnostic]]:
    """Merge ``i18n/<language>.yaml`` of every layer; the site's theme wins.

    A value is a string, or a mapping of CLDR plural forms (``one``, ``other``) for strings with a ``{count}``.
    """
    strings: dict[str, str | dict[str, str]] = {}
    problems: list[Diagnostic] = []
    for layer in reversed(chain):
        path = layer.path / "i18n" / f"{language}.yaml"
        if not path.is_file():
            continue
        try:
            data = load_yaml(path.read_text(encoding="utf-8")).data or {}
        except YamlProblem as problem:
            problems.append(error(problem.code, str(path), problem.line, **problem.params))
            continue
        except UnicodeDecodeError as exc:
            problems.append(error("i18n-invalid", str(path), None, detail=str(exc)))
            continue
        if not isinstance(data, dict):
            problems.append(error("i18n-invalid", str(path), 1, detail="not a mapping of key: text"))
            continue
        strings.update({str(key): {str(form): str(text) for form, text in value.items()} if isinstance(value, dict)
                        else str(value) for key, value in data.items()})
    return strings, problems


def load_theme(config: SiteConfig, filters: dict[str, Callable], globals_: dict[str, Any],
               compiled_dir: Path | None = None, setup_key: str | None = None) -> Theme:
    """Build the theme of ``config``; raise ``TemplateError`` if its strings are broken.

    Compiled templates are reused for the same ``setup_key`` (what the filters depend
    on: the settings and plugins), from ``compiled_dir`` between processes. Without a
    key nothing compiled is reused.
    """
    chain = theme_chain(config)
    strings, problems = load_strings(chain, config.language)
    if problems:
        raise TemplateError(problems)
    environment = jinja2.Environment(
        loader=ThemeLoader(chain),
        autoescape=jinja2.select_autoescape(["html", "xml", "opml"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.ChainableUndefined,
        bytecode_cache=_compiled_cache(compiled_dir, setup_key) if setup_key else None,
    )
    theme = Theme(config, chain, environment, strings)
    environment.filters.update(filters)
    environment.globals.update(globals_, t=theme.translate)
    return theme


class _CompiledInMemory(jinja2.BytecodeCache):
    """Compiled templates of one theme setup, kept by this process (Jinja's keys: name and source checksum).

    Jinja folds a filter applied to a constant at compile time (``"/"|url`` becomes
    "/kim/"), so compiled code also depends on the filters: each setup (``key``:
    the settings and plugins the filters come from) has its own store, and only
    the last few setups are kept.
    """

    KEPT_SETUPS = 8

    def __init__(self) -> None:
        self._setups: dict[str, dict[str, bytes]] = {}

    def bound(self, key: str) -> jinja2.BytecodeCache:
        store = self._setups.pop(key, None) or {}
        self._setups[key] = store  # the newest last
        while len(self._setups) > self.KEPT_SETUPS:
            del self._setups[next(iter(self._setups))]
        return _Store(store)


class _Store(jinja2.BytecodeCache):
    def __init__(self, code: dict[str, bytes]) -> None:
        self._code = code

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_IN_MEMORY = _CompiledInMemory()


def _compiled_cache(folder: Path | None, key: str) -> jinja2.BytecodeCache:
    """Compiled templates for the theme setup ``key``: in ``folder`` (one sub-folder per Jinja and kimpress
    version and per setup), else in this process's memory.
    """
    if folder is None:
        return _IN_MEMORY.bound(key)
    folder = folder / f"jinja-{jinja2.__version__}-kimpress-{__version__}" / key
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return _IN_MEMORY.bound(key)
    return jinja2.FileSystemBytecodeCache(str(folder))
