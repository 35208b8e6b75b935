from django.urls import path

from . import law_views, views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_register, name="register"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/law/", law_views.case_law, name="law"),
    path("<int:case_id>/law/<int:result_id>/print/", law_views.law_result_print, name="law_print"),
    path("<int:case_id>/transfer/", views.case_transfer, name="transfer"),
    path("<int:case_id>/transition/", views.case_transition, name="transition"),
    path("<int:case_id>/documents/", views.document_upload, name="document_upload"),
    path(
        "<int:case_id>/documents/<int:document_id>/",
        views.document_download,
        name="document_download",
    ),
]
