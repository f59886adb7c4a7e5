from django.urls import include, path

app_name = "reporting"

urlpatterns = [
    path("documents/", include("reporting.documents.urls")),
]
