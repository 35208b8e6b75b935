from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("sent/", views.sent_list, name="sent"),
    path("triage/", views.triage_board, name="triage"),
    path("queue/", views.queue, name="queue"),
    path("new/<int:case_id>/", views.referral_new, name="new"),
    path("<int:referral_id>/", views.referral_detail, name="detail"),
    path("<int:referral_id>/triage/", views.referral_triage, name="triage_action"),
    path("<int:referral_id>/assign/", views.referral_assign, name="assign"),
    path("<int:referral_id>/consents/<int:consent_id>/", views.referral_consent, name="consent"),
    path(
        "<int:referral_id>/legal-aid/<int:offer_id>/", views.legal_aid_apply, name="legal_aid_apply"
    ),
    path("<int:referral_id>/outcome/", views.referral_outcome, name="outcome"),
    path("<int:referral_id>/feedback/", views.referral_feedback, name="feedback"),
    path("<int:referral_id>/decision/", views.referral_decide, name="decide"),
]
