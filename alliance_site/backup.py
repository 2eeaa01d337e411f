"""Back up and restore the whole site: the database and the uploaded files.

A backup is one .tar.gz archive holding
  manifest.json   when it was made, and the migrations the database had;
  data.json       every record, as `dumpdata` writes it with natural keys, so
                  it loads into any database engine (SQLite or PostgreSQL);
  files/<SETTING>/...  the uploaded files, under the name of the setting that
                  locates their folder (MEDIA_ROOT, PRIVATE_MEDIA_ROOT).
Restoring needs an empty database at the same migrations (`migrate` on a new
database gives one) and the same version of the code.
"""

import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone, translation

FORMAT = 1
# Settings that name a folder of uploaded files.
FILE_ROOT_SETTINGS = ["MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"]
# Rebuilt by `migrate` (content types, permissions) or not worth keeping
# (login sessions, the login-failure log).
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "axes"]
# What a freshly migrated database already holds.
# (practices.theme: the seven themes come with their migration.)
CREATED_BY_MIGRATE = {
    "contenttypes.contenttype",
    "auth.permission",
    "auth.group",
    "practices.theme",
}


class BackupError(Exception):
    pass


def file_roots():
    roots = {}
    for name in FILE_ROOT_SETTINGS:
        value = getattr(settings, name, None)
        if value:
            roots[name] = Path(value)
    return roots


def applied_migrations(using=DEFAULT_DB_ALIAS):
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def create_backup(archive_path, using=DEFAULT_DB_ALIAS):
    """Write the archive; returns (number of records, number of files)."""
    archive_path = Path(archive_path)
    archive_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "data.json"
        # modeltranslation writes a translated field's plain name in the active
        # language: the default one, whoever calls.
        with translation.override(settings.LANGUAGE_CODE):
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=NOT_BACKED_UP,
                database=using,
                output=str(data),
                verbosity=0,
            )
        records = len(json.loads(data.read_text()))
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "migrations": applied_migrations(using),
        }
        (Path(work) / "manifest.json").write_text(json.dumps(manifest, indent=1))
        files = 0
        partial = archive_path.with_name(archive_path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / "manifest.json", "manifest.json")
            archive.add(data, "data.json")
            for name, root in file_roots().items():
                for path in sorted(root.rglob("*")) if root.is_dir() else []:
                    if path.is_file() and not path.is_symlink():
                        archive.add(path, f"files/{name}/{path.relative_to(root).as_posix()}")
                        files += 1
        partial.replace(archive_path)  # never a half-written archive under the real name
    return records, files


def content_rows(using=DEFAULT_DB_ALIAS):
    """Models that hold records a fresh database would not have, with their counts."""
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in CREATED_BY_MIGRATE or model._meta.app_label in NOT_BACKED_UP:
            continue
        if label in NOT_BACKED_UP:
            continue
        count = model._default_manager.using(using).count()
        if count:
            counts[label] = count
    return counts


def safe_members(archive):
    """The archive's regular files, refusing any that would land outside its folder."""
    members = []
    for member in archive.getmembers():
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts:
            raise BackupError(f"The archive holds a path outside its folder: {member.name}")
        if member.isfile():
            members.append(member)
        elif not member.isdir():
            raise BackupError(f"The archive holds a link or a device: {member.name}")
    return members


def restore_backup(archive_path, using=DEFAULT_DB_ALIAS):
    """Load the archive into an empty database; returns (records, files)."""
    if rows := content_rows(using):
        raise BackupError(
            "The database is not empty (it holds "
            + ", ".join(f"{count} {label}" for label, count in sorted(rows.items()))
            + "). Restore into a new database: create it, run `migrate`, then restore."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path, "r:gz") as archive:
        members = safe_members(archive)
        for member in members:
            archive.extract(member, work, set_attrs=False)
        work = Path(work)
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format: {manifest.get('format')}")
        missing = set(manifest["migrations"]) - set(applied_migrations(using))
        if missing:
            raise BackupError(
                "The backup was made with migrations this database does not have "
                f"({', '.join(sorted(missing))}): run `migrate` with the code that made it."
            )
        call_command("loaddata", str(work / "data.json"), database=using, verbosity=0)
        records = len(json.loads((work / "data.json").read_text()))
        files = 0
        roots = file_roots()
        for member in members:
            parts = PurePosixPath(member.name).parts
            if parts[0] != "files" or len(parts) < 3:
                continue
            if parts[1] not in roots:
                raise BackupError(f"No setting {parts[1]} to restore its files into.")
            target = roots[parts[1]].joinpath(*parts[2:])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / member.name, target)
            files += 1
    return records, files
