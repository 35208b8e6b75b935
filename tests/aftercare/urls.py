from django.urls import include, path

from concord.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    *[p for p in project_urlpatterns if str(p.pattern) != "aftercare/"],
    path("aftercare/", include("concord.aftercare.urls")),
]
