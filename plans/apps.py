from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .extensions import nav_items, plan_detail_panels, search_sources
        from .search import PLANS_SOURCE
        from .selectors import unit_choices_forget

        for signal in (post_save, post_delete):
            signal.connect(unit_choices_forget, sender="plans.Unit", dispatch_uid=f"unit-choices-{signal}")

        search_sources.register(PLANS_SOURCE)
        nav_items.register("search/_nav.html")
        plan_detail_panels.register("plans/import/_plan_proposals.html")
