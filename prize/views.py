from collections import Counter

from django.db.models import Prefetch
from django.views.generic import ListView

from .models import PrizeEdition, PrizeWinner


class PrizeView(ListView):
    """Every edition with its winners: two queries."""

    template_name = "prize/index.html"
    context_object_name = "editions"

    def get_queryset(self):
        winners = PrizeWinner.objects.select_related("participant")
        return PrizeEdition.objects.prefetch_related(Prefetch("winners", queryset=winners))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for edition in context["editions"]:
            shared = Counter(winner.rank for winner in edition.winners.all())
            for winner in edition.winners.all():
                winner.is_joint = winner.rank is not None and shared[winner.rank] > 1
        return context
