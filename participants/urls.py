from django.urls import path

from . import views

app_name = "participants"

urlpatterns = [
    path("", views.ParticipantListView.as_view(), name="list"),
    path("map/", views.ParticipantMapView.as_view(), name="map"),
    path("<slug:slug>/", views.ParticipantDetailView.as_view(), name="detail"),
]
