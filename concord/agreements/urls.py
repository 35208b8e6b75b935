from django.urls import path

from . import payment_views, views

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
    path("<int:agreement_id>/payments/", payment_views.payments, name="payments"),
    path("<int:agreement_id>/payments/new/", payment_views.payment_new, name="payment_new"),
    path(
        "<int:agreement_id>/payments/<int:payment_id>/confirm/",
        payment_views.payment_confirm,
        name="payment_confirm",
    ),
    path(
        "<int:agreement_id>/payments/<int:payment_id>/dispute/",
        payment_views.payment_dispute,
        name="payment_dispute",
    ),
    path(
        "<int:agreement_id>/payments/<int:payment_id>/receipt/",
        payment_views.payment_receipt,
        name="payment_receipt",
    ),
]
