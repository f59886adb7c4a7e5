"""Limits of the public question form: submissions per address, counted in the Django cache.

The cache is Redis in production and under ``make test`` (shared by every process), so a flood
spread over several web workers is still counted once. The window is fixed: the first submission
of an address opens it, ``DIALOGUE_RATE_WINDOW`` seconds long, and at most ``DIALOGUE_RATE_LIMIT``
submissions are accepted in it.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

RATE_LIMIT = getattr(settings, "DIALOGUE_RATE_LIMIT", 5)
RATE_WINDOW = getattr(settings, "DIALOGUE_RATE_WINDOW", 15 * 60)
TEXT_MAX = 4000
HONEYPOT_FIELD = "website"


def _key(address: str) -> str:
    return "dialogue:rate:" + hashlib.sha256((address or "-").encode()).hexdigest()[:32]


def take(address: str) -> bool:
    """Count one submission of ``address``; False when its limit in the window is spent (nothing counted then)."""
    key = _key(address)
    if cache.add(key, 1, timeout=RATE_WINDOW):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=RATE_WINDOW)
        return True
    return count <= RATE_LIMIT


def client_address(request) -> str:
    """The address the request came from (the reverse proxy must set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR", "") or "-"
