"""Skip the inline patterns a body cannot trigger: the same HTML, fewer regular-expression searches.

Python-Markdown tries every inline pattern on every piece of text (450 tries a body
on average), though most patterns need a character most bodies never hold: a
backtick, a backslash, "<", "&", "[". Just before the inline stage, this step
reads all the text the stage will see and leaves out, for this body only, each
built-in pattern whose trigger is absent. The inline stage only ever looks at
pieces of that text and at its own placeholders (control characters, letters,
digits and ":"), so a pattern whose trigger is absent could never have matched.
Patterns kimpress does not know (from plugins) always run.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AtomicString, Registry

# Python-Markdown's pattern name -> strings of which one must be in the text for it to match.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[^",),
    "reference": ("[",),
    "link": ("[",),
    "short_reference": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "html": ("<",),
    "entity": ("&",),
    "linebreak": ("  \n",),
    "em_strong": ("*", "_"),
    "em_strong2": ("_",),
    "not_strong": ("*", "_"),
}
PRIORITY = 25  # after footnotes (50) have joined the tree, before the inline stage (20)


class InlineTriggers(Treeprocessor):
    """Give the inline stage, for this body, only the patterns its text can trigger."""

    def __init__(self, md: markdown.Markdown, inline: InlineProcessor) -> None:
        super().__init__(md)
        self._inline = inline
        self._all = md.inlinePatterns

    def run(self, root: etree.Element) -> None:
        text = "\n".join(_texts(root))
        kept = Registry()
        # A snapshot in the registry's own order: looking an item up sorts the registry in place.
        for item in sorted(self._all._priority, key=lambda entry: entry.priority, reverse=True):
            triggers = TRIGGERS.get(item.name)
            if triggers is None or any(trigger in text for trigger in triggers):
                kept.register(self._all[item.name], item.name, item.priority)
        self._inline.inlinePatterns = kept


def _texts(root: etree.Element):
    """Every text and tail the inline stage will process (atomic strings are never processed)."""
    for element in root.iter():
        if element.text and not isinstance(element.text, AtomicString):
            yield element.text
        if element.tail and not isinstance(element.tail, AtomicString):
            yield element.tail


def install(md: markdown.Markdown) -> None:
    """Put the step in front of ``md``'s inline stage."""
    inline = md.treeprocessors["inline"]
    md.treeprocessors.register(InlineTriggers(md, inline), "kimpress_inline_triggers", PRIORITY)
