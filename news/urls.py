from django.urls import path

from . import calendar, feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("feed/rss/", feeds.rss_feed, name="feed_rss"),
    path("feed/atom/", feeds.atom_feed, name="feed_atom"),
    # Tag slugs keep non-Latin letters (taggit allows Unicode), which <slug:> refuses.
    path("tag/<str:tag>/", views.TagView.as_view(), name="tag"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("<slug:slug>/calendar.ics", calendar.event_calendar, name="calendar"),
]
