from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = _("Dialogue")

    def ready(self):
        from plans.caching import moves_with
        from plans.extensions import demo_loaders, nav_items
        from reporting.documents.registry import Source, register
        from reporting.extensions import dashboard_panels, report_sections
        from reporting.notifications import register_kind

        from .extensions import DASHBOARD_PANEL, REPORT_SECTION

        moves_with("dialogue", self.get_models(include_auto_created=True))  # its panel's cached context
        nav_items.register("dialogue/_nav.html")
        demo_loaders.register("dialogue.demo.load_demo")
        dashboard_panels.register(DASHBOARD_PANEL)
        report_sections.register(REPORT_SECTION)
        register("dialogue_invitation", Source(model="dialogue.session",
                                               adapter="dialogue.documents.invitation_document",
                                               loader="dialogue.selectors.session_get",
                                               can_view="dialogue.selectors.can_view_session"))
        register("dialogue_minutes", Source(model="dialogue.minutes", adapter="dialogue.documents.minutes_document",
                                            loader="dialogue.selectors.minutes_get",
                                            can_view="dialogue.selectors.can_view_minutes"))
        register_kind("dialogue_follow_up_assigned",
                      _("Your unit is responsible for the follow-up “%(title)s”, due on %(due)s."))
        register_kind("dialogue_follow_up_due", _("Reminder: the follow-up “%(title)s” is due on %(due)s."))
        register_kind("dialogue_follow_up_overdue", _("Overdue: the follow-up “%(title)s” was due on %(due)s."))
        register_kind("dialogue_petition_assigned",
                      _("A petition was assigned to your unit: %(title)s, due on %(due)s."))
        register_kind("dialogue_petition_overdue", _("Overdue petition: %(title)s, due on %(due)s."))
