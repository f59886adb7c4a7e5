"""Templates are compiled once per process: the cached loader is in effect for the pages and the form widgets
(Django's default when TEMPLATES names no loaders; a `loaders` option would silently turn it off)."""

from django.forms.renderers import get_default_renderer
from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader


def test_pages_and_form_widgets_use_the_cached_template_loader(settings):
    assert all("loaders" not in backend.get("OPTIONS", {}) for backend in settings.TEMPLATES)
    assert [type(loader) for loader in engines["django"].engine.template_loaders] == [CachedLoader]
    assert [type(loader) for loader in get_default_renderer().engine.engine.template_loaders] == [CachedLoader]
