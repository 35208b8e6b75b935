from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from concord.api import api

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:list", permanent=False)),
    path("accounts/", include("concord.accounts.urls")),
    path("cases/", include("concord.cases.urls")),
    path("law/", include("concord.calculators.urls")),
    path("documents/", include("concord.documents.urls")),
    path("referrals/", include("concord.referrals.urls")),
    path("mediation/", include("concord.mediation.urls")),
    path("aftercare/", include("concord.aftercare.urls")),
    path("agreements/", include("concord.agreements.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
