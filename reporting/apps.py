from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from plans.extensions import demo_loaders, header_items, nav_items, plan_detail_panels

        from .demo import load_obligations

        plan_detail_panels.register("reporting/documents/_plan_buttons.html")
        plan_detail_panels.register("reporting/_plan_obligations.html")
        nav_items.register("reporting/_nav.html")
        header_items.register("reporting/_header_bell.html")
        demo_loaders.register(load_obligations)
