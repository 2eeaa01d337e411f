from django.urls import path

from . import views

app_name = "declaration"

urlpatterns = [
    path("", views.DeclarationView.as_view(), name="index"),
    path(
        "translations/<slug:language>/",
        views.DeclarationTranslationView.as_view(),
        name="translation",
    ),
]
