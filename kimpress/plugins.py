"""Plugins: classes from installed packages that add filters, Markdown extensions and outputs.

A plugin is published by a Python package under the ``kimpress.plugins`` entry-point
group and switched on in site.yaml::

    plugins:
      hitung-kata: {minimum: 300}

The entry point names a class; kimpress calls it with the options mapping
(``{"minimum": 300}``) once per build. Every method is optional:

- ``template_filters() -> dict[str, callable]``: Jinja filters for the theme;
- ``markdown_extensions() -> list``: Python-Markdown extensions for every body;
- ``output_kinds() -> list``: new output kinds (objects with ``name``, ``stamp``, ``render``:
  see ``kimpress.outputs.registry.OutputKind``);
- ``outputs(site) -> list[Output]``: more files to publish, planned from the model (use
  ``kimpress.plan.output.file_output`` or ``page_output``); they take part in the
  conflict check and incremental builds like kimpress's own.

Code is never loaded from the site folder: content is untrusted, installed packages
are the site owner's choice. The name, version and options of every plugin enter
every stamp, so an incremental build after a plugin changed is still exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from typing import Any, Callable, Iterable

from kimpress.config.site import CONFIG_FILE, SiteConfig
from kimpress.core.errors import ConfigError, Diagnostic, SourceError, error
from kimpress.core.stamps import stamp
from kimpress.model.types import Site
from kimpress.outputs.registry import OutputKind
from kimpress.plan.output import Output

ENTRY_POINT_GROUP = "kimpress.plugins"


@dataclass(frozen=True)
class LoadedPlugin:
    """One plugin of a build: its site.yaml name, package version, options and instance."""

    name: str
    version: str
    options: dict[str, Any]
    instance: Any


@dataclass(frozen=True)
class Plugins:
    """The plugins of one build, in site.yaml order, and what they add together."""

    loaded: tuple[LoadedPlugin, ...] = ()

    @property
    def key(self) -> bytes:
        """The stamp of every plugin's name, version and options."""
        return stamp([(plugin.name, plugin.version, plugin.options) for plugin in self.loaded])

    def template_filters(self) -> dict[str, Callable[..., Any]]:
        return {name: value for found in self._each("template_filters") for name, value in dict(found).items()}

    def markdown_extensions(self) -> list[Any]:
        return [extension for found in self._each("markdown_extensions") for extension in found]

    def output_kinds(self) -> list[OutputKind]:
        return [kind for found in self._each("output_kinds") for kind in found]

    def outputs(self, site: Site) -> list[Output]:
        return [output for found in self._each("outputs", site) for output in found]

    def _each(self, hook: str, *args: Any) -> Iterable[Any]:
        """What each plugin that has ``hook`` returns; a failing plugin is named, not a traceback."""
        for plugin in self.loaded:
            method = getattr(plugin.instance, hook, None)
            if method is None:
                continue
            try:
                found = method(*args)
            except Exception as exc:
                raise SourceError([error("plugin-hook-failed", CONFIG_FILE, None, plugin=plugin.name, hook=hook,
                                         detail=f"{type(exc).__name__}: {exc}")]) from None
            yield found or ()


NO_PLUGINS = Plugins()


def installed_plugins() -> dict[str, metadata.EntryPoint]:
    """Every plugin an installed package offers, by name."""
    return {entry.name: entry for entry in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def load_plugins(config: SiteConfig) -> Plugins:
    """Instantiate the plugins site.yaml asks for; raise ``ConfigError`` naming each one that fails."""
    if not config.plugins:
        return NO_PLUGINS
    available = installed_plugins()
    loaded: list[LoadedPlugin] = []
    problems: list[Diagnostic] = []
    for setting in config.plugins:
        entry = available.get(setting.name)
        if entry is None:
            problems.append(error("plugin-unknown", CONFIG_FILE, setting.line, plugin=setting.name,
                                  installed=", ".join(f"`{name}`" for name in sorted(available)) or "-"))
            continue
        try:
            instance = entry.load()(dict(setting.options))
        except Exception as exc:
            problems.append(error("plugin-failed", CONFIG_FILE, setting.line, plugin=setting.name,
                                  detail=f"{type(exc).__name__}: {exc}"))
            continue
        version = entry.dist.version if entry.dist is not None else "0"
        loaded.append(LoadedPlugin(setting.name, version, dict(setting.options), instance))
    if problems:
        raise ConfigError(problems)
    return Plugins(tuple(loaded))
