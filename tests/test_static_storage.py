"""The production static storage (``config.storage``) answers each address as the manifest storage does, worked
out once per name."""

import json

import pytest
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage as Plain
from django.test import override_settings

from config.storage import ManifestStaticFilesStorage


@pytest.fixture
def root(tmp_path):
    (tmp_path / "staticfiles.json").write_text(json.dumps(
        {"version": "1.1", "hash": "x", "paths": {"css/portal.css": "css/portal.5f4c24f906e8.css"}}))
    return tmp_path


@override_settings(DEBUG=False)
def test_the_hashed_address_is_the_manifest_storage_one_and_kept(root, monkeypatch):
    kept, plain = (cls(location=str(root), base_url="/static/") for cls in (ManifestStaticFilesStorage, Plain))
    assert kept.url("css/portal.css") == plain.url("css/portal.css") == "/static/css/portal.5f4c24f906e8.css"
    # the second answer comes from the memo: the manifest is no longer asked
    monkeypatch.setattr(kept, "hashed_files", {})
    assert kept.url("css/portal.css") == "/static/css/portal.5f4c24f906e8.css"
    monkeypatch.setattr(plain, "hashed_files", {})  # the parent asks it every time
    with pytest.raises(ValueError):
        plain.url("css/portal.css")


@override_settings(DEBUG=False)
def test_a_name_the_manifest_lacks_still_raises_and_is_not_kept(root):
    storage = ManifestStaticFilesStorage(location=str(root), base_url="/static/")
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/khong-co.css")
    assert "css/khong-co.css" not in storage._urls


@override_settings(DEBUG=True)
def test_debug_answers_the_unhashed_name(root):
    storage = ManifestStaticFilesStorage(location=str(root), base_url="/static/")
    assert storage.url("css/portal.css") == "/static/css/portal.css"
    assert storage._urls == {}
