"""Driving the admin's spreadsheet import as a member of staff does."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from import_export.formats import base_formats

FORMATS = {"csv": "0", "xlsx": "1"}  # the order of SpreadsheetImportExportMixin.formats


def log_in_staff(client):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return user


def preview(client, changelist, content, filename):
    """Upload a file: the admin answers with its preview, nothing written yet."""
    extension = filename.rsplit(".", 1)[-1]
    return client.post(
        f"{changelist}import/",
        {
            "resource": "0",
            "format": FORMATS[extension],
            "import_file": SimpleUploadedFile(filename, content),
        },
    )


def confirm(client, changelist, preview_response):
    """Press "Confirm import" on a preview."""
    form = preview_response.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(f"{changelist}process_import/", data, follow=True)


def export(resource, fmt):
    """The file the admin's export gives, as bytes."""
    dataset = resource.export()
    if fmt == "csv":
        return base_formats.CSV().export_data(dataset).encode("utf-8-sig")
    return base_formats.XLSX().export_data(dataset)


def totals(preview_response):
    return dict(preview_response.context["result"].totals)
