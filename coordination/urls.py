from django.urls import path

from . import views

app_name = "coordination"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.agreement, name="agreement"),
    path("plans/<int:plan_pk>/agreement/", views.agreement_create, name="agreement_create"),
    path("parties/<int:pk>/", views.party_update, name="party_update"),
    path("<int:pk>/duties/new/", views.duty_create, name="duty_create"),
    path("duties/<int:pk>/", views.duty, name="duty"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
    path("<int:pk>/meetings/generate/", views.meetings_generate, name="meetings_generate"),
    path("<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/attendees/", views.attendee_add, name="attendee_add"),
    path("meetings/<int:pk>/minutes/", views.minutes_record, name="minutes_record"),
    path("meetings/<int:pk>/decisions/", views.decision_add, name="decision_add"),
    path("followups/", views.followups, name="followups"),
    path("followups/<int:pk>/close/", views.followup_close, name="followup_close"),
    path("models/", views.models, name="models"),
    path("models/new/", views.model_create, name="model_create"),
    path("models/<int:pk>/", views.model, name="model"),
    path("models/<int:pk>/select/", views.model_select, name="model_select"),
    path("models/<int:pk>/replications/", views.replication_add, name="replication_add"),
    path("incidents/", views.incidents, name="incidents"),
    path("<int:pk>/incidents/new/", views.incident_create, name="incident_create"),
    path("incidents/<int:pk>/", views.incident, name="incident"),
    path("democracy/", views.democracy, name="democracy"),
    path("democracy/checklists/open/", views.checklist_open, name="checklist_open"),
    path("democracy/checklists/<int:pk>/", views.checklist, name="checklist"),
    path("plans/<int:plan_pk>/committees/new/", views.committee_create, name="committee_create"),
    path("democracy/committees/<int:pk>/", views.committee, name="committee"),
    path("democracy/committees/<int:pk>/rules/", views.committee_rules, name="committee_rules"),
    path("commitments/", views.commitments, name="commitments"),
    path("commitments/<int:pk>/", views.commitment, name="commitment"),
]
