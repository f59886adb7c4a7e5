from django.urls import include, path

from . import views

app_name = "plans"

urlpatterns = [
    path("import/", include("plans.importing.urls")),
]
