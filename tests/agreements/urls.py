"""The project's URLs with the agreements app mounted, until concord/urls.py includes it."""

from django.urls import include, path

from concord.urls import urlpatterns as project

urlpatterns = [*project, path("agreements/", include("concord.agreements.urls"))]
