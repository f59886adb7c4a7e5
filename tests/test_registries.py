"""The registries that let feature apps add to pages of plans/ and reporting/ without editing them."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from reporting.documents import registry as documents


def test_reporting_registers_its_three_document_sources_from_ready():
    assert {"plan", "report", "consolidated"} <= set(documents.registered())
    assert documents.source_for_key("report").model == "reporting.submission"


def test_a_document_source_key_registered_twice_is_refused():
    with pytest.raises(ImproperlyConfigured):
        documents.register("plan", documents.Source(model="x.y", adapter="a", loader="b", can_view="c"))


def test_a_feature_app_registers_its_own_document_source():
    source = documents.Source(model="plans.unit", adapter="a", loader="b", can_view="c")
    documents.register("test_unit", source)
    try:
        assert documents.source_for_key("test_unit") is source
    finally:
        documents.unregister("test_unit")
    assert documents.source_for_key("test_unit") is None
