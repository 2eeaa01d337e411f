from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Participant


@admin.register(Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "country", "is_active")
    list_filter = ("is_active", "kind", "country")
    search_fields = ("name",)
