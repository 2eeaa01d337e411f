from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "submissions"

urlpatterns = [
    path("join/", views.JoinView.as_view(), name="join"),
    path(
        "join/thanks/",
        views.ThanksView.as_view(title=_("Thank you for your request to join the Alliance")),
        name="join_thanks",
    ),
    path("cooperate/", views.CooperateView.as_view(), name="cooperate"),
    path(
        "cooperate/thanks/",
        views.ThanksView.as_view(title=_("Thank you for your proposal for cooperation")),
        name="cooperate_thanks",
    ),
    path("declaration/sign/", views.SignView.as_view(), name="sign"),
    path(
        "declaration/sign/thanks/",
        views.ThanksView.as_view(title=_("Thank you for signing the Declaration")),
        name="sign_thanks",
    ),
    path("good-practices/propose/", views.PracticeView.as_view(), name="practice"),
    path(
        "good-practices/propose/thanks/",
        views.ThanksView.as_view(title=_("Thank you for proposing a good practice")),
        name="practice_thanks",
    ),
    path("partners/", views.PartnerListView.as_view(), name="partners"),
]
