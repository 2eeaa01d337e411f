"""The agenda: /{lang}/events/, and its calendar to subscribe to."""

from django.urls import path

from . import calendar, views

app_name = "events"

urlpatterns = [
    path("", views.AgendaView.as_view(), name="list"),
    path("calendar.ics", calendar.calendar_feed, name="calendar"),
]
