"""Numbering of sections and items as the official document shows it.

Numbers are never stored: they follow from order and depth. Section labels are
Roman numerals; numbered items are ``1.``, ``1.1.``, ``1.1.1.``; lettered items
``a)``; dashes and pluses are markers without a number. The plan editor, the
document preview, the official-document renderer and the history snapshot all
read the outline from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .choices import ItemStyle
from .text import letter, roman


@dataclass
class ItemNode:
    item: object
    label: str
    depth: int
    children: list[ItemNode] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class SectionNode:
    section: object
    label: str
    items: list[ItemNode] = field(default_factory=list)

    def walk(self):
        for node in self.items:
            yield from node.walk()


def _label(style: str, index: int, parent_number: str) -> tuple[str, str]:
    """Return (label shown, number passed to children)."""
    if style == ItemStyle.NUMBER:
        number = f"{parent_number}{index}."
        return number, number
    if style == ItemStyle.LETTER:
        return f"{letter(index)})", parent_number
    if style == ItemStyle.DASH:
        return "-", parent_number
    if style == ItemStyle.PLUS:
        return "+", parent_number
    return "", parent_number


def build_outline(sections, items) -> list[SectionNode]:
    """Build the numbered outline from sections and items already in order."""
    by_parent: dict[tuple[int, int | None], list] = defaultdict(list)
    for item in sorted(items, key=lambda i: (i.order, i.pk or 0)):
        by_parent[(item.section_id, item.parent_id)].append(item)

    def children_of(section_id, parent_id, parent_number, depth):
        nodes = []
        counters: dict[str, int] = defaultdict(int)
        for item in by_parent.get((section_id, parent_id), []):
            counters[item.style] += 1
            label, number = _label(item.style, counters[item.style], parent_number)
            node = ItemNode(item=item, label=label, depth=depth)
            node.children = children_of(section_id, item.pk, number, depth + 1)
            nodes.append(node)
        return nodes

    outline = []
    for index, section in enumerate(sorted(sections, key=lambda s: (s.order, s.pk or 0)), start=1):
        outline.append(SectionNode(section=section, label=roman(index),
                                   items=children_of(section.pk, None, "", 0)))
    return outline


def outline_as_text(outline: list[SectionNode]) -> str:
    """Plain text of the outline, one line per section or item (used for diffs and search)."""
    lines = []
    for section_node in outline:
        lines.append(f"{section_node.label}. {section_node.section.title}")
        if getattr(section_node.section, "intro", ""):
            lines.append(section_node.section.intro)
        for node in section_node.walk():
            head = " ".join(p for p in (node.label, node.item.heading) if p)
            body = node.item.text
            lines.append("    " * node.depth + " ".join(p for p in (head, body) if p))
    return "\n".join(lines)
