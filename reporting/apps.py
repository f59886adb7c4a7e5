from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from plans.extensions import nav_items, plan_detail_panels

        plan_detail_panels.register("reporting/documents/_plan_buttons.html")
        nav_items.register("reporting/_nav.html")
