from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from .extensions import nav_items, search_sources
        from .search import PLANS_SOURCE

        search_sources.register(PLANS_SOURCE)
        nav_items.register("search/_nav.html")
