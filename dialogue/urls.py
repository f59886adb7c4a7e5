from django.urls import path

from . import views

app_name = "dialogue"

urlpatterns = [
    path("", views.session_list, name="sessions"),
    path("sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/held/", views.session_held, name="session_held"),
    path("sessions/<int:pk>/approve/", views.minutes_approve, name="minutes_approve"),
    path("sessions/<int:pk>/entries/", views.entry_create, name="entry_create"),
    path("sessions/<int:pk>/questions/", views.moderation, name="moderation"),
    path("sessions/<int:pk>/questions/<int:question_pk>/", views.question_moderate, name="question_moderate"),
    path("follow-ups/", views.follow_up_list, name="followups"),
    path("follow-ups/<int:pk>/resolve/", views.follow_up_resolve, name="followup_resolve"),
    path("petitions/", views.petition_list, name="petitions"),
    path("petitions/new/", views.petition_create, name="petition_create"),
    path("petitions/<int:pk>/", views.petition_detail, name="petition_detail"),
    path("petitions/<int:pk>/action/", views.petition_action, name="petition_action"),
    path("reception/", views.reception_list, name="receptions"),
    # the public page: no login, its own layout
    path("public/", views.public_home, name="public_home"),
    path("public/sessions/<int:pk>/", views.public_session, name="public_session"),
    path("public/track/", views.public_track, name="public_track"),
]
