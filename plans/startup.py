"""Start-up without the cyclic garbage collector's futile passes.

A process's start-up (settings, Celery, every app's models; WeasyPrint when a document is rendered)
makes some 150 000 objects that live as long as the process. Collecting meanwhile finds nothing to
free and scans them again and again (~0.15 s of every command's and worker's start), and the
interpreter's exit scanned them all once more (~0.17 s of render_plan's exit: now ~0.02 s). So the
collector waits, and then *freezes* them (``gc.freeze``): later collections skip them — the pattern the
``gc`` documentation gives for long-lived start-up objects.

``config/__init__.py`` calls ``begin()`` first thing (every process imports it first: ``manage.py``,
Celery, WSGI, pytest); ``config.apps.PortalAdminConfig.ready()`` calls ``end()`` once every app's
models are loaded. ``long_lived()`` does the same around a later import (``reporting.documents.pdf``).
The base layer holds it, so that every app may use it; imported before the settings, it imports
nothing but ``gc``.
"""

from __future__ import annotations

import contextlib
import gc


def pause() -> bool:
    """Stop the cyclic collector; ``True`` when this call stopped it (pass that to ``resume``)."""
    if not gc.isenabled():
        return False
    gc.disable()
    return True


def resume(paused: bool) -> None:
    """Freeze every object made so far, then restart the collector if ``pause`` stopped it."""
    gc.freeze()
    if paused:
        gc.enable()


@contextlib.contextmanager
def long_lived():
    """What is made inside lives as long as the process: no collection meanwhile, frozen after."""
    paused = pause()
    try:
        yield
    finally:
        resume(paused)


_paused_at_startup = False


def begin() -> None:
    global _paused_at_startup
    _paused_at_startup = pause()


def end() -> None:
    global _paused_at_startup
    resume(_paused_at_startup)
    _paused_at_startup = False
