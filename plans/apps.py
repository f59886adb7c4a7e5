from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from .extensions import nav_items, plan_detail_panels, search_sources
        from .search import PLANS_SOURCE

        search_sources.register(PLANS_SOURCE)
        nav_items.register("search/_nav.html")
        plan_detail_panels.register("plans/import/_plan_proposals.html")
