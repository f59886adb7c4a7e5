from django.urls import path

from . import views

# Included at /reporting/documents/ in the ``reporting`` namespace.
urlpatterns = [
    path("<slug:source>/<int:pk>/preview/", views.document_preview, name="document_preview"),
    path("<slug:source>/<int:pk>/<slug:fmt>/", views.document_request, name="document_request"),
    path("<int:pk>/status/", views.document_status, name="document_status"),
    path("<int:pk>/download/", views.document_download, name="document_download"),
    path("<int:pk>/retry/", views.document_retry, name="document_retry"),
]
