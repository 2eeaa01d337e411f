"""A backup restored into an empty database gives the same site."""

import io
import json
import os
import re
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from alliance_site.backup import NOT_BACKED_UP, content_rows
from pages.models import SiteSettings
from participants.models import Participant

BASE_DIR = Path(__file__).resolve().parents[2]


def site_records():
    """Every record, with natural keys, as a comparable list.

    In the default language, as `manage.py` runs: modeltranslation serialises a
    translated field's untranslated name in the active language.
    """
    out = StringIO()
    with translation.override("en"):
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            exclude=NOT_BACKED_UP,
            stdout=out,
            verbosity=0,
        )
    return comparable(out.getvalue())


def comparable(dumped):
    """Records as sorted strings. The JSON dump keeps times to the millisecond, so a
    time with less than a millisecond of microseconds comes back as a whole second:
    both are written with milliseconds here."""
    records = (json.dumps(record, sort_keys=True) for record in json.loads(dumped))
    return sorted(re.sub(r'(T\d\d:\d\d:\d\d)Z"', r'\1.000Z"', r) for r in records)


def media_files(root):
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (settings.MEDIA_ROOT / "news" / "2019").mkdir(parents=True)
    (settings.MEDIA_ROOT / "news" / "2019" / "lviv.jpg").write_bytes(b"\xff\xd8\xff\xe0 photo")
    (settings.MEDIA_ROOT / "documents").mkdir()
    (settings.MEDIA_ROOT / "documents" / "déclaration.pdf").write_bytes(b"%PDF-1.4 text")
    return settings.MEDIA_ROOT


@pytest.fixture
def a_site(transactional_db, demo_content, media_root, django_user_model, client):
    """The demo content, a few participants, an editor and an edit in the history."""
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    for name, kind, country, active in [
        ("Exampleville", "city", "FR", True),
        ("Sampleton", "municipality", "GR", True),
        ("Testshire", "region", "FR", False),
    ]:
        Participant.objects.create(name=name, kind=kind, country=country, is_active=active)
    settings = SiteSettings.load()
    settings.contact_name = "Ms Ada Example"
    settings._history_user = editor
    settings.save()
    return {lang: client.get(f"/{lang}/").content for lang in ("en", "fr")}


def test_restoring_into_an_empty_database_gives_the_same_site(a_site, media_root, tmp_path, client):
    records, files = site_records(), media_files(media_root)
    archive = tmp_path / "backup.tar.gz"
    out = StringIO()
    call_command("backup_site", str(archive), stdout=out)
    assert f"{len(records)} records, 2 files" in out.getvalue()

    call_command("flush", interactive=False, verbosity=0)  # an empty database
    for path in media_root.rglob("*"):
        if path.is_file():
            path.unlink()
    assert content_rows() == {}

    call_command("restore_site", str(archive), stdout=StringIO())
    assert site_records() == records
    assert media_files(media_root) == files
    for lang, page in a_site.items():
        assert client.get(f"/{lang}/").content == page
    history = SiteSettings.history.order_by("history_date")
    assert history.last().history_user.username == "editor"
    assert client.login(username="editor", password="x")


def test_a_backup_restores_into_a_new_sqlite_database(a_site, media_root, tmp_path):
    """Whatever the engine of the site's database, the archive loads into a new SQLite one."""
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", str(archive), stdout=StringIO())
    new_media = tmp_path / "new-media"
    environment = dict(
        os.environ,
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'new.sqlite3'}",
        MEDIA_ROOT=str(new_media),
        CACHE_URL="locmemcache://",
    )
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def manage(*arguments):
        result = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--noinput")
    manage("restore_site", str(archive))
    dumped = manage(
        "dumpdata", "--natural-foreign", "--natural-primary",
        *[f"--exclude={label}" for label in NOT_BACKED_UP],
    )  # fmt: skip
    restored = comparable(dumped)
    original = site_records()
    assert set(restored) - set(original) == set()
    assert set(original) - set(restored) == set()
    assert restored == original
    assert media_files(new_media) == media_files(media_root)


def test_restoring_refuses_a_database_that_is_not_empty(a_site, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", str(archive), stdout=StringIO())
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_site", str(archive), stdout=StringIO())


def crafted_archive(path, name, data=b"x"):
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["../escape.txt", "/etc/escape.txt", "files/MEDIA_ROOT/../../x"])
def test_restoring_refuses_an_archive_that_writes_elsewhere(tmp_path, name, media_root):
    archive = tmp_path / "evil.tar.gz"
    crafted_archive(archive, name)
    with pytest.raises(CommandError, match="outside"):
        call_command("restore_site", str(archive), stdout=StringIO())
    assert not (tmp_path / "escape.txt").exists()


@pytest.mark.django_db
def test_restoring_a_missing_archive_says_so(tmp_path):
    with pytest.raises(CommandError):
        call_command("restore_site", str(tmp_path / "nothing.tar.gz"), stdout=StringIO())
