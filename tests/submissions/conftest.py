"""What every test of the public forms and their moderation starts from."""

import pytest


@pytest.fixture(autouse=True)
def _temporary_folders(settings, tmp_path):
    """Uploads of a test go to its own folders, never to the project's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def moderator(django_user_model):
    """A superuser who decides on submissions."""
    return django_user_model.objects.create_superuser("moderator", "moderator@example.org", "x")
