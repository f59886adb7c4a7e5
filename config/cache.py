"""The Redis cache, tolerant of a Redis that is down: every error is logged and treated as a miss.

Django's ``RedisCache`` raises ``redis.ConnectionError`` from ``cache.get`` when Redis does not
answer, so every page that reads the cache (the dashboards, the cached sessions, the public form's
rate limit) would fail with a 500. Here a read answers as a miss (``default``, ``{}``, ``False``), a
write does nothing, ``incr`` raises ``ValueError`` as for a missing key; the caller goes on to the
database. The connection timeouts (``OPTIONS``: ``socket_connect_timeout``, ``socket_timeout``,
from ``REDIS_CONNECT_TIMEOUT``) keep a Redis that does not answer from holding a request.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 60.0  # one warning a minute per process, not one per request
_last_logged = [float("-inf")]


def _failed(operation: str, error: Exception) -> None:
    now = time.monotonic()
    if now - _last_logged[0] >= LOG_EVERY_SECONDS:
        _last_logged[0] = now
        logger.warning("Redis cache unavailable (%s: %s); answering as a miss", operation, error)


def _tolerant(name: str, answer):
    """``RedisCache.<name>``, which gives ``answer(*its arguments)`` when Redis fails."""
    parent = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        try:
            return parent(self, *args, **kwargs)
        except RedisError as error:
            _failed(name, error)
            return answer(*args, **kwargs)

    method.__name__ = method.__qualname__ = name
    return method


def _false(*args, **kwargs) -> bool:
    return False


def _none(*args, **kwargs) -> None:
    return None


def _missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (Redis unavailable)")


class ReusedClient(RedisCacheClient):
    """Django's Redis cache client, with one ``redis.Redis`` per connection pool for the process.

    Django's client makes a new ``redis.Redis`` for every cache operation (``get_client``), and redis-py's
    constructor fills a table of some 170 response callbacks each time: ~0.1 ms of every ``get``, several per page
    (the session, the cached rows, their generations). A ``redis.Redis`` is thread-safe and holds no state of its
    own but the pool, so one per pool serves every operation.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient

    get = _tolerant("get", lambda key, default=None, version=None: default)
    get_many = _tolerant("get_many", lambda keys, *args, **kwargs: {})
    has_key = _tolerant("has_key", _false)
    add = _tolerant("add", _false)  # not added: a rate limit counts nothing while Redis is away
    set = _tolerant("set", _none)
    set_many = _tolerant("set_many", lambda data, *args, **kwargs: list(data))  # the keys not stored
    touch = _tolerant("touch", _false)
    delete = _tolerant("delete", _false)
    delete_many = _tolerant("delete_many", _none)
    incr = _tolerant("incr", _missing)  # decr is incr with -delta
    clear = _tolerant("clear", _false)
