"""In-portal notifications: stored as a kind and its parameters, put into words when read.

The text is made at read time, in the reader's language (the language of the request
that shows it), never in the language of whoever triggered it. An app adds its own kinds:

    from reporting.notifications import register_kind
    register_kind("dialogue_followup_due", _("The follow-up “%(title)s” is due on %(due)s."))

Parameters are JSON values. Two are put into words before formatting: ``period`` (a dict
made by ``period_param``) becomes the period's label, ``due`` (an ISO date) becomes
``dd/mm/yyyy``.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

_KINDS: dict[str, str] = {}


def register_kind(kind: str, message) -> None:
    """``message``: a lazily translated text with ``%(name)s`` placeholders for the parameters."""
    if kind in _KINDS and _KINDS[kind] is not message:
        raise ValueError(f"Notification kind {kind!r} is already registered")
    _KINDS[kind] = message


def period_param(period) -> dict:
    return {"type": period.period_type, "year": period.year, "index": period.index,
            "start": period.start.isoformat(), "end": period.end.isoformat()}


def _words(params: dict) -> dict:
    from .periods import period_label

    words = dict(params)
    period = params.get("period")
    if isinstance(period, dict):
        try:
            words["period"] = period_label(period["type"], period["year"], period["index"],
                                           dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"]))
        except (KeyError, TypeError, ValueError):
            words["period"] = ""
    due = params.get("due")
    if isinstance(due, str):
        try:
            words["due"] = f"{dt.date.fromisoformat(due):%d/%m/%Y}"
        except ValueError:
            pass
    return words


def notification_text(notification) -> str:
    """The notice in the active language; a notice of an unknown kind shows its stored text."""
    message = _KINDS.get(notification.kind)
    if message is None:
        return notification.text
    try:
        return str(message) % _words(notification.params or {})  # str() translates into the active language
    except (KeyError, TypeError, ValueError):
        return notification.text


def notify(users, *, kind: str, params: dict, url: str = "") -> int:
    """Write one notice of ``kind`` to each of ``users`` (in the caller's transaction)."""
    return notify_each([(users, kind, params, url)])


def notify_each(notices) -> int:
    """``notify`` for many notices in one insert: ``notices`` is an iterable of ``(users, kind, params, url)``."""
    from .models import Notification

    rows = []
    for users, kind, params, url in notices:
        if kind not in _KINDS:
            raise ValueError(f"Unknown notification kind {kind!r}")
        rows += [Notification(user=user, kind=kind, params=params, url=url[:300]) for user in users]
    rows = Notification.objects.bulk_create(rows, batch_size=1000)
    from .selectors import header_forget

    header_forget(row.user_id for row in rows)
    return len(rows)


register_kind("report_reminder", _("Reminder: the report “%(title)s” (%(period)s) is due on %(due)s, "
                                   "in %(days)d day(s)."))
register_kind("report_overdue", _("Overdue: %(unit)s has not submitted “%(title)s” (%(period)s), due on %(due)s."))
register_kind("report_submitted", _("%(unit)s submitted “%(title)s” (%(period)s)."))
register_kind("report_accepted", _("Your report “%(title)s” (%(period)s) was accepted."))
register_kind("report_returned", _("Your report “%(title)s” (%(period)s) was returned: %(comment)s"))
