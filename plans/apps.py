from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

        from .extensions import nav_items, plan_detail_panels, search_sources
        from .models import User
        from .search import PLANS_SOURCE
        from .selectors import roles_forget_group, roles_forget_memberships, unit_choices_forget

        for signal in (post_save, post_delete):
            signal.connect(unit_choices_forget, sender="plans.Unit", dispatch_uid=f"unit-choices-{signal}")
        # the cached roles (plans.selectors.group_names) follow the memberships and the groups
        m2m_changed.connect(roles_forget_memberships, sender=User.groups.through, dispatch_uid="roles-memberships")
        post_save.connect(roles_forget_group, sender=Group, dispatch_uid="roles-group-save")
        pre_delete.connect(roles_forget_group, sender=Group, dispatch_uid="roles-group-delete")

        search_sources.register(PLANS_SOURCE)
        nav_items.register("search/_nav.html")
        plan_detail_panels.register("plans/import/_plan_proposals.html")
