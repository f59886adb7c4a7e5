from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from plans.extensions import (
            demo_loaders,
            header_items,
            nav_items,
            nav_vary,
            plan_detail_panels,
            user_cache_keys,
        )

        from .documents.registry import Source, register
        from .extensions import COMPLIANCE_PANEL, dashboard_panels

        plan_detail_panels.register("reporting/documents/_plan_buttons.html")
        plan_detail_panels.register("reporting/_plan_obligations.html")
        nav_items.register("reporting/_nav.html")
        nav_vary.register("reporting.selectors.menu_calendar_token")  # the menu's calendar link
        header_items.register("reporting/_header_bell.html")
        user_cache_keys.register("reporting.selectors.header_key")  # the bell's state, read with the roles
        user_cache_keys.register("reporting.selectors.unit_generation_keys")  # and the unit's generations
        demo_loaders.register("reporting.demo.load_obligations")
        dashboard_panels.register(COMPLIANCE_PANEL)

        register("plan", Source(model="plans.plan", adapter="reporting.documents.plans.plan_document",
                                loader="plans.selectors.plan_get", can_view="plans.policy.can_view_plan"))
        register("report", Source(model="reporting.submission", adapter="reporting.documents.reports.report_document",
                                  loader="reporting.documents.reports.load_report",
                                  can_view="reporting.documents.reports.can_view_report"))
        register("consolidated", Source(model="reporting.consolidatedreport",
                                        adapter="reporting.documents.reports.consolidated_document",
                                        loader="reporting.documents.reports.load_consolidated",
                                        can_view="reporting.documents.reports.can_view_consolidated"))
        # Leadership's dashboards (reporting/dashboards/): the overview as a BÁO CÁO, its cache kept fresh.
        register("dashboard", Source(model="plans.user", adapter="reporting.dashboards.documents.dashboard_document",
                                     loader="reporting.dashboards.documents.load_dashboard",
                                     can_view="reporting.dashboards.documents.can_view_dashboard"))
        from . import progress
        from .dashboards.signals import connect

        connect()
        progress.connect()  # what each task's lead unit last reported, for the dashboards' done counts
        # the header's cached state (reporting.selectors.header_state) follows the notices and calendar keys
        from django.db.models.signals import post_delete, post_save

        from .models import CalendarKey, Notification
        from .selectors import header_forget_for

        for model in (Notification, CalendarKey):
            post_save.connect(header_forget_for, sender=model, dispatch_uid=f"header-{model.__name__}-save")
            post_delete.connect(header_forget_for, sender=model, dispatch_uid=f"header-{model.__name__}-delete")
        # what the unit heads' inbox caches (reporting.selectors._unit_key) follows what it is read from
        from plans.caching import moves_with
        from plans.models import Item, Plan, Responsibility, Section, Unit

        from .models import Holiday, Indicator, ObligationIndicator, Period, ReportingObligation, ReportRequest
        from .selectors import SETUP, unit_requests_changed

        moves_with(SETUP, (ReportingObligation, ReportingObligation.units.through, ObligationIndicator, Indicator,
                           Plan, Section, Item, Responsibility, Unit, Period, Holiday))
        post_save.connect(unit_requests_changed, sender=ReportRequest, dispatch_uid="unit-requests-save")
        post_delete.connect(unit_requests_changed, sender=ReportRequest, dispatch_uid="unit-requests-delete")
