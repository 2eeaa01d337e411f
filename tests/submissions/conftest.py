"""What every test of the public forms and their moderation starts from."""

import pytest


@pytest.fixture(autouse=True)
def _temporary_folders(temporary_folders):
    """Uploads of every test here go to its own folders."""


@pytest.fixture
def moderator(django_user_model):
    """A superuser who decides on submissions."""
    return django_user_model.objects.create_superuser("moderator", "moderator@example.org", "x")
