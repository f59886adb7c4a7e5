"""The Redis cache with Redis down (config.cache.TolerantRedisCache): misses and no-ops, never an error."""

import pytest

from config.cache import TolerantRedisCache
from tests.faults.processes import free_port


@pytest.fixture
def dead_cache():
    # a port where nothing listens: every command fails to connect at once
    return TolerantRedisCache(f"redis://127.0.0.1:{free_port()}/0",
                              {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}})


def test_reads_are_misses_and_writes_do_nothing(dead_cache):
    assert dead_cache.get("figures") is None and dead_cache.get("figures", "default") == "default"
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.has_key("a") is False
    dead_cache.set("figures", {"plans": 3})
    assert dead_cache.add("rate", 1) is False
    assert dead_cache.delete("figures") is False and dead_cache.touch("figures") is False
    assert dead_cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    dead_cache.delete_many(["a", "b"])
    dead_cache.clear()


def test_counters_behave_as_for_a_missing_key_and_get_or_set_gives_the_computed_value(dead_cache):
    with pytest.raises(ValueError):
        dead_cache.incr("version")
    with pytest.raises(ValueError):
        dead_cache.decr("version")
    assert dead_cache.get_or_set("version", 1, None) == 1


def test_one_redis_client_serves_every_operation_and_values_round_trip(settings):
    if not settings.REDIS_URL:
        pytest.skip("no Redis (CI=true requires it)")
    cache = TolerantRedisCache(settings.REDIS_URL, {"KEY_PREFIX": "test-cache-client"})
    client = cache._cache.get_client()
    assert cache._cache.get_client("figures", write=True) is client  # not a new redis.Redis per operation
    cache.set("figures", {"plans": 3})
    assert cache.get("figures") == {"plans": 3} and cache.get_many(["figures", "none"]) == {"figures": {"plans": 3}}
    cache.delete("figures")
    assert cache.get("figures") is None and cache._cache.get_client() is client
