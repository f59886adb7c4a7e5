"""Sessions in the cache, kept in the database (``SESSION_ENGINE = "config.sessions"``).

Django's ``cached_db`` reads a session from the cache and falls back to the database on a miss, but only
``load()``'s read and ``save()``'s write survive a cache error: the write-back after a miss, ``exists()`` (a new
session key) and ``delete()`` (log-out, a new key at log-in) raise when Redis is down. This store catches those
too, so that with Redis down every page keeps working from the database (one query more per request) and the
cache fills again when Redis is back. The one place that decides it.
"""

from __future__ import annotations

import logging

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

logger = logging.getLogger("django.contrib.sessions")


class SessionStore(CachedDBStore):
    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except Exception:  # a cache that does not answer, or a key it refuses: read the database
            data = None
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        self._cache_quietly("set", self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        return data

    def exists(self, session_key):
        if session_key:
            try:
                if (self.cache_key_prefix + session_key) in self._cache:
                    return True
            except Exception:
                logger.warning("The session cache does not answer; checking the database", exc_info=True)
        return super(CachedDBStore, self).exists(session_key)

    def delete(self, session_key=None):
        super(CachedDBStore, self).delete(session_key)
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        self._cache_quietly("delete", self.cache_key_prefix + session_key)

    def _cache_quietly(self, method: str, *args):
        try:
            getattr(self._cache, method)(*args)
        except Exception:
            logger.warning("The session cache does not answer (%s)", method, exc_info=True)
