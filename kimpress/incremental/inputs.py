"""The stamp of everything one output reads, to know whether its file is still right.

An output's stamp joins what its kind says it depends on (template and view data,
a feed's items, a copied file's digest ...), the plugins of the build and the
stamps of the site fields its last render read. Site fields are stamped once
per build, however many outputs read them.
"""

from __future__ import annotations

from kimpress.core.stamps import stamp, stamp_all
from kimpress.model.types import Site
from kimpress.outputs.registry import Registry, StampContext
from kimpress.plan.output import Output


class InputStamps:
    """Stamps of what each output reads, for one build."""

    def __init__(self, site: Site, registry: Registry, context: StampContext, plugins_key: bytes) -> None:
        self._site = site
        self._registry = registry
        self._context = context
        self._plugins_key = plugins_key
        self._fields: dict[str, bytes] = {}
        self._outputs: dict[tuple[str, tuple[str, ...]], bytes] = {}

    def of(self, output: Output, site_fields: tuple[str, ...]) -> bytes:
        """The stamp of ``output``'s inputs, computed once per build (files may change meanwhile)."""
        key = (output.url, site_fields)
        if key not in self._outputs:
            self._outputs[key] = stamp_all(output.kind, self._registry.stamp(output, self._context),
                                           self._plugins_key, [self._field(name) for name in site_fields])
        return self._outputs[key]

    def _field(self, name: str) -> bytes:
        if name not in self._fields:
            names = Site.method_reads.get(name)
            if name in Site.__dataclass_fields__:
                self._fields[name] = stamp(getattr(self._site, name))
            elif names is not None:
                self._fields[name] = stamp_all(*(self._field(field) for field in names))
            else:  # anything else a template can reach may read the whole site
                self._fields[name] = stamp(self._site)
        return self._fields[name]
