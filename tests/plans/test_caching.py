"""plans.caching.read_through_at: a value kept with the generations it was computed at, read with them at once."""

import pytest
from django.core.cache import cache

from plans.caching import next_generation, read_through_at

pytestmark = pytest.mark.django_db  # next_generation moves the generation again when the transaction commits


def counted(monkeypatch) -> list[str]:
    """The cache's reads during the test (what a request pays in round trips to Redis; the local-memory cache of
    the tests reads each key of a ``get_many`` with ``get``, which is not counted again)."""
    reads, inside = [], []
    for name in ("get", "get_many"):
        method = getattr(cache, name)

        def read(*args, _name=name, _method=method, **kwargs):
            if not inside:
                reads.append(_name)
            inside.append(_name)
            try:
                return _method(*args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(cache, name, read)
    return reads


def test_a_value_is_computed_once_per_generation_and_read_with_them_in_one_round_trip(monkeypatch):
    computed = []

    def compute():
        computed.append(1)
        return {"units": len(computed)}

    assert read_through_at(["a", "b"], "test:value", 60, compute) == {"units": 1}
    reads = counted(monkeypatch)
    assert read_through_at(["a", "b"], "test:value", 60, compute) == {"units": 1}
    assert reads == ["get_many"] and len(computed) == 1
    next_generation("b")  # a row it was computed from changed
    assert read_through_at(["a", "b"], "test:value", 60, compute) == {"units": 2}
    assert read_through_at(["a", "b"], "test:value", 60, compute) == {"units": 2}
    next_generation("c")  # another name's rows: nothing to do with this value
    assert read_through_at(["a", "b"], "test:value", 60, compute) == {"units": 2}


def test_none_is_kept_like_any_other_value():
    computed = []
    for _ in range(3):
        assert read_through_at(["a"], "test:none", 60, lambda: computed.append(1)) is None
    assert computed == [1]


def test_a_value_kept_otherwise_under_the_key_is_not_taken_for_one():
    cache.set("test:plain", "a value cached by read_through", 60)
    assert read_through_at(["a"], "test:plain", 60, lambda: "computed") == "computed"


def test_keys_read_along_are_kept_on_their_holder_and_used_once(monkeypatch):
    from types import SimpleNamespace

    from django.utils.functional import SimpleLazyObject

    from plans.caching import read_through

    cache.set("test:header", {"unread": 2}, 60)
    user = SimpleNamespace()
    holder = SimpleLazyObject(lambda: user)  # as request.user is
    reads = counted(monkeypatch)
    assert read_through("test:roles", 60, lambda: {"unit_head"}, holder=holder,
                        along=["test:header", "test:absent"]) == {"unit_head"}
    assert reads == ["get_many"]
    assert read_through("test:header", 60, lambda: "computed", holder=holder) == {"unread": 2}
    assert read_through("test:absent", 60, lambda: "computed", holder=user) == "computed"  # a miss: computed, kept
    assert reads == ["get_many"]  # no second round trip
    cache.set("test:header", {"unread": 3}, 60)
    assert read_through("test:header", 60, lambda: "computed", holder=holder) == {"unread": 3}  # used once
    assert reads == ["get_many", "get"]
    assert cache.get("test:absent") == "computed"


def test_generations_read_along_need_no_round_trip_of_their_own(monkeypatch):
    from types import SimpleNamespace

    from plans.caching import generation, generation_key, generations, read_through

    next_generation("a")
    holder = SimpleNamespace()
    read_through("test:roles", 60, lambda: "x", holder=holder, along=[generation_key("a"), generation_key("new")])
    reads = counted(monkeypatch)
    found = generations("a", "new", holder=holder)
    assert reads == []
    assert found == (generation("a"), generation("new"))  # "new" started, as generation() would
    del reads[:]
    assert generations("a", holder=holder) == found[:1] and reads == ["get_many"]  # each used once
