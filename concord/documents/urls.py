from __future__ import annotations

from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("outbox/", views.outbox, name="outbox"),
    path("<int:version_id>/pdf", views.download, {"fmt": "pdf"}, name="pdf"),
    path("<int:version_id>/docx", views.download, {"fmt": "docx"}, name="docx"),
    path("receipts/<int:receipt_id>/acknowledge", views.acknowledge, name="acknowledge"),
]
