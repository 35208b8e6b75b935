from django.urls import path

from . import views

app_name = "agreements"

urlpatterns = [
    path("case/<int:case_id>/", views.case_agreement, name="case"),
    path("case/<int:case_id>/new/", views.agreement_new, name="new"),
    path("<int:agreement_id>/", views.agreement_detail, name="detail"),
    path("<int:agreement_id>/edit/", views.agreement_edit, name="edit"),
    path("<int:agreement_id>/ready/", views.agreement_ready, name="ready"),
    path("<int:agreement_id>/sign/", views.agreement_sign, name="sign"),
    path("<int:agreement_id>/void/", views.agreement_void, name="void"),
    path(
        "<int:agreement_id>/pdf/<str:copy>/",
        views.agreement_pdf,
        name="pdf",
    ),
]
