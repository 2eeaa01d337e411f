from django.urls import path

from . import views

app_name = "countries"

urlpatterns = [
    path("", views.CountryIndexView.as_view(), name="index"),
    # The ISO 3166-1 alpha-2 code in lower case: /en/countries/fr/.
    path("<slug:code>/", views.CountryDetailView.as_view(), name="detail"),
]
