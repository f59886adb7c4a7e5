"""Values shared by the web processes through the Django cache, and still served when the cache is down
(the cache backend, config.cache.TolerantRedisCache, answers a miss then: the value is computed from the database).

Nothing here is kept in a process: several web processes run, and each must see a change at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# where the values read along with another (``read_through``'s ``along``) wait on their holder, for this request
READ_ALONG = "_cache_read_along"


def read_through(key: str, seconds: int, compute: Callable[[], object], *, holder=None, along: Iterable[str] = ()):
    """The cached value of ``key``, else ``compute()`` (then cached for ``seconds``); ``compute()`` alone when the
    cache does not answer.

    ``along``: other keys read in the same round trip and kept on ``holder`` (an object of this request, e.g. the
    logged-in user), so that a later ``read_through`` of one of them with the same ``holder`` asks the cache
    nothing; each is used once."""
    from django.core.cache import cache

    kept = getattr(holder, READ_ALONG, None) if holder is not None else None  # (through a lazy request.user too)
    along = [name for name in along if name != key]
    if kept is not None and key in kept:
        found = kept.pop(key)
    elif along:
        values = cache.get_many([key, *along])
        found = values.get(key)
        if holder is not None:
            setattr(holder, READ_ALONG, {**(getattr(holder, READ_ALONG, None) or {}),
                                         **{name: values.get(name) for name in along}})
    else:
        found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, seconds)
    return found


def forget(keys: Iterable[str]) -> None:
    """Drop ``keys`` now and again when the current transaction commits (a request that read the old rows
    meanwhile must not keep them cached). With the cache down, what it holds expires by its timeout."""
    from django.core.cache import cache
    from django.db import transaction

    keys = list(dict.fromkeys(keys))
    if not keys:
        return

    def drop():
        cache.delete_many(keys)

    drop()
    transaction.on_commit(drop)


def generation(name: str) -> int:
    """The current generation of ``name``: a counter kept in the cache, part of the key of every value computed
    from the rows ``name`` stands for, so that one ``next_generation(name)`` retires all of them at once (the old
    entries are never read again and expire by their timeout). A counter that was lost (evicted, Redis
    restarted) starts again from the clock, above every earlier generation; so does one the cache does not keep."""
    from django.core.cache import cache

    return cache.get_or_set(generation_key(name), _fresh_generation, None)


def generation_key(name: str) -> str:
    """The cache key of the generation ``name`` (for ``read_through``'s ``along``, as ``generations`` reads it)."""
    return f"generation:{name}"


def generations(*names: str, holder=None) -> tuple[int, ...]:
    """``generation(name)`` of each of ``names``, in one round trip to the cache; none if all were read along with
    another value (``read_through``'s ``along``) and kept on ``holder``."""
    from django.core.cache import cache

    keys = [generation_key(name) for name in names]
    kept = getattr(holder, READ_ALONG, None) if holder is not None else None
    if kept is not None and all(key in kept for key in keys):
        found = {key: value for key in keys if (value := kept.pop(key)) is not None}
    else:
        found = cache.get_many(keys)
    return _generations_in(found, keys)


def _generations_in(found: dict, keys: list[str]) -> tuple[int, ...]:
    """The generations ``keys`` in ``found`` (what the cache answered), each one missing started (``generation``)."""
    from django.core.cache import cache

    for key in keys:
        if key not in found:
            fresh = _fresh_generation()
            found[key] = fresh if cache.add(key, fresh, None) else cache.get(key, fresh)
    return tuple(found[key] for key in keys)


def read_through_at(names: Iterable[str], key: str, seconds: int, compute: Callable[[], object]):
    """``read_through`` of a value computed from the rows the generations ``names`` stand for: kept under ``key``
    with the generations it was computed at, read with them in one round trip to the cache (a key made of the
    generations takes two: them, then the value). A value of other generations is computed again, as a missing
    one; so is every value while the cache does not answer. ``None`` is a value like any other."""
    from django.core.cache import cache

    keys = [generation_key(name) for name in names]
    found = cache.get_many([*keys, key])
    versions = _generations_in(found, keys)
    kept = found.get(key)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == versions:
        return kept[1]
    value = compute()
    cache.set(key, (versions, value), seconds)
    return value


def _fresh_generation() -> int:
    import time

    return time.time_ns() // 1000


def next_generation(name: str) -> None:
    """Start a new generation of ``name``, now and again when the current transaction commits (a request that
    read the old rows meanwhile must not have cached them under the new generation)."""
    from django.core.cache import cache
    from django.db import transaction

    def bump():
        try:
            cache.incr(generation_key(name))
        except ValueError:  # not set yet, or the cache does not answer
            cache.set(generation_key(name), _fresh_generation(), None)

    bump()
    transaction.on_commit(bump)


def moves_with(name: str, models) -> None:
    """Start a new generation of ``name`` whenever a row of one of ``models`` is saved or deleted, or one of their
    many-to-many links changes (call it from an ``AppConfig.ready()``; bulk writes send no signal and must call
    ``next_generation`` themselves)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    def moved(**kwargs):
        next_generation(name)

    for model in models:
        uid = f"generation-{name}-{model._meta.label_lower}"
        if model._meta.auto_created:  # a many-to-many table
            m2m_changed.connect(moved, sender=model, weak=False, dispatch_uid=f"{uid}-m2m")
            continue
        post_save.connect(moved, sender=model, weak=False, dispatch_uid=f"{uid}-save")
        post_delete.connect(moved, sender=model, weak=False, dispatch_uid=f"{uid}-delete")
