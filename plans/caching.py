"""Values shared by the web processes through the Django cache, and still served when the cache is down
(the cache backend, config.cache.TolerantRedisCache, answers a miss then: the value is computed from the database).

Nothing here is kept in a process: several web processes run, and each must see a change at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def read_through(key: str, seconds: int, compute: Callable[[], object]):
    """The cached value of ``key``, else ``compute()`` (then cached for ``seconds``); ``compute()`` alone when the
    cache does not answer."""
    from django.core.cache import cache

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
