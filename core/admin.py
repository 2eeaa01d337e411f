"""What the content apps' admin classes share."""


class StableSlugAdmin:
    """A ModelAdmin mixin for a `core.models.SluggedModel`: a published address is
    read-only, since links from elsewhere point at it."""

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_address_published:
            fields += ("slug",)
        return fields
