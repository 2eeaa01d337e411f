"""What staff may do in the admin beyond the list and the forms, checked against their permissions.

django-import-export lets any staff account import and export unless told
otherwise; here an import needs both the add and the change permission of the
model (it creates and updates records), and an export the view permission.
"""


class ModelPermissionImportExportMixin:
    """For an admin class with ImportExportMixin: import and export as the model allows."""

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)
