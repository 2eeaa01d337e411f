from django.urls import path

from . import views

app_name = "prize"

urlpatterns = [
    path("", views.PrizeView.as_view(), name="index"),
]
