from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Emulation")

    def ready(self):
        from plans.extensions import demo_loaders, nav_items, plan_detail_panels
        from reporting.documents.registry import Source, register
        from reporting.extensions import dashboard_panels, report_sections

        from .panels import PANEL
        from .report_section import SECTION

        plan_detail_panels.register("emulation/_plan_panel.html")
        nav_items.register("emulation/_nav.html")
        report_sections.register(SECTION)
        from plans.caching import moves_with

        from .models import Movement, Target
        from .report_section import GENERATION, TARGETS

        # what is cached from the app's rows: its panel's context; which plans' reports carry its section
        moves_with(GENERATION, self.get_models(include_auto_created=True))
        moves_with(TARGETS, (Movement, Target))
        dashboard_panels.register(PANEL)
        demo_loaders.register("emulation.demo.load_demo")
        register("emulation_decision", Source(model="emulation.decisionlist",
                                              adapter="emulation.documents.decision_document",
                                              loader="emulation.documents.load_decision",
                                              can_view="emulation.documents.can_view_decision"))
