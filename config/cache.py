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

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 60.0  # one warning a minute per process, not one per request


class TolerantRedisCache(RedisCache):
    _last_logged = 0.0

    def _failed(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - TolerantRedisCache._last_logged >= LOG_EVERY_SECONDS:
            TolerantRedisCache._last_logged = now
            logger.warning("Redis cache unavailable (%s: %s); answering as a miss", operation, error)

    def add(self, key, *args, **kwargs):
        try:
            return super().add(key, *args, **kwargs)
        except RedisError as error:
            self._failed("add", error)
            return False

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            self._failed("get", error)
            return default

    def set(self, key, *args, **kwargs):
        try:
            return super().set(key, *args, **kwargs)
        except RedisError as error:
            self._failed("set", error)

    def touch(self, key, *args, **kwargs):
        try:
            return super().touch(key, *args, **kwargs)
        except RedisError as error:
            self._failed("touch", error)
            return False

    def delete(self, key, *args, **kwargs):
        try:
            return super().delete(key, *args, **kwargs)
        except RedisError as error:
            self._failed("delete", error)
            return False

    def get_many(self, keys, *args, **kwargs):
        try:
            return super().get_many(keys, *args, **kwargs)
        except RedisError as error:
            self._failed("get_many", error)
            return {}

    def has_key(self, key, *args, **kwargs):
        try:
            return super().has_key(key, *args, **kwargs)
        except RedisError as error:
            self._failed("has_key", error)
            return False

    def incr(self, key, *args, **kwargs):
        try:
            return super().incr(key, *args, **kwargs)
        except RedisError as error:
            self._failed("incr", error)
            raise ValueError(f"Key '{key}' not found (Redis unavailable)") from error

    def set_many(self, data, *args, **kwargs):
        try:
            return super().set_many(data, *args, **kwargs)
        except RedisError as error:
            self._failed("set_many", error)
            return list(data)  # the keys that were not stored

    def delete_many(self, keys, *args, **kwargs):
        try:
            return super().delete_many(keys, *args, **kwargs)
        except RedisError as error:
            self._failed("delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            self._failed("clear", error)
            return False
