from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self):
        from plans.caching import moves_with
        from plans.extensions import demo_loaders, nav_items, plan_detail_panels
        from reporting.documents.registry import Source, register
        from reporting.extensions import CalendarSource, calendar_sources, dashboard_panels, report_sections
        from reporting.notifications import register_kind

        from .notices import KINDS
        from .panels import PANEL
        from .sections import SECTION

        moves_with("coordination", self.get_models(include_auto_created=True))  # its panel's cached context
        plan_detail_panels.register("coordination/_plan_panel.html")
        nav_items.register("coordination/_nav.html")
        demo_loaders.register("coordination.demo.load_demo")
        dashboard_panels.register(PANEL)
        report_sections.register(SECTION)
        from .selectors import calendar_meetings

        calendar_sources.register(CalendarSource(key="coordination_meetings", events=calendar_meetings, order=20))
        for kind, message in KINDS.items():
            register_kind(kind, message)
        register("invitation", Source(model="coordination.meeting",
                                      adapter="coordination.documents.invitation_document",
                                      loader="coordination.selectors.meeting_get",
                                      can_view="coordination.policy.can_view_meeting"))
        register("minutes", Source(model="coordination.minutes", adapter="coordination.documents.minutes_document",
                                   loader="coordination.selectors.minutes_get",
                                   can_view="coordination.policy.can_view_minutes"))
