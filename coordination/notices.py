"""The notification kinds of coordination (registered from ``CoordinationConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

KINDS = {
    "coordination_followup_assigned": _("A decision of “%(meeting)s” was assigned to you: “%(title)s”, due on "
                                        "%(due)s."),
    "coordination_followup_due": _("Reminder: the follow-up “%(title)s” (%(meeting)s) is due on %(due)s."),
    "coordination_followup_overdue": _("Overdue: the follow-up “%(title)s” (%(meeting)s) was due on %(due)s."),
}
