from django.urls import path

from . import views

app_name = "calculators"

urlpatterns = [
    path("", views.calculators_page, name="page"),
    path("parameters/", views.parameters_page, name="parameters"),
]
