"""Search vectors stored by PostgreSQL, one per language, each with a GIN index.

Building every record's vector while searching reads and parses all the text
of every record: over 30 seconds at 30,000 articles. Instead each searched
table has one column per language, `search_vector_en` and `search_vector_fr`,
that PostgreSQL computes itself:

    search_vector_fr tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('alliance_french'::regconfig,
                  coalesce(nullif("title_fr"::text, ''), "title_en"::text, '')), 'A')
        || setweight(to_tsvector('alliance_french'::regconfig, ...), 'B') || ...
    ) STORED

The title weighs A and the other fields B; a French field left empty gives
way to the English one, as on the pages. PostgreSQL recomputes the column
whenever the row changes, whatever writes it (a form, `queryset.update()`, an
import, a restored backup), so nothing else has to keep it right: no signal,
no trigger.

A GIN index on each column finds the matching records. Ranking them then
reads the vector of every match, so the vector is kept in the row where it
fits (STORAGE MAIN) rather than fetched from the TOAST table, which makes
ranking 30,000 matches three to four times faster.

Django's GeneratedField cannot declare the columns: the same models run on
SQLite, which has no `to_tsvector`. So they are not model fields at all. A
migration in each searched app adds them with `AddSearchVectors`, which does
nothing on other databases, and the search reads them with `StoredVector`.
Django never selects them, and `makemigrations` does not see them.

What a kind searches (its `search.py`) and what its migration stores must
agree; tests/content/test_search.py compares them. To search other fields, add a
migration with `RemoveSearchVectors` then `AddSearchVectors` with the new
fields. The same pair surrounds a change of a searched column's type (a
longer title): PostgreSQL refuses to alter a column that a generated column
reads.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.backends.utils import truncate_name
from django.db.migrations.operations.base import Operation
from django.db.models import Expression
from modeltranslation.utils import build_localized_fieldname

# The text search configuration of each language; English is the fallback.
# Each is PostgreSQL's own with `unaccent` before the stemmer
# (search/migrations/0001_forgiving_configurations.py).
SEARCH_CONFIGS = {"en": "alliance_english", "fr": "alliance_french"}


def vector_column(language):
    return f"search_vector_{language}"


def vector_index(table, language, connection):
    return truncate_name(f"{table}_{vector_column(language)}", connection.ops.max_name_length())


def columns(model, fields, language):
    """For each field, its column in `language` and its English column (the same one
    when the field is not translated)."""
    names = {field.name for field in model._meta.get_fields()}

    def column(field, code):
        localized = build_localized_fieldname(field, code)
        return model._meta.get_field(localized if localized in names else field).column

    return [(column(field, language), column(field, "en")) for field in fields]


def vector_sql(columns, config, quote_name):
    """The SQL of the vector of `columns` (from `columns()`), the first weighing A."""

    def text(local, english):
        if local == english:
            return f"coalesce({quote_name(english)}::text, '')"
        return f"coalesce(nullif({quote_name(local)}::text, ''), {quote_name(english)}::text, '')"

    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, {text(*pair)}), '{'A' if i == 0 else 'B'}')"
        for i, pair in enumerate(columns)
    )


class AddSearchVectors(Operation):
    """Add a model's stored search vectors and their indexes, on PostgreSQL only.

    `fields` as the kind names them, title first; `configs` maps each language
    to its text search configuration.
    """

    reversible = True

    def __init__(self, model_name, fields, configs):
        self.model_name = model_name
        self.fields = tuple(fields)
        self.configs = dict(configs)

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self.add(app_label, schema_editor, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self.remove(app_label, schema_editor, from_state)

    def describe(self):
        return f"Add stored search vectors to {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name.lower()}_search_vectors"

    def model(self, app_label, schema_editor, state, vendor="postgresql"):
        """The model, where the operation applies: None on other databases."""
        connection = schema_editor.connection
        model = state.apps.get_model(app_label, self.model_name)
        if connection.vendor != vendor or not self.allow_migrate_model(connection.alias, model):
            return None
        return model

    def add(self, app_label, schema_editor, state):
        add_sqlite_index(
            self.model(app_label, schema_editor, state, "sqlite"),
            self.fields,
            self.configs,
            schema_editor,
        )
        model = self.model(app_label, schema_editor, state)
        if model is None:
            return
        quote = schema_editor.quote_name
        table = model._meta.db_table
        for language, config in self.configs.items():
            vector = vector_sql(columns(model, self.fields, language), config, quote)
            column = quote(vector_column(language))
            schema_editor.execute(
                f"ALTER TABLE {quote(table)} ADD COLUMN {column} tsvector "
                f"GENERATED ALWAYS AS ({vector}) STORED, ALTER COLUMN {column} SET STORAGE MAIN"
            )
            index = quote(vector_index(table, language, schema_editor.connection))
            schema_editor.execute(f"CREATE INDEX {index} ON {quote(table)} USING gin ({column})")

    def remove(self, app_label, schema_editor, state):
        remove_sqlite_index(
            self.model(app_label, schema_editor, state, "sqlite"), self.configs, schema_editor
        )
        model = self.model(app_label, schema_editor, state)
        if model is None:
            return
        quote = schema_editor.quote_name
        for language in self.configs:
            # The index goes with its column.
            schema_editor.execute(
                f"ALTER TABLE {quote(model._meta.db_table)} "
                f"DROP COLUMN {quote(vector_column(language))}"
            )


class RemoveSearchVectors(AddSearchVectors):
    """Drop what `AddSearchVectors` added (with the same arguments, to be reversible)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self.remove(app_label, schema_editor, from_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self.add(app_label, schema_editor, to_state)

    def describe(self):
        return f"Remove stored search vectors from {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"remove_{self.model_name.lower()}_search_vectors"


class StoredVector(Expression):
    """The queried model's stored search vector in `language` (a column it does not declare)."""

    output_field = SearchVectorField()

    def __init__(self, language, alias=None):
        super().__init__()
        self.language = language
        self.alias = alias

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        return StoredVector(self.language, query.get_initial_alias())

    def relabeled_clone(self, relabels):
        return StoredVector(self.language, relabels.get(self.alias, self.alias))

    def as_sql(self, compiler, connection):
        column = connection.ops.quote_name(vector_column(self.language))
        return f"{compiler.quote_name_unless_alias(self.alias)}.{column}", []

    def get_group_by_cols(self):
        return [self]


# SQLite: a full-text index of stems per language, kept by triggers.
#
# SQLite has no stemmer of its own for French. Each searched table gets, per
# language, an FTS5 table `<table>_search_<language>` whose rows (by the
# record's id) hold the folded, stemmed words of the title and of the other
# fields, computed by `search_stems()` (search/stems.py, registered on every
# connection). Triggers keep it right on every insert, update and delete.
# Rebuilding a table, as Django's SQLite schema editor does for most changes of
# a column, drops its triggers: surround such a migration with
# `RemoveSearchVectors` and `AddSearchVectors`, as for PostgreSQL.


def sqlite_index(table, language):
    return f"{table}_search_{language}"


def sqlite_texts(columns, quote_name, prefix=""):
    """The SQL of the title's text and of the other fields' text, for `columns()`."""

    def text(local, english):
        if local == english:
            return f"coalesce({prefix}{quote_name(english)}, '')"
        return (
            f"coalesce(nullif({prefix}{quote_name(local)}, ''), {prefix}{quote_name(english)}, '')"
        )

    title, *others = (text(*pair) for pair in columns)
    return title, " || ' ' || ".join(others) if others else "''"


def add_sqlite_index(model, fields, configs, schema_editor):
    if model is None:
        return
    quote = schema_editor.quote_name
    table = model._meta.db_table
    pk = quote(model._meta.pk.column)
    for language in configs:
        index = quote(sqlite_index(table, language))
        pairs = columns(model, fields, language)
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {index} USING fts5(title, text, "
            "tokenize='unicode61 remove_diacritics 0')"
        )
        title, text = sqlite_texts(pairs, quote)
        schema_editor.execute(
            f"INSERT INTO {index} (rowid, title, text) SELECT {pk}, "
            f"search_stems('{language}', {title}), search_stems('{language}', {text}) "
            f"FROM {quote(table)}"
        )
        new_title, new_text = sqlite_texts(pairs, quote, "NEW.")
        insert = (
            f"INSERT INTO {index} (rowid, title, text) VALUES (NEW.{pk}, "
            f"search_stems('{language}', {new_title}), search_stems('{language}', {new_text}));"
        )
        delete = f"DELETE FROM {index} WHERE rowid = OLD.{pk};"
        for event, body in (
            ("INSERT", insert),
            ("UPDATE", delete + " " + insert),
            ("DELETE", delete),
        ):
            trigger = quote(f"{sqlite_index(table, language)}_{event.lower()}")
            schema_editor.execute(
                f"CREATE TRIGGER {trigger} AFTER {event} ON {quote(table)} BEGIN {body} END"
            )


def remove_sqlite_index(model, configs, schema_editor):
    if model is None:
        return
    quote = schema_editor.quote_name
    table = model._meta.db_table
    for language in configs:
        for event in ("insert", "update", "delete"):
            trigger = quote(f"{sqlite_index(table, language)}_{event}")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {quote(sqlite_index(table, language))}")
