"""A tiny DOM reader for tests: the elements of an HTML string with their attributes and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"meta", "br", "img", "input", "link", "hr", "rect", "line", "path"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(el)
        if tag not in _VOID:
            self.open.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self.open:
            el.text.append(data)


def parse(markup: str) -> list[Element]:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector.elements


def select(markup: str, cls: str | None = None, tag: str | None = None, **attrs: str) -> list[Element]:
    """Elements with the given class, tag and attribute values (``data_kind`` means ``data-kind``)."""
    wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
    return [el for el in parse(markup)
            if (cls is None or cls in el.classes) and (tag is None or el.tag == tag)
            and all(el.attrs.get(k) == v for k, v in wanted.items())]
