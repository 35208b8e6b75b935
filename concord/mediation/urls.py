from django.urls import path

from . import views

app_name = "mediation"

urlpatterns = [
    path("mine/", views.own_list, name="mine"),
    path("supervision/", views.supervision_list, name="supervision"),
    path("referrals/<int:referral_id>/", views.referral_sessions, name="referral"),
    path("cases/<int:case_id>/", views.case_sessions, name="case"),
    path("sessions/<int:session_id>/", views.session_detail, name="detail"),
    path("sessions/<int:session_id>/start/", views.session_start, name="start"),
    path("sessions/<int:session_id>/conclude/", views.session_conclude, name="conclude"),
    path("sessions/<int:session_id>/cancel/", views.session_cancel, name="cancel"),
    path("sessions/<int:session_id>/minutes/", views.minute_add, name="minute_add"),
    path(
        "sessions/<int:session_id>/minutes/<int:entry_id>/", views.minute_edit, name="minute_edit"
    ),
    path("sessions/<int:session_id>/steps/<int:number>/done/", views.step_done, name="step_done"),
    path("sessions/<int:session_id>/steps/<int:number>/skip/", views.step_skip, name="step_skip"),
    path("sessions/<int:session_id>/caucus/", views.caucus_add, name="caucus"),
    path("sessions/<int:session_id>/supervision/", views.supervision_add, name="supervise"),
    path(
        "sessions/<int:session_id>/supervision/<int:record_id>/answer/",
        views.suggestion_answer,
        name="answer",
    ),
]
