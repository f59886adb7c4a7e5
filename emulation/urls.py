from django.urls import path

from . import views

app_name = "emulation"

urlpatterns = [
    path("", views.movements, name="movements"),
    path("plan/<int:plan>/new/", views.movement_create, name="movement_create"),
    path("<int:pk>/", views.movement, name="movement"),
    path("<int:pk>/phases/new/", views.phase_create, name="phase_create"),
    path("<int:pk>/targets/new/", views.target_create, name="target_create"),
    path("<int:pk>/template.xlsx", views.results_template, name="results_template"),
    path("<int:pk>/import/", views.results_import, name="results_import"),
    path("targets/<int:pk>/", views.target, name="target"),
    path("targets/<int:pk>/edit/", views.target_edit, name="target_edit"),
    path("targets/<int:pk>/phases/<int:phase>/results/", views.results, name="results"),
]
urlpatterns += [
    path("registrations/", views.registrations, name="registrations"),
    path("registrations/<int:pk>/action/", views.registration_action, name="registration_action"),
    path("nominations/", views.nominations, name="nominations"),
    path("nominations/<int:pk>/review/", views.nomination_review, name="nomination_review"),
    path("decisions/new/", views.decision_create, name="decision_create"),
]
urlpatterns += [
    path("<int:pk>/checklists/new/", views.checklist_create, name="checklist_create"),
    path("checklists/<int:pk>/", views.checklist, name="checklist"),
    path("exemplars/", views.exemplars, name="exemplars"),
]
