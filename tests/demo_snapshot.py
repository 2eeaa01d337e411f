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

A transactional test (the browser tests, the backup test) flushes the database
when it ends, and the content types and permissions that come back after a
flush have new ids; such tests load the demo content through the command
instead. pytest-django runs them after every test that uses a transaction, so
the copy is never used after a flush.
"""

import os

from django.core.management import call_command
from django.db import connection, transaction

SNAPSHOT_PREFIX = "zz_demo_"
EMPTY_PREFIX = "zz_empty_"


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

    @classmethod
    def build(cls):
        """Load the demo content once, keep a copy of what it changed, and undo it."""
        snapshot = cls()
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            tables = sorted(connection.introspection.table_names(cursor))
            tables = [t for t in tables if not t.startswith((SNAPSHOT_PREFIX, EMPTY_PREFIX))]
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
                    if not _differs(cursor, quote(table), empty[table], columns[table]):
                        continue
                    copy = quote(f"{SNAPSHOT_PREFIX}{n}")
                    cursor.execute(f"DROP TABLE IF EXISTS {copy}")
                    cursor.execute(
                        f"CREATE TABLE {copy} AS SELECT {columns[table]} FROM {quote(table)}"
                    )
                    cursor.execute(f"SELECT 1 WHERE EXISTS (SELECT 1 FROM {empty[table]})")
                    had_rows = cursor.fetchone() is not None
                    snapshot.tables.append((quote(table), copy, columns[table], had_rows))
                    # Back to the state the migrations left.
                    cursor.execute(f"DELETE FROM {quote(table)}")
                    _copy(cursor, empty[table], quote(table), columns[table])
                for table in tables:
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
