"""A small vocabulary for writing plans as data: items, duties and legal bases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from plans.choices import ItemStyle


@dataclass
class Duty:
    """A responsibility: ``lead`` is a unit code, or ``lead_text`` the body as the document names it."""

    lead: str = ""
    lead_text: str = ""
    support: tuple[str, ...] = ()
    due: dt.date | None = None
    recurrence: str = ""
    output: str = ""


@dataclass
class It:
    style: str
    text: str = ""
    heading: str = ""
    children: list[It] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)


def _item(style: str, text: str, children, heading: str, duty) -> It:
    duties = list(duty) if isinstance(duty, (list, tuple)) else ([duty] if duty else [])
    return It(style=style, text=text, heading=heading, children=list(children), duties=duties)


def num(text: str = "", *children: It, heading: str = "", duty=None) -> It:
    return _item(ItemStyle.NUMBER, text, children, heading, duty)


def let(text: str = "", *children: It, heading: str = "", duty=None) -> It:
    return _item(ItemStyle.LETTER, text, children, heading, duty)


def dash(text: str, *children: It, heading: str = "", duty=None) -> It:
    return _item(ItemStyle.DASH, text, children, heading, duty)


def plus(text: str, *children: It, heading: str = "", duty=None) -> It:
    return _item(ItemStyle.PLUS, text, children, heading, duty)


def para(text: str, *children: It, duty=None) -> It:
    return _item(ItemStyle.PARAGRAPH, text, children, "", duty)


@dataclass
class Sec:
    title: str
    items: list[It] = field(default_factory=list)
    intro: str = ""


def sec(title: str, *items: It, intro: str = "") -> Sec:
    return Sec(title=title, items=list(items), intro=intro)


def basis(doc_type: str, number: str, date: dt.date | None, issuer: str, summary: str = "",
          lead_in: str = "Căn cứ") -> dict:
    return {"lead_in": lead_in, "doc_type": doc_type, "number": number, "date": date, "issuer": issuer,
            "summary": summary}


@dataclass
class Step:
    """A workflow step done by the user ``by`` (a demo username)."""

    action: str  # submit | return | approve | issue | start | close
    by: str
    comment: str = ""
    on: dt.date | None = None  # the issue date for "issue"


@dataclass
class DemoPlan:
    key: str
    author: str  # username of the drafting author
    owner: str  # unit code of the drafting unit
    issuers: list[str]
    header: dict
    legal_bases: list[dict] = field(default_factory=list)
    sections: list[Sec] = field(default_factory=list)
    recipients: list[tuple[str, str] | tuple[str, str, str]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    plan_duties: list[Duty] = field(default_factory=list)  # duties of the whole plan (no item)

    @property
    def title(self) -> str:
        return self.header["title"]

    @property
    def year(self) -> int:
        return self.header["year"]

    def count_items(self) -> int:
        def walk(items):
            return sum(1 + walk(i.children) for i in items)

        return sum(walk(s.items) for s in self.sections)
