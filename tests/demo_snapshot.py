"""The demo content, built once per test run and copied back in SQL for each test.

`load_demo_content` saves every record through the ORM (translations, content
history, tags): a quarter of a second, which over some three hundred tests was
most of the suite's time. Instead the first test that asks for the demo content
builds it once in the test database and keeps a copy of every table it changed
in a table of its own (`zz_demo_<n>`); the database is then put back as the
migrations left it. Each test that asks for the demo content copies those
tables back inside its own transaction (`INSERT ... SELECT`, on the database
server), and its rollback removes them again. Tests that do not ask see the
database as the migrations left it, as before.

It works the same on SQLite and PostgreSQL:
- columns that PostgreSQL computes itself (the search vectors) are left out of
  every copy, and PostgreSQL computes them again as the rows go back in; on
  SQLite the search indexes are not copied either, as the triggers of the
  tables they index fill them again;
- on PostgreSQL the sequences stay past the demo records' ids (building them
  used those numbers), so a record a test creates never takes a demo record's
  id; on SQLite the AUTOINCREMENT counters are put back with the rows, and an
  inserted id moves them on.

A transactional test (the browser tests, the backup test) commits, and
flushes the database when it ends; the content types, permissions and staff
groups that come back after a flush have new ids, and the rows the migrations
wrote (practice themes) do not come back. So the build also keeps a copy
(`zz_base_<n>`) of every other table the migrations left rows in, and such a
test gets every one of those tables back as the copies hold them, ids
included, in one committed transaction (`restore_committed`).
"""

import os

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

SNAPSHOT_PREFIX = "zz_demo_"
EMPTY_PREFIX = "zz_empty_"
BASE_PREFIX = "zz_base_"
PREFIXES = (SNAPSHOT_PREFIX, EMPTY_PREFIX, BASE_PREFIX)


def _columns(cursor, table):
    """The columns a copy writes: every column but those the database computes."""
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s "
            "AND is_generated = 'NEVER' ORDER BY ordinal_position",
            [table],
        )
        names = [row[0] for row in cursor.fetchall()]
    else:
        names = [
            column.name for column in connection.introspection.get_table_description(cursor, table)
        ]
    return ", ".join(connection.ops.quote_name(name) for name in names)


def _copy(cursor, source, target, columns):
    cursor.execute(f"INSERT INTO {target} ({columns}) SELECT {columns} FROM {source}")


def _has_rows(cursor, table):
    cursor.execute(f"SELECT 1 WHERE EXISTS (SELECT 1 FROM {table})")
    return cursor.fetchone() is not None


def _differs(cursor, table, copy, columns):
    one_way = "EXISTS (SELECT {c} FROM {a} EXCEPT SELECT {c} FROM {b})"
    cursor.execute(
        f"SELECT 1 WHERE {one_way.format(c=columns, a=table, b=copy)} "
        f"OR {one_way.format(c=columns, a=copy, b=table)}"
    )
    return cursor.fetchone() is not None


class DemoSnapshot:
    """The tables the demo content changes, each with its copy."""

    def __init__(self):
        # (table, its copy, the columns copied, whether the migrations left rows in it)
        self.tables = []
        # (table, its copy, the columns copied): the tables the migrations left rows
        # in and the demo content left as they were
        self.base_tables = []

    @classmethod
    def build(cls):
        """Load the demo content once, keep a copy of what it changed, and undo it."""
        snapshot = cls()
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            tables = sorted(connection.introspection.table_names(cursor))
            tables = [t for t in tables if not t.startswith(PREFIXES)]
            tables = [t for t in tables if not _kept_by_triggers(cursor, t)]
            columns = {table: _columns(cursor, table) for table in tables}
            empty = {table: quote(f"{EMPTY_PREFIX}{n}") for n, table in enumerate(tables)}
            counters = _sqlite_counters(cursor)
            with transaction.atomic():
                for table in tables:
                    cursor.execute(f"DROP TABLE IF EXISTS {empty[table]}")
                    cursor.execute(
                        f"CREATE TABLE {empty[table]} AS SELECT {columns[table]} "
                        f"FROM {quote(table)}"
                    )
            with open(os.devnull, "w") as devnull:
                call_command("load_demo_content", stdout=devnull)
            with transaction.atomic():
                for n, table in enumerate(tables):
                    had_rows = _has_rows(cursor, empty[table])
                    if not _differs(cursor, quote(table), empty[table], columns[table]):
                        if had_rows:
                            base = quote(f"{BASE_PREFIX}{n}")
                            cursor.execute(f"DROP TABLE IF EXISTS {base}")
                            cursor.execute(f"ALTER TABLE {empty[table]} RENAME TO {base}")
                            snapshot.base_tables.append((quote(table), base, columns[table]))
                        continue
                    copy = quote(f"{SNAPSHOT_PREFIX}{n}")
                    cursor.execute(f"DROP TABLE IF EXISTS {copy}")
                    cursor.execute(
                        f"CREATE TABLE {copy} AS SELECT {columns[table]} FROM {quote(table)}"
                    )
                    snapshot.tables.append((quote(table), copy, columns[table], had_rows))
                    # Back to the state the migrations left.
                    cursor.execute(f"DELETE FROM {quote(table)}")
                    _copy(cursor, empty[table], quote(table), columns[table])
                kept = {table for table, _copy, _columns in snapshot.base_tables}
                for table in tables:
                    if quote(table) not in kept:
                        cursor.execute(f"DROP TABLE {empty[table]}")
                _restore_sqlite_counters(cursor, counters)
        return snapshot

    def restore(self):
        """Put the demo content in the database, inside the current transaction.

        A table the migrations left empty keeps what the test wrote in it before."""
        with connection.cursor() as cursor:
            for table, copy, columns, had_rows in self.tables:
                if had_rows:
                    cursor.execute(f"DELETE FROM {table}")
                _copy(cursor, copy, table, columns)

    def restore_committed(self):
        """Put the database as the build left it with the demo content, and commit:
        for a transactional test, after whatever an earlier one's flush left."""
        with transaction.atomic(), connection.cursor() as cursor:
            for table, copy, columns, _had_rows in self.tables:
                cursor.execute(f"DELETE FROM {table}")
                _copy(cursor, copy, table, columns)
            for table, copy, columns in self.base_tables:
                cursor.execute(f"DELETE FROM {table}")
                _copy(cursor, copy, table, columns)
        # The ids of the content types are those of the copy again.
        ContentType.objects.clear_cache()


def _kept_by_triggers(cursor, table):
    """SQLite's search indexes (FTS5 tables and their shadow tables) follow the rows
    of the table they index through its triggers: copying them too would index
    every row twice."""
    if connection.vendor != "sqlite":
        return False
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%%'"
    )
    indexes = [row[0] for row in cursor.fetchall()]
    return any(table == index or table.startswith(f"{index}_") for index in indexes)


def _sqlite_counters(cursor):
    """SQLite's AUTOINCREMENT counters (None elsewhere, or before the first insert)."""
    if connection.vendor != "sqlite":
        return None
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")
    if cursor.fetchone() is None:
        return []
    cursor.execute("SELECT name, seq FROM sqlite_sequence")
    return cursor.fetchall()


def _restore_sqlite_counters(cursor, counters):
    """Give SQLite's counters back the values they had: the demo content used none."""
    if counters is None:
        return
    cursor.execute("DELETE FROM sqlite_sequence")
    cursor.executemany("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", counters)
