from django.urls import path

from . import views

app_name = "aftercare"

urlpatterns = [
    path("", views.board, name="board"),
    path("case/<int:case_id>/", views.case_page, name="case"),
    path("<int:referral_id>/", views.page, name="page"),
    path("<int:referral_id>/plan/", views.plan_create, name="plan_create"),
    path("<int:referral_id>/contacts/", views.contact_add, name="contact_add"),
    path("<int:referral_id>/contacts/<int:contact_id>/", views.contact_edit, name="contact_edit"),
    path(
        "<int:referral_id>/contacts/<int:contact_id>/record/",
        views.contact_record,
        name="contact_record",
    ),
    path("<int:referral_id>/recurrence/", views.recurrence, name="recurrence"),
    path(
        "<int:referral_id>/alerts/<int:alert_id>/acknowledge/",
        views.alert_acknowledge,
        name="alert_acknowledge",
    ),
    path(
        "<int:referral_id>/aid/<int:party_id>/checklist/", views.aid_checklist, name="aid_checklist"
    ),
    path("<int:referral_id>/aid/<int:party_id>/apply/", views.aid_apply, name="aid_apply"),
]
