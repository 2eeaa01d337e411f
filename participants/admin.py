from django.contrib import admin

from .models import Participant


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "is_active")
    list_filter = ("is_active", "kind", "country")
    search_fields = ("name",)
