"""The project's URLs plus the mediation app's, until concord/urls.py includes them."""

from django.urls import include, path

from concord.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("mediation/", include("concord.mediation.urls")),
    *project_urlpatterns,
]
